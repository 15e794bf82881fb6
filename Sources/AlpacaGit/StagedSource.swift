/// Reads what the next commit would add, from the index only (the working tree is never read).
///
/// Three git processes: `diff-index --cached --raw -z -M` for the list of paths (names are exact, even
/// with spaces, newlines or non-ASCII bytes), `diff-index --cached -p -U0 -M` for the added line
/// numbers, and one `cat-file --batch` for the staged blobs.
public struct StagedSource: Sendable {
    /// The runner for the directory the user named (any directory inside the working tree).
    public let runner: GitRunner

    /// Creates a staged source for the repository containing `runner.directory`.
    public init(runner: GitRunner) {
        self.runner = runner
    }

    /// The staged text files with their added lines; files larger than `maxFileSize` bytes are skipped.
    public func load(maxFileSize: Int? = nil) throws(GitError) -> StagedSnapshot {
        let info = try RepositoryInfo.load(runner)
        if info.isBare { throw GitError.bareRepository(gitDir: info.gitDir) }
        guard let root = info.root else { throw GitError.noWorkTree(directory: runner.directory) }
        // On an unborn branch there is no HEAD to compare with: everything staged is new.
        let base = info.hasHEAD ? "HEAD" : try RepositoryInfo.emptyTree(runner)

        let entries = try listStagedEntries(base: base)
        let patches = try stagedPatches(base: base)

        var skipped: [SkippedFile] = []
        var candidates: [RawDiffEntry] = []
        for entry in entries {
            switch (entry.status, entry.newMode) {
            case ("D", _): continue
            case ("U", _): skipped.append(SkippedFile(path: entry.path, reason: .unmerged))
            case (_, "160000"): skipped.append(SkippedFile(path: entry.path, reason: .submodule))
            case (_, "120000"): skipped.append(SkippedFile(path: entry.path, reason: .symlink))
            default:
                if patches[entry.path]?.isBinary == true {
                    skipped.append(SkippedFile(path: entry.path, reason: .binary))
                } else {
                    candidates.append(entry)
                }
            }
        }

        if let maxFileSize {
            let sizes = try CatFileBatch.sizes(of: candidates.map(\.newObject), runner: runner)
            var kept: [RawDiffEntry] = []
            for (entry, size) in zip(candidates, sizes) {
                if size > maxFileSize {
                    skipped.append(SkippedFile(path: entry.path, reason: .tooLarge))
                } else {
                    kept.append(entry)
                }
            }
            candidates = kept
        }

        let contents = try CatFileBatch.contents(of: candidates.map(\.newObject), runner: runner)
        var files: [StagedFile] = []
        for (entry, content) in zip(candidates, contents) {
            // A pure rename of a binary file has no "Binary files" line, so git's test is repeated here.
            if BinaryHeuristic.looksBinary(content) {
                skipped.append(SkippedFile(path: entry.path, reason: .binary))
                continue
            }
            let added = Set(patches[entry.path]?.addedLines.map(\.line) ?? [])
            files.append(StagedFile(path: entry.path, content: content, addedLines: added, objectID: entry.newObject))
        }
        return StagedSnapshot(
            root: root,
            files: files.sorted { $0.path < $1.path },
            skipped: skipped.sorted { $0.path < $1.path })
    }

    private func listStagedEntries(base: String) throws(GitError) -> [RawDiffEntry] {
        let arguments = ["diff-index", "--cached", "--raw", "-z", "-M", "--no-abbrev", base, "--"]
        let output = try runner.run(arguments)
        return try RawDiffEntry.parseListing(output.stdout, command: "diff-index --cached --raw")
    }

    /// Patches keyed by new path; deleted files (no new path) are dropped.
    private func stagedPatches(base: String) throws(GitError) -> [String: FilePatch] {
        let arguments = [
            "diff-index", "--cached", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
            // Pinned so that the header shape does not depend on user configuration.
            "--inter-hunk-context=0", "--src-prefix=a/", "--dst-prefix=b/", "--submodule=short", "--no-relative",
            base, "--",
        ]
        let output = try runner.run(arguments)
        var byPath: [String: FilePatch] = [:]
        for patch in UnifiedDiffParser.parse(output.stdout) {
            if let newPath = patch.newPath { byPath[newPath] = patch }
        }
        return byPath
    }
}
