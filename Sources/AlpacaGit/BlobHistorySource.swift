import Dispatch
import Foundation

/// Reads every unique blob of a history once, streaming, with memory that does not grow with the
/// size of the history's content (the way Kingfisher and Nosey Parker scan history).
///
/// How:
/// - One `git log --topo-order --reverse --raw -z` stream lists, commit by commit (parents first),
///   the paths each commit's diff against its first parent adds or changes (root commits against
///   the empty tree). The first commit in that order whose diff adds a (path, blob) pair is where
///   the blob entered the history at that path. Every (path, blob) of every commit's tree is
///   covered: following first parents from any commit back to a root, the pair is either in the
///   root's tree (added by the root's diff) or added by the first-parent diff of the commit where
///   it first appears along that chain; merges, including conflict resolutions that neither
///   parent had, are diffed against their first parent too. For a range (`A..B`) the same holds
///   down to the range's boundary: what the excluded commits already had is not read again.
/// - Each blob seen for the first time is requested at once from a long-lived `git cat-file --batch`
///   (several of them, each owning the blobs of some paths, so that versions of one file stay in one
///   process and git's delta cache keeps working), and handed to `onBlob` as soon as its bytes arrive.
/// - For a range, the old side of each change to a file that predates the range (a "boundary"
///   blob: the file's content when the range began) is read as well, once per (path, blob), so
///   that a caller can tell secrets a range added from secrets it only carried along
///   (`HistoryScanIndex.boundaryPaths`). A full-history scan has no boundary.
/// - Only compact bookkeeping is kept (`HistoryScanIndex`): ids, interned paths, commit metadata
///   and (blob, path, commit) triples. No diff text, no content.
///
/// Pinned against user configuration: renames off (`--no-renames`: a moved file's blob is already
/// known), `--root`, `--diff-merges=first-parent`, `--no-relative`, `--no-show-signature`,
/// `--encoding=UTF-8`, no mailmap, no diff order file, and `--no-replace-objects` so that replace
/// refs cannot hide the objects really stored. Symbolic links and submodules are not read.
public struct BlobHistorySource: Sendable {
    /// The runner for any directory inside the repository (bare repositories work too).
    public let runner: GitRunner
    /// How many `git cat-file --batch` processes read blobs in parallel (at least 1).
    public let readerCount: Int

    /// Creates a source for the repository containing `runner.directory`, reading with `readerCount` processes.
    public init(runner: GitRunner, readerCount: Int = 2) {
        self.runner = runner
        self.readerCount = max(1, readerCount)
    }

