/// The pattern that decided a path's fate, for messages like `.gitignore:3:*.env`.
public struct IgnoreMatch: Sendable, Hashable, CustomStringConvertible {
    /// The ignore file: repository-relative for .gitignore files, `.git/info/exclude`, or an absolute path.
    public let source: String
    /// 1-based line number of the pattern in `source`.
    public let line: Int
    /// The pattern as written (with `!` and trailing `/`, trailing spaces removed).
    public let pattern: String
    /// True when the deciding pattern is a negation, i.e. the path is explicitly not ignored.
    public let isNegation: Bool

    /// True when the path is ignored (the deciding pattern is not a negation).
    public var ignores: Bool { !isNegation }

    /// `source:line:pattern`, the format of `git check-ignore -v`.
    public var description: String { "\(source):\(line):\(pattern)" }

    /// Creates a match record from its parts.
    public init(source: String, line: Int, pattern: String, isNegation: Bool) {
        self.source = source
        self.line = line
        self.pattern = pattern
        self.isNegation = isNegation
    }

    /// Builds the public record of a parsed pattern.
    init(_ pattern: IgnorePattern) {
        self.init(source: pattern.source, line: pattern.line, pattern: pattern.text, isNegation: pattern.isNegation)
    }
}
