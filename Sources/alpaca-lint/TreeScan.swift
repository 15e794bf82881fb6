import AlpacaCore
import AlpacaGit
import AlpacaIgnore
import Foundation

/// Scans what git would commit under each path: tracked files plus untracked files no ignore
/// rule covers (or everything with --no-ignore), then the .env rules over the same files.
struct TreeScan {
    let setup: RunSetup
    let paths: [String]
    let respectIgnore: Bool
    let maxFileSize: Int
    let jobs: Int

    func run() throws -> ScanOutcome {
        var outcome = ScanOutcome()
        var walked: [WalkEntry] = []
        var walkedTracked: [Set<String>?] = []  // the tracked set of each walked file's repository
        var trackedByRoot: [String: Set<String>?] = [:]
        var warnings: [ScanWarning] = []
        var skipped = 0

        // The walk feeds the engine as it goes: files are matched while later folders are read.
        let engine = ScanEngine(scanner: setup.scanner, jobs: jobs, maxFileSize: maxFileSize)
        let result = try engine.scanStreaming { emit in
            for path in paths {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                var tracked: Set<String>?
                if let root = findRepositoryRoot(startingAt: directoryOf(absolute)) {
                    if let known = trackedByRoot[root] {
                        tracked = known
                    } else {
                        tracked = loadTracked(root: root, warnings: &warnings)
                        trackedByRoot[root] = tracked
                    }
                }
                let walker = Walker(
                    scanPath: path,
                    options: WalkOptions(respectIgnore: respectIgnore, maxFileSize: maxFileSize, trackedFiles: tracked))
                do {
                    try walker.walk { entry in
                        switch entry.kind {
                        case .file:
                            if setup.config.excludes(relativePath: entry.repoRelativePath) { return }
                            emit(FileToScan(displayPath: entry.displayPath, absolutePath: entry.absolutePathBytes, identityPath: entry.repoRelativePath))
                            walked.append(entry)
                            walkedTracked.append(tracked)
                        case .tooLarge, .special:
                            if setup.config.excludes(relativePath: entry.repoRelativePath) { return }
                            skipped += 1
                        case .unreadableDirectory(let error):
                            warnings.append(ScanWarning(path: entry.displayPath, message: "cannot read the folder (\(error)); skipped"))
                        case .symlinkSkipped:
                            break
                        }
                    }
                } catch let error as WalkError {
                    throw ScanFailure(message: "\(error)")
                }
            }
        }
        outcome.findings = result.findings
        outcome.warnings = warnings + result.warnings
        outcome.summary.filesScanned = result.summary.filesScanned
        outcome.summary.bytesScanned = result.summary.bytesScanned
        outcome.summary.filesSkipped = skipped + result.summary.filesSkipped

        let withCredentials = Set(outcome.findings.filter { $0.practice == 1 }.map(\.path))
        for (entry, tracked) in zip(walked, walkedTracked) {
            let isTracked = tracked?.contains(entry.repoRelativePath) ?? false
            outcome.findings += setup.envCheck.findings(
                displayPath: entry.displayPath, repoRelativePath: entry.repoRelativePath, isTracked: isTracked,
                isIgnored: entry.isIgnored, holdsCredentials: withCredentials.contains(entry.displayPath))
        }
        return outcome
    }

    private func directoryOf(_ absolute: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (absolute as NSString).deletingLastPathComponent
        }
        return absolute
    }

    /// The files git tracks, or nil (with a warning) when git cannot tell: then ignored but
    /// tracked files are not scanned and committed .env files are reported as not ignored.
    private func loadTracked(root: String, warnings: inout [ScanWarning]) -> Set<String>? {
        do {
            return try TrackedFiles.load(GitRunner(directory: root)).paths
        } catch {
            warnings.append(ScanWarning(path: nil, message: "cannot ask git which files are tracked (\(error)); scanning by ignore rules only"))
            return nil
        }
    }
}
