extension Parser {
    // Arrays and inline tables nest, so parseValue, parseArray and parseInlineTable recurse
    // through one another. They are kept small and everything else they need (leaf values, keys,
    // error messages) lives in helpers that are never inlined into them: in debug builds every
    // temporary of a function takes its own stack slot, and the deepest allowed document must
    // still fit comfortably in a 512 KB thread stack.

    /// The value at `index`. `depth` is the nesting level an array or inline table here would have.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
        guard index < end else { throw valueError() }
        switch bytes[index] {
        case Byte.openBracket: return try parseArray(depth: depth)
        case Byte.openBrace: return try parseInlineTable(depth: depth)
        default: return try parseLeafValue()
        }
    }

    /// `[ value, value, ]`: newlines and comments may sit between elements, and one trailing comma.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let open = try openContainer(depth: depth)
        var elements: [TOMLValue] = []
        try skipBlankAndComments()
        while try !closeArray(open: open) {
            elements.append(try parseValue(depth: depth + 1))
            try arraySeparator(open: open)
        }
        return .array(elements)
    }

    /// `{ key = value, ... }` on one line: no newline between the braces (except inside values), no
    /// trailing comma; dotted keys may build sub-tables, and the result can never be extended.
    private mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        _ = try openContainer(depth: depth)
        let table = document.newTable(.defined, position: nil, depth: depth)
        let section = newSection()
        var afterComma = false
        while let key = try inlineKey(afterComma: afterComma) {
            let value = try parseValue(depth: depth + key.count)
            try insert(value, at: key, into: table, section: section)
            afterComma = true
            guard try inlineSeparator() else { break }
        }
        return inlineTable(table)
    }

    // MARK: - Helpers of the recursive functions (never inlined into them)

    /// Any value but an array or inline table.
    @inline(never)
    private mutating func parseLeafValue() throws(TOMLError) -> TOMLValue {
        let byte = bytes[index]
        switch byte {
        case Byte.quote:
            return .string(try isTripleQuote(byte) ? parseMultilineBasicString() : parseBasicString())
        case Byte.apostrophe:
            return .string(try isTripleQuote(byte) ? parseMultilineLiteralString() : parseLiteralString())
        case 0x30...0x39, Byte.plus, Byte.minus, UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"):
            return try parseScalar()
        default:
            throw valueError()
        }
    }

    @inline(never)
    private func valueError() -> TOMLError {
        guard index < end else { return error("expected a value, found the end of the document", at: index) }
        if bytes[index] == Byte.lineFeed || bytes[index] == Byte.carriageReturn {
            return error("expected a value before the end of the line", at: index)
        }
        return unexpected(at: index, expected: "a value (string, number, boolean, date-time, array or inline table)")
    }

    /// Whether `index` starts `"""` or `'''` (for `quote`).
    private func isTripleQuote(_ quote: UInt8) -> Bool {
        index + 2 < end && bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    /// At `[` or `{`: checks the depth limit and steps over it; returns where it was.
    @inline(never)
    private mutating func openContainer(depth: Int) throws(TOMLError) -> Int {
        guard depth <= TOMLTable.maximumDepth else {
            throw error("tables and arrays nested more than \(TOMLTable.maximumDepth) levels deep", at: index)
        }
        index += 1
        return index - 1
    }

    /// Before an array element: true (and steps over it) at the closing bracket.
    @inline(never)
    private mutating func closeArray(open: Int) throws(TOMLError) -> Bool {
        guard index < end else { throw error("unterminated array (its '[' is here)", at: open) }
        guard bytes[index] == Byte.closeBracket else { return false }
        index += 1
        return true
    }

    /// After an array element: a comma (then blanks), or what must be the closing bracket.
    @inline(never)
    private mutating func arraySeparator(open: Int) throws(TOMLError) {
        try skipBlankAndComments()
        guard index < end else { throw error("unterminated array (its '[' is here)", at: open) }
        if bytes[index] == Byte.comma {
            index += 1
            try skipBlankAndComments()
        } else if bytes[index] != Byte.closeBracket {
            throw unexpected(at: index, expected: "',' or ']' after an array element")
        }
    }

    /// Inside `{`: the next `key =`, or nil (having stepped over it) at the closing brace of an
    /// empty table. Names the usual mistakes: newlines, trailing commas.
    @inline(never)
    private mutating func inlineKey(afterComma: Bool) throws(TOMLError) -> [KeyPart]? {
        skipSpaces()
        guard index < end else { throw error("unterminated inline table", at: index) }
        let byte = bytes[index]
        if byte == Byte.closeBrace {
            if afterComma { throw error("an inline table cannot end with a comma", at: index) }
            index += 1
            return nil
        }
        if byte == Byte.lineFeed || byte == Byte.carriageReturn || byte == Byte.hash {
            throw error("an inline table must stay on one line", at: index)
        }
        let key = try parseKey()
        guard index < end, bytes[index] == Byte.equals else {
            throw error("expected '=' after the key \(display(key))", at: index)
        }
        index += 1
        skipSpaces()
        return key
    }

    /// After a value in an inline table: true after a comma, false (having stepped over it) at `}`.
    @inline(never)
    private mutating func inlineSeparator() throws(TOMLError) -> Bool {
        skipSpaces()
        guard index < end else { throw error("unterminated inline table", at: index) }
        let byte = bytes[index]
        index += 1
        if byte == Byte.comma { return true }
        if byte == Byte.closeBrace { return false }
        index -= 1
        if byte == Byte.lineFeed || byte == Byte.carriageReturn {
            throw error("an inline table must be closed with '}' on the same line", at: index)
        }
        throw unexpected(at: index, expected: "',' or '}' after a value in an inline table")
    }

    @inline(never)
    private func inlineTable(_ table: Int) -> TOMLValue { .table(document.freeze(table)) }
}
