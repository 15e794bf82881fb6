import Foundation
import Testing

@testable import AlpacaGit

@Suite("Staged source")
struct StagedSourceTests {
    private func load(_ repo: TestRepository, maxFileSize: Int? = nil) throws -> StagedSnapshot {
        try StagedSource(runner: repo.runner()).load(maxFileSize: maxFileSize)
    }

    private func text(_ file: StagedFile) -> String {
        String(decoding: file.content, as: UTF8.self)
    }

    @Test func firstCommitOnUnbornBranchReportsEveryLineAsAdded() throws {
        let repo = try TestRepository()
        try repo.write("bot.py", "import os\nKEY = 'PKFAKEEXAMPLE0000000'\n")
        try repo.git(["add", "bot.py"])
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.path) == ["bot.py"])
        #expect(snapshot.files[0].addedLines == [1, 2])
        #expect(text(snapshot.files[0]) == "import os\nKEY = 'PKFAKEEXAMPLE0000000'\n")
        #expect(
            URL(fileURLWithPath: snapshot.root).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: repo.path).resolvingSymlinksInPath().path)
    }

    @Test func firstCommitInASHA256RepositoryUsesThatHashsEmptyTree() throws {
        let repo = try TestRepository(initialize: false)
        try FileManager.default.createDirectory(atPath: repo.path, withIntermediateDirectories: true)
        try repo.git(["init", "-q", "--object-format=sha256", "-b", "main"])
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.addedLines) == [[1]])
        #expect(snapshot.files.first?.objectID.count == 64)
    }

    @Test func unstagedEditIsNotVisible() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "one\n")
        try repo.commitAll("first")
        try repo.write("a.txt", "one\ntwo\n")
        try repo.git(["add", "a.txt"])
        try repo.write("a.txt", "one\ntwo\nSECRET=PKFAKEEXAMPLE0000000\n")
        let snapshot = try load(repo)
        #expect(snapshot.files.count == 1)
        #expect(text(snapshot.files[0]) == "one\ntwo\n")
        #expect(snapshot.files[0].addedLines == [2])
    }

    @Test func stagedFixHidesAKeyStillInTheWorkingTree() throws {
        let repo = try TestRepository()
        try repo.write("config.py", "KEY = 'PKFAKEEXAMPLE0000000'\n")
        try repo.git(["add", "config.py"])
        try repo.write("config.py", "KEY = os.environ['APCA_API_KEY_ID']\n")
        try repo.git(["add", "config.py"])
        try repo.write("config.py", "KEY = 'PKFAKEEXAMPLE0000000'\n")
        let snapshot = try load(repo)
        #expect(text(snapshot.files[0]) == "KEY = os.environ['APCA_API_KEY_ID']\n")
    }

    @Test func renameWithEditsReportsOnlyTheAddedLines() throws {
        let repo = try TestRepository()
        let body = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        try repo.write("old.py", body)
        try repo.commitAll("first")
        try repo.git(["mv", "old.py", "new.py"])
        try repo.write("new.py", body.replacingOccurrences(of: "line 10\n", with: "line 10\nKEY = 'x'\n"))
        try repo.git(["add", "new.py"])
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.path) == ["new.py"])
        #expect(snapshot.files[0].addedLines == [11])
    }

    @Test func deletedFileIsExcluded() throws {
        let repo = try TestRepository()
        try repo.write("gone.env", "KEY=PKFAKEEXAMPLE0000000\n")
        try repo.write("kept.txt", "k\n")
        try repo.commitAll("first")
        try repo.git(["rm", "-q", "gone.env"])
        let snapshot = try load(repo)
        #expect(snapshot.files.isEmpty)
        #expect(snapshot.skipped.isEmpty)
    }

    @Test func binaryFileIsExcludedAndCountedAsSkipped() throws {
        let repo = try TestRepository()
        try repo.write("image.bin", bytes: [0x89, 0x50, 0x00, 0x01, 0x02, 0x00, 0x0A])
        try repo.write("text.txt", "t\n")
        try repo.git(["add", "."])
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.path) == ["text.txt"])
        #expect(snapshot.skipped == [SkippedFile(path: "image.bin", reason: .binary)])
    }

    @Test func pathsWithSpacesAndNonASCIINamesAreExact() throws {
        let repo = try TestRepository()
        try repo.write("my dir/key file.py", "a = 1\n")
        try repo.write("données/clé ü.txt", "b = 2\n")
        try repo.write("tab\tname.txt", "c = 3\n")
        try repo.git(["add", "."])
        let snapshot = try load(repo)
        #expect(
            snapshot.files.map(\.path) == ["donn\u{e9}es/cl\u{e9} \u{fc}.txt", "my dir/key file.py", "tab\tname.txt"])
        #expect(snapshot.files.allSatisfy { $0.addedLines == [1] })
        #expect(snapshot.files.map { text($0) } == ["b = 2\n", "a = 1\n", "c = 3\n"])
    }

    @Test func runsFromASubdirectoryWithRootRelativePaths() throws {
        let repo = try TestRepository()
        try repo.write("src/deep/x.py", "x = 1\n")
        try repo.git(["add", "."])
        let snapshot = try StagedSource(runner: repo.runner(in: repo.path + "/src/deep")).load()
        #expect(snapshot.files.map(\.path) == ["src/deep/x.py"])
    }

    @Test func filesOverTheSizeLimitAreSkipped() throws {
        let repo = try TestRepository()
        try repo.write("small.txt", "s\n")
        try repo.write("large.txt", String(repeating: "l", count: 100) + "\n")
        try repo.git(["add", "."])
        let snapshot = try load(repo, maxFileSize: 50)
        #expect(snapshot.files.map(\.path) == ["small.txt"])
        #expect(snapshot.skipped == [SkippedFile(path: "large.txt", reason: .tooLarge)])
    }

    @Test func submodulesSymlinksAndUnmergedPathsAreSkippedWithTheirReason() throws {
        let repo = try TestRepository()
        try repo.write("conflict.txt", "base\n")
        try repo.commitAll("base", at: 1_700_000_000)
        try repo.git(["switch", "-q", "-c", "side"])
        try repo.write("conflict.txt", "side\n")
        try repo.commitAll("side", at: 1_700_000_100)
        try repo.git(["switch", "-q", "main"])
        try repo.write("conflict.txt", "main\n")
        try repo.commitAll("main", at: 1_700_000_200)
        _ = try? repo.git(["merge", "-q", "side"])
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "conflict.txt")
        try repo.write("new.txt", "KEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        try repo.git(["add", "link", "new.txt"])
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "1", count: 40)),vendor/sub"])
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.path) == ["new.txt"])
        #expect(snapshot.files.first?.addedLines == [1])
        #expect(
            snapshot.skipped == [
                SkippedFile(path: "conflict.txt", reason: .unmerged), SkippedFile(path: "link", reason: .symlink),
                SkippedFile(path: "vendor/sub", reason: .submodule),
            ])
    }

    @Test func namesWithNewlinesAndNonUTF8BytesAreExact() throws {
        let repo = try TestRepository()
        try repo.write("base.txt", "b\n")
        try repo.commitAll("first")
        try repo.write("new\nline.txt", "one\ntwo\n")
        try repo.git(["add", "."])
        let blob = try repo.runner().run(["hash-object", "-w", "--stdin"], input: Array("e\n".utf8)).text
        var record = Array("100644 \(blob)\t".utf8) + [UInt8(ascii: "l"), 0xE9, UInt8(ascii: "."), UInt8(ascii: "t")]
        record.append(0)
        _ = try repo.runner().run(["update-index", "-z", "--index-info"], input: record)
        let snapshot = try load(repo)
        #expect(snapshot.files.map(\.path) == ["l\u{FFFD}.t", "new\nline.txt"])
        #expect(snapshot.files.map(\.addedLines) == [[1], [1, 2]])
        #expect(snapshot.files.map { text($0) } == ["e\n", "one\ntwo\n"])
    }

    @Test func manyStagedFilesAndALargeOneInTheMiddle() throws {
        // 600 requests are longer than the socket buffer the request is written to in one go.
        let repo = try TestRepository()
        for number in 0..<600 {
            try repo.write("f/\(String(format: "%03d", number)).txt", "file \(number)\n")
        }
        try repo.write("f/300-large.txt", String(repeating: "x", count: 5000) + "\n")
        try repo.git(["add", "."])
        let snapshot = try load(repo, maxFileSize: 1000)
        #expect(snapshot.files.count == 600)
        #expect(snapshot.files[300].path == "f/300.txt")
        #expect(text(snapshot.files[300]) == "file 300\n")
        #expect(snapshot.skipped == [SkippedFile(path: "f/300-large.txt", reason: .tooLarge)])
    }

    @Test func aStagedChangeCostsThreeGitProcesses() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "one\n")
        try repo.commitAll("first")
        try repo.write("a.txt", "one\ntwo\n")
        try repo.git(["add", "a.txt"])
        // A wrapper that logs each call and runs the real git.
        let log = repo.sandbox + "/calls.log"
        let wrapper = repo.sandbox + "/git-wrapper"
        let realGit = try repo.runner().executable
        try "#!/bin/sh\necho \"$*\" >> '\(log)'\nexec '\(realGit)' \"$@\"\n".write(
            toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        let runner = try GitRunner(directory: repo.path, environment: repo.environment, executable: wrapper)
        let snapshot = try StagedSource(runner: runner).load(maxFileSize: 1_000_000)
        #expect(snapshot.files.first?.addedLines == [2])
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls.count == 3, "\(calls)")
    }

    @Test func bareRepositoryHasNothingStaged() throws {
        let repo = try TestRepository(bare: true)
        let error = gitError { _ = try load(repo) }
        guard case .bareRepository? = error else {
            Issue.record("expected bareRepository, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("bare repository") == true)
    }

    @Test func insideTheGitDirectoryThereIsNoWorkTree() throws {
        let repo = try TestRepository()
        let error = gitError { _ = try StagedSource(runner: repo.runner(in: repo.path + "/.git")).load() }
        #expect(error == .noWorkTree(directory: repo.path + "/.git"))
    }

    @Test func concurrentLoadsDoNotInterfere() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let runner = try repo.runner()
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            results.append((try? StagedSource(runner: runner).load())?.files.map(\.path) ?? [])
        }
        #expect(results.values == Array(repeating: ["a.txt"], count: 8))
    }

    @Test func commitAllIndexFromTheHookEnvironmentIsUsed() throws {
        // `git commit -a` runs the hook with GIT_INDEX_FILE pointing at a temporary index.
        let repo = try TestRepository()
        try repo.write("a.txt", "one\n")
        try repo.commitAll("first")
        try repo.write("a.txt", "one\ntwo\n")
        let temporaryIndex = repo.sandbox + "/other-index"
        try FileManager.default.copyItem(atPath: repo.path + "/.git/index", toPath: temporaryIndex)
        try repo.git(["add", "a.txt"], environment: ["GIT_INDEX_FILE": temporaryIndex])
        let inHook = try StagedSource(runner: repo.runner(extraEnvironment: ["GIT_INDEX_FILE": temporaryIndex])).load()
        #expect(inHook.files.first?.addedLines == [2])
        #expect(try load(repo).files.isEmpty)
    }
}

/// Collects values from concurrent closures.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[String]] = []
    func append(_ value: [String]) { lock.withLock { stored.append(value) } }
    var values: [[String]] { lock.withLock { stored } }
}
