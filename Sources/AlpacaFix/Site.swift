/// How a located value is replaced once its variable name is known.
enum ReplacementStyle: Hashable, Sendable {
    /// The language's environment read; `grouped` wraps it in parentheses.
    case read(grouped: Bool)
    /// The variable's bare name (inside a comment).
    case bareName
    /// A shell form with `NAME` standing for the variable: `${NAME}`, `"${NAME}"`, `'"${NAME}"'`.
    case shell(String)
    /// Fixed bytes (an empty fallback literal, or nothing).
    case fixed([UInt8])
    /// A comment replacing a statement that set the variable from a literal.
    case removalComment
}

/// One place in a file where a credential value is replaced: the unit the planner names, dedupes and edits.
struct Site: Hashable, Sendable {
    /// The bytes replaced.
    var range: Range<Int>
    /// What takes their place.
    var style: ReplacementStyle
    /// The credential value.
    var value: String
    /// What the value is (decides the variable name).
    var kind: CredentialKind
    /// The account the value belongs to, when known or inferred.
    var environment: CredentialEnvironment?
    /// A name the code already uses for the value (a self-assignment or a fallback); nil to choose one.
    var fixedName: String?
    /// Whether the replacement is code that needs the language's import.
    var needsImport: Bool
    /// Further edits the replacement needs (Go `const` becomes `var`).
    var companionEdits: [TextEdit] = []
    /// The findings this site answers.
    var findings: [Int]
    /// Human description of the change, completed with the name later.
    var summary: String
    /// For a removed assignment: the literal alone and how to replace it, used instead when the
    /// variable's name already holds another value (`NAME = read of NAME_2` rather than a removal).
    var literalAlternative: (range: Range<Int>, style: ReplacementStyle, needsImport: Bool)?

    /// Turns a removal into a replacement of the literal by a read of a name chosen later.
    mutating func useLiteralAlternative(instead name: String) -> Bool {
        guard let alternative = literalAlternative else { return false }
        range = alternative.range
        style = alternative.style
        needsImport = alternative.needsImport
        fixedName = nil
        literalAlternative = nil
        summary = "literal replaced by an environment read (\(name) already holds another value, so the assignment keeps its name and reads a new one)"
        return true
    }

    static func == (left: Site, right: Site) -> Bool {
        left.range == right.range && left.style == right.style && left.value == right.value && left.findings == right.findings
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(value)
    }
}

/// Why a finding cannot be fixed mechanically; the text completes "needs a manual fix: …".
struct ManualReason: Error, Hashable, Sendable {
    /// The explanation.
    let text: String
    /// Creates a reason.
    init(_ text: String) { self.text = text }
}
