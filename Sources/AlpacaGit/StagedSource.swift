import Foundation

/// Reads what the next commit would add, from the index only (the working tree is never read).
///
/// Three git processes, started together so that their start-up costs overlap:
/// - `rev-parse` answers root, git directory, bare?, hash and HEAD in one call;
/// - `diff-index --cached --patch-with-raw -z -U0 -M HEAD` gives, in one output, the exact path
///   listing (`-z` raw records: names even with spaces, newlines or non-UTF-8 bytes) followed by
///   the `-U0` hunks that number the added lines (the patch part is unchanged by `-z`);
/// - `cat-file --batch`, fed once the list is known, streams the staged blobs; a blob over the size
///   limit is streamed past, never held.
/// On an unborn branch the diff against HEAD fails and is run again against the empty tree.
public struct StagedSource: Sendable {
    /// The runner for the directory the user named (any directory inside the working tree).
    public let runner: GitRunner

    /// Creates a staged source for the repository containing `runner.directory`.
    public init(runner: GitRunner) {
        self.runner = runner
    }

    /// The staged text files with their added lines; files larger than `maxFileSize` bytes are skipped.
    public func load(maxFileSize: Int? = nil) throws(GitError) -> StagedSnapshot {
        // The diff first: it is the slow one (it reads the whole index), and each start costs
        // about a millisecond, so the others start while it works.
        let started = try StreamingGitProcess.startAll([
            (StagedSource.diffArguments(base: "HEAD"), false), (["cat-file", "--batch"], true),
            (RepositoryInfo.questions, false),
        ], runner: runner)
        let (diff, catFile, questions) = (started[0], started[1], started[2])
        // Every exit path below must end the processes; `finish` is idempotent enough for that.
        let answers = questions.output.readAll()
        let answered = questions.finish()
        let diffOutput = diff.output.readAll()
        let diffExit = diff.finish()

        let info: RepositoryInfo
        do {
            info = try RepositoryInfo.parse(
                GitOutput(status: answered.status, stdout: answers, stderr: answered.stderr), runner: runner)
        } catch {
            _ = catFile.finish()
            throw error
        }
        guard !info.isBare, let root = info.root else {
            _ = catFile.finish()
            if info.isBare { throw GitError.bareRepository(gitDir: info.gitDir) }
            throw GitError.noWorkTree(directory: runner.directory)
        }

        var listing = diffOutput
        if !info.hasHEAD {
            // An unborn branch has no HEAD to compare with: everything staged is new.
            let base = try RepositoryInfo.emptyTree(runner, objectFormat: info.objectFormat)
            listing = try runner.run(StagedSource.diffArguments(base: base)).stdout
        } else if diffExit.status != 0 {
            _ = catFile.finish()
            throw diff.failure(status: diffExit.status, stderr: diffExit.stderr)
        }

        let parts: (entries: [RawDiffEntry], patch: ArraySlice<UInt8>)
        do {
            parts = try RawDiffEntry.splitPatchWithRaw(listing, command: "diff-index --cached --patch-with-raw -z")
        } catch {
            _ = catFile.finish()
            throw error
        }
        var patches: [String: FilePatch] = [:]
        for patch in UnifiedDiffParser.parse(parts.patch) {
            if let newPath = patch.newPath { patches[newPath] = patch }
        }

        var skipped: [SkippedFile] = []
        var candidates: [RawDiffEntry] = []
        for entry in parts.entries {
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

        let contents = try CatFileBatch.stream(
            candidates.map(\.newObject), through: catFile, maxSize: maxFileSize)
        var files: [StagedFile] = []
        for (entry, content) in zip(candidates, contents) {
            guard let content else {
                skipped.append(SkippedFile(path: entry.path, reason: .tooLarge))
                continue
            }
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

    /// One diff for both the exact name listing and the added line numbers. Pinned so that the
    /// header shape does not depend on user configuration.
    static func diffArguments(base: String) -> [String] {
        [
            "diff-index", "--cached", "--patch-with-raw", "-z", "-U0", "--no-abbrev", "--no-color", "--no-ext-diff",
            "--no-textconv", "-M", "--inter-hunk-context=0", "--src-prefix=a/", "--dst-prefix=b/",
            "--submodule=short", "--no-relative", base, "--",
        ]
    }
}
