/// One finding handed to the fixer: what the scanner reported, in the scanner's own coordinates.
/// The fixer does not depend on the scanner's types; the caller maps its findings to this.
public struct FixFinding: Sendable, Hashable {
    /// The rule that reported it, e.g. `alpaca-paper-key-id`.
    public var ruleId: String
    /// Where the file is on disk (absolute, or relative to the current folder).
    public var filePath: String
    /// The path relative to the repository root, '/'-separated (used in diffs, SARIF and ignore rules).
    public var relativePath: String
    /// 1-based first line of the reported range.
    public var line: Int
    /// 1-based first column, in Unicode scalars.
    public var column: Int
    /// 1-based last line of the reported range.
    public var endLine: Int
    /// 1-based end column, in Unicode scalars, exclusive.
    public var endColumn: Int
    /// The reported value, unredacted (for header literals: the value literal, quotes included).
    public var secret: String
    /// The trading environment the scanner attributed to the credential, when it knows one.
    public var environment: CredentialEnvironment?
    /// True when the same value was also found in git history (the summary says so).
    public var inHistory: Bool

    /// Creates a finding record.
    public init(
        ruleId: String, filePath: String, relativePath: String, line: Int, column: Int, endLine: Int,
        endColumn: Int, secret: String, environment: CredentialEnvironment? = nil, inHistory: Bool = false
    ) {
        self.ruleId = ruleId
        self.filePath = filePath
        self.relativePath = relativePath
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.secret = secret
        self.environment = environment
        self.inHistory = inHistory
    }
}

/// Which account a credential belongs to; decides the environment variable's name on conflicts.
public enum CredentialEnvironment: String, Sendable, Hashable, CaseIterable {
    /// A paper trading key (`PK…`).
    case paper
    /// A live trading key (`AK…`).
    case live
    /// A Broker API key (`CK…`).
    case broker

    /// The environment a key ID's prefix names, or nil for anything else.
    public init?(keyID: String) {
        if keyID.hasPrefix("PK") {
            self = .paper
        } else if keyID.hasPrefix("AK") {
            self = .live
        } else if keyID.hasPrefix("CK") {
            self = .broker
        } else {
            return nil
        }
    }
}
