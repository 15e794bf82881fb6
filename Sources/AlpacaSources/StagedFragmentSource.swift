import AlpacaCore
import AlpacaGit
import Foundation

/// What the next commit adds: each staged text blob whole (so context rules see the file), with
/// only the added lines kept, numbered as in the staged file.
///
/// A pre-commit hook waits for this scan, so its cost is kept near git's own: `start()` reads the
/// index on another thread (three git processes started together) while the caller compiles the
/// rules, and only staged blobs are read.
public struct StagedFragmentSource: FragmentSource {
    /// The folder the scan was started from (any folder of the working tree).
    public let directory: String
    /// Blobs larger than this are not read (named in a warning).
    public let maxFileSize: Int
    /// Warnings of the source.
    public private(set) var warnings: [ScanWarning] = []
    /// Staged paths that were not scanned (binary, submodule, symlink, unmerged).
    public var skipped: Int { skippedInputs.count }
    /// The staged paths that were not scanned, with why.
    public private(set) var skippedInputs: [SkippedInput] = []
    private var pending: PendingSnapshot?

    /// Creates a staged source.
    public init(directory: String, maxFileSize: Int) {
        self.directory = directory
        self.maxFileSize = maxFileSize
    }

    /// Starts reading the index in the background.
    public mutating func start() {
        if pending == nil { pending = PendingSnapshot(directory: directory, maxFileSize: maxFileSize) }
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        start()
        let snapshot: StagedSnapshot
        switch pending!.wait() {
        case .success(let read): snapshot = read
        case .failure(let error): throw ScanFailure("cannot read the staged changes: \(error)")
        }
        for file in snapshot.skipped {
            let tooLarge = "not scanned: the staged file is over the size limit of \(maxFileSize) bytes (raise it with --max-file-size)"
            if file.reason == .tooLarge {
                warnings.append(ScanWarning(path: file.path, message: tooLarge))
            }
            skippedInputs.append(SkippedInput(path: file.path, reason: Self.reason(file.reason, tooLarge: tooLarge)))
        }
        for file in snapshot.files {
            emit(Fragment(
                content: .bytes(file.content), displayPath: file.path, repoPath: file.path, keepLines: file.addedLines,
                origin: .index, gitState: Fragment.GitState(isTracked: true, isIgnored: false, isStaged: true)))
        }
    }

    /// Why a staged path was left out, in the words `--verbose` uses for files.
    private static func reason(_ reason: SkippedFile.Reason, tooLarge: String) -> String {
        switch reason {
        case .binary: SkipReason.binary.message(limit: 0)
        case .submodule: "not scanned: a submodule (its content is another repository's commit)"
        case .symlink: "not scanned: a symbolic link (its content is only the link target)"
        case .tooLarge: tooLarge
        case .unmerged: "not scanned: unmerged (a merge conflict in the index; resolve it and stage the file)"
        }
    }
}

/// The staged snapshot, read on a background thread; `wait()` hands it over once.
private final class PendingSnapshot: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the reading thread before `done` is signalled, read after `wait()`.
    private var result: Result<StagedSnapshot, GitError>?

    init(directory: String, maxFileSize: Int) {
        let thread = Thread { [self] in
            do throws(GitError) {
                result = .success(try StagedSource(runner: GitRunner(directory: directory)).load(maxFileSize: maxFileSize))
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
        thread.start()
    }

    /// Blocks until the snapshot is read.
    func wait() -> Result<StagedSnapshot, GitError> {
        done.wait()
        done.signal()
        return result!
    }
}
