/// A single-pass TOML 1.0 parser over UTF-8 bytes.
///
/// Every loop advances or fails, recursion is bounded by `TOMLTable.maximumDepth`, work is linear
/// in the input (one bounded lookup per key part, positions computed incrementally), and every
/// problem is a thrown `TOMLError`: arbitrary bytes cannot crash or stall it.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var index: Int
    var locator: PositionLocator
    /// The tables read so far.
    var document = DocumentBuilder()
    private var sections = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        // A UTF-8 byte order mark is allowed at the very start and is not part of the document.
        let hasMark = end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        index = hasMark ? 3 : 0
        locator = PositionLocator(start: index)
    }

    /// Parses a whole document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(TOMLError) -> TOMLTable {
        var parser = Parser(bytes)
        return try parser.parseDocument()
    }

    // MARK: - Document

    private mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = document.newTable(.defined, position: nil, depth: 0)
        var current = root
        var section = newSection()
        while true {
            skipSpaces()
            guard index < end else { break }
            let byte = bytes[index]
            if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                try skipNewline()
                continue
            }
            let what: String
            if byte == Byte.hash {
                try skipComment()
                what = "comment"
            } else if byte == Byte.openBracket {
                current = try parseHeader(root: root)
                section = newSection()
                what = "table header"
            } else if Byte.isBareKey(byte) || byte == Byte.quote || byte == Byte.apostrophe {
                try parseKeyValue(into: current, section: section)
                what = "value"
            } else {
                throw unexpected(at: index, expected: "a key, a [table] header or a comment")
            }
            try endOfLine(after: what)
        }
        return document.freeze(root)
    }

    /// A fresh section number: the statements after one header, or the inside of one inline table.
    mutating func newSection() -> Int {
        sections += 1
        return sections
    }

    /// After a statement: optional spaces and comment, then a newline or the end.
    private mutating func endOfLine(after what: String) throws(TOMLError) {
        skipSpaces()
        if index < end, bytes[index] == Byte.hash { try skipComment() }
        guard index < end else { return }
        let byte = bytes[index]
        guard byte == Byte.lineFeed || byte == Byte.carriageReturn else {
            throw error("expected the end of the line after the \(what)", at: index)
        }
        try skipNewline()
    }

    // MARK: - Statements

    private mutating func parseKeyValue(into table: Int, section: Int) throws(TOMLError) {
        let key = try parseKey()
        guard index < end, bytes[index] == Byte.equals else {
            throw error("expected '=' after the key \(display(key))", at: index)
        }
        index += 1
        skipSpaces()
        let value = try parseValue(depth: document.tables[table].depth + key.count)
        try insert(value, at: key, into: table, section: section)
    }

    /// `[a.b]` or `[[a.b]]`; returns the table that the following keys go to.
    private mutating func parseHeader(root: Int) throws(TOMLError) -> Int {
        let start = index
        let position = locator.position(of: start, in: bytes)
        let isArray = index + 1 < end && bytes[index + 1] == Byte.openBracket
        index += isArray ? 2 : 1
        skipSpaces()
        let key = try parseKey()
        guard index < end, bytes[index] == Byte.closeBracket,
            !isArray || (index + 1 < end && bytes[index + 1] == Byte.closeBracket)
        else { throw error(isArray ? "expected ']]' to close the [[table]] header" : "expected ']' to close the [table] header", at: index) }
        index += isArray ? 2 : 1
        return isArray
            ? try appendTable(at: key, root: root, header: position)
            : try defineTable(at: key, root: root, header: position)
    }

    // MARK: - Keys

    /// One part of a dotted key and where it starts.
    struct KeyPart {
        let name: String
        let position: TOMLPosition
    }

    /// A bare, quoted or dotted key; leaves `index` after the spaces that follow it.
    @inline(never)  // keeps the recursive value parsers' stack frames small (see Parser+Values)
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            guard index < end else { throw error("expected a key", at: index) }
            let start = index
            let position = locator.position(of: start, in: bytes)
            let byte = bytes[index]
            let name: String
            if Byte.isBareKey(byte) {
                while index < end, Byte.isBareKey(bytes[index]) { index += 1 }
                name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            } else if byte == Byte.quote || byte == Byte.apostrophe {
                if index + 2 < end, bytes[index + 1] == byte, bytes[index + 2] == byte {
                    throw error("a multi-line string cannot be a key", at: index)
                }
                name = byte == Byte.quote ? try parseBasicString() : try parseLiteralString()
            } else {
                throw unexpected(at: index, expected: "a key (bare keys use A-Z a-z 0-9 _ -; quote any other key)")
            }
            parts.append(KeyPart(name: name, position: position))
            skipSpaces()
            guard index < end, bytes[index] == Byte.dot else { return parts }
            index += 1
            skipSpaces()
        }
    }

    /// A key as written, for messages: bare parts as they are, others quoted.
    func display(_ key: some Collection<KeyPart>) -> String { Self.display(key.map(\.name)) }

    static func display(_ names: [String]) -> String {
        let text = names.map { name in
            !name.isEmpty && name.utf8.allSatisfy(Byte.isBareKey) ? name : "\"" + name.debugDescription.dropFirst().dropLast() + "\""
        }.joined(separator: ".")
        // Keys are names, not values, but a hostile document could make one enormous.
        return text.count > 80 ? "'" + text.prefix(77) + "...'" : "'" + text + "'"
    }

    // MARK: - Defining tables (TOML 1.0 "Table" and "Array of Tables")

    /// `key = value` in `table`: dotted keys create tables on the way, which only this section's
    /// dotted keys may extend; they may not reach into tables that headers defined, arrays of
    /// tables, inline tables or other values.
    @inline(never)  // keeps the recursive value parsers' stack frames small (see Parser+Values)
    mutating func insert(_ value: TOMLValue, at key: [KeyPart], into table: Int, section: Int) throws(TOMLError) {
        var node = table
        // Index loops rather than `enumerated()`: this runs for every key part of the document, and
        // unspecialized generic iterators made debug builds several times slower.
        for offset in 0..<(key.count - 1) {
            let part = key[offset]
            guard let (item, first) = document.lookup(part.name, in: node) else {
                let child = try newTable(.dotted(section: section), position: part.position, under: node, levels: 1)
                document.add(part.name, .table(child), at: part.position, to: node)
                node = child
                continue
            }
            let path = key.prefix(offset + 1)
            switch item {
            case .table(let child):
                switch document.tables[child].origin {
                case .implied:
                    document.setOrigin(.dotted(section: section), of: child)
                case .dotted(let owner) where owner == section:
                    break
                case .dotted:
                    throw error("table \(display(path)) was defined with dotted keys on line \(first.line); it cannot be extended from here", at: part.position)
                case .defined:
                    let line = document.tables[child].position?.line ?? first.line
                    throw error("table \(display(path)) is defined by its header (line \(line)); dotted keys cannot add to it", at: part.position)
                }
                node = child
            case .tables:
                throw error("\(display(path)) is an array of tables (line \(first.line)); dotted keys cannot add to it", at: part.position)
            case .value(.table):
                throw error("\(display(path)) is an inline table (line \(first.line)), which cannot be extended", at: part.position)
            case .value:
                throw error("\(display(path)) already holds a value (line \(first.line)), not a table", at: part.position)
            }
        }
        let leaf = key[key.count - 1]
        if let (_, first) = document.lookup(leaf.name, in: node) {
            throw error("duplicate key \(display(key)) (first defined on line \(first.line))", at: leaf.position)
        }
        document.add(leaf.name, .value(value), at: leaf.position, to: node)
    }

    /// `[key]`: walks (or implies) the tables on the way, then defines the last one, which must
    /// not exist yet unless a deeper header only implied it.
    private mutating func defineTable(at key: [KeyPart], root: Int, header: TOMLPosition) throws(TOMLError) -> Int {
        let parent = try walkHeader(key.dropLast(), from: root, header: header)
        let leaf = key[key.count - 1]
        guard let (item, first) = document.lookup(leaf.name, in: parent) else {
            let table = try newTable(.defined, position: header, under: parent, levels: 1)
            document.add(leaf.name, .table(table), at: leaf.position, to: parent)
            return table
        }
        let name = "[" + display(key).dropFirst().dropLast() + "]"
        switch item {
        case .table(let table):
            switch document.tables[table].origin {
            case .implied:
                document.setOrigin(.defined, of: table)
                document.setPosition(header, of: table)
                return table
            case .defined:
                throw error("table \(name) is defined twice (first on line \(document.tables[table].position?.line ?? first.line))", at: leaf.position)
            case .dotted:
                throw error("table \(display(key)) was already defined with dotted keys on line \(first.line)", at: leaf.position)
            }
        case .tables:
            throw error("\(display(key)) is an array of tables (line \(first.line)); \(name) cannot define it", at: leaf.position)
        case .value:
            throw error("key \(display(key)) already holds a value (line \(first.line))", at: leaf.position)
        }
    }

    /// `[[key]]`: adds a table to the array of tables, creating the array on first use.
    private mutating func appendTable(at key: [KeyPart], root: Int, header: TOMLPosition) throws(TOMLError) -> Int {
        let parent = try walkHeader(key.dropLast(), from: root, header: header)
        let leaf = key[key.count - 1]
        guard let (item, first) = document.lookup(leaf.name, in: parent) else {
            let element = try newTable(.defined, position: header, under: parent, levels: 2)
            document.add(leaf.name, .tables(document.newArrayOfTables(first: element)), at: leaf.position, to: parent)
            return element
        }
        switch item {
        case .tables(let array):
            let element = try newTable(.defined, position: header, under: parent, levels: 2)
            document.append(element, to: array)
            return element
        case .table:
            throw error("\(display(key)) is already a table (line \(first.line)), not an array of tables", at: leaf.position)
        case .value(.array):
            throw error("\(display(key)) is an array written with [...] (line \(first.line)); [[...]] cannot add to it", at: leaf.position)
        case .value:
            throw error("key \(display(key)) already holds a value (line \(first.line))", at: leaf.position)
        }
    }

    /// The table a header's leading parts name: existing tables (any origin), the last element of
    /// an array of tables, or new implied tables.
    private mutating func walkHeader(_ parts: ArraySlice<KeyPart>, from root: Int, header: TOMLPosition) throws(TOMLError) -> Int {
        var node = root
        for offset in parts.indices {
            let part = parts[offset]
            guard let (item, first) = document.lookup(part.name, in: node) else {
                let child = try newTable(.implied, position: header, under: node, levels: 1)
                document.add(part.name, .table(child), at: part.position, to: node)
                node = child
                continue
            }
            let path = parts[...offset]
            switch item {
            case .table(let child):
                node = child
            case .tables(let array):
                node = document.arraysOfTables[array][document.arraysOfTables[array].count - 1]
            case .value(.table):
                throw error("\(display(path)) is an inline table (line \(first.line)), which cannot be extended", at: part.position)
            case .value(.array):
                throw error("\(display(path)) is an array written with [...] (line \(first.line)), which cannot be extended", at: part.position)
            case .value:
                throw error("\(display(path)) already holds a value (line \(first.line)), not a table", at: part.position)
            }
        }
        return node
    }

    /// A table `levels` below `parent` (2 for an element of an array of tables), within the depth limit.
    private mutating func newTable(_ origin: DocumentBuilder.Origin, position: TOMLPosition, under parent: Int, levels: Int) throws(TOMLError) -> Int {
        let depth = document.tables[parent].depth + levels
        guard depth <= TOMLTable.maximumDepth else {
            throw error("tables and arrays nested more than \(TOMLTable.maximumDepth) levels deep", at: position)
        }
        return document.newTable(origin, position: position, depth: depth)
    }

    // MARK: - Whitespace, newlines, comments

    /// Spaces and tabs.
    mutating func skipSpaces() {
        while index < end {
            let byte = bytes[index]
            guard byte == Byte.space || byte == Byte.tab else { return }
            index += 1
        }
    }

    /// At LF or CR: a line feed, or a carriage return that must be followed by one.
    mutating func skipNewline() throws(TOMLError) {
        if bytes[index] == Byte.carriageReturn {
            guard index + 1 < end, bytes[index + 1] == Byte.lineFeed else {
                throw error("a carriage return must be followed by a line feed", at: index)
            }
            index += 1
        }
        index += 1
    }

    /// At `#`: the comment up to (not including) the line break. Tabs and any Unicode are allowed,
    /// other control characters are not.
    mutating func skipComment() throws(TOMLError) {
        index += 1
        while index < end {
            let byte = bytes[index]
            if byte >= 0x80 {
                index = try endOfUTF8Sequence(at: index)
            } else if byte == Byte.lineFeed {
                return
            } else if byte == Byte.carriageReturn {
                guard index + 1 < end, bytes[index + 1] == Byte.lineFeed else {
                    throw error("a carriage return must be followed by a line feed", at: index)
                }
                return
            } else if Byte.isForbiddenControl(byte) {
                throw error("control character \(Self.scalarName(byte)) is not allowed in a comment", at: index)
            } else {
                index += 1
            }
        }
    }

    /// Spaces, tabs, newlines and comments: what may sit between array elements.
    mutating func skipBlankAndComments() throws(TOMLError) {
        while index < end {
            let byte = bytes[index]
            if byte == Byte.space || byte == Byte.tab {
                index += 1
            } else if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                try skipNewline()
            } else if byte == Byte.hash {
                try skipComment()
            } else {
                return
            }
        }
    }

    // MARK: - UTF-8 and errors

    /// At a byte >= 0x80: checks one UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF) and returns the index after it.
    func endOfUTF8Sequence(at i: Int) throws(TOMLError) -> Int {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw error("invalid UTF-8", at: i)
        }
        guard i + length <= end else { throw error("invalid UTF-8 (truncated sequence)", at: i) }
        let second = bytes[i + 1]
        guard second >= low, second <= high else { throw error("invalid UTF-8", at: i) }
        var j = i + 2
        while j < i + length {
            guard bytes[j] & 0xC0 == 0x80 else { throw error("invalid UTF-8", at: i) }
            j += 1
        }
        return i + length
    }

    /// An error at byte `offset`.
    func error(_ message: String, at offset: Int) -> TOMLError {
        var locator = self.locator
        let position = locator.position(of: offset, in: bytes)
        return TOMLError(message: message, line: position.line, column: position.column)
    }

    /// An error at a position already computed (a key's).
    func error(_ message: String, at position: TOMLPosition) -> TOMLError {
        TOMLError(message: message, line: position.line, column: position.column)
    }

    /// "expected X" at `offset`, naming what is there instead.
    func unexpected(at offset: Int, expected: String) -> TOMLError {
        guard offset < end else { return error("expected \(expected), found the end of the document", at: offset) }
        let byte = bytes[offset]
        if byte >= 0x80 {
            if let failure = Result(catching: { () throws(TOMLError) in _ = try endOfUTF8Sequence(at: offset) }).error { return failure }
            return error("expected \(expected); non-ASCII text is only allowed in strings, quoted keys and comments", at: offset)
        }
        if Byte.isForbiddenControl(byte) {
            return error("expected \(expected), found control character \(Self.scalarName(byte))", at: offset)
        }
        return error("expected \(expected), found '\(Character(Unicode.Scalar(byte)))'", at: offset)
    }

    /// `U+000B` style name of an ASCII byte.
    static func scalarName(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension Result {
    /// The failure, if this is one.
    fileprivate var error: Failure? { if case .failure(let failure) = self { failure } else { nil } }
}
