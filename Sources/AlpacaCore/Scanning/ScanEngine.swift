import Foundation
import Dispatch
import PCRE2Kit

/// A file the engine should read and scan.
public struct FileToScan: Sendable {
    /// Path shown in reports.
    public var displayPath: String
    /// Path to open, as the exact bytes of the name (names need not be valid UTF-8).
    public var absolutePath: [UInt8]
    /// Path relative to the repository root, for fingerprints; nil uses `displayPath`.
    public var identityPath: String?

    /// Creates a file entry.
    public init(displayPath: String, absolutePath: [UInt8], identityPath: String? = nil) {
        self.displayPath = displayPath
        self.absolutePath = absolutePath
        self.identityPath = identityPath
    }
}

/// What a whole-tree scan produced.
public struct EngineResult: Sendable {
    /// Findings of all files, unsorted.
    public var findings: [Finding] = []
    /// Warnings (unreadable files, rules that hit limits).
    public var warnings: [ScanWarning] = []
    /// Files and bytes scanned and skipped.
    public var summary = ScanSummary()
}

/// Scans many files in parallel: a bounded pool of workers, each with its own read buffer and
/// PCRE2 match scratch, pulling the next file index from a shared counter. Memory is bounded by
/// the largest files in flight, not by the tree.
public struct ScanEngine: Sendable {
    /// The per-file scanner.
    public let scanner: FileScanner
    /// Number of workers (at least 1).
    public let jobs: Int
    /// Files larger than this many bytes are skipped and counted.
    public let maxFileSize: Int

    /// Creates an engine.
    public init(scanner: FileScanner, jobs: Int, maxFileSize: Int) {
        self.scanner = scanner
        self.jobs = max(1, jobs)
        self.maxFileSize = maxFileSize
    }

    /// Scans `files`; results do not depend on the number of workers.
    public func scan(_ files: [FileToScan]) -> EngineResult {
        scanStreaming { emit in files.forEach(emit) }
    }

    /// Scans the files `produce` emits while it is still producing them, so the directory walk
    /// (one thread) overlaps the matching (the workers). Workers take files in emission order
    /// from a shared queue; results do not depend on the number of workers or on timing.
    public func scanStreaming<Failure: Error>(
        _ produce: (_ emit: (FileToScan) -> Void) throws(Failure) -> Void
    ) throws(Failure) -> EngineResult {
        // NSLock rather than Synchronization.Mutex: both are correct, but ThreadSanitizer only
        // understands pthread locks, and the suite runs under it.
        let queue = Locked<(files: [FileToScan], next: Int)>(([], 0))
        // One signal per file, then one per worker at the end: a worker that wakes to an empty
        // queue knows the producer is done.
        let available = DispatchSemaphore(value: 0)
        let collected = Locked(EngineResult())
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            DispatchQueue.global().async {
                var reader = FileReader()
                let scratch = PCRE2MatchScratch()
                var local = EngineResult()
                while true {
                    available.wait()
                    let file: FileToScan? = queue.withLock { state in
                        guard state.next < state.files.count else { return nil }
                        defer { state.next += 1 }
                        return state.files[state.next]
                    }
                    guard let file else { break }
                    scanOne(file, reader: &reader, scratch: scratch, into: &local)
                }
                collected.withLock { total in
                    total.findings += local.findings
                    total.warnings += local.warnings
                    total.summary.filesScanned += local.summary.filesScanned
                    total.summary.bytesScanned += local.summary.bytesScanned
                    total.summary.filesSkipped += local.summary.filesSkipped
                }
                finished.leave()
            }
        }
        var failure: Failure?
        do throws(Failure) {
            try produce { file in
                queue.withLock { $0.files.append(file) }
                available.signal()
            }
        } catch {
            failure = error
        }
        for _ in 0..<jobs { available.signal() }
        finished.wait()
        if let failure { throw failure }
        var result = collected.withLock { $0 }
        result.warnings.sort { ($0.path ?? "", $0.message) < ($1.path ?? "", $1.message) }
        return result
    }

    private func scanOne(_ file: FileToScan, reader: inout FileReader, scratch: PCRE2MatchScratch, into result: inout EngineResult) {
        switch reader.read(path: file.absolutePath, maxSize: maxFileSize) {
        case .success(let count):
            let fileResult = reader.buffer.withUnsafeBytes { raw in
                scanner.scan(UnsafeRawBufferPointer(rebasing: raw[0..<count]), input: ScanInput(path: file.displayPath, identityPath: file.identityPath), scratch: scratch)
            }
            result.findings += fileResult.findings
            result.warnings += fileResult.warnings
            result.summary.filesScanned += 1
            result.summary.bytesScanned += count
        case .failure(let reason):
            result.summary.filesSkipped += 1
            if case .unreadable(let why) = reason {
                result.warnings.append(ScanWarning(path: file.displayPath, message: "cannot read the file (\(why)); skipped"))
            }
        }
    }
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
