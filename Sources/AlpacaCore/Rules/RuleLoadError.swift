/// A rule file that cannot be used; the run stops with exit status 2 and this message.
public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule file, as named to the user.
    public var file: String
    /// The 1-based line of the offending setting, when known.
    public var line: Int?
    /// The rule concerned, when known.
    public var ruleId: String?
    /// What is wrong (for patterns: PCRE2's message and offset).
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, ruleId: String?, message: String) {
        self.file = file
        self.line = line
        self.ruleId = ruleId
        self.message = message
    }

    /// `file:line: rule 'id': message` (line and rule when known).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let ruleId { text += ": rule '\(ruleId)'" }
        return text + ": " + message
    }
}
