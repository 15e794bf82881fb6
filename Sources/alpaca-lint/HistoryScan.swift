import AlpacaCore
import AlpacaGit
import Dispatch
import Foundation
import PCRE2Kit
import Synchronization

/// Scans the lines every commit added (each unique patch once). A key found here was pushed at
/// some point: the finding adds practice 2 (rotate the key), since deleting it is not enough.
struct HistoryScan {
    let setup: RunSetup
    let since: String?
    let jobs: Int

    static let rotateAdvice = " It is in the git history: revoke and rotate it in the Alpaca dashboard; deleting the line does not un-leak it."

    func run() throws -> ScanOutcome {
        let snapshot: HistorySnapshot
        do {
            snapshot = try HistorySource(runner: GitRunner(directory: FileManager.default.currentDirectoryPath)).load(since: since)
        } catch {
            throw ScanFailure(message: "cannot read the git history: \(error)")
        }
        // Paths from git are relative to the repository root, like the config's exclude globs.
        let patches = snapshot.patches.filter { !setup.config.excludes(relativePath: $0.path) }
        let next = Atomic<Int>(0)
        let collected = Locked(ScanOutcome())
        let scanner = setup.scanner
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, patches.count))) { _ in
            let scratch = PCRE2MatchScratch()
            var local = ScanOutcome()
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= patches.count { break }
                Self.scan(patches[index], scanner: scanner, scratch: scratch, into: &local)
            }
            collected.withLock { total in
                total.findings += local.findings
                total.warnings += local.warnings
                total.summary.filesScanned += local.summary.filesScanned
                total.summary.bytesScanned += local.summary.bytesScanned
            }
        }
        var outcome = collected.withLock { $0 }
        outcome.summary.filesSkipped = snapshot.skippedPatches
        return outcome
    }

    private static func scan(_ patch: HistoryPatch, scanner: FileScanner, scratch: PCRE2MatchScratch, into outcome: inout ScanOutcome) {
        // The added lines, joined, form the buffer; lineNumbers maps each back to the file.
        var buffer: [UInt8] = []
        var lineNumbers: [Int] = []
        for added in patch.addedLines {
            buffer += added.bytes
            buffer.append(0x0A)
            lineNumbers.append(added.line)
        }
        let input = ScanInput(path: patch.path, lineNumbers: lineNumbers, commit: patch.commit, commitDate: patch.date)
        let result = buffer.withUnsafeBytes { scanner.scan($0, input: input, scratch: scratch) }
        for var finding in result.findings {
            if !finding.relatedPractices.contains(2) && finding.practice != 2 { finding.relatedPractices.append(2) }
            finding.message += rotateAdvice
            outcome.findings.append(finding)
        }
        outcome.warnings += result.warnings
        outcome.summary.filesScanned += 1
        outcome.summary.bytesScanned += buffer.count
    }
}
