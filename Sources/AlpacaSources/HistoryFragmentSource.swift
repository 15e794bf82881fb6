import AlpacaCore
import AlpacaGit
import Foundation

/// The git history, each unique blob once (`BlobHistorySource`), with every finding attributed to
/// the commit that first introduced it.
///
/// A key that was ever committed is leaked even after the line is deleted, so findings add
/// practice 2 (rotate the key) and say whether the key is still in HEAD's tree. The same secret
/// found in many blobs and paths becomes one finding, at its earliest introduction (topological
/// order), with the first introduction at each other path as a related location.
///
/// A range (`--since`, `--range`, `--branch` of a branch with history outside it) reports what
/// its commits added: a secret a file already held when the range began, and that the range only
/// edited around, is not reported again (the file's pre-range content is read for comparison).
public struct HistoryFragmentSource: FragmentSource {
    /// Any folder inside the repository.
    public let directory: String
    /// Which commits.
    public let range: HistoryRange
    /// Blobs larger than this are not read (named in a warning).
    public let maxBlobSize: Int
    /// Configuration excludes, applied to the paths where blobs were introduced.
    public let excludes: @Sendable (String) -> Bool
    /// Warnings of the source (blobs it could not read).
    public private(set) var warnings: [ScanWarning] = []
    /// Blobs left out before scanning.
    public var skipped: Int { skippedInputs.count }
    /// The blobs left out, with why (also reported as warnings).
    public private(set) var skippedInputs: [SkippedInput] = []
    /// Configuration excludes are applied per introduction in `finish`, not per blob (a blob is
    /// delivered under the first path it was seen at only).
    public let appliesExcludesItself = true
    private var index: HistoryScanIndex?

    /// What a finding says when its key is still in the current tree.
    public static let stillInTreeAdvice = " It is also in the git history: revoke and rotate it in the Alpaca dashboard; deleting the line does not un-leak it."
    /// What a finding says when its key was removed from the tree.
    public static let removedAdvice = " Removed from the tree, still in history: rotate it in the Alpaca dashboard; every clone still holds it."

