import CPCRE2

/// A pattern that PCRE2 refused to compile: its message and the byte offset in the pattern.
public struct PCRE2CompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's own error text.
    public let message: String
    /// Byte offset in the pattern where PCRE2 stopped.
    public let offset: Int
    /// The pattern that failed.
    public let pattern: String

    /// A one-line message: PCRE2's text and the offset.
    public var description: String { "\(message) at offset \(offset)" }
}

/// A match call that PCRE2 abandoned (limits, JIT stack); the subject is never included.
public struct PCRE2MatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's negative return code.
    public let code: Int
    /// PCRE2's own error text.
    public let message: String

    /// True when a resource limit (match, depth, heap or JIT stack) stopped the match.
    public var isLimit: Bool {
        code == Int(PCRE2_ERROR_MATCHLIMIT) || code == Int(PCRE2_ERROR_DEPTHLIMIT)
            || code == Int(PCRE2_ERROR_HEAPLIMIT) || code == Int(PCRE2_ERROR_JIT_STACKLIMIT)
    }

    /// PCRE2's message.
    public var description: String { message }
}

/// One match: byte ranges of the whole match (group 0) and of each capturing group.
public struct PCRE2Match: Sendable, Equatable {
    /// Byte ranges by group number; nil for a group that did not take part.
    public let groups: [Range<Int>?]

    static let unset = ~Int(0) // PCRE2_UNSET is ~(PCRE2_SIZE)0

    /// The byte range of the whole match.
    public var range: Range<Int> { groups[0]! }

    /// The byte range of group `number`, or nil when it did not participate or does not exist.
    public func range(of number: Int) -> Range<Int>? {
        number < groups.count ? groups[number] : nil
    }
}
