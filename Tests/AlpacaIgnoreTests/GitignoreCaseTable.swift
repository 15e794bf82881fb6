import Testing

/// One verified gitignore case: the ignore files, extra sources, the tree on disk, the query and
/// git's answer (checked with `git check-ignore --no-index -v`, git 2.39).
struct GitignoreCase: Sendable, CustomTestStringConvertible {
    let number: Int
    /// Ignore files by path relative to the tree root; lines joined with "\n".
    let ignoreFiles: [String: String]
    /// `.git/info/exclude` contents, when the case uses it.
    let infoExclude: String?
    /// core.excludesFile contents, when the case uses it.
    let excludesFile: String?
    /// Regular files to create, or "link -> target" for symlinks.
    let tree: [String]
    let query: String
    let ignored: Bool
    /// What `git check-ignore -v` prints before the tab, `<X>` standing for the excludes file path.
    let match: String?

    var testDescription: String { "case \(number): \(query.debugDescription)" }

    init(
        _ number: Int, _ ignoreFiles: [String: String], info: String? = nil, excludes: String? = nil,
        tree: [String], query: String, ignored: Bool, match: String? = nil
    ) {
        self.number = number
        self.ignoreFiles = ignoreFiles
        self.infoExclude = info
        self.excludesFile = excludes
        self.tree = tree
        self.query = query
        self.ignored = ignored
        self.match = match
    }
}

