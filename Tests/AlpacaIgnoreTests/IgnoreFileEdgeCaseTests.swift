import AlpacaIgnore
import Foundation
import Testing

/// Ignore-file syntax corners beyond the case table, each checked against real git as well.
@Suite struct IgnoreFileEdgeCaseTests {
    /// (ignore file bytes, file to create and query).
    static let cases: [(String, [UInt8], String)] = [
        ("CRLF line endings are stripped", Array("*.log\r\nkeep\r\n".utf8), "a.log"),
        ("a UTF-8 BOM before the first pattern is skipped", [0xEF, 0xBB, 0xBF] + Array("bom.txt\n".utf8), "bom.txt"),
        ("a trailing tab is kept", Array("tab\t\n".utf8), "tab"),
        ("a trailing tab is kept and must match", Array("tab\t\n".utf8), "tab\t"),
        ("the last line needs no newline", Array("a\nlast.txt".utf8), "last.txt"),
        ("a trailing backslash disables trimming", Array("odd\\\n".utf8), "odd"),
        ("escaped space then plain spaces", Array("sp\\   \n".utf8), "sp "),
        ("a lone ! matches nothing", Array("x.txt\n!\n".utf8), "x.txt"),
        ("a lone / matches nothing", Array("/\n".utf8), "y.txt"),
        ("double trailing slash", Array("d//\n".utf8), "d/f"),
        ("comment after leading space is a pattern", Array(" #c\n".utf8), " #c"),
        ("character class", Array("[[:digit:]]*.txt\n".utf8), "1.txt"),
        ("unknown character class matches nothing", Array("[[:word:]].txt\n".utf8), "a.txt"),
        ("escaped slash in the middle anchors", Array("a\\/b\n".utf8), "x/a/b"),
        ("star-slash with WM_PATHNAME", Array("*/b\n".utf8), "q/b"),
        ("star-slash does not cross two levels", Array("*/b\n".utf8), "q/r/b"),
    ]

    @Test("ignore-file corner agrees with git", .enabled(if: GitProcess.executable != nil), arguments: cases.indices)
    func agreesWithGit(_ index: Int) throws {
        let (name, contents, query) = Self.cases[index]
        let tree = try TemporaryTree()
        try TemporaryTree.write(contents, to: Array(tree.path(".gitignore").utf8))
        try tree.file(query)
        let home = tree.root + "/.git/home"
        try GitProcess.run(["init", "-q"], in: tree.root, home: home)
        let git = try GitProcess.run(
            ["-c", "core.excludesFile=/dev/null", "check-ignore", "--no-index", "-q", "--", query],
            in: tree.root, home: home)
        let matcher = IgnoreMatcher(root: tree.root, excludesFile: .none)
        #expect(matcher.isIgnored(relativePath: query, isDirectory: false) == (git.status == 0), "\(name)")
    }

    /// git reads in-tree .gitignore files without following symlinks (since 2.32).
    @Test func symlinkedGitignoreIsNotRead() throws {
        let tree = try TemporaryTree()
        try tree.file("real-ignore", "*.txt\n")
        try tree.symlink(".gitignore", to: "real-ignore")
        try tree.file("a.txt")
        let matcher = IgnoreMatcher(root: tree.root, excludesFile: .none)
        #expect(!matcher.isIgnored(relativePath: "a.txt", isDirectory: false))
    }

    @Test func matchReportsNegationAndSource() throws {
        let tree = try TemporaryTree()
        try tree.file(".gitignore", "*.env\n!.env.example\n")
        try tree.file("cfg/.gitignore", "\n# comment\nlocal/\n")
        let matcher = IgnoreMatcher(root: tree.root, excludesFile: .none)
        let negated = matcher.match(relativePath: ".env.example", isDirectory: false)
        #expect(negated == IgnoreMatch(source: ".gitignore", line: 2, pattern: "!.env.example", isNegation: true))
        #expect(matcher.match(relativePath: "cfg/local/x", isDirectory: false)?.description == "cfg/.gitignore:3:local/")
        #expect(matcher.match(relativePath: "./cfg/local/", isDirectory: true)?.description == "cfg/.gitignore:3:local/")
        #expect(matcher.match(relativePath: "src/main.swift", isDirectory: false) == nil)
    }
}
