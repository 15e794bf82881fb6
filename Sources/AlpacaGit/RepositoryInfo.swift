import Foundation

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
    /// The commit HEAD names, when it names one.
    public let headCommit: String?
    /// The repository's hash: `sha1` or `sha256`.
    public let objectFormat: String

    /// Creates a value (used by `load` and by tests).
    public init(
        root: String?, gitDir: String, isBare: Bool, hasHEAD: Bool, headCommit: String? = nil,
        objectFormat: String = "sha1"
    ) {
        self.root = root
        self.gitDir = gitDir
        self.isBare = isBare
        self.hasHEAD = hasHEAD
        self.headCommit = headCommit
        self.objectFormat = objectFormat
    }

    /// The `rev-parse` arguments that answer every question at once, one answer per line:
    /// bare?, inside the work tree?, git dir, hash, top directory, HEAD's commit.
    ///
    /// `--show-toplevel` fails (status 128) outside a work tree, after the first four answers;
    /// `--verify --quiet HEAD` exits 1 without a line on an unborn branch.
    static let questions = [
        "rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--absolute-git-dir", "--show-object-format",
        "--show-toplevel", "--verify", "--quiet", "HEAD",
    ]

    /// Asks git about the repository that contains `runner.directory` (one process in a work tree).
    public static func load(_ runner: GitRunner) throws(GitError) -> RepositoryInfo {
        let output = try runner.run(questions, acceptedStatus: [0, 1, 128])
        return try parse(output, runner: runner)
    }

    /// Reads the answers to `questions`; outside a work tree HEAD is asked about separately.
    static func parse(_ output: GitOutput, runner: GitRunner) throws(GitError) -> RepositoryInfo {
        let answers = output.stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard answers.count >= 4, answers[0] == "true" || answers[0] == "false" else {
            // Not a repository, unsafe ownership, …: git's own message says which.
            throw runner.classifyFailure(arguments: questions, output: output)
        }
        let isBare = answers[0] == "true"
        let insideWorkTree = answers[1] == "true"
        let gitDir = answers[2]
        let objectFormat = answers[3]
        if insideWorkTree {
            guard output.status != 128, answers.count >= 5 else {
                throw runner.classifyFailure(arguments: questions, output: output)
            }
            let head = output.status == 0 && answers.count >= 6 && !answers[5].isEmpty ? answers[5] : nil
            return RepositoryInfo(
                root: answers[4], gitDir: gitDir, isBare: isBare, hasHEAD: head != nil, headCommit: head,
                objectFormat: objectFormat)
        }
        let head = try commitID(runner, "HEAD")
        return RepositoryInfo(
            root: nil, gitDir: gitDir, isBare: isBare, hasHEAD: head != nil, headCommit: head,
            objectFormat: objectFormat)
    }

    /// True when `revision` names a commit; false when it does not (never throws for an unknown name).
    static func hasCommit(_ runner: GitRunner, _ revision: String) throws(GitError) -> Bool {
        try commitID(runner, revision) != nil
    }

    /// The full id of the commit `revision` names; nil when it names none.
    static func commitID(_ runner: GitRunner, _ revision: String) throws(GitError) -> String? {
        let output = try runner.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"],
            acceptedStatus: [0, 1, 128])
        return output.status == 0 && !output.text.isEmpty ? output.text : nil
    }

    /// The id of the empty tree for `objectFormat`; other hashes are asked of git (hashing empty
    /// standard input rather than reading /dev/null, which need not be a device).
    static func emptyTree(_ runner: GitRunner, objectFormat: String) throws(GitError) -> String {
        switch objectFormat {
        case "sha1": return "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        case "sha256": return "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
        default:
            let output = try runner.run(["hash-object", "-t", "tree", "--stdin"], input: [])
            return String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