    /// Scans `range`, calling `onBlob` for every unique blob of at most `maxBlobSize` bytes (nil: no
    /// limit) and `onSkip` for every other one, then returns the index for looking up where blobs came from.
    ///
    /// Threads: the callbacks run on up to `readerCount` threads at once (the calling thread is one
    /// of them); blobs of one path arrive in topological order, blobs of different paths in no fixed
    /// order. A callback may block (a full queue downstream): git then simply waits. Each blob is
    /// handed over exactly once. Errors: `noCommits` for a repository without commits,
    /// `invalidRevision` / `invalidRange` for bad ranges, and git's own failure otherwise; blobs
    /// delivered before a failure stay delivered.
    public func run(
        range: HistoryRange = .all,
        maxBlobSize: Int? = nil,
        onBlob: @escaping @Sendable (HistoryBlob) -> Void,
        onSkip: @escaping @Sendable (SkippedBlob) -> Void
    ) throws(GitError) -> HistoryScanIndex {
        let revisions = try HistoryRangeResolver.revisions(for: range, runner: runner)
        let log = try StreamingGitProcess(
            runner: runner, arguments: BlobHistorySource.logArguments(revisions: revisions), writableInput: false)
        var started: [StreamingGitProcess] = []
        for _ in 0..<readerCount {
            do {
                started.append(
                    try StreamingGitProcess(
                        runner: runner,
                        arguments: BlobHistorySource.memoryCaps + ["--no-replace-objects", "cat-file", "--batch"],
                        writableInput: true,
                        // A partial clone must not start fetching missing blobs (git 2.45 and later honour this).
                        extraEnvironment: ["GIT_NO_LAZY_FETCH": "1"]))
            } catch {
                for process in started { _ = process.finish() }
                _ = log.finish()
                throw error
            }
        }
        let catFiles = started
        let queues = catFiles.map { _ in PendingPaths() }
        let failure = FirstFailure()
        let done = DispatchGroup()

        let builderBox = BuilderBox()
        done.enter()
        Thread.detachNewThread { [runner] in
            builderBox.builder = BlobHistorySource.enumerate(
                log: log, catFiles: catFiles, queues: queues, runner: runner, tracksBoundary: range != .all, failure: failure)
            done.leave()
        }
        let skippedBoxes = catFiles.map { _ in SkippedBox() }
        for reader in 1..<catFiles.count {
            done.enter()
            Thread.detachNewThread {
                skippedBoxes[reader].skipped = BlobHistorySource.readBlobs(
                    from: catFiles[reader], paths: queues[reader], maxBlobSize: maxBlobSize,
                    onBlob: onBlob, onSkip: onSkip, failure: failure)
                done.leave()
            }
        }
        skippedBoxes[0].skipped = BlobHistorySource.readBlobs(
            from: catFiles[0], paths: queues[0], maxBlobSize: maxBlobSize,
            onBlob: onBlob, onSkip: onSkip, failure: failure)
        done.wait()

        if let error = failure.value { throw error }
        let builder = builderBox.builder
        if range == .all && builder.commitCount == 0 { throw GitError.noCommits }
        return builder.build(skipped: skippedBoxes.flatMap(\.skipped))
    }

    /// Caps on git's own memory, which would otherwise grow with the pack size (pack windows are
    /// memory-mapped, up to 8 GiB, and the delta base cache holds 96 MiB): with them each git
    /// process stays near 110 MiB on the benchmark repository (170 MiB without) at the same speed.
    static let memoryCaps = [
        "-c", "core.packedGitWindowSize=16m", "-c", "core.packedGitLimit=64m", "-c", "core.deltaBaseCacheLimit=32m",
    ]

    /// The `git log` arguments for the verified `revisions`.
    static func logArguments(revisions: [String]) -> [String] {
        memoryCaps + [
            "--no-replace-objects", "log", "--topo-order", "--reverse", "--raw", "-z", "--no-abbrev",
            "--no-renames", "--root", "--diff-merges=first-parent", "--no-relative", "--no-show-signature",
            "--no-use-mailmap", "--encoding=UTF-8", "-O/dev/null", "--no-color", RawLogReader.formatArgument,
        ] + revisions + ["--"]
    }

