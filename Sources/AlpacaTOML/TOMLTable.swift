/// A TOML table: its keys in document order, their values, and where each key was written.
///
/// Tables come from the parser; they are immutable values. Two tables are equal when they hold
/// the same keys with equal values: key order and positions are not compared, as in TOML itself.
public struct TOMLTable: Sendable, Equatable {
    /// One key of the table.
    struct Entry: Sendable {
        let key: String
        let value: TOMLValue
        let position: TOMLPosition
    }

    /// Where the table was created: the `[header]` or `[[header]]` that defined it (or, for a table
    /// only implied by a deeper header such as `a` in `[a.b]`, the first such header); the first key
    /// for a table made by dotted keys (`a.b = 1` makes `a`); nil for the root and inline tables.
    public let position: TOMLPosition?
    /// Entries in document order: one allocation per table, which matters when a document is
    /// half a million tiny tables.
    private let entries: [Entry]
    /// Slot of each key, built only for tables large enough that a linear search would be slow.
    private let index: [String: Int]?

    /// Tables with at most this many keys are searched linearly.
    private static let linearSearchLimit = 8

    /// The deepest nesting of tables and arrays a document may have (the root table is level 0).
    /// Deeper documents are errors, so that nothing that walks a value recursively (this parser,
    /// equality, deallocation, callers) can exhaust the stack.
    public static let maximumDepth = 128

    /// An empty table.
    public init() {
        self.init(entries: [], position: nil)
    }

    init(entries: [Entry], position: TOMLPosition?) {
        self.entries = entries
        self.position = position
        if entries.count > Self.linearSearchLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(entries.count)
            for (slot, entry) in entries.enumerated() { index[entry.key] = slot }
            self.index = index
        } else {
            self.index = nil
        }
    }

    /// Parses a whole TOML 1.0 document.
    public init(string: String) throws(TOMLError) {
        var text = string
        var result: Result<TOMLTable, TOMLError> = .success(TOMLTable())
        text.withUTF8 { bytes in
            result = Result { () throws(TOMLError) in try Parser.parse(bytes) }
        }
        self = try result.get()
    }

    /// Parses a whole TOML 1.0 document given as bytes; bytes that are not UTF-8 are an error with
    /// a position. A UTF-8 byte order mark at the very start is skipped.
    public init(bytes: [UInt8]) throws(TOMLError) {
        var result: Result<TOMLTable, TOMLError> = .success(TOMLTable())
        bytes.withUnsafeBufferPointer { buffer in
            result = Result { () throws(TOMLError) in try Parser.parse(buffer) }
        }
        self = try result.get()
    }

    /// Keys in the order they were first written.
    public var keys: [String] { entries.map(\.key) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// Whether the table has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value stored under `key`, if any.
    public subscript(key: String) -> TOMLValue? {
        guard let slot = slot(of: key) else { return nil }
        return entries[slot].value
    }

    /// Where `key` was written in this table: for a key only implied by a header or a dotted key
    /// (`a` in `[a.b]` or `a.b = 1`), the first place that implied it.
    public func position(of key: String) -> TOMLPosition? {
        guard let slot = slot(of: key) else { return nil }
        return entries[slot].position
    }

    /// The 1-based line where `key` was written in this table (see `position(of:)`).
    public func line(of key: String) -> Int? { position(of: key)?.line }

    /// The 1-based line of the header that created this table (see `position`).
    public var line: Int? { position?.line }

    private func slot(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Same keys with equal values; order and positions are ignored.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        return lhs.entries.allSatisfy { entry in rhs[entry.key] == entry.value }
    }
}
