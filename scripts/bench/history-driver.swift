// Benchmark driver for BlobHistorySource, compiled together with Sources/AlpacaGit by
// scripts/bench/history.sh (no package target needed):
//   history-driver REPO [--readers N] [--max-blob-size BYTES] [--range all|since:REV|range:A..B|branch:NAME]
//                       [--check keys|none]
// Reads every unique blob once and runs a trivial, PCRE-free check on it (paper key-ID shapes:
// "PK" + 18 capitals or digits), then prints one line of counts and the wall time.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: history-driver REPO [--readers N] [--max-blob-size BYTES] [--range R]\n".data(using: .utf8)!)
    exit(2)
}
var readers = 2
var maxBlobSize: Int? = nil
var range = HistoryRange.all
var check = true
var index = 2
while index + 1 < arguments.count {
    let value = arguments[index + 1]
    switch arguments[index] {
    case "--readers": readers = Int(value) ?? 2
    case "--max-blob-size": maxBlobSize = Int(value)
    case "--check": check = value != "none"
    case "--range":
        if value.hasPrefix("since:") { range = .since(String(value.dropFirst(6))) }
        else if value.hasPrefix("range:") { range = .range(String(value.dropFirst(6))) }
        else if value.hasPrefix("branch:") { range = .branch(String(value.dropFirst(7))) }
    default: break
    }
    index += 2
}

/// Counters shared by the reader threads.
final class Totals: @unchecked Sendable {
    let lock = NSLock()
    var blobs = 0
    var bytes = 0
    var keyShapes = 0
    var skipped = 0
    var hits: [String] = []
}
let totals = Totals()

/// Counts "PK" + 18 of [A-Z0-9] not preceded or followed by a letter or digit.
@Sendable func keyShapes(_ bytes: [UInt8]) -> Int {
    var count = 0
    bytes.withUnsafeBufferPointer { buffer in
        let n = buffer.count
        var i = 0
        func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 48 && b <= 57) }
        func isAlnum(_ b: UInt8) -> Bool { isUpperOrDigit(b) || (b >= 97 && b <= 122) }
        while i + 20 <= n {
            if buffer[i] == 80 && buffer[i + 1] == 75 && (i == 0 || !isAlnum(buffer[i - 1])) {
                var j = i + 2
                while j < i + 20 && isUpperOrDigit(buffer[j]) { j += 1 }
                if j == i + 20 && (j == n || !isAlnum(buffer[j])) { count += 1 }
            }
            i += 1
        }
    }
    return count
}

/// This process's own peak resident set (VmHWM), without its git children.
func ownPeakResidentKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
    }
    return -1
}

let start = Date()
do {
    let runner = try GitRunner(directory: arguments[1])
    let scanIndex = try BlobHistorySource(runner: runner, readerCount: readers).run(
        range: range, maxBlobSize: maxBlobSize,
        onBlob: { blob in
            let found = check ? keyShapes(blob.bytes) : 0
            totals.lock.withLock {
                totals.blobs += 1
                totals.bytes += blob.bytes.count
                totals.keyShapes += found
                if found > 0 { totals.hits.append(blob.oid) }
            }
        },
        onSkip: { _ in totals.lock.withLock { totals.skipped += 1 } })
    let elapsed = Date().timeIntervalSince(start)
    // Resolve where each hit entered the history, as the scanner would.
    var introductions = 0
    var stillInHead = 0
    for oid in totals.hits {
        for introduction in scanIndex.introductions(ofBlob: oid) {
            introductions += 1
            if introduction.isInHead { stillInHead += 1 }
        }
    }
    print(
        "commits \(scanIndex.commitCount) uniqueBlobs \(scanIndex.uniqueBlobCount) read \(totals.blobs) "
            + "bytes \(totals.bytes) skipped \(totals.skipped) introductions \(scanIndex.introductionCount) "
            + "keyShapes \(totals.keyShapes) hitIntroductions \(introductions) stillInHead \(stillInHead) "
            + String(format: "wall %.3f", elapsed) + " ownPeakRSSKB \(ownPeakResidentKB())")
} catch {
    FileHandle.standardError.write("history-driver: \(error)\n".data(using: .utf8)!)
    exit(1)
}
