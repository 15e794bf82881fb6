import AlpacaCore
import Foundation

/// A progress line on stderr for long tree and history scans: after about a second, a timer
/// thread rewrites one line in place (`\r`) with what the engine's counters say, and erases it
/// when the scan ends. Only for a terminal: reports, pipes, files and CI logs never see it.
final class ProgressDisplay: @unchecked Sendable {
    /// What is counted: "files" or "blobs".
    let unit: String
    /// History scans merge a secret's copies into one finding, so they count distinct secrets.
    let countsDistinctSecrets: Bool
    private let progress: ScanProgress
    private let delay: TimeInterval
    private let interval: TimeInterval
    private let descriptor: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stopped = false
    private var finished = false
    private var lastLength = 0

    /// Whether a progress line may be shown: stderr is a terminal and the user did not ask for quiet.
    static func isWanted(quiet: Bool, descriptor: Int32 = STDERR_FILENO) -> Bool {
        !quiet && isatty(descriptor) == 1
    }

    /// Seconds a scan runs before the line appears: 1, or `ALPACA_LINT_PROGRESS_DELAY` (tests use 0).
    static func delay(environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["ALPACA_LINT_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) } ?? 1
    }

    /// A display of `progress`, not started.
    init(progress: ScanProgress, unit: String, countsDistinctSecrets: Bool, delay: TimeInterval = ProgressDisplay.delay(), interval: TimeInterval = 0.25, descriptor: Int32 = STDERR_FILENO) {
        self.progress = progress
        self.unit = unit
        self.countsDistinctSecrets = countsDistinctSecrets
        self.delay = delay
        self.interval = interval
        self.descriptor = descriptor
    }

    /// Starts the timer thread.
    func start() {
        let started = Date()
        Thread.detachNewThread { [self] in
            condition.lock()
            defer {
                finished = true
                condition.broadcast()
                condition.unlock()
            }
            var next = started.addingTimeInterval(delay)
            while !stopped {
                if Date() < next {
                    _ = condition.wait(until: next)
                    continue
                }
                let snapshot = progress.snapshot
                let line = Self.line(
                    snapshot, unit: unit, countsDistinctSecrets: countsDistinctSecrets,
                    elapsed: Date().timeIntervalSince(started), width: Self.terminalWidth(descriptor))
                // Pad over the previous line's tail; never wider than the terminal, so `\r` returns to its start.
                let padding = max(0, lastLength - line.count)
                write("\r" + line + String(repeating: " ", count: padding))
                lastLength = line.count
                next = Date().addingTimeInterval(interval)
            }
        }
    }

    /// Stops the thread and erases the line, if one was shown; returns once the terminal is clean.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        if lastLength > 0 {
            write("\r" + String(repeating: " ", count: lastLength) + "\r")
            lastLength = 0
        }
        condition.unlock()
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// `alpaca-lint: 12,345 blobs, 234.5 MB at 45.6 MB/s, 3 findings so far`, cut to `width - 1`
    /// characters (the last column would wrap on some terminals).
    static func line(_ snapshot: ScanProgress.Snapshot, unit: String, countsDistinctSecrets: Bool, elapsed: TimeInterval, width: Int?) -> String {
        let megabytes = Double(snapshot.bytes) / 1_000_000
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        let findings = countsDistinctSecrets ? snapshot.distinctSecrets : snapshot.findings
        let text = "alpaca-lint: \(grouped(snapshot.fragments)) \(unit), \(oneDecimal(megabytes)) MB at \(oneDecimal(rate)) MB/s, "
            + "\(grouped(findings)) \(findings == 1 ? "finding" : "findings") so far"
        guard let width, width > 1, text.count > width - 1 else { return text }
        return String(text.prefix(width - 1))
    }

    /// `12,345`: digits in groups of three, whatever the locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `45.6`, whatever the locale.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(grouped(tenths / 10)).\(tenths % 10)"
    }

    /// The terminal's width in columns, when the descriptor is a terminal that knows it.
    static func terminalWidth(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
