// Temporary: line positions arrive with the AlpacaTOML module; until then errors carry no line.
extension TOMLTable {
    /// 1-based line where `key` was defined, when the parser knows it.
    public func line(of key: String) -> Int? { nil }
    /// 1-based line of the header that created this table, when the parser knows it.
    public var line: Int? { nil }
}
