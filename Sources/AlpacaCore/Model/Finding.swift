/// A secondary place that explains a finding (SARIF `relatedLocations`): the key that goes with a
/// secret, the key that makes an endpoint a mismatch.
public struct RelatedLocation: Sendable, Hashable, Codable {
    /// Path as displayed for the finding's file.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in Unicode scalars.
    public var column: Int
    /// What this place is.
    public var message: String
    /// The path relative to the repository root (SARIF URIs).
    public var repoPath: String
    /// The commit that holds this place (history scans), else nil.
    public var commit: String?
    /// The value identity (`Fingerprint.ofValue`) of the finding at this place, when it is one;
    /// lets a post-pass drop the relation when that finding is removed (not reported).
    public var targetFingerprint: String?

    /// Creates a related location.
    public init(path: String, line: Int, column: Int, message: String, repoPath: String? = nil, commit: String? = nil, targetFingerprint: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.repoPath = repoPath ?? path
        self.commit = commit
        self.targetFingerprint = targetFingerprint
    }
}

/// Why a finding is hidden but still listed.
public enum SuppressionKind: String, Sendable, Codable {
    /// An `alpaca-lint:allow` (or gitleaks/detect-secrets) comment in the source.
    case inline
    /// The fingerprint appears in the `--baseline` report.
    case baseline
}

/// One problem found: one rule, one place, one best practice of the Alpaca guide.
///
/// Positions are 1-based; columns count Unicode scalars; `endColumn` is exclusive.
/// `secret` holds the full value: reporters redact it unless the user asked otherwise.
public struct Finding: Sendable, Hashable {
    /// The rule's stable id, e.g. `alpaca-paper-key-id`.
    public var ruleId: String
    /// The best practice (1...8) of the guide that the code breaks.
    public var practice: Int
    /// Other best practices that apply (history findings add 2: rotate the key).
    public var relatedPractices: [Int]
    /// The finding's severity after configuration overrides.
    public var severity: Severity
    /// Path as the user named it: scan path joined with the file below it, '/' separators.
    public var path: String
    /// 1-based first line.
    public var line: Int
    /// 1-based first column, in Unicode scalars.
    public var column: Int
    /// 1-based last line.
    public var endLine: Int
    /// 1-based column after the last character (exclusive), in Unicode scalars.
    public var endColumn: Int
    /// What is wrong and what to do; never contains the secret.
    public var message: String
    /// The matched secret in full (empty for file-level findings); redact before showing it.
    public var secret: String
    /// Stable identity from rule id, secret and path (never line numbers), hex.
    public var fingerprint: String
    /// The commit that added the line (history scans), else nil.
    public var commit: String?
    /// The commit's date, ISO 8601 (history scans), else nil.
    public var commitDate: String?
    /// The commit's author, `Name <email>` (history scans), else nil.
    public var commitAuthor: String?
    /// The path relative to the repository root, '/' separators: fingerprints and SARIF URIs.
    public var repoPath: String
    /// Whether an inline allow comment covers the finding's line (applied by the suppression pass).
    public var hasInlineAllow: Bool = false
    /// What `--verify` learned about the credential, when it ran.
    public var verification: FindingVerification?
    /// Whether `--fix` can fix it, when fixes were planned.
    public var fix: FindingFix?
    /// Set when an inline allow or the baseline hides the finding.
    public var suppression: SuppressionKind?
    /// Secondary locations that explain the finding.
    public var related: [RelatedLocation]

    /// True when an inline allow or the baseline hides this finding.
    public var isSuppressed: Bool { suppression != nil }

    /// Creates a finding; the fingerprint is computed from rule id, secret and `repoPath` (the path
    /// relative to the repository root when known, so that a baseline works from any folder; `path`
    /// otherwise).
    public init(
        ruleId: String, practice: Int, relatedPractices: [Int] = [], severity: Severity, path: String,
        line: Int, column: Int, endLine: Int, endColumn: Int, message: String, secret: String,
        commit: String? = nil, commitDate: String? = nil, suppression: SuppressionKind? = nil,
        related: [RelatedLocation] = [], repoPath: String? = nil
    ) {
        self.ruleId = ruleId
        self.practice = practice
        self.relatedPractices = relatedPractices
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.message = message
        self.secret = secret
        self.repoPath = repoPath ?? path
        self.fingerprint = Fingerprint.of(ruleId: ruleId, secret: secret, path: repoPath ?? path)
        self.commit = commit
        self.commitDate = commitDate
        self.suppression = suppression
        self.related = related
    }

    /// Sort order for deterministic reports: path, line, column, rule id, commit.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
        if a.endLine != b.endLine { return a.endLine < b.endLine }
        if a.endColumn != b.endColumn { return a.endColumn < b.endColumn }
        if (a.commit ?? "") != (b.commit ?? "") { return (a.commit ?? "") < (b.commit ?? "") }
        return a.fingerprint < b.fingerprint
    }
}
