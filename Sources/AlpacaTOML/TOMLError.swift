/// Malformed TOML: what is wrong and where.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words; never quotes a value from the document (it could be a secret).
    public let message: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars (a tab counts as one).
    public let column: Int

    /// An error at `line` and `column`.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A place in a TOML document.
public struct TOMLPosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars (a tab counts as one).
    public let column: Int

    /// The position at `line` and `column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
