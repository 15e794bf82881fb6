/// A rule file that cannot be used; the run stops with exit status 2 and this message.
public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule file, as named to the user.
    public var file: String
    /// The rule concerned, when known.
    public var ruleId: String?
    /// What is wrong (for patterns: PCRE2's message and offset).
    public var message: String

    /// Creates an error.
    public init(file: String, ruleId: String?, message: String) {
        self.file = file
        self.ruleId = ruleId
        self.message = message
    }

    /// `file: rule 'id': message`.
    public var description: String {
        if let ruleId { return "\(file): rule '\(ruleId)': \(message)" }
        return "\(file): \(message)"
    }
}
