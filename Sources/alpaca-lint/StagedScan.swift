import AlpacaCore
import AlpacaGit
import Foundation
import PCRE2Kit

/// Scans what the next commit adds: the staged content of each file, reporting findings on
/// added lines only, with line numbers of the staged file.
struct StagedScan {
    let setup: RunSetup
    let maxFileSize: Int

    func run() throws -> ScanOutcome {
        let snapshot: StagedSnapshot
        do {
            snapshot = try StagedSource(runner: GitRunner(directory: FileManager.default.currentDirectoryPath)).load(maxFileSize: maxFileSize)
        } catch {
            throw ScanFailure(message: "cannot read the staged changes: \(error)")
        }
        var outcome = ScanOutcome()
        outcome.summary.filesSkipped = snapshot.skipped.count
        let scratch = PCRE2MatchScratch()
        for file in snapshot.files {
            // Paths from git are relative to the repository root, like the config's exclude globs.
            if setup.config.excludes(relativePath: file.path) { continue }
            var content = file.content
            if let decoded = TextDecoding.utf8FromBOM(content, count: content.count) {
                content = decoded
            } else if TextDecoding.looksBinary(content, count: content.count) {
                outcome.summary.filesSkipped += 1
                continue
            }
            let result = content.withUnsafeBytes {
                setup.scanner.scan($0, input: ScanInput(path: file.path, onlyLines: file.addedLines), scratch: scratch)
            }
            outcome.findings += result.findings
            outcome.warnings += result.warnings
            outcome.summary.filesScanned += 1
            outcome.summary.bytesScanned += content.count
            // A staged .env-style file is about to be committed: report it as tracked.
            outcome.findings += setup.envCheck.findings(
                displayPath: file.path, repoRelativePath: file.path, isTracked: true, isIgnored: false,
                holdsCredentials: result.findings.contains { $0.practice == 1 }, isStaged: true)
        }
        return outcome
    }
}
