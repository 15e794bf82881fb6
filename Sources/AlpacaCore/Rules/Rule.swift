import PCRE2Kit

/// What a rule is, independent of how it matches: everything reports and `explain` show.
public struct RuleMetadata: Sendable, Hashable {
    /// Stable kebab-case id.
    public var id: String
    /// Best practice (1...8) of the Alpaca authentication guide.
    public var practice: Int
    /// Further practices that apply.
    public var relatedPractices: [Int]
    /// Default severity (configuration may override it per run).
    public var severity: Severity
    /// One-line title.
    public var title: String
    /// What the rule finds and why it matters.
    public var description: String
    /// How to fix the code.
    public var remediation: String
    /// The message of each finding; defaults to the title.
    public var message: String
    /// SARIF `security-severity`, 0...10.
    public var securitySeverity: Double
    /// SARIF tags, e.g. `security`, `secret`, `external/cwe/cwe-798`.
    public var tags: [String]
    /// Where the rule is documented for users.
    public var helpURI: String
    /// The rule file it came from (for error messages), e.g. `Rules/keys.toml`.
    public var sourceFile: String

    /// Creates rule metadata.
    public init(
        id: String, practice: Int, relatedPractices: [Int] = [], severity: Severity, title: String,
        description: String = "", remediation: String = "", message: String? = nil,
        securitySeverity: Double? = nil, tags: [String] = ["security"], helpURI: String? = nil,
        sourceFile: String = ""
    ) {
        self.id = id
        self.practice = practice
        self.relatedPractices = relatedPractices
        self.severity = severity
        self.title = title
        self.description = description.isEmpty ? title : description
        self.remediation = remediation
        self.message = message ?? title
        self.securitySeverity = securitySeverity ?? RuleMetadata.defaultSecuritySeverity(severity)
        self.tags = tags
        self.helpURI = helpURI ?? RuleMetadata.helpURI(for: id)
        self.sourceFile = sourceFile
    }

    /// The section of the generated rules reference (`docs/rules.md`, a `## <id>` heading) documenting `id`.
    public static func helpURI(for id: String) -> String {
        "https://github.com/alpaca-lint/alpaca-lint/blob/main/docs/rules.md#\(id)"
    }

    static func defaultSecuritySeverity(_ severity: Severity) -> Double {
        switch severity {
        case .error: 7.5
        case .warning: 5.0
        case .note: 2.0
        }
    }
}

/// A condition met near a match: another rule's finding or a pattern within some lines.
public struct Requirement: Sendable {
    /// Rule ids whose accepted matches satisfy the requirement (any of them).
    public var ruleIds: [String]
    /// A pattern whose match satisfies the requirement.
    public var pattern: PCRE2Pattern?
    /// How many lines above and below count; nil means anywhere in the file.
    public var withinLines: Int?
    /// Whether a line that starts another branch or block (see `RuleSet.blockBoundary`) between
    /// the two places breaks the requirement.
    public var sameBlock: Bool
    /// When true, a rule match that satisfies the requirement becomes a related location.
    public var relate: Bool
}

/// One way a rule matches: a pattern, where the secret sits in it, and what must be near it.
public struct Detector: Sendable {
    /// The PCRE2 pattern.
    public var pattern: PCRE2Pattern
    /// The capture group holding the secret (0 = whole match).
    public var secretGroup: Int
    /// The capture group whose start is the finding's position (defaults to the secret group);
    /// a literal header is reported where its name is written.
    public var reportGroup: Int
    /// Case-insensitive literals, one of which must occur in the file for the detector to run
    /// (empty: always run). Every match contains one of them, so the pattern only runs in a few
    /// lines around their occurrences.
    public var keywords: [String]
    /// Indexes of `keywords` in `RuleSet.keywords`, filled in when the rule set is built.
    public var keywordIndexes: [Int] = []
    /// A cheap pattern marking where matches can be: the detector runs only within a few hundred
    /// bytes before each of its hits (on the same line), and not at all without one. Detectors
    /// sharing an anchor's text share its search.
    public var anchor: PCRE2Pattern?
    /// Byte strings that must all occur in the file, case-sensitively (a cheap memmem gate).
    public var literals: [[UInt8]]
    /// Path patterns the file must match (empty: every file).
    public var paths: [PCRE2Pattern]
    /// Path patterns that exclude a file.
    public var excludePaths: [PCRE2Pattern]
    /// Conditions of which at least one must hold (empty: none needed).
    public var requires: [Requirement]
    /// Conditions of which none may hold.
    public var rejectIf: [Requirement]
}

/// A rule example: text that must (or must not) produce a finding of the rule.
public struct RuleExample: Sendable {
    /// The text to scan.
    public var text: String
    /// Whether the rule must report on it.
    public var match: Bool
    /// The secret it must report, when given.
    public var secret: String?
    /// The file name the text is scanned as (some rules only apply to some files).
    public var path: String
}

/// How a rule finds things.
public enum RuleKind: Sendable {
    /// Pattern matching over file contents.
    case content
    /// A `.env`-style file that git would commit (checked by the walker, not by patterns).
    case envFileNotIgnored
    /// A `.env`-style file already committed.
    case envFileTracked
}

/// A loaded, compiled rule.
public struct Rule: Sendable {
    /// What the rule is.
    public var metadata: RuleMetadata
    /// How the rule finds things.
    public var kind: RuleKind
    /// Ways to match (content rules); tried in order.
    public var detectors: [Detector]
    /// Secrets matching one of these patterns are dropped.
    public var allowPatterns: [PCRE2Pattern]
    /// Exact values that are dropped (documentation examples).
    public var allowValues: Set<String>
    /// Whether the placeholder heuristics (repeats, sequences, masks, YOUR_…) apply to the secret.
    public var rejectPlaceholders: Bool
    /// Minimum Shannon entropy (bits per character) of the secret, or nil.
    public var minEntropy: Double?
    /// A named built-in check of the secret, e.g. `alpaca-basic-credentials`.
    public var validator: String?
    /// For file rules: the file names the rule applies to.
    public var fileNamePattern: PCRE2Pattern?
    /// File names that are templates and exempt unless they hold credentials.
    public var templatePattern: PCRE2Pattern?
    /// The rule's examples, run by the test suite.
    public var examples: [RuleExample]

    /// The rule id.
    public var id: String { metadata.id }
}
