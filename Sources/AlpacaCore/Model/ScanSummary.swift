/// Totals of one run, printed after the findings and stored in JSON reports.
public struct ScanSummary: Sendable, Codable, Equatable {
    /// Files whose content was matched.
    public var filesScanned: Int = 0
    /// Bytes matched over all scanned files.
    public var bytesScanned: Int = 0
    /// Files left out: binary, too large, special (FIFO, device), unreadable.
    public var filesSkipped: Int = 0
    /// Findings reported, suppressed ones included.
    public var findings: Int = 0
    /// Wall time of the run in milliseconds.
    public var durationMs: Int = 0

    /// An empty summary.
    public init() {}
}

/// A problem that did not stop the run but that the user must see (unreadable file, a rule that
/// hit PCRE2's limits on one file). Never contains file contents.
public struct ScanWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file concerned, as displayed, or nil.
    public var path: String?
    /// What happened.
    public var message: String

    /// Creates a warning.
    public init(path: String?, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone.
    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
