/// Totals of one run, printed after the findings and stored in JSON reports.
public struct ScanSummary: Sendable, Codable, Equatable {
    /// Files (or blobs) whose content was matched.
    public var filesScanned: Int = 0
    /// Bytes matched over all scanned files.
    public var bytesScanned: Int = 0
    /// Files left out: binary, too large, special (FIFO, device), unreadable.
    public var filesSkipped: Int = 0
    /// Findings reported, suppressed ones included.
    public var findings: Int = 0
    /// Findings hidden by an inline allow or the baseline (counted in `findings` too).
    public var suppressed: Int = 0
    /// Wall time of the run in milliseconds.
    public var durationMs: Int = 0

    /// An empty summary.
    public init() {}

    /// Adds another summary's counts (not its duration).
    public mutating func add(_ other: ScanSummary) {
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        filesSkipped += other.filesSkipped
        findings += other.findings
        suppressed += other.suppressed
    }
}

/// A problem or note the user must see: a file a limit kept from being checked in full (too large,
/// unreadable, a PCRE2 resource limit), or one not scanned for a reason worth naming. Never
/// contains file contents.
public struct ScanWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file concerned, as displayed, or nil.
    public var path: String?
    /// What happened.
    public var message: String
    /// Whether part of the input was not checked because of it: the scan is then incomplete
    /// (`--incomplete-exit-code`, SARIF `executionSuccessful: false`).
    public var isIncomplete: Bool
    /// The file's path relative to the repository root, when known (SARIF URIs).
    public var repoPath: String?

    /// Creates a warning.
    public init(path: String?, message: String, isIncomplete: Bool = true, repoPath: String? = nil) {
        self.path = path
        self.message = message
        self.isIncomplete = isIncomplete
        self.repoPath = repoPath
    }

    /// `path: message`, or the message alone.
    public var description: String { path.map { "\($0): \(message)" } ?? message }

    /// Report order: by path, then message.
    public static func reportOrder(_ a: ScanWarning, _ b: ScanWarning) -> Bool {
        let pa = a.path ?? ""
        let pb = b.path ?? ""
        if pa != pb { return pa.utf8.lexicographicallyPrecedes(pb.utf8) }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }
}
