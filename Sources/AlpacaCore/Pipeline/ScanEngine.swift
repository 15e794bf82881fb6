import Dispatch
import Foundation
import PCRE2Kit
import Synchronization

/// What the engine produced: the reports worth keeping, in emission order, and the totals.
public struct EngineOutput: Sendable {
    /// Reports of fragments with findings, warnings, skips or `.env` relevance, by emission order.
    public var reports: [FragmentReport] = []
    /// Files and bytes scanned and skipped.
    public var summary = ScanSummary()
}

/// The one worker pool every source feeds: a bounded queue of fragments and `jobs` workers, each
/// with its own read buffer and PCRE2 match space.
///
/// The producer (a directory walk, a git process) runs on the calling thread and blocks when the
/// queue is full, so memory is bounded by the fragments in flight, not by the input. Results do
/// not depend on the number of workers or on timing: reports carry their emission order.
public struct ScanEngine: Sendable {
    /// The per-fragment scanner.
    public let scanner: FragmentScanner
    /// Number of workers (at least 1).
    public let jobs: Int
    /// Files larger than this many bytes are not read; each is named in a warning.
    public let maxFileSize: Int
    /// Live counters for a progress display, updated after each fragment; nil when nobody watches.
    public let progress: ScanProgress?

    /// Creates an engine.
    public init(scanner: FragmentScanner, jobs: Int, maxFileSize: Int, progress: ScanProgress? = nil) {
        self.scanner = scanner
        self.jobs = max(1, jobs)
        self.maxFileSize = maxFileSize
        self.progress = progress
    }

    /// Scans the fragments `produce` emits while it is still producing them.
    public func run<Failure: Error>(
        _ produce: (_ emit: (Fragment) -> Void) throws(Failure) -> Void
    ) throws(Failure) -> EngineOutput {
        // NSLock rather than Synchronization.Mutex: both are correct, but ThreadSanitizer only
        // understands pthread locks, and the suite runs under it.
        let queue = Locked(FragmentQueue())
        let capacity = max(4, 4 * jobs)
        let freeSlots = DispatchSemaphore(value: capacity)
        let available = DispatchSemaphore(value: 0)
        let collected = Locked(EngineOutput())
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            DispatchQueue.global().async {
                var reader = FileReader()
                let scratch = PCRE2MatchScratch()
                var local = EngineOutput()
                while true {
                    available.wait()
                    guard let (sequence, fragment) = queue.withLock({ $0.pop() }) else { break }
                    freeSlots.signal()
                    let bytesBefore = local.summary.bytesScanned
                    let report = scan(fragment, sequence: sequence, reader: &reader, scratch: scratch, summary: &local.summary)
                    if let report { local.reports.append(report) }
                    progress?.record(bytes: local.summary.bytesScanned - bytesBefore, findings: report?.findings ?? [])
                }
                collected.withLock { total in
                    total.reports += local.reports
                    total.summary.add(local.summary)
                }
                finished.leave()
            }
        }
        var failure: Failure?
        do throws(Failure) {
            try produce { fragment in
                freeSlots.wait()
                queue.withLock { $0.push(fragment) }
                available.signal()
            }
        } catch {
            failure = error
        }
        // One wake-up per worker: a worker that finds the queue empty knows the producer is done.
        queue.withLock { $0.close() }
        for _ in 0..<jobs { available.signal() }
        finished.wait()
        if let failure { throw failure }
        var output = collected.withLock { $0 }
        output.reports.sort { $0.sequence < $1.sequence }
        return output
    }

    /// Reads and scans one fragment; nil when nothing about it needs keeping.
    private func scan(_ fragment: Fragment, sequence: Int, reader: inout FileReader, scratch: PCRE2MatchScratch, summary: inout ScanSummary) -> FragmentReport? {
        var report = FragmentReport(info: fragment.info, findings: [], warnings: [], bytesScanned: nil, skipped: nil, sequence: sequence)
        // Whether a `.env` rule judges this file (asked once: a path match per file rule).
        let envRulesApply = fragment.gitState != nil && scanner.ruleSet.fileRulesMayApply(to: fragment.repoPath, scratch: scratch)
        let loaded: Result<Int, SkipReason>
        switch fragment.content {
        case .file(let path): loaded = reader.read(path: path, maxSize: maxFileSize)
        case .bytes(let bytes): loaded = bytes.count > maxFileSize ? .failure(.tooLarge(bytes.count)) : .success(reader.load(bytes))
        }
        switch loaded.flatMap({ reader.prepareText(count: $0) }) {
        case .success(let count):
            let (findings, warnings) = reader.buffer.withUnsafeBytes { raw in
                scanner.scan(UnsafeRawBufferPointer(rebasing: raw[0..<count]), fragment: fragment, scratch: scratch)
            }
            report.findings = findings
            report.warnings = warnings
            report.bytesScanned = count
            if envRulesApply {
                report.envContent = reader.buffer.withUnsafeBytes { raw in
                    scanner.ruleSet.envContent(for: fragment.repoPath, buffer: UnsafeRawBufferPointer(rebasing: raw[0..<count]), scratch: scratch)
                }
            }
            summary.filesScanned += 1
            summary.bytesScanned += count
        case .failure(let reason):
            summary.filesSkipped += 1
            report.skipped = reason
            if reason.leavesContentUnchecked || reason == .missing {
                report.warnings.append(ScanWarning(
                    path: fragment.displayPath, message: reason.message(limit: maxFileSize), isIncomplete: reason.leavesContentUnchecked,
                    repoPath: fragment.repoPath))
            }
        }
        let keep = !report.findings.isEmpty || !report.warnings.isEmpty || report.skipped != nil
            || envRulesApply
        return keep ? report : nil
    }
}

