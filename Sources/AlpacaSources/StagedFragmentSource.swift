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
    public private(set) var skipped = 0

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
            skipped += 1
            if file.reason == .tooLarge {
                warnings.append(ScanWarning(path: file.path, message: "not scanned: the staged file is over the size limit of \(maxFileSize) bytes (raise it with --max-file-size)"))
            }
        }
        for file in snapshot.files {
            emit(Fragment(
                content: .bytes(file.content), displayPath: file.path, repoPath: file.path, keepLines: file.addedLines,
                origin: .index, gitState: Fragment.GitState(isTracked: true, isIgnored: false, isStaged: true)))
        }
    }
}
