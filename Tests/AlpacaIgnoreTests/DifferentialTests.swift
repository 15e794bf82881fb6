import AlpacaIgnore
import Foundation
import TestSupport
import Testing

/// Random trees, walked by `Walker` and listed by real git; the two sets of paths must be equal.
@Suite struct DifferentialTests {
    /// Fixed so failures reproduce; override with ALPACA_IGNORE_SEED to explore.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ALPACA_IGNORE_SEED"].flatMap { UInt64($0) }
        ?? 0x00A1_9ACA_2026
    static let treeCount = 60

    @Test("Walker yields exactly git's untracked, non-ignored files", .enabled(if: GitProcess.executable != nil))
    func walkerAgreesWithGit() throws {
        print("DifferentialTests seed: \(Self.seed) (set ALPACA_IGNORE_SEED to change)")
        var rng = SplitMix64(state: Self.seed)
        let scratch = try TemporaryTree()
        // Plain folders get their git directory outside the tree, so the tree has no .git at all.
        let oracle = scratch.path("oracle")
        try GitProcess.run(["init", "-q", oracle], in: scratch.root, home: scratch.root)
        try? FileManager.default.removeItem(atPath: oracle + "/.git/info/exclude")
        var agreed = 0
        var comparisons = 0
        var yielded = 0
        var ignored = 0
        for index in 0..<Self.treeCount {
            let withGit = index % 2 == 0
            let spec = RandomTreeGenerator.make(&rng, withGit: withGit)
            let tree = try TemporaryTree()
            try materialize(spec, in: tree)
            let excludesPath = spec.excludesFile.map { _ in scratch.path("excludes-\(index)") }
            if let excludesPath, let contents = spec.excludesFile {
                try TemporaryTree.write(Array(contents.utf8), to: Array(excludesPath.utf8))
            }
            var gitArguments = ["-c", "core.excludesFile=\(excludesPath ?? "/dev/null")"]
            if withGit {
                try GitProcess.run(["init", "-q"], in: tree.root, home: scratch.root)
                if let info = spec.infoExclude { try tree.file(".git/info/exclude", info) }
            } else {
                gitArguments += ["--git-dir=\(oracle)/.git", "--work-tree=\(tree.root)"]
            }
            let options = WalkOptions(
                excludesFile: excludesPath.map { .path($0) } ?? .none, infoExclude: withGit ? .automatic : .none)

            var scans = [""]
            // In repositories also scan a subdirectory: the root's rules must still apply there.
            if withGit, let sub = spec.directories.filter({ !$0.isEmpty }).randomElement(using: &rng) {
                scans.append(sub)
            }
            for sub in scans {
                comparisons += 1
                let directory = sub.isEmpty ? tree.root : tree.path(sub)
                let listing = try GitProcess.run(
                    gitArguments + ["ls-files", "--others", "--exclude-standard", "--full-name", "-z"],
                    in: directory, home: scratch.root)
                let expected = GitProcess.nulSeparated(listing.output)
                let walked = Set(try Walker(scanPath: directory, options: options).entries().map(\.repoRelativePath))
                if sub.isEmpty {
                    // The per-path matcher must give the same verdicts as the walk.
                    let matcher = IgnoreMatcher(
                        root: tree.root, excludesFile: options.excludesFile, infoExclude: options.infoExclude)
                    let leaves = spec.files + spec.symlinks.map(\.0) + Array(spec.ignoreFiles.keys)
                    for leaf in leaves where matcher.isIgnored(relativePath: leaf, isDirectory: false) == expected.contains(leaf) {
                        Issue.record("seed \(Self.seed) tree \(index): IgnoreMatcher disagrees with git on '\(leaf)'")
                    }
                    yielded += expected.count
                    ignored += spec.files.count + spec.symlinks.count + spec.ignoreFiles.count - expected.count
                }
                if walked == expected {
                    agreed += 1
                } else {
                    Issue.record(
                        """
                        seed \(Self.seed) tree \(index) (\(withGit ? "git repository" : "plain folder")) scan '\(sub)'
                        only walker: \(walked.subtracting(expected).sorted())
                        only git: \(expected.subtracting(walked).sorted())
                        ignore files: \(spec.ignoreFiles.sorted { $0.key < $1.key })
                        info/exclude: \(spec.infoExclude ?? "-") excludesFile: \(spec.excludesFile ?? "-")
                        symlinks: \(spec.symlinks)
                        """)
                }
            }
        }
        print(
            "DifferentialTests: \(agreed)/\(comparisons) walks agreed with git over \(Self.treeCount) trees",
            "(\(yielded) paths yielded, \(ignored) ignored)")
    }

    /// Creates the described files, links and ignore files.
    private func materialize(_ spec: RandomTree, in tree: TemporaryTree) throws {
        for directory in spec.directories { try tree.directory(directory) }
        for file in spec.files { try tree.file(file, "content of \(file)\n") }
        for (path, contents) in spec.ignoreFiles { try tree.file(path, contents) }
        for (link, target) in spec.symlinks { try tree.symlink(link, to: target) }
    }
}