    /// Parses the log, records commits and introductions, requests each new blob from its reader's
    /// cat-file, then reads HEAD's tree. Runs on its own thread; errors go to `failure`.
    private static func enumerate(
        log: StreamingGitProcess, catFiles: [StreamingGitProcess], queues: [PendingPaths], runner: GitRunner,
        tracksBoundary: Bool, failure: FirstFailure
    ) -> HistoryIndexBuilder {
        var builder = HistoryIndexBuilder()
        let requests = RequestBatcher(catFiles: catFiles, queues: queues)
        // Requests go out in batches, whenever the log reader is about to wait for git log.
        log.output.willWait = { requests.flush() }
        var reader = RawLogReader(input: log.output)
        var abandoned = false
        do throws(GitError) {
            while let record = try reader.next() {
                switch record {
                case .commit(let sha, let timestamp, let name, let email):
                    guard builder.addCommit(sha: sha, timestamp: timestamp, authorName: name, authorEmail: email)
                    else {
                        throw GitError.unexpectedOutput(command: "log --raw -z", reason: "commit id is not hex")
                    }
                case .entry(let oldMode, let oldObject, let mode, let object, let status, let path):
                    if status == UInt8(ascii: "D") { continue }
                    // In a range, a change to a file the range did not create starts from content
                    // older than the range: that blob is read too, so that secrets the range only
                    // carried along are not taken for new ones.
                    if tracksBoundary && status != UInt8(ascii: "A") && oldMode.starts(with: "100".utf8),
                        let outcome = builder.addOldSide(blob: oldObject, path: path), outcome.isNewBlob
                    {
                        requests.add(oldObject, path: path, reader: Int(outcome.path) % catFiles.count)
                    }
                    if mode.starts(with: "100".utf8) {
                        guard let outcome = builder.addFile(blob: object, path: path) else {
                            throw GitError.unexpectedOutput(command: "log --raw -z", reason: "blob id is not hex")
                        }
                        if outcome.isNewBlob {
                            requests.add(object, path: path, reader: Int(outcome.path) % catFiles.count)
                        }
                    } else if mode.elementsEqual("120000".utf8) || mode.elementsEqual("160000".utf8) {
                        builder.linkEntryCount += 1
                    }
                }
                // A cat-file that died cannot take requests: its reader reports why; stop feeding.
                if requests.failed {
                    abandoned = true
                    break
                }
            }
            requests.flush()
        } catch {
            failure.record(error)
            abandoned = true
        }
        log.output.willWait = nil
        for catFile in catFiles { catFile.closeInput() }
        let (status, stderr) = log.finish()
        if !abandoned && status != 0 {
            failure.record(log.failure(status: status, stderr: stderr))
        }
        if requests.failed || abandoned {
            // The reader of that process knows why (git's message); this only stands in if it does not.
            failure.record(
                GitError.unexpectedOutput(command: "cat-file --batch", reason: "stopped reading requests"),
                isConsequence: true)
            return builder
        }
        if builder.commitCount > 0 {
            do {
                try readHead(into: &builder, runner: runner)
            } catch {
                failure.record(error)
            }
        }
        return builder
    }

    /// Adds HEAD's tree (`ls-tree -r -z --full-tree HEAD`, streamed) to the index; nothing when HEAD is unborn.
    private static func readHead(into builder: inout HistoryIndexBuilder, runner: GitRunner) throws(GitError) {
        let tree = try StreamingGitProcess(
            runner: runner, arguments: ["--no-replace-objects", "ls-tree", "-r", "-z", "--full-tree", "HEAD"],
            writableInput: false)
        var record: [UInt8] = []
        var malformed = false
        while tree.output.readField(until: 0, into: &record) {
            // "<mode> <type> <id>\t<path>"
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else {
                malformed = true
                break
            }
            let meta = record[..<tab].split(separator: UInt8(ascii: " "))
            if meta.count == 3, meta[0].starts(with: "100".utf8) {
                builder.addHeadEntry(blob: Array(meta[2]), path: Array(record[(tab + 1)...]))
            }
            record.removeAll(keepingCapacity: true)
        }
        let (status, stderr) = tree.finish()
        if malformed {
            throw GitError.unexpectedOutput(command: "ls-tree -r -z", reason: "entry without a path")
        }
        if status == 0 {
            builder.markHeadPresent()
            return
        }
        // An unborn HEAD (other branches exist) is not an error: nothing is "still in HEAD".
        if try RepositoryInfo.hasCommit(runner, "HEAD") {
            throw tree.failure(status: status, stderr: stderr)
        }
    }

