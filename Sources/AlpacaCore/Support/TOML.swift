/// A TOML value: what rule files and `.alpaca-lint.toml` can hold.
///
/// alpaca-lint parses TOML itself rather than through a C++ library: a repository's config file
/// is untrusted input, and a parser that aborts on malformed text (as toml++ did under fuzzing)
/// would let a hostile repository crash the scan. Dates and times are not supported: no rule or
/// configuration key needs them, and they are reported as errors.
public indirect enum TOMLValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case float(Double)
    /// A boolean.
    case boolean(Bool)
    /// An array of values.
    case array([TOMLValue])
    /// A table.
    case table(TOMLTable)

    /// The string, if this is one.
    public var string: String? { if case .string(let value) = self { value } else { nil } }
    /// The integer, if this is one.
    public var int: Int? { if case .integer(let value) = self { value } else { nil } }
    /// The number as a Double, if this is a float (integers are read with `int`).
    public var double: Double? { if case .float(let value) = self { value } else { nil } }
    /// The boolean, if this is one.
    public var bool: Bool? { if case .boolean(let value) = self { value } else { nil } }
    /// The elements, if this is an array.
    public var array: [TOMLValue]? { if case .array(let value) = self { value } else { nil } }
    /// The table, if this is one.
    public var table: TOMLTable? { if case .table(let value) = self { value } else { nil } }
}

/// A TOML table: keys in the order they were written.
public struct TOMLTable: Sendable, Equatable {
    /// Keys in document order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    /// An empty table.
    public init() {}

    /// Parses a whole document; throws `TOMLError` with a 1-based line and column.
    public init(string: String) throws(TOMLError) {
        var parser = TOMLParser(Array(string.utf8))
        self = try parser.parseDocument()
    }

    /// The value stored under `key`, if any.
    public subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }
}

