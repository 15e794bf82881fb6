/// Where a repository lives and what state it is in, as git reports it for one directory.
public struct RepositoryInfo: Sendable, Equatable {
    /// Absolute path of the working tree's top directory; nil in a bare repository or inside the git directory.
    public let root: String?
    /// Absolute path of the git directory (for a linked worktree, its private one under `.git/worktrees/`).
    public let gitDir: String
    /// True for a bare repository (no working tree, no index to stage into).
    public let isBare: Bool
    /// True when HEAD names a commit; false on an unborn branch (before the first commit).
    public let hasHEAD: Bool

    /// Creates a value (used by `load` and by tests).
    public init(root: String?, gitDir: String, isBare: Bool, hasHEAD: Bool) {
        self.root = root
        self.gitDir = gitDir
        self.isBare = isBare
        self.hasHEAD = hasHEAD
    }

    /// Asks git about the repository that contains `runner.directory`.
    public static func load(_ runner: GitRunner) throws(GitError) -> RepositoryInfo {
        // --show-toplevel fails in a bare repository, so the work-tree question is asked first.
        let answers = try runner.text([
            "rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--absolute-git-dir",
        ])
        .split(separator: "\n", omittingEmptySubsequences: false)
        guard answers.count == 3 else {
            throw GitError.unexpectedOutput(
                command: "rev-parse --absolute-git-dir", reason: "expected 3 lines, got \(answers.count)")
        }
        let isBare = answers[0] == "true"
        let insideWorkTree = answers[1] == "true"
        let root = insideWorkTree ? try runner.text(["rev-parse", "--show-toplevel"]) : nil
        return RepositoryInfo(
            root: root, gitDir: String(answers[2]), isBare: isBare, hasHEAD: try hasCommit(runner, "HEAD"))
    }

    /// True when `revision` names a commit; false when it does not (never throws for an unknown name).
    static func hasCommit(_ runner: GitRunner, _ revision: String) throws(GitError) -> Bool {
        let output = try runner.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"],
            acceptedStatus: [0, 1, 128])
        return output.status == 0
    }

    /// The id of the empty tree in this repository's hash (SHA-1: 4b825dc642cb6eb9a060e54bf8d69288fbee4904).
    /// Hashes empty standard input rather than reading /dev/null, which need not be a device.
    static func emptyTree(_ runner: GitRunner) throws(GitError) -> String {
        let output = try runner.run(["hash-object", "-t", "tree", "--stdin"], input: [])
        return String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
