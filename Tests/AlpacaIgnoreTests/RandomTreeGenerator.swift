import TestSupport

/// A random tree description: files, symlinks and ignore files, all relative to the tree root.
struct RandomTree {
    var files: [String] = []
    /// (link path, target) pairs; targets are relative to the link's directory.
    var symlinks: [(String, String)] = []
    /// Ignore file path -> contents.
    var ignoreFiles: [String: String] = [:]
    var infoExclude: String?
    var excludesFile: String?
    var directories: [String] = []
}

/// Draws trees whose names and patterns collide often, so the rules interact.
enum RandomTreeGenerator {
    static let directoryNames = [
        "a", "b", "build", "src", "foo", "logs", "sub", "x y", "N.app", ".hidden", "secrets", "dir",
        "Sources", "abc", "certs", "[br]", "ünï",
    ]
    static let fileNames = [
        "a.txt", "b.log", "x.txt", "keep.txt", ".env", ".env.local", ".env.example", "foo", "bar",
        "hello.c", "main.swift", "README.md", "a b.txt", "#hash", "!bang", "trail ", " lead", "ünï.txt",
        "abc", "azc", "foobar", "build", "x.key", "Debug.LOG", "debug.log", "a", "b", "\\x", "[", "1.txt",
    ]
    static let patterns = [
        "*.txt", "*.log", "*.LOG", "foo", "build", "build/", "a", "a/", "b/", "sub/", "logs/", "*", "**",
        ".env*", "!.env.example", "!*.txt", "!keep.txt", "x.txt", "/x.txt", "/a", "/a/", "a/**", "a/**/",
        "a/**/b", "**/foo", "**/logs/**/*.log", "foo/**", "foo**/bar", "foo*", "*bar", "a?c", "a[^b]c",
        "a[!b]c", "a[a-c]c", "[", "[!]", "\\#hash", "#hash", "\\!bang", "trail\\ ", "trail", "foo   ",
        " lead", "src/*.txt", "/src/**/*.swift", "*/", "!*/", "!/*/", "/*", "!/foo", "N.app", "*.app",
        "x y", "x\\ y", "[[:alpha:]]*.txt", "[[:digit:]]*", "b/*", "**/b/*.log", "sub/**/x.txt",
        "*.k[e]y", "secrets/", "secrets/*", "!secrets/keep.txt", "dir", "!dir/keep.txt", "Sources/**",
        "!Sources/**", "*.swift", "\\\\*", "\\*", "?", "??", "[]]", "[a-]", "ünï*", "*/*.txt", "**/*.c",
        "[br]", "\\[br]", "abc/**", "!abc", ".hidden", "!.hidden/", "**/", "/**/a.txt", "a/b/**/*.txt",
    ]

    /// A tree of at most `depth` directory levels.
    static func make(_ rng: inout SplitMix64, depth: Int = 3, withGit: Bool) -> RandomTree {
        var tree = RandomTree()
        var directories = [""]
        var frontier = [("", 0)]
        while let (directory, level) = frontier.popLast() {
            for name in pick(directoryNames, count: Int.random(in: 0...3, using: &rng), &rng) where level < depth {
                let child = join(directory, name)
                directories.append(child)
                frontier.append((child, level + 1))
            }
        }
        tree.directories = directories
        for directory in directories {
            for name in pick(fileNames, count: Int.random(in: 0...4, using: &rng), &rng) {
                let path = join(directory, name)
                if !directories.contains(path) { tree.files.append(path) }
            }
            if Int.random(in: 0..<100, using: &rng) < 45 {
                tree.ignoreFiles[join(directory, ".gitignore")] = patternFile(&rng)
            }
        }
        // A few links: to a file, to a directory (never a directory for git), dangling.
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let directory = directories.randomElement(using: &rng) ?? ""
            let name = ["link", "linkdir", "build", "foo"].randomElement(using: &rng) ?? "link"
            let path = join(directory, name)
            guard !directories.contains(path), !tree.files.contains(path),
                !tree.symlinks.contains(where: { $0.0 == path })
            else { continue }
            let target = ["x.txt", ".", "missing", "sub"].randomElement(using: &rng) ?? "x.txt"
            tree.symlinks.append((path, target))
        }
        if withGit && Bool.random(using: &rng) { tree.infoExclude = patternFile(&rng) }
        if Bool.random(using: &rng) { tree.excludesFile = patternFile(&rng) }
        return tree
    }

    /// 1-6 lines drawn from the vocabulary, sometimes negated or anchored.
    static func patternFile(_ rng: inout SplitMix64) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            var line = patterns.randomElement(using: &rng) ?? "*"
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: line = "!" + line
            case 1: line = "/" + line
            default: break
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &rng) ? "\n" : "")
    }

    private static func pick(_ names: [String], count: Int, _ rng: inout SplitMix64) -> [String] {
        Array(names.shuffled(using: &rng).prefix(count))
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
