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
    /// Whether a finding of this rule is a credential value (a key, a secret, a token): a file with
    /// one "holds credentials", and the value can be verified or moved to the environment.
    public var isCredential: Bool
    /// Where the rule is documented for users.
    public var helpURI: String
    /// The rule file it came from (for error messages), e.g. `Rules/keys.toml`.
    public var sourceFile: String

    /// Creates rule metadata.
    public init(
        id: String, practice: Int, relatedPractices: [Int] = [], severity: Severity, title: String,
        description: String = "", remediation: String = "", message: String? = nil,
        securitySeverity: Double? = nil, tags: [String] = ["security"], isCredential: Bool = false,
        helpURI: String? = nil, sourceFile: String = ""
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
        self.isCredential = isCredential
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

/// How near two things must be: within some lines and some bytes (on the megabyte-long lines of
/// minified files, lines say nothing about nearness), or anywhere in the file.
public enum Proximity: Sendable, Equatable {
    /// At most `lines` lines apart (0: the same line) and at most `bytes` bytes apart.
    case lines(Int, bytes: Int)
    /// Anywhere in the same file.
    case file
}

/// A condition checked around a candidate: another rule's accepted match, or a pattern.
struct Requirement: Sendable {
    /// Rule ids whose accepted matches satisfy the condition (any of them); empty for a pattern.
    var ruleIds: [String]
    /// A pattern whose match satisfies the condition; nil for a rule condition.
    var pattern: PCRE2Pattern?
    /// How near it must be.
    var proximity: Proximity
    /// Whether the two places must belong to one setup by the file's structure (`ScopeModel`): both
    /// code, in the same scope or nested setup scopes, or linked through a constant used by name.
    var sameScope: Bool
    /// Named slots (e.g. paper and live): when the names on both lines fall in different slots, the
    /// two places are separate settings, not one setup. Rule conditions with `sameScope` only.
    var slots: [PCRE2Pattern]
    /// When the candidate's innermost scope names its own partner (a match of this pattern in its
    /// code), partners outside that scope do not count. Rule conditions with `sameScope` only.
    var unlessScopeNames: PCRE2Pattern?
    /// For rule conditions: the partner becomes a related location of the finding.
    var relate: Bool
}

/// Where a detector may find matches, beyond the whole file (see docs/rule-format.md).
enum SearchScope: Sendable, Equatable {
    /// The whole file (after the keyword and literal gates).
    case file
    /// Only the lines that hold a match of `anchor`: the pattern is matched line by line there.
    case anchorLines
    /// Only the lines near the accepted matches of the rules this detector requires (every
    /// requirement is a rule requirement): a match elsewhere could never satisfy them.
    case nearRequiredRules
}

/// One way a rule matches: a pattern, where the secret sits in it, and what must be near it.
struct Detector: Sendable {
    /// The compiled pattern (fragments expanded).
    var pattern: PCRE2Pattern
    /// The capture group holding the secret (0 = whole match).
    var secretGroup: Int
    /// The capture group whose start is the finding's position (defaults to the secret group).
    var reportGroup: Int
    /// Case-insensitive literals, one of which must occur in the file for the detector to run
    /// (empty: always run); every match contains one of them.
    var keywords: [String]
    /// Indexes of `keywords` in `RuleSet.keywordPatterns`, filled in when the rule set is built.
    var keywordIndexes: [Int] = []
    /// Byte strings that must all occur in the file, case-sensitively (a cheap gate).
    var literals: [[UInt8]]
    /// A cheap pattern marking the lines where matches can be (see `SearchScope.anchorLines`).
    var anchor: PCRE2Pattern?
    /// Path patterns the file must match (empty: every file).
    var paths: [PCRE2Pattern]
    /// Path patterns that exclude a file.
    var excludePaths: [PCRE2Pattern]
    /// Conditions of which at least one must hold (empty: none needed).
    var requires: [Requirement]
    /// Conditions of which none may hold.
    var rejectIf: [Requirement]
    /// The message of this detector's findings, when it differs from the rule's (e.g. which
    /// package a dependency rule found, and what replaces it).
    var message: String?

    /// Where the matcher looks, derived from the settings above.
    var scope: SearchScope {
        if anchor != nil { return .anchorLines }
        if !requires.isEmpty, requires.allSatisfy({ !$0.ruleIds.isEmpty }),
            requires.allSatisfy({ if case .lines = $0.proximity { true } else { false } })
        {
            return .nearRequiredRules
        }
        return .file
    }
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
    /// 1-based line of the example in its rule file.
    public var line: Int?
}

/// How a rule finds things.
public enum RuleKind: String, Sendable {
    /// Pattern matching over file contents.
    case content
    /// A `.env`-style file that git would commit (decided from the name and git state).
    case envFileNotIgnored = "env-file-not-ignored"
    /// A `.env`-style file already committed.
    case envFileTracked = "env-file-tracked"
}

/// A loaded, compiled rule.
public struct Rule: Sendable {
    /// What the rule is.
    public var metadata: RuleMetadata
    /// How the rule finds things.
    public var kind: RuleKind
    /// Ways to match (content rules); tried in order.
    var detectors: [Detector]
    /// Secrets matching one of these patterns are dropped.
    var allowPatterns: [PCRE2Pattern]
    /// Exact values that are dropped (published documentation samples).
    var allowValues: Set<String>
    /// Whether the placeholder heuristics apply to the secret.
    var rejectPlaceholders: Bool
    /// Minimum Shannon entropy (bits per character) of the secret, or nil.
    var minEntropy: Double?
    /// A named built-in check of the secret, e.g. `alpaca-basic-credentials`.
    var validator: String?
    /// For file rules: the file names (repository paths) the rule applies to.
    var fileNamePattern: PCRE2Pattern?
    /// For file rules: names of templates, exempt unless they hold credentials.
    var templatePattern: PCRE2Pattern?
    /// For file rules: matches a whole file whose every setting is public by design (front-end build
    /// variables such as `REACT_APP_…`); such a file is meant to be committed.
    var publicSettingsPattern: PCRE2Pattern? = nil
    /// For file rules: finds a setting that holds a real-looking secret; when given, the rule
    /// reports a file only where it occurs or a credential rule found something.
    var secretSettingsPattern: PCRE2Pattern? = nil
    /// The rule's examples, run by the test suite.
    public var examples: [RuleExample]

    /// The rule id.
    public var id: String { metadata.id }
}
