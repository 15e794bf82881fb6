import AlpacaIgnore
import Foundation
import Testing

/// Runs every verified case of the gitignore table against `IgnoreMatcher`.
@Suite struct GitignoreCaseTests {
    /// Builds the case's tree in a temp dir and returns it with the excludes-file path (if any).
    static func build(_ testCase: GitignoreCase) throws -> (TemporaryTree, String?) {
        let tree = try TemporaryTree()
        for entry in testCase.tree {
            let parts = entry.components(separatedBy: " -> ")
            if parts.count == 2 {
                try tree.symlink(parts[0], to: parts[1])
            } else {
                try tree.file(entry)
            }
        }
        for (path, contents) in testCase.ignoreFiles {
            try tree.file(path, contents + "\n")
        }
        if let info = testCase.infoExclude {
            try tree.file(".git/info/exclude", info + "\n")
        }
        var excludesPath: String?
        if let excludes = testCase.excludesFile {
            // Outside the tree, so it is not part of what is matched.
            let path = tree.root + ".excludes"
            try TemporaryTree.write(Array((excludes + "\n").utf8), to: Array(path.utf8))
            excludesPath = path
        }
        return (tree, excludesPath)
    }

    /// Whether the query names a real directory; symlinks count as files, as for git.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    @Test("gitignore(5) and wildmatch case", arguments: gitignoreCases)
    func matchesGit(_ testCase: GitignoreCase) throws {
        let (tree, excludesPath) = try Self.build(testCase)
        defer { if let excludesPath { try? FileManager.default.removeItem(atPath: excludesPath) } }
        let matcher = IgnoreMatcher(
            root: tree.root,
            excludesFile: excludesPath.map { .path($0) } ?? .none,
            infoExclude: .automatic)
        let isDirectory = Self.isDirectory(tree.path(testCase.query))
        #expect(matcher.isIgnored(relativePath: testCase.query, isDirectory: isDirectory) == testCase.ignored)
        let expected = testCase.match.map { $0.replacingOccurrences(of: "<X>", with: excludesPath ?? "") }
        #expect(matcher.match(relativePath: testCase.query, isDirectory: isDirectory)?.description == expected)
    }

    /// Guards our transcription of the table: real git must give the same answers.
    @Test("case table agrees with git check-ignore", .enabled(if: GitProcess.executable != nil),
          arguments: gitignoreCases)
    func tableAgreesWithGit(_ testCase: GitignoreCase) throws {
        let (tree, excludesPath) = try Self.build(testCase)
        defer { if let excludesPath { try? FileManager.default.removeItem(atPath: excludesPath) } }
        let home = tree.root + "/.git/home"
        try GitProcess.run(["init", "-q"], in: tree.root, home: home)
        if let info = testCase.infoExclude {
            try tree.file(".git/info/exclude", info + "\n")
        }
        let result = try GitProcess.run(
            ["-c", "core.excludesFile=\(excludesPath ?? "/dev/null")", "check-ignore", "--no-index", "-v", "-n", "--", testCase.query],
            in: tree.root, home: home)
        let line = String(decoding: result.output, as: UTF8.self)
        let source = line.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
        let expected = testCase.match.map { $0.replacingOccurrences(of: "<X>", with: excludesPath ?? "") } ?? "::"
        #expect(source == expected)
        #expect((result.status == 0 && !(testCase.match?.contains(":!") ?? false)) == testCase.ignored)
    }
}
