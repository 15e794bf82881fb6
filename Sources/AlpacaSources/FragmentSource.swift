import AlpacaCore

/// Something that emits fragments for the engine: the working tree, the index, the history,
/// standard input. A source may also report warnings and skips of its own (a folder it could not
/// read, a blob git would not give) and may rework the reports once scanning is done (the history
/// attributes each finding to the commit that introduced it).
public protocol FragmentSource {
    /// Begins work that needs no rules (starting git processes), so that it overlaps the rule
    /// compilation a caller does next; `produce` starts it itself when the caller did not.
    mutating func start()
    /// Emits every fragment, in a deterministic order; `emit` may block while the engine catches up.
    mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure)
    /// The reports after scanning, reworked for this source (default: unchanged).
    func finish(_ reports: [FragmentReport]) throws(ScanFailure) -> [FragmentReport]
    /// Warnings of the source itself, known once `produce` returned.
    var warnings: [ScanWarning] { get }
    /// Inputs the source left out before scanning (counted as skipped).
    var skipped: Int { get }
    /// The inputs counted in `skipped`, each with why, for `--verbose`.
    var skippedInputs: [SkippedInput] { get }
    /// Whether the source applies configuration excludes itself (in `finish`) rather than the
    /// session dropping excluded fragments as they are emitted.
    var appliesExcludesItself: Bool { get }
}

extension FragmentSource {
    /// Nothing to begin early.
    public mutating func start() {}
    /// Unchanged reports.
    public func finish(_ reports: [FragmentReport]) throws(ScanFailure) -> [FragmentReport] { reports }
    /// Most sources let the session apply excludes.
    public var appliesExcludesItself: Bool { false }
    /// Sources that leave nothing out list nothing.
    public var skippedInputs: [SkippedInput] { [] }
}

/// An input that was not scanned, and why: what `--verbose` prints for each skipped file.
public struct SkippedInput: Sendable, Equatable {
    /// The path as reports show it.
    public let path: String
    /// Why it was left out, e.g. `not scanned: binary (a NUL byte in the first 8 KiB)`.
    public let reason: String

    /// Creates a skipped input.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// A scan that cannot start or finish: a message for the user, exit status 2.
public struct ScanFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, without file contents.
    public let message: String

    /// Creates a failure.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
