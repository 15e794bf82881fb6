import AlpacaIgnore
import Foundation
import Testing

/// Walk rules that the differential test cannot reach: tracked files, links, special files, limits.
@Suite struct WalkerTests {
    /// Options that keep the user's global git configuration out of the tests.
    static let isolated = WalkOptions(excludesFile: .none)

    static func walk(_ path: String, _ options: WalkOptions = isolated) throws -> [WalkEntry] {
        try Walker(scanPath: path, options: options).entries()
    }

    static func paths(_ entries: [WalkEntry]) -> [String] { entries.map(\.repoRelativePath) }

    @Test func trackedButIgnoredFileIsYielded() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "*.env\nsecrets/\n")
        try tree.file("a.env")
        try tree.file("b.env")
        try tree.file("ok.txt")
        try tree.file("secrets/k.txt")
        try tree.file("secrets/other.txt")
        try tree.file("secrets/deeper/t.txt")
        var options = Self.isolated
        options.trackedFiles = ["a.env", "secrets/deeper/t.txt"]
        let entries = try Self.walk(tree.root, options)
        #expect(Self.paths(entries) == [".gitignore", "a.env", "ok.txt", "secrets/deeper/t.txt"])
        #expect(entries.first { $0.repoRelativePath == "a.env" }?.isIgnored == true)
        #expect(entries.first { $0.repoRelativePath == "ok.txt" }?.isIgnored == false)
    }

    @Test func scanningSubdirectoryHonoursRootGitignore() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "*.log\n/src/gen/\n")
        try tree.file("src/a.py")
        try tree.file("src/b.log")
        try tree.file("src/gen/c.py")
        try tree.file("src/sub/.gitignore", "*.tmp\n")
        try tree.file("src/sub/d.tmp")
        try tree.file("src/sub/e.py")
        let entries = try Self.walk(tree.path("src"))
        #expect(Self.paths(entries) == ["src/a.py", "src/sub/.gitignore", "src/sub/e.py"])
        #expect(try Self.walk(tree.path("src/gen")).isEmpty)
    }

    @Test func symlinkLoopTerminatesAndIsSkipped() throws {
        let tree = try TemporaryTree()
        try tree.file("d/f.txt")
        try tree.symlink("d/up", to: "..")
        try tree.symlink("d/self", to: "self")
        try tree.symlink("l1", to: "l2")
        try tree.symlink("l2", to: "l1")
        let entries = try Self.walk(tree.root)
        #expect(Self.paths(entries) == ["d/f.txt", "d/self", "d/up", "l1", "l2"])
        #expect(entries.filter { $0.kind == .symlinkSkipped }.count == 4)
    }

    @Test func symlinkOutsideRootIsSkippedAndInsideIsYielded() throws {
        let outside = try TemporaryTree()
        try outside.file("secret.txt", "0123456789")
        let tree = try TemporaryTree()
        try tree.file("real.txt", "abc")
        try tree.symlink("inside", to: "real.txt")
        try tree.symlink("outside", to: outside.path("secret.txt"))
        try tree.symlink("dangling", to: "nowhere")
        let entries = try Self.walk(tree.root)
        let kinds = Dictionary(uniqueKeysWithValues: entries.map { ($0.repoRelativePath, $0.kind) })
        #expect(kinds == ["real.txt": .file, "inside": .file, "outside": .symlinkSkipped, "dangling": .symlinkSkipped])
        #expect(entries.first { $0.repoRelativePath == "inside" }?.size == 3)
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoIsSkippedWithoutBlocking() throws {
        let tree = try TemporaryTree()
        try tree.file("a.txt")
        #expect(mkfifo(tree.path("pipe"), 0o644) == 0)
        let entries = try Self.walk(tree.root)
        #expect(entries.map(\.kind) == [.file, .special])
        // Named explicitly it is still reported, never opened.
        #expect(try Self.walk(tree.path("pipe")).map(\.kind) == [.special])
    }

    @Test func tooLargeFileIsReportedNotScanned() throws {
        let tree = try TemporaryTree()
        try tree.file("big.txt", String(repeating: "x", count: 11))
        try tree.file("fits.txt", String(repeating: "x", count: 10))
        var options = Self.isolated
        options.maxFileSize = 10
        let entries = try Self.walk(tree.root, options)
        #expect(entries.map(\.kind) == [.tooLarge, .file])
        #expect(entries.map(\.size) == [11, 10])
    }

    @Test func unreadableDirectoryIsReported() throws {
        let tree = try TemporaryTree()
        try tree.file("locked/x.txt")
        try tree.file("open.txt")
        #expect(chmod(tree.path("locked"), 0) == 0)
        let entries = try Self.walk(tree.root)
        // root reads any directory, so only an unprivileged run can see the denial.
        if geteuid() != 0 {
            #expect(entries.first?.kind == .unreadableDirectory(PosixError(code: EACCES)))
            #expect(entries.first?.displayPath == tree.root + "/locked")
        }
        #expect(entries.last?.repoRelativePath == "open.txt")
    }

    @Test func deepNestingOf300LevelsIsWalked() throws {
        let tree = try TemporaryTree()
        let deep = Array(repeating: "d", count: 300).joined(separator: "/")
        try tree.file(deep + "/leaf.txt")
        try tree.file(deep + "/.gitignore", "*.log\n")
        try tree.file(deep + "/skip.log")
        #expect(Self.paths(try Self.walk(tree.root)) == [deep + "/.gitignore", deep + "/leaf.txt"])
    }

    @Test func fileNameWithNewlineIsYielded() throws {
        let tree = try TemporaryTree()
        try tree.file("a\nb.txt", "x")
        let entries = try Self.walk(tree.root)
        #expect(entries.map(\.displayPath) == [tree.root + "/a\nb.txt"])
    }

    @Test func invalidUTF8FileNameKeepsItsBytes() throws {
        let tree = try TemporaryTree()
        let name: [UInt8] = [0x62, 0xFF, 0x2E, 0x74, 0x78, 0x74]  // "b\xFF.txt"
        try TemporaryTree.write(Array("hello".utf8), to: Array((tree.root + "/").utf8) + name)
        let entries = try Self.walk(tree.root)
        #expect(entries.count == 1)
        #expect(entries.first?.repoRelativePath == "b\u{FFFD}.txt")
        let bytes = entries.first?.absolutePathBytes ?? []
        #expect(bytes.suffix(name.count).elementsEqual(name))
        var info = stat()
        let found = (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { lstat($0.baseAddress!, &info) }
        #expect(found == 0)
    }

    @Test func dotGitAndNestedRepositoriesAreSkipped() throws {
        let tree = try TemporaryTree()
        try tree.file(".git/config")
        try tree.file("a.txt")
        try tree.file("nested/.git/HEAD")
        try tree.file("nested/inner.txt")
        try tree.file("module/.git", "gitdir: ../.git/modules/module\n")
        try tree.file("module/m.txt")
        try tree.file("tracked-nested/.git/HEAD")
        try tree.file("tracked-nested/kept.txt")
        try tree.file("tracked-nested/other.txt")
        var options = Self.isolated
        options.trackedFiles = ["a.txt", "tracked-nested/kept.txt"]
        #expect(Self.paths(try Self.walk(tree.root, options)) == ["a.txt", "tracked-nested/kept.txt", "tracked-nested/other.txt"])
    }

    @Test func noIgnoreYieldsIgnoredFilesButNotDotGit() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git/objects")
        try tree.file(".git/HEAD")
        try tree.file(".gitignore", "build/\n*.env\n")
        try tree.file("build/out.o")
        try tree.file("x.env")
        var options = Self.isolated
        options.respectIgnore = false
        let entries = try Self.walk(tree.root, options)
        #expect(Self.paths(entries) == [".gitignore", "build/out.o", "x.env"])
        #expect(entries.map(\.isIgnored) == [false, true, true])
    }

    @Test func displayPathKeepsTheUsersSpelling() throws {
        let tree = try TemporaryTree()
        try tree.file("src/a.py")
        let previous = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(FileManager.default.changeCurrentDirectoryPath(tree.root))
        #expect(try Self.walk(".").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk("./").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk("src").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk("./src/").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk("src//").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk("src/a.py").map(\.displayPath) == ["src/a.py"])
        #expect(try Self.walk(tree.path("src")).map(\.displayPath) == [tree.root + "/src/a.py"])
        let entry = try Self.walk("src").first
        #expect(entry?.absolutePath == tree.root + "/src/a.py")
        // Outside a repository the scan path is the root of the rules and of repoRelativePath.
        #expect(entry?.repoRelativePath == "a.py")
    }

    @Test func singleIgnoredFileIsStillYieldedWhenNamed() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "*.env\n")
        try tree.file("config/.env", "KEY=1")
        let entries = try Self.walk(tree.path("config/.env"))
        #expect(entries.map(\.repoRelativePath) == ["config/.env"])
        #expect(entries.first?.isIgnored == true)
        #expect(entries.first?.size == 5)
    }

    @Test func missingScanPathThrows() throws {
        let tree = try TemporaryTree()
        #expect(throws: WalkError.self) { try Self.walk(tree.path("nope")) }
    }

    @Test func entriesAreSortedByBytes() throws {
        let tree = try TemporaryTree()
        for name in ["b.txt", "B.txt", "a-b/x", "a/x", "ä.txt", "_z"] { try tree.file(name) }
        #expect(Self.paths(try Self.walk(tree.root)) == ["B.txt", "_z", "a/x", "a-b/x", "b.txt", "ä.txt"])
    }

    @Test func findRepositoryRootAcceptsDotGitFileAndDirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory("repo/.git")
        try tree.file("repo/src/deep/x.txt")
        try tree.file("repo/worktree/.git", "gitdir: ../.git/worktrees/w\n")
        try tree.file("repo/worktree/y.txt")
        #expect(findRepositoryRoot(startingAt: tree.path("repo/src/deep")) == tree.path("repo"))
        #expect(findRepositoryRoot(startingAt: tree.path("repo/src/deep/x.txt")) == tree.path("repo"))
        #expect(findRepositoryRoot(startingAt: tree.path("repo/worktree/y.txt")) == tree.path("repo/worktree"))
        #expect(findRepositoryRoot(startingAt: tree.path("missing")) == nil)
    }

    /// Bug fixed: the source was printed as ".../w/../main/.git/worktrees/w/../../info/exclude".
    @Test func worktreeInfoExcludeComesFromTheCommonDirectoryAndIsNamedCanonically() throws {
        let tree = try TemporaryTree()
        try tree.file("main/.git/info/exclude", "*.secret\n")
        try tree.file("main/.git/worktrees/w/commondir", "../..\n")
        try tree.file("w/.git", "gitdir: ../main/.git/worktrees/w\n")
        try tree.file("w/a.secret")
        try tree.file("w/b.txt")
        let matcher = IgnoreMatcher(root: tree.path("w"), excludesFile: .none)
        #expect(matcher.match(relativePath: "a.secret", isDirectory: false)?.description
            == tree.path("main/.git/info/exclude") + ":1:*.secret")
        #expect(Self.paths(try Self.walk(tree.path("w"))) == ["b.txt"])
    }
}
