import AlpacaCore
import AlpacaGit
import Foundation

/// The lines every commit added (each unique patch once), from `git log -p`. A key found here was
/// pushed at some point, so its finding adds practice 2 (rotate the key).
public struct PatchHistorySource: FragmentSource {
    /// The folder of the repository.
    public let directory: String
    /// Only commits after this revision (`REV..HEAD`), when given.
    public let since: String?
    /// Warnings of the source.
    public private(set) var warnings: [ScanWarning] = []
    /// Patches left out (binary, submodule, symlink).
    public private(set) var skipped = 0

    /// What history findings add to their message.
    public static let rotateAdvice = " It is in the git history: revoke and rotate it in the Alpaca dashboard; deleting the line does not un-leak it."

    /// Creates the source.
    public init(directory: String, since: String?) {
        self.directory = directory
        self.since = since
    }

    private var commits: [String: String] = [:]

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        let snapshot: HistorySnapshot
        do {
            snapshot = try HistorySource(runner: GitRunner(directory: directory)).load(since: since)
        } catch {
            throw ScanFailure("cannot read the git history: \(error)")
        }
        skipped = snapshot.skippedPatches
        for patch in snapshot.patches {
            var buffer: [UInt8] = []
            var lineNumbers: [Int] = []
            for added in patch.addedLines {
                buffer += added.bytes
                buffer.append(0x0A)
                lineNumbers.append(added.line)
            }
            let key = patch.commit + "\u{0}" + patch.path
            commits[key] = patch.date
            emit(Fragment(
                content: .bytes(buffer), displayPath: patch.path, repoPath: patch.path, lineNumbers: lineNumbers,
                origin: .blob(key)))
        }
    }

    public func finish(_ reports: [FragmentReport]) throws(ScanFailure) -> [FragmentReport] {
        reports.map { report in
            var report = report
            guard case .blob(let key) = report.info.origin else { return report }
            let commit = String(key.prefix(while: { $0 != "\u{0}" }))
            for index in report.findings.indices {
                report.findings[index].commit = commit
                report.findings[index].commitDate = commits[key]
                if !report.findings[index].relatedPractices.contains(2) && report.findings[index].practice != 2 {
                    report.findings[index].relatedPractices.append(2)
                }
                report.findings[index].message += Self.rotateAdvice
            }
            return report
        }
    }
}