    /// Creates the source.
    public init(directory: String, range: HistoryRange, maxBlobSize: Int, excludes: @escaping @Sendable (String) -> Bool) {
        self.directory = directory
        self.range = range
        self.maxBlobSize = maxBlobSize
        self.excludes = excludes
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        let runner: GitRunner
        do {
            runner = try GitRunner(directory: directory)
        } catch {
            throw ScanFailure("cannot read the git history: \(error)")
        }
        let skips = Locked<[SkippedBlob]>([])
        // git's readers deliver blobs on their own threads; they hand them over to this thread,
        // which alone feeds the engine. The queue is small (at most 64 blobs and, beyond one
        // blob, 8 MB): git waits while the engine catches up.
        let handoff = HandoffQueue<HistoryBlob>(capacity: 64, maxWeight: 8 << 20)
        let outcome = Locked<Result<HistoryScanIndex, GitError>?>(nil)
        let source = BlobHistorySource(runner: runner)
        let range = range
        let maxBlobSize = maxBlobSize
        Thread.detachNewThread {
            let result: Result<HistoryScanIndex, GitError>
            do throws(GitError) {
                result = .success(try source.run(
                    range: range, maxBlobSize: maxBlobSize,
                    onBlob: { handoff.push($0, weight: $0.bytes.count) },
                    onSkip: { skip in skips.withLock { $0.append(skip) } }))
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            handoff.close()
        }
        while let blob = handoff.pop() {
            emit(Fragment(content: .bytes(blob.bytes), displayPath: blob.path, repoPath: blob.path, origin: .blob(blob.oid)))
        }
        guard let result = outcome.withLock({ $0 }) else { throw ScanFailure("cannot read the git history: the reader stopped without a result") }
        let index: HistoryScanIndex
        switch result {
        case .success(let read): index = read
        case .failure(let error): throw ScanFailure("cannot read the git history: \(error)")
        }
        self.index = index
        // A blob left unread matters only where the scan would have reported it: at a path the
        // range introduced it at and the configuration does not exclude. It is named at the first
        // such path (a boundary blob, read only for comparison, or an excluded one goes unnamed).
        let named = skips.withLock { $0 }.compactMap { skip -> SkippedBlob? in
            guard let path = index.introductions(ofBlob: skip.oid).first(where: { !excludes($0.path) })?.path else { return nil }
            return SkippedBlob(oid: skip.oid, path: path, size: skip.size, reason: skip.reason)
        }
        for skip in named.sorted(by: { ($0.path, $0.oid) < ($1.path, $1.oid) }) {
            let what: String
            switch skip.reason {
            case .tooLarge: what = "not scanned: the blob (\(skip.size ?? 0) bytes) is over the size limit of \(maxBlobSize) bytes (raise it with --max-file-size)"
            case .missing: what = "not scanned: git could not read the blob (missing from the object store)"
            case .notABlob: what = "not scanned: the object is not a file"
            }
            warnings.append(ScanWarning(path: skip.path, message: "\(what) [blob \(skip.oid.prefix(12))]", repoPath: skip.path))
            skippedInputs.append(SkippedInput(path: skip.path, reason: "\(what) [blob \(skip.oid.prefix(12))]"))
        }
    }

    public func finish(_ reports: [FragmentReport]) throws(ScanFailure) -> [FragmentReport] {
        guard let index else { return reports }
        // Every place each secret occurs: (blob, finding) × the paths and commits that introduced the blob.
        struct Occurrence {
            let order: Int
            let introduction: HistoryIntroduction
            let finding: Finding
        }
        func key(_ finding: Finding) -> String { finding.ruleId + "\u{0}" + finding.secret }
        // What each path held when a range began: secrets found there were carried, not added.
        var carried: [String: Set<String>] = [:]
        for report in reports where !report.findings.isEmpty {
            guard case .blob(let oid) = report.info.origin else { continue }
            for path in index.boundaryPaths(ofBlob: oid) {
                carried[path, default: []].formUnion(report.findings.map(key))
            }
        }
        var occurrences: [String: [Occurrence]] = [:]
        var passthrough: [FragmentReport] = []
        for report in reports {
            guard case .blob(let oid) = report.info.origin else {
                passthrough.append(report)
                continue
            }
            let introductions = index.introductions(ofBlob: oid).filter { !excludes($0.path) }
            // A blob seen only at excluded paths (or only as a range's boundary): neither its
            // findings nor its warnings count.
            guard let firstPath = introductions.first?.path else { continue }
            if !report.warnings.isEmpty || report.skipped != nil {
                // Named where the scan reports it (the blob was read under the first path it was met at).
                var kept = report
                kept.findings = []
                kept.info.displayPath = firstPath
                kept.info.repoPath = firstPath
                kept.warnings = report.warnings.map { warning in
                    var moved = warning
                    moved.path = firstPath
                    moved.repoPath = firstPath
                    return moved
                }
                passthrough.append(kept)
            }
            for finding in report.findings {
                for introduction in introductions where carried[introduction.path]?.contains(key(finding)) != true {
                    occurrences[key(finding), default: []].append(
                        Occurrence(order: introduction.commitOrder, introduction: introduction, finding: finding))
                }
            }
        }
        var attributed: [Finding] = []
        for key in occurrences.keys.sorted() {
            let all = occurrences[key]!.sorted {
                ($0.order, $0.introduction.path, $0.finding.line, $0.finding.column)
                    < ($1.order, $1.introduction.path, $1.finding.line, $1.finding.column)
            }
            let first = all[0]
            var finding = Self.placed(first.finding, at: first.introduction)
            // The first introduction at each other path explains where else the secret went.
            var seenPaths: Set<String> = [first.introduction.path]
            for other in all.dropFirst() where seenPaths.insert(other.introduction.path).inserted {
                finding.related.append(RelatedLocation(
                    path: other.introduction.path, line: other.finding.line, column: other.finding.column,
                    message: "the same secret, committed here too", repoPath: other.introduction.path,
                    commit: other.introduction.commit.sha))
            }
            let stillInTree = all.contains { $0.introduction.isInHead }
            finding.message += stillInTree ? Self.stillInTreeAdvice : Self.removedAdvice
            if !finding.relatedPractices.contains(2) && finding.practice != 2 { finding.relatedPractices.append(2) }
            attributed.append(finding)
        }
        var result = passthrough
        result.append(FragmentReport(
            info: FragmentInfo(displayPath: "", repoPath: "", origin: .standardInput, gitState: nil),
            findings: attributed, warnings: [], bytesScanned: nil, skipped: nil, sequence: Int.max))
        return result
    }

    /// `finding` (made in a blob) moved to the path and commit of `introduction`.
    static func placed(_ finding: Finding, at introduction: HistoryIntroduction) -> Finding {
        var moved = Finding(
            ruleId: finding.ruleId, practice: finding.practice, relatedPractices: finding.relatedPractices, severity: finding.severity,
            path: introduction.path, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
            message: finding.message, secret: finding.secret, commit: introduction.commit.sha, commitDate: introduction.commit.date,
            related: finding.related.map { related in
                var copy = related
                copy.path = introduction.path
                copy.repoPath = introduction.path
                copy.commit = introduction.commit.sha
                return copy
            },
            repoPath: introduction.path)
        moved.commitAuthor = "\(introduction.commit.authorName) <\(introduction.commit.authorEmail)>"
        moved.hasInlineAllow = finding.hasInlineAllow
        return moved
    }
}
