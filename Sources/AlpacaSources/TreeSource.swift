import AlpacaCore
import AlpacaGit
import AlpacaIgnore
import Foundation

/// What git would commit under each scan path: tracked files plus the untracked files no ignore
/// rule covers (everything with `respectIgnore` off), as file fragments with their git state.
public struct TreeSource: FragmentSource {
    /// The paths as the user named them.
    public let paths: [String]
    /// Honour git's ignore rules.
    public let respectIgnore: Bool
    /// Repository-relative paths to leave out (configuration excludes), checked before anything is counted.
    public let excludes: @Sendable (String) -> Bool
    /// Warnings of the walk (unreadable folders, git unavailable).
    public private(set) var warnings: [ScanWarning] = []
    /// Special files (FIFOs, sockets, devices) that were not opened.
    public var skipped: Int { skippedInputs.count }
    /// The special files, with why.
    public private(set) var skippedInputs: [SkippedInput] = []

    /// Creates a tree source.
    public init(paths: [String], respectIgnore: Bool, excludes: @escaping @Sendable (String) -> Bool) {
        self.paths = paths
        self.respectIgnore = respectIgnore
        self.excludes = excludes
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        var trackedByRoot: [String: Set<String>?] = [:]
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var tracked: Set<String>?
            if let root = findRepositoryRoot(startingAt: Self.directory(of: absolute)) {
                if let known = trackedByRoot[root] {
                    tracked = known
                } else {
                    tracked = loadTracked(root: root)
                    trackedByRoot[root] = tracked
                }
            }
            let walker = Walker(scanPath: path, options: WalkOptions(respectIgnore: respectIgnore, trackedFiles: tracked))
            do {
                try walker.walk { entry in
                    if excludes(entry.repoRelativePath) { return }
                    switch entry.kind {
                    case .file, .tooLarge:
                        let state = Fragment.GitState(
                            isTracked: tracked?.contains(entry.repoRelativePath) ?? false,
                            isIgnored: entry.isIgnored)
                        emit(Fragment(
                            content: .file(path: entry.absolutePathBytes), displayPath: entry.displayPath,
                            repoPath: entry.repoRelativePath, origin: .workingTree,
                            gitState: state))
                    case .special:
                        skippedInputs.append(SkippedInput(path: entry.displayPath, reason: SkipReason.notRegular.message(limit: 0)))
                    case .unreadableDirectory(let error):
                        // The repository path places the warning right in SARIF whatever folder the scan started in.
                        warnings.append(ScanWarning(
                            path: entry.displayPath, message: "cannot read the folder (\(error)); its files were not scanned",
                            repoPath: entry.repoRelativePath))
                    case .symlinkSkipped:
                        break
                    }
                }
            } catch let error as WalkError {
                throw ScanFailure("\(error)")
            } catch {
                throw ScanFailure("\(error)")
            }
        }
    }

    private static func directory(of absolute: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (absolute as NSString).deletingLastPathComponent
        }
        return absolute
    }

    /// The files git tracks, or nil (with a warning) when git cannot tell: then ignored but
    /// tracked files are not scanned and committed .env files are reported as not ignored.
    private mutating func loadTracked(root: String) -> Set<String>? {
        do {
            return try TrackedFiles.load(GitRunner(directory: root)).paths
        } catch {
            warnings.append(ScanWarning(
                path: nil, message: "cannot ask git which files are tracked (\(error)); scanning by ignore rules only, so ignored but tracked files were not scanned"))
            return nil
        }
    }
}
