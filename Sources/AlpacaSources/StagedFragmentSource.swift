import AlpacaCore
import AlpacaGit
import Foundation

/// What the next commit adds: each staged text blob whole (so context rules see the file), with
/// only the added lines kept, numbered as in the staged file.
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

    /// Creates a staged source.
    public init(directory: String, maxFileSize: Int) {
        self.directory = directory
        self.maxFileSize = maxFileSize
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        let snapshot: StagedSnapshot
        do {
            snapshot = try StagedSource(runner: GitRunner(directory: directory)).load(maxFileSize: maxFileSize)
        } catch {
            throw ScanFailure("cannot read the staged changes: \(error)")
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