/// Malformed TOML: what is wrong and where (1-based line and column, in bytes).
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// 1-based line.
    public let line: Int
    /// 1-based column (bytes).
    public let column: Int

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A recursive-descent TOML parser over bytes. Every loop advances or fails, nesting is bounded,
/// and every error is a thrown value: arbitrary input cannot crash or hang it.
struct TOMLParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 64

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        var root = TOMLTable()
        // The path of the table that key/value lines go to; arrays of tables address their last element.
        var current: [PathStep] = []
        var explicitlyDefined: Set<String> = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while true {
            skipWhitespaceCommentsAndNewlines()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "[") {
                let isArray = peek(1) == UInt8(ascii: "[")
                position += isArray ? 2 : 1
                skipInlineWhitespace()
                let key = try parseKey()
                skipInlineWhitespace()
                guard expect("]") && (!isArray || expect("]")) else { throw error(isArray ? "expected ']]'" : "expected ']'") }
                try endOfLine()
                let name = key.joined(separator: ".")
                if isArray {
                    current = try Self.appendTable(to: &root, at: key, error: error)
                } else {
                    guard !explicitlyDefined.contains(name) else { throw error("table [\(name)] is defined twice") }
                    explicitlyDefined.insert(name)
                    current = try Self.ensureTable(in: &root, at: key, error: error)
                }
            } else {
                let key = try parseKey()
                skipInlineWhitespace()
                guard expect("=") else { throw error("expected '=' after the key") }
                skipInlineWhitespace()
                let value = try parseValue()
                try endOfLine()
                try Self.insert(value, at: current, key: key, into: &root, error: error)
            }
        }
        return root
    }

    /// One step of a table path: a key, or the last element of the array of tables under a key.
    enum PathStep: Equatable {
        case key(String)
        case lastElement(String)
    }

    private static func ensureTable(in root: inout TOMLTable, at key: [String], error: (String) -> TOMLError) throws(TOMLError) -> [PathStep] {
        var path: [PathStep] = []
        for name in key {
            let existing = try lookup(root, path + [.key(name)], error: error)
            switch existing {
            case nil:
                try set(.table(TOMLTable()), in: &root, at: path + [.key(name)], error: error)
                path.append(.key(name))
            case .table?:
                path.append(.key(name))
            case .array(let elements)? where elements.last?.table != nil:
                path.append(.lastElement(name))
            default:
                throw error("'\(name)' is already a value, not a table")
            }
        }
        return path
    }

    private static func appendTable(to root: inout TOMLTable, at key: [String], error: (String) -> TOMLError) throws(TOMLError) -> [PathStep] {
        var path = try ensureTable(in: &root, at: Array(key.dropLast()), error: error)
        let name = key[key.count - 1]
        switch try lookup(root, path + [.key(name)], error: error) {
        case nil:
            try set(.array([.table(TOMLTable())]), in: &root, at: path + [.key(name)], error: error)
        case .array(var elements)? where elements.allSatisfy({ $0.table != nil }):
            elements.append(.table(TOMLTable()))
            try set(.array(elements), in: &root, at: path + [.key(name)], error: error)
        default:
            throw error("'\(name)' is already a value, not an array of tables")
        }
        path.append(.lastElement(name))
        return path
    }

    private static func insert(_ value: TOMLValue, at tablePath: [PathStep], key: [String], into root: inout TOMLTable, error: (String) -> TOMLError) throws(TOMLError) {
        var path = tablePath
        // Dotted keys create (or extend) implicit tables.
        for name in key.dropLast() {
            switch try lookup(root, path + [.key(name)], error: error) {
            case nil: try set(.table(TOMLTable()), in: &root, at: path + [.key(name)], error: error)
            case .table?: break
            default: throw error("'\(name)' is already a value, not a table")
            }
            path.append(.key(name))
        }
        let last = key[key.count - 1]
        guard try lookup(root, path + [.key(last)], error: error) == nil else { throw error("key '\(key.joined(separator: "."))' is defined twice") }
        try set(value, in: &root, at: path + [.key(last)], error: error)
    }

    private static func lookup(_ table: TOMLTable, _ path: [PathStep], error: (String) -> TOMLError) throws(TOMLError) -> TOMLValue? {
        var value: TOMLValue = .table(table)
        for step in path {
            guard let current = value.table else { return nil }
            switch step {
            case .key(let name):
                guard let next = current[name] else { return nil }
                value = next
            case .lastElement(let name):
                guard let next = current[name]?.array?.last else { return nil }
                value = next
            }
        }
        return value
    }

    private static func set(_ value: TOMLValue, in table: inout TOMLTable, at path: [PathStep], error: (String) -> TOMLError) throws(TOMLError) {
        guard let first = path.first else { return }
        let rest = Array(path.dropFirst())
        switch first {
        case .key(let name):
            if rest.isEmpty {
                table[name] = value
                return
            }
            guard var child = table[name]?.table else { throw error("'\(name)' is not a table") }
            try set(value, in: &child, at: rest, error: error)
            table[name] = .table(child)
        case .lastElement(let name):
            guard var elements = table[name]?.array, var child = elements.last?.table else { throw error("'\(name)' is not an array of tables") }
            if rest.isEmpty {
                guard let replacement = value.table else { throw error("'\(name)' holds tables only") }
                child = replacement
            } else {
                try set(value, in: &child, at: rest, error: error)
            }
            elements[elements.count - 1] = .table(child)
            table[name] = .array(elements)
        }
    }

    // MARK: Keys

    private mutating func parseKey() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipInlineWhitespace()
            guard let byte = peek() else { throw error("expected a key") }
            if byte == UInt8(ascii: "\"") {
                position += 1
                parts.append(try parseBasicString())
            } else if byte == UInt8(ascii: "'") {
                position += 1
                parts.append(try parseLiteralString())
            } else {
                let start = position
                while let c = peek(), Self.isBareKeyByte(c) { position += 1 }
                guard position > start else { throw error("expected a key") }
                parts.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            skipInlineWhitespace()
            guard peek() == UInt8(ascii: ".") else { return parts }
            position += 1
        }
    }

    private static func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
    }

    // MARK: Values

    private mutating func parseValue() throws(TOMLError) -> TOMLValue {
        guard let byte = peek() else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                position += 3
                return .string(try parseMultilineBasicString())
            }
            position += 1
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                position += 3
                return .string(try parseMultilineLiteralString())
            }
            position += 1
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try nested { (parser: inout TOMLParser) throws(TOMLError) in try parser.parseArray() }
        case UInt8(ascii: "{"):
            return try nested { (parser: inout TOMLParser) throws(TOMLError) in try parser.parseInlineTable() }
        case UInt8(ascii: "t") where matches("true"):
            position += 4
            return .boolean(true)
        case UInt8(ascii: "f") where matches("false"):
            position += 5
            return .boolean(false)
        default:
            return try parseNumber()
        }
    }

    private mutating func nested(_ body: (inout TOMLParser) throws(TOMLError) -> TOMLValue) throws(TOMLError) -> TOMLValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("values nested more than \(Self.maximumDepth) levels deep") }
        return try body(&self)
    }

    private mutating func parseArray() throws(TOMLError) -> TOMLValue {
        position += 1  // [
        var elements: [TOMLValue] = []
        while true {
            skipWhitespaceCommentsAndNewlines()
            if expect("]") { return .array(elements) }
            elements.append(try parseValue())
            skipWhitespaceCommentsAndNewlines()
            if expect(",") { continue }
            guard expect("]") else { throw error("expected ',' or ']' in the array") }
            return .array(elements)
        }
    }

    private mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        position += 1  // {
        var table = TOMLTable()
        skipInlineWhitespace()
        if expect("}") { return .table(table) }
        while true {
            let key = try parseKey()
            skipInlineWhitespace()
            guard expect("=") else { throw error("expected '=' in the inline table") }
            skipInlineWhitespace()
            let value = try parseValue()
            try Self.insert(value, at: [], key: key, into: &table, error: error)
            skipInlineWhitespace()
            if expect(",") {
                skipInlineWhitespace()
                continue
            }
            guard expect("}") else { throw error("expected ',' or '}' in the inline table") }
            return .table(table)
        }
    }

    private mutating func parseNumber() throws(TOMLError) -> TOMLValue {
        let start = position
        while let c = peek(), !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ",")
            || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "#"))
        {
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty else { throw error("expected a value") }
        let digits = text.replacingUnderscores()
        if let value = Int(digits) { return .integer(value) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            if let value = Int(digits.dropFirst(2), radix: radix) { return .integer(value) }
        }
        switch digits {
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(digits) { return .float(value) }
        position = start
        throw error("unsupported or malformed value '\(text.prefix(40))' (dates are not supported; quote text)")
    }

    // MARK: Strings

    private mutating func parseBasicString() throws(TOMLError) -> String {
        var out: [UInt8] = []
        while true {
            guard let c = next() else { throw error("unterminated string") }
            switch c {
            case UInt8(ascii: "\""): return try decode(out)
            case UInt8(ascii: "\\"): try appendEscape(to: &out)
            case 0x0A, 0x0D: throw error("newline in a one-line string (use \"\"\" for several lines)")
            default: out.append(c)
            }
        }
    }

    private mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = position
        while let c = peek(), c != UInt8(ascii: "'") {
            if c == 0x0A || c == 0x0D { throw error("newline in a one-line string (use ''' for several lines)") }
            position += 1
        }
        guard expect("'") else { throw error("unterminated string") }
        return try decode(Array(bytes[start..<(position - 1)]))
    }

    private mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        skipFirstNewline()
        var out: [UInt8] = []
        while true {
            guard let c = next() else { throw error("unterminated \"\"\" string") }
            if c == UInt8(ascii: "\"") {
                // A run of 3 to 5 quotes closes the string; quotes before the closing three are content.
                var run = 1
                while peek(run - 1) == UInt8(ascii: "\"") { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes closing a multi-line string") }
                    out.append(contentsOf: repeatElement(UInt8(ascii: "\""), count: run - 3))
                    position += run - 1
                    return try decode(out)
                }
            }
            if c == UInt8(ascii: "\\") {
                // A backslash at the end of a line trims the line break and following whitespace.
                var look = position
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < bytes.count, bytes[look] == 0x0A || bytes[look] == 0x0D {
                    position = look
                    while let w = peek(), w == 0x20 || w == 0x09 || w == 0x0A || w == 0x0D { position += 1 }
                    continue
                }
                try appendEscape(to: &out)
                continue
            }
            out.append(c)
        }
    }

    private mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        skipFirstNewline()
        let start = position
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "'") {
                var run = 0
                while peek(run) == UInt8(ascii: "'") { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes closing a multi-line literal string") }
                    let end = position + run - 3
                    position += run
                    return try decode(Array(bytes[start..<end]))
                }
                position += run
                continue
            }
            position += 1
        }
        throw error("unterminated ''' string")
    }

    private mutating func appendEscape(to out: inout [UInt8]) throws(TOMLError) {
        guard let e = next() else { throw error("unterminated escape") }
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "e"): out.append(0x1B)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            guard position + count <= bytes.count,
                let code = UInt32(String(decoding: bytes[position..<(position + count)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw error("invalid \\u escape") }
            position += count
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' (in rule patterns, prefer '''literal''' strings)")
        }
    }

    private func decode(_ raw: [UInt8]) throws(TOMLError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return text
    }

    // MARK: Lexing helpers

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func expect(_ character: Unicode.Scalar) -> Bool {
        guard peek() == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    private func matches(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<(position + w.count)]) == w else { return false }
        let after = position + w.count < bytes.count ? bytes[position + w.count] : 0x20
        return !Self.isBareKeyByte(after)
    }

    private mutating func skipInlineWhitespace() {
        while let c = peek(), c == 0x20 || c == 0x09 { position += 1 }
    }

    private mutating func skipFirstNewline() {
        if peek() == 0x0A {
            position += 1
        } else if peek() == 0x0D, peek(1) == 0x0A {
            position += 2
        }
    }

    private mutating func skipComment() {
        if peek() == UInt8(ascii: "#") {
            while let c = peek(), c != 0x0A { position += 1 }
        }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() {
        while true {
            let before = position
            while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { position += 1 }
            skipComment()
            if position == before { return }
        }
    }

    /// After a value or header: only whitespace and a comment may follow on the line.
    private mutating func endOfLine() throws(TOMLError) {
        skipInlineWhitespace()
        skipComment()
        if peek() == 0x0D { position += 1 }
        guard let c = peek() else { return }
        guard c == 0x0A else { throw error("unexpected text after the value") }
        position += 1
    }

    private func error(_ message: String) -> TOMLError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return TOMLError(message: message, line: line, column: max(1, position - lineStart + 1))
    }
}

extension String {
    /// TOML allows '_' between digits of numbers.
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
