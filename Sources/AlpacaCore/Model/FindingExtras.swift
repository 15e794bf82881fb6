/// What `--verify` learned about a finding's credential (no account data beyond its status).
public struct FindingVerification: Sendable, Hashable {
    /// `active`, `inactive`, `error` or `unverifiable`.
    public var status: String
    /// `live`, `paper`, `broker-live` or `broker-sandbox` when active; nil otherwise.
    public var environment: String?
    /// The account's `status` field when an active trading key or token was checked.
    public var accountStatus: String?
    /// When Alpaca answered, ISO 8601 UTC; nil when nothing was sent.
    public var checkedAt: String?
    /// Why verification failed, for `error`.
    public var reason: String?
    /// A key that works on the host its prefix does not name (a paper key on live, or the reverse).
    public var onUnexpectedHost: Bool
    /// Whether the credential trades real money now (active on a live or broker-live host).
    public var isActiveLive: Bool
    /// The text suffix, e.g. `[verified: ACTIVE LIVE]`.
    public var textSuffix: String

    /// Creates a verification record.
    public init(
        status: String, environment: String?, accountStatus: String?, checkedAt: String?, reason: String?,
        onUnexpectedHost: Bool, isActiveLive: Bool, textSuffix: String
    ) {
        self.status = status
        self.environment = environment
        self.accountStatus = accountStatus
        self.checkedAt = checkedAt
        self.reason = reason
        self.onUnexpectedHost = onUnexpectedHost
        self.isActiveLive = isActiveLive
        self.textSuffix = textSuffix
    }
}

/// Whether `--fix` can move a finding's value out of the code, and the code edit that does it
/// (SARIF `fixes`). The edit never holds a secret: the value moves to `.env`, which is not part of it.
public struct FindingFix: Sendable, Hashable {
    /// One replacement: a region (1-based lines, Unicode-scalar columns, end exclusive) and its new text.
    public struct Replacement: Sendable, Hashable {
        /// First line.
        public var startLine: Int
        /// First column.
        public var startColumn: Int
        /// Last line.
        public var endLine: Int
        /// Column after the region.
        public var endColumn: Int
        /// The text that replaces the region.
        public var insertedText: String

        /// Creates a replacement.
        public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int, insertedText: String) {
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
            self.insertedText = insertedText
        }
    }

    /// The replacements in one file, by repository path.
    public struct Change: Sendable, Hashable {
        /// The file, relative to the repository root.
        public var repoPath: String
        /// Its replacements.
        public var replacements: [Replacement]

        /// Creates a change.
        public init(repoPath: String, replacements: [Replacement]) {
            self.repoPath = repoPath
            self.replacements = replacements
        }
    }

    /// Whether `--fix` applies a change for the finding.
    public var fixable: Bool
    /// Why (or why not), in words.
    public var reason: String
    /// The environment variable the value moves to.
    public var variable: String?
    /// What the change does, in words (SARIF `fix.description`).
    public var description: String?
    /// The code edits; empty when not fixable.
    public var changes: [Change]

    /// Creates a fix record.
    public init(fixable: Bool, reason: String, variable: String?, description: String?, changes: [Change]) {
        self.fixable = fixable
        self.reason = reason
        self.variable = variable
        self.description = description
        self.changes = changes
    }
}
