/// Reads the lines added by every commit, for `--history [--since REV]`.
///
/// Deprecated: superseded by `BlobHistorySource`, which reads each unique blob once and streams,
/// instead of holding the whole `git log -p` output in memory. Kept until the CLI switches over.
///
/// Choices, and why:
/// - Renames are detected (`-M`): a file that is only moved adds nothing new, so its lines are not
///   reported again under the new name; only lines edited during the move count as added.
/// - Merge commits contribute no diff (`--diff-merges=off`): their changes were already added by the
///   commits being merged, and reading them again would only duplicate findings.
/// - Duplicates: when several commits add exactly the same lines to the same path (cherry-picks,
///   rebased copies on other branches), the patch is kept once and attributed to the commit that
///   introduced it first: the oldest committer date, and for equal dates the one git lists last
///   (git lists a child before its parents). Line numbers are not part of the comparison.
/// - Shallow clones are read as they are: the oldest commit present shows its whole tree as added.
public struct HistorySource: Sendable {
    /// The runner for any directory inside the repository (bare repositories work too).
    public let runner: GitRunner

    /// Creates a history source for the repository containing `runner.directory`.
    public init(runner: GitRunner) {
        self.runner = runner
    }

    /// Added lines of every commit reachable from any ref, or of `since..HEAD` when `since` is given.
    public func load(since: String? = nil) throws(GitError) -> HistorySnapshot {
        let range = try revisionRange(since: since)
        let arguments =
            [
                "log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
                // Pinned because `git log` is porcelain and honours log.showRoot, log.showSignature,
                // diff.noprefix, diff.mnemonicPrefix, diff.relative, diff.interHunkContext and diff.submodule.
                "--root", "--diff-merges=off", "--no-show-signature", "--no-relative", "--inter-hunk-context=0",
                "--src-prefix=a/", "--dst-prefix=b/", "--submodule=short", HistoryLogSplitter.formatArgument,
            ] + range + ["--"]
        let output = try runner.run(arguments)
        return Self.collect(HistoryLogSplitter.split(output.stdout))
    }

    private func revisionRange(since: String?) throws(GitError) -> [String] {
        guard let since else {
            let any = try runner.run(["rev-list", "--all", "--max-count=1"])
            if any.stdout.isEmpty { throw GitError.noCommits }
            return ["--all"]
        }
        guard try RepositoryInfo.hasCommit(runner, "HEAD") else { throw GitError.noCommits }
        let resolved = try runner.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(since)^{commit}"],
            acceptedStatus: [0, 1, 128])
        guard resolved.status == 0, !resolved.text.isEmpty else { throw GitError.invalidRevision(since) }
        return ["\(resolved.text)..HEAD"]
    }

    /// Keeps scannable patches, merging duplicates into the oldest commit that added them.
    static func collect(_ commits: [HistoryLogSplitter.Commit]) -> HistorySnapshot {
        var kept: [Candidate] = []
        var slotByKey: [DuplicateKey: Int] = [:]
        var skipped = 0
        var duplicates = 0
        for (order, commit) in commits.enumerated() {
            for (sequence, patch) in UnifiedDiffParser.parse(commit.diff).enumerated() {
                guard patch.hasScannableText, let path = patch.newPath else {
                    if patch.isBinary || patch.isSubmodule || patch.isSymlink { skipped += 1 }
                    continue
                }
                guard !patch.addedLines.isEmpty else { continue }
                let candidate = Candidate(
                    patch: HistoryPatch(commit: commit.id, date: commit.date, path: path, addedLines: patch.addedLines),
                    timestamp: commit.timestamp, order: order, sequence: sequence)
                let key = DuplicateKey(path: path, lines: patch.addedLines.map(\.bytes))
                if let slot = slotByKey[key] {
                    duplicates += 1
                    if candidate.isOlder(than: kept[slot]) { kept[slot] = candidate }
                } else {
                    slotByKey[key] = kept.count
                    kept.append(candidate)
                }
            }
        }
        let ordered = kept.sorted { $0.isOlder(than: $1) }
        return HistorySnapshot(
            patches: ordered.map(\.patch), commitCount: commits.count,
            skippedPatches: skipped, duplicatePatches: duplicates)
    }

    /// A patch with what is needed to order it: commit time, position in git's output, position in the commit.
    private struct Candidate {
        let patch: HistoryPatch
        let timestamp: Int
        let order: Int
        let sequence: Int

        /// Older commit first; for the same commit, diff order.
        func isOlder(than other: Candidate) -> Bool {
            if timestamp != other.timestamp { return timestamp < other.timestamp }
            if order != other.order { return order > other.order }
            return sequence < other.sequence
        }
    }

    /// Two patches are the same when they add the same lines (by content) to the same path.
    private struct DuplicateKey: Hashable {
        let path: String
        let lines: [[UInt8]]
    }
}