    /// Reads one cat-file's answers in request order and hands them to the callbacks.
    /// Runs on the calling thread or a reader thread; errors go to `failure`.
    private static func readBlobs(
        from catFile: StreamingGitProcess, paths: PendingPaths, maxBlobSize: Int?,
        onBlob: @Sendable (HistoryBlob) -> Void, onSkip: @Sendable (SkippedBlob) -> Void, failure: FirstFailure
    ) -> [SkippedBlob] {
        var reader = CatFileResponseReader(input: catFile.output)
        var skipped: [SkippedBlob] = []
        let blobType = Array("blob".utf8)
        var failed = false
        do throws(GitError) {
            while let response = try reader.next(keep: { type, size in
                type.elementsEqual(blobType) && size <= (maxBlobSize ?? Int.max)
            }) {
                guard let path = paths.pop() else {
                    throw GitError.unexpectedOutput(command: "cat-file --batch", reason: "an answer nobody asked for")
                }
                switch response {
                case .contents(let oid, _, let bytes):
                    onBlob(HistoryBlob(oid: oid, path: path, bytes: bytes))
                case .skipped(let oid, let type, let size):
                    let reason: SkippedBlob.Reason = type == blobType ? .tooLarge : .notABlob
                    let blob = SkippedBlob(oid: oid, path: path, size: size, reason: reason)
                    skipped.append(blob)
                    onSkip(blob)
                case .missing(let name):
                    let blob = SkippedBlob(oid: name, path: path, size: nil, reason: .missing)
                    skipped.append(blob)
                    onSkip(blob)
                }
            }
        } catch {
            failure.record(error)
            failed = true
            // Unblocks the log thread if it is waiting to write more requests to this process.
            catFile.terminate()
        }
        let (status, stderr) = catFile.finish()
        if !failed {
            if status != 0 {
                failure.record(catFile.failure(status: status, stderr: stderr))
            } else if !paths.isEmpty {
                failure.record(GitError.unexpectedOutput(command: "cat-file --batch", reason: "output ended early"))
            }
        }
        return skipped
    }
}

/// Requests (blob ids) batched per cat-file process, with the paths its reader will need.
private final class RequestBatcher {
    private let catFiles: [StreamingGitProcess]
    private let queues: [PendingPaths]
    private var lines: [[UInt8]]
    private var paths: [[String]]
    /// True once a write failed: that cat-file is gone.
    private(set) var failed = false

    init(catFiles: [StreamingGitProcess], queues: [PendingPaths]) {
        self.catFiles = catFiles
        self.queues = queues
        lines = catFiles.map { _ in [] }
        paths = catFiles.map { _ in [] }
    }

    func add(_ object: [UInt8], path: [UInt8], reader: Int) {
        lines[reader].append(contentsOf: object)
        lines[reader].append(UInt8(ascii: "\n"))
        paths[reader].append(String(decoding: path, as: UTF8.self))
    }

    /// Sends every batched request; the paths are queued first, so a reader always finds the path
    /// of an answer it receives.
    func flush() {
        for reader in catFiles.indices where !lines[reader].isEmpty {
            queues[reader].push(paths[reader])
            if !failed && !catFiles[reader].write(lines[reader]) { failed = true }
            lines[reader].removeAll(keepingCapacity: true)
            paths[reader].removeAll(keepingCapacity: true)
        }
    }
}

/// The paths of requested blobs, in request order, shared by the log thread and one reader.
private final class PendingPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    private var head = 0

    func push(_ paths: [String]) {
        lock.withLock {
            if head > 4096 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            items.append(contentsOf: paths)
        }
    }

    func pop() -> String? {
        lock.withLock {
            guard head < items.count else { return nil }
            head += 1
            return items[head - 1]
        }
    }

    var isEmpty: Bool { lock.withLock { head >= items.count } }
}

/// The first error any thread met; later ones are consequences and are dropped.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: GitError?
    private var firstIsConsequence = false

    /// Keeps `error` unless one is already kept; an error marked as a consequence of another
    /// thread's failure gives way to that thread's own error, whichever comes first.
    func record(_ error: GitError, isConsequence: Bool = false) {
        lock.withLock {
            if first == nil || (firstIsConsequence && !isConsequence) {
                first = error
                firstIsConsequence = isConsequence
            }
        }
    }

    var value: GitError? { lock.withLock { first } }
}

/// Hands the builder from the log thread to the caller; `DispatchGroup.wait` orders the accesses.
private final class BuilderBox: @unchecked Sendable {
    var builder = HistoryIndexBuilder()
}

/// Hands a reader thread's skipped blobs to the caller; `DispatchGroup.wait` orders the accesses.
private final class SkippedBox: @unchecked Sendable {
    var skipped: [SkippedBlob] = []
}
