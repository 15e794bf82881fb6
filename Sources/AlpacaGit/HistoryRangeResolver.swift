/// Turns a `HistoryRange` into `git log` revision arguments made only of verified commit ids,
/// so that nothing the user typed reaches `git log` as an option or a path.
enum HistoryRangeResolver {
    /// The revision arguments for `range`; throws `invalidRevision`/`invalidRange`, or `noCommits`
    /// when the repository has no commit at all.
    static func revisions(for range: HistoryRange, runner: GitRunner) throws(GitError) -> [String] {
        switch range {
        case .all:
            // An empty repository is detected from the empty log instead: one process fewer.
            return ["--all"]
        case .since(let revision):
            guard try RepositoryInfo.hasCommit(runner, "HEAD") else { throw GitError.noCommits }
            let base = try commit(revision, runner: runner)
            return ["^" + base, "HEAD"]
        case .branch(let name):
            if let local = try resolve("refs/heads/" + name, runner: runner) { return [local] }
            return [try commit(name, runner: runner)]
        case .range(let text):
            let symmetric = text.contains("...")
            let separator = symmetric ? "..." : ".."
            guard let split = text.range(of: separator) else { throw GitError.invalidRange(text) }
            let left = String(text[..<split.lowerBound])
            let right = String(text[split.upperBound...])
            guard !right.contains(".."), !(left.isEmpty && right.isEmpty) else { throw GitError.invalidRange(text) }
            let from = try commit(left.isEmpty ? "HEAD" : left, runner: runner)
            let to = try commit(right.isEmpty ? "HEAD" : right, runner: runner)
            return symmetric ? [from + "..." + to] : ["^" + from, to]
        }
    }

    /// The full id of the commit `revision` names; `noCommits` in an empty repository, else `invalidRevision`.
    private static func commit(_ revision: String, runner: GitRunner) throws(GitError) -> String {
        if let id = try resolve(revision, runner: runner) { return id }
        let any = try runner.run(["rev-list", "--all", "--max-count=1"])
        if any.stdout.isEmpty { throw GitError.noCommits }
        throw GitError.invalidRevision(revision)
    }

    private static func resolve(_ revision: String, runner: GitRunner) throws(GitError) -> String? {
        let output = try runner.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"],
            acceptedStatus: [0, 1, 128])
        guard output.status == 0, !output.text.isEmpty else { return nil }
        return output.text
    }
}