/// The 70 cases, in our own encoding (Swift string escapes: "\\" is one backslash).
let gitignoreCases: [GitignoreCase] = [
    .init(1, [".gitignore": "*.log"], tree: ["a/b/debug.log"], query: "a/b/debug.log", ignored: true, match: ".gitignore:1:*.log"),
    .init(2, [".gitignore": "/debug.log"], tree: ["a/debug.log"], query: "a/debug.log", ignored: false),
    .init(3, [".gitignore": "doc/frotz"], tree: ["a/doc/frotz"], query: "a/doc/frotz", ignored: false),
    .init(4, [".gitignore": "doc/frotz"], tree: ["doc/frotz"], query: "doc/frotz", ignored: true, match: ".gitignore:1:doc/frotz"),
    .init(5, [".gitignore": "build/"], tree: ["build"], query: "build", ignored: false),
    .init(6, [".gitignore": "build/"], tree: ["src/build/out.o"], query: "src/build/out.o", ignored: true, match: ".gitignore:1:build/"),
    .init(7, [".gitignore": "foo/*"], tree: ["foo/bar/hello.c"], query: "foo/bar/hello.c", ignored: true, match: ".gitignore:1:foo/*"),
    .init(8, [".gitignore": "**/foo"], tree: ["x/y/foo"], query: "x/y/foo", ignored: true, match: ".gitignore:1:**/foo"),
    .init(9, [".gitignore": "**/foo/bar"], tree: ["x/foo/bar"], query: "x/foo/bar", ignored: true, match: ".gitignore:1:**/foo/bar"),
    .init(10, [".gitignore": "abc/**"], tree: ["abc/x/y.txt"], query: "abc/x/y.txt", ignored: true, match: ".gitignore:1:abc/**"),
    .init(11, [".gitignore": "abc/**"], tree: ["abc/x.txt"], query: "abc", ignored: false),
    .init(12, [".gitignore": "a/**/b"], tree: ["a/b"], query: "a/b", ignored: true, match: ".gitignore:1:a/**/b"),
    .init(13, [".gitignore": "a/**/b"], tree: ["a/x/y/b"], query: "a/x/y/b", ignored: true, match: ".gitignore:1:a/**/b"),
    .init(14, [".gitignore": "*\n!*.c"], tree: ["a/a.c"], query: "a/a.c", ignored: true, match: ".gitignore:1:*"),
    .init(15, [".gitignore": "*\n!*/\n!*.c"], tree: ["a/a.c"], query: "a/a.c", ignored: false, match: ".gitignore:3:!*.c"),
    .init(16, [".gitignore": "/*\n!/foo\n/foo/*\n!/foo/bar"], tree: ["foo/bar/x", "foo/baz"], query: "foo/bar/x", ignored: false),
    .init(17, [".gitignore": "/*\n!/foo\n/foo/*\n!/foo/bar"], tree: ["foo/bar/x", "foo/baz"], query: "foo/baz", ignored: true, match: ".gitignore:3:/foo/*"),
    .init(18, [".gitignore": "build*\n!buildtools"], tree: ["buildtools/test.txt", "build-64/foo"], query: "buildtools/test.txt", ignored: false),
    .init(19, [".gitignore": "/*\n!/*/"], tree: ["README.md", "sub/x.txt"], query: "sub/x.txt", ignored: false),
    .init(20, [".gitignore": "/*\n!/*/"], tree: ["README.md", "sub/x.txt"], query: "README.md", ignored: true, match: ".gitignore:1:/*"),
    .init(21, [".gitignore": "build/\n!/some_dir/build/"], tree: ["some_dir/build/foo"], query: "some_dir/build/foo", ignored: false),
    .init(22, [".gitignore": "/a/**"], tree: ["a/a/a.txt", "b/a/a.txt"], query: "b/a/a.txt", ignored: false),
    .init(23, [".gitignore": "**"], tree: ["foo"], query: "foo", ignored: true, match: ".gitignore:1:**"),
    .init(24, [".gitignore": "foo/**\n!foo/bar.js"], tree: ["foo/bar.js"], query: "foo/bar.js", ignored: false, match: ".gitignore:2:!foo/bar.js"),
    .init(25, [".gitignore": "a/**/"], tree: ["a/f.txt", "a/b/f.txt"], query: "a/f.txt", ignored: false),
    .init(26, [".gitignore": "a/**/"], tree: ["a/f.txt", "a/b/f.txt"], query: "a/b/f.txt", ignored: true, match: ".gitignore:1:a/**/"),
    .init(27, [".gitignore": "*.app"], tree: ["n/N.app/Contents/PkgInfo"], query: "n/N.app/Contents/PkgInfo", ignored: true, match: ".gitignore:1:*.app"),
    .init(28, [".gitignore": "\\#file\n#file"], tree: ["#file"], query: "#file", ignored: true, match: ".gitignore:1:\\#file"),
    .init(29, [".gitignore": "\\!important!.txt"], tree: ["!important!.txt"], query: "!important!.txt", ignored: true, match: ".gitignore:1:\\!important!.txt"),
    .init(30, [".gitignore": "foo   "], tree: ["foo"], query: "foo", ignored: true, match: ".gitignore:1:foo"),
    .init(31, [".gitignore": "foo\\ "], tree: ["foo ", "foo"], query: "foo ", ignored: true, match: ".gitignore:1:foo\\ "),
    .init(32, [".gitignore": "foo\\ "], tree: ["foo ", "foo"], query: "foo", ignored: false),
    .init(33, [".gitignore": " foo"], tree: [" foo"], query: " foo", ignored: true, match: ".gitignore:1: foo"),
    .init(34, [".gitignore": "\\*sterisk"], tree: ["*sterisk", "asterisk"], query: "asterisk", ignored: false),
    .init(35, [".gitignore": "a[^b]c"], tree: ["abc", "azc"], query: "azc", ignored: true, match: ".gitignore:1:a[^b]c"),
    .init(36, [".gitignore": "a[^b]c"], tree: ["abc", "azc"], query: "abc", ignored: false),
    .init(37, [".gitignore": "foo**/bar"], tree: ["foobar"], query: "foobar", ignored: true, match: ".gitignore:1:foo**/bar"),
    .init(38, [".gitignore": "["], tree: ["["], query: "[", ignored: false),
    .init(39, [".gitignore": "*\n!libfoo\n!libfoo/**"], tree: ["libfoo/__init__.py"], query: "libfoo/__init__.py", ignored: false, match: ".gitignore:3:!libfoo/**"),
    .init(40, [".gitignore": "*\n!product_dir/"], tree: ["product_dir/file.txt", "anydir/file.txt"], query: "product_dir/file.txt", ignored: true, match: ".gitignore:1:*"),
    .init(41, [".gitignore": "*.txt", "sub/.gitignore": "!keep.txt"], tree: ["sub/keep.txt", "keep.txt"], query: "sub/keep.txt", ignored: false, match: "sub/.gitignore:1:!keep.txt"),
    .init(42, [".gitignore": "!sub/keep.txt", "sub/.gitignore": "*.txt"], tree: ["sub/keep.txt"], query: "sub/keep.txt", ignored: true, match: "sub/.gitignore:1:*.txt"),
    .init(43, ["sub/.gitignore": "/x.txt"], tree: ["sub/x.txt", "sub/deeper/x.txt", "x.txt"], query: "sub/deeper/x.txt", ignored: false),
    .init(44, ["sub/.gitignore": "/x.txt"], tree: ["sub/x.txt", "sub/deeper/x.txt", "x.txt"], query: "sub/x.txt", ignored: true, match: "sub/.gitignore:1:/x.txt"),
    .init(45, [".gitignore": "!secret.env"], info: "secret.env", tree: ["secret.env"], query: "secret.env", ignored: false, match: ".gitignore:1:!secret.env"),
    .init(46, [:], info: "!x.bak", excludes: "*.bak", tree: ["x.bak"], query: "x.bak", ignored: false, match: ".git/info/exclude:1:!x.bak"),
    .init(47, [:], excludes: "*.bak", tree: ["y.bak"], query: "y.bak", ignored: true, match: "<X>:1:*.bak"),
    .init(48, [".gitignore": "*.LOG"], tree: ["a.log"], query: "a.log", ignored: false),
    .init(49, [".gitignore": "hello.*"], tree: ["a/hello.java"], query: "a/hello.java", ignored: true, match: ".gitignore:1:hello.*"),
    .init(50, [".gitignore": "/hello.*"], tree: ["a/hello.java"], query: "a/hello.java", ignored: false),
    .init(51, [".gitignore": "a?c"], tree: ["a/c"], query: "a/c", ignored: false),
    .init(52, [".gitignore": "foo"], tree: ["a/foo/b.txt"], query: "a/foo/b.txt", ignored: true, match: ".gitignore:1:foo"),
    .init(53, [".gitignore": "secrets/\n!secrets/keep.txt"], tree: ["secrets/keep.txt"], query: "secrets/keep.txt", ignored: true, match: ".gitignore:1:secrets/"),
    .init(54, [".gitignore": "secrets/*\n!secrets/keep.txt"], tree: ["secrets/keep.txt"], query: "secrets/keep.txt", ignored: false, match: ".gitignore:2:!secrets/keep.txt"),
    .init(55, [".gitignore": "*.txt\n!/a/b.txt"], tree: ["a/b.txt"], query: "a/b.txt", ignored: false, match: ".gitignore:2:!/a/b.txt"),
    .init(56, [".gitignore": "**/logs/**/*.log"], tree: ["logs/x.log", "p/logs/q/r/x.log"], query: "p/logs/q/r/x.log", ignored: true, match: ".gitignore:1:**/logs/**/*.log"),
    .init(57, [".gitignore": "**/logs/**/*.log"], tree: ["logs/x.log"], query: "logs/x.log", ignored: true, match: ".gitignore:1:**/logs/**/*.log"),
    .init(58, [".gitignore": "\\\\*"], tree: ["\\x"], query: "\\x", ignored: true, match: ".gitignore:1:\\\\*"),
    .init(59, [".gitignore": "*\n!searchme"], tree: ["searchme/hello.txt"], query: "searchme/hello.txt", ignored: true, match: ".gitignore:1:*"),
    .init(60, [".gitignore": "build/", "build/.gitignore": "!keep.txt"], tree: ["build/keep.txt"], query: "build/keep.txt", ignored: true, match: ".gitignore:1:build/"),
    .init(61, [".gitignore": "linkdir/"], tree: ["real/x", "linkdir -> real"], query: "linkdir", ignored: false),
    .init(62, [".gitignore": "a/**/b/"], tree: ["a/x/b/f", "a/b"], query: "a/x/b/f", ignored: true, match: ".gitignore:1:a/**/b/"),
    .init(63, [".gitignore": "a/**/b/"], tree: ["a/x/b/f", "a/b"], query: "a/b", ignored: false),
    .init(64, [".gitignore": "*.key\n!/certs/*.key"], tree: ["certs/sub/x.key", "certs/y.key"], query: "certs/sub/x.key", ignored: true, match: ".gitignore:1:*.key"),
    .init(65, [".gitignore": ".env*\n!.env.example"], tree: [".env.local", ".env.example"], query: ".env.example", ignored: false, match: ".gitignore:2:!.env.example"),
    .init(66, [".gitignore": "dir\n!dir/keep"], tree: ["dir/keep"], query: "dir/keep", ignored: true, match: ".gitignore:1:dir"),
    .init(67, [".gitignore": "[!]"], tree: ["!"], query: "!", ignored: false),
    .init(68, [".gitignore": "\\*"], tree: ["\\"], query: "\\", ignored: false),
    .init(69, [".gitignore": "foo/**/"], tree: ["foo/x"], query: "foo/x", ignored: false),
    .init(70, [".gitignore": "*.swift\n!Sources/**"], tree: ["Sources/App/main.swift"], query: "Sources/App/main.swift", ignored: false, match: ".gitignore:2:!Sources/**"),
]