/// Live counters of a running scan, for a progress line: workers add to them after each fragment;
/// any thread may read them. They never change what is reported.
public final class ScanProgress: Sendable {
    private let fragments = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let findings = Atomic<Int>(0)
    // Hashes of (rule, secret): a history scan reports each secret once however many blobs hold it.
    private let secrets = Locked(Set<Int>())

    /// What the counters say at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Fragments scanned or skipped.
        public var fragments: Int
        /// Bytes scanned.
        public var bytes: Int
        /// Findings made so far, before post-passes (allows, baseline) and history's merging.
        public var findings: Int
        /// Distinct (rule, secret) pairs among them.
        public var distinctSecrets: Int

        /// Creates a snapshot.
        public init(fragments: Int, bytes: Int, findings: Int, distinctSecrets: Int) {
            self.fragments = fragments
            self.bytes = bytes
            self.findings = findings
            self.distinctSecrets = distinctSecrets
        }
    }

    /// Counters at zero.
    public init() {}

    /// Counts one finished fragment.
    func record(bytes scanned: Int, findings found: [Finding]) {
        if !found.isEmpty {
            findings.wrappingAdd(found.count, ordering: .relaxed)
            secrets.withLock { set in
                for finding in found {
                    var hasher = Hasher()
                    hasher.combine(finding.ruleId)
                    hasher.combine(finding.secret)
                    set.insert(hasher.finalize())
                }
            }
        }
        bytes.wrappingAdd(scanned, ordering: .relaxed)
        fragments.wrappingAdd(1, ordering: .relaxed)
    }

    /// The counters now.
    public var snapshot: Snapshot {
        Snapshot(
            fragments: fragments.load(ordering: .relaxed), bytes: bytes.load(ordering: .relaxed),
            findings: findings.load(ordering: .relaxed), distinctSecrets: secrets.withLock { $0.count })
    }
}

/// The engine's queue: fragments with their emission numbers, taken in order.
private struct FragmentQueue {
    private var items: [(Int, Fragment)] = []
    private var head = 0
    private var nextSequence = 0
    private(set) var closed = false

    mutating func push(_ fragment: Fragment) {
        items.append((nextSequence, fragment))
        nextSequence += 1
    }

    mutating func pop() -> (Int, Fragment)? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        // Drop consumed entries now and then so the array does not grow with the input.
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    mutating func close() { closed = true }
}

/// A value behind an `NSLock` (a pthread mutex, which ThreadSanitizer understands), shared by
/// parallel workers.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

extension RuleSet {
    /// Whether a `.env` rule's file-name pattern matches `repoPath`.
    func fileRulesMayApply(to repoPath: String, scratch: PCRE2MatchScratch) -> Bool {
        fileRuleIndexes.contains { index in
            (try? rules[index].fileNamePattern?.matches(repoPath.utf8, using: scratch)) == true
        }
    }

    /// What the `.env` rules that apply to `repoPath` learn from the file's contents: the rules
    /// whose `publicSettings` pattern matches the whole of `buffer` (only settings public by design),
    /// and the rules whose `secretSettings` pattern occurs in it (a setting holds a real-looking secret).
    func envContent(for repoPath: String, buffer: UnsafeRawBufferPointer, scratch: PCRE2MatchScratch) -> EnvContent {
        var content = EnvContent()
        for index in fileRuleIndexes {
            let rule = rules[index]
            guard rule.publicSettingsPattern != nil || rule.secretSettingsPattern != nil,
                (try? rule.fileNamePattern?.matches(repoPath.utf8, using: scratch)) == true
            else { continue }
            // A failed match (resource limit) errs towards reporting: not "only public", and "holds a secret".
            if let pattern = rule.publicSettingsPattern, (try? pattern.firstMatch(in: buffer, from: 0, using: scratch)) != nil {
                content.publicSettingsOnly.insert(rule.id)
            }
            if let pattern = rule.secretSettingsPattern {
                let found: Bool
                do { found = try pattern.firstMatch(in: buffer, from: 0, using: scratch) != nil } catch { found = true }
                if found { content.holdsSecretSettings.insert(rule.id) }
            }
        }
        return content
    }
}
