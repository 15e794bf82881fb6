extension Parser {
    /// The value at `index`. `depth` is the nesting level an array or inline table here would have.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
        guard index < end else { throw error("expected a value, found the end of the document", at: index) }
        let byte = bytes[index]
        switch byte {
        case Byte.quote:
            return .string(try isTripleQuote(byte) ? parseMultilineBasicString() : parseBasicString())
        case Byte.apostrophe:
            return .string(try isTripleQuote(byte) ? parseMultilineLiteralString() : parseLiteralString())
        case Byte.openBracket:
            return try parseArray(depth: depth)
        case Byte.openBrace:
            return try parseInlineTable(depth: depth)
        case 0x30...0x39, Byte.plus, Byte.minus, UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"):
            return try parseScalar()
        case Byte.lineFeed, Byte.carriageReturn:
            throw error("expected a value before the end of the line", at: index)
        default:
            throw unexpected(at: index, expected: "a value (string, number, boolean, date-time, array or inline table)")
        }
    }

    /// Whether `index` starts `"""` or `'''` (for `quote`).
    private func isTripleQuote(_ quote: UInt8) -> Bool {
        index + 2 < end && bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    /// `[ value, value, ]`: newlines and comments may sit between elements, and one trailing comma.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let open = index
        try checkDepth(depth, at: open)
        index += 1
        var elements: [TOMLValue] = []
        try skipBlankAndComments()
        while true {
            guard index < end else { throw error("unterminated array (its '[' is here)", at: open) }
            if bytes[index] == Byte.closeBracket {
                index += 1
                return .array(elements)
            }
            elements.append(try parseValue(depth: depth + 1))
            try skipBlankAndComments()
            guard index < end else { throw error("unterminated array (its '[' is here)", at: open) }
            if bytes[index] == Byte.comma {
                index += 1
                try skipBlankAndComments()
            } else if bytes[index] != Byte.closeBracket {
                throw unexpected(at: index, expected: "',' or ']' after an array element")
            }
        }
    }

    /// `{ key = value, ... }` on one line: no newline between the braces (except inside values), no
    /// trailing comma; dotted keys may build sub-tables, and the result can never be extended.
    private mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth, at: index)
        index += 1
        let table = document.newTable(.defined, position: nil, depth: depth)
        let section = newSection()
        skipSpaces()
        if index < end, bytes[index] == Byte.closeBrace {
            index += 1
            return .table(document.freeze(table))
        }
        var afterComma = false
        while true {
            try expectInlineKey(afterComma: afterComma)
            let key = try parseKey()
            guard index < end, bytes[index] == Byte.equals else {
                throw error("expected '=' after the key \(display(key))", at: index)
            }
            index += 1
            skipSpaces()
            let value = try parseValue(depth: depth + key.count)
            try insert(value, at: key, into: table, section: section)
            skipSpaces()
            guard index < end else { throw error("unterminated inline table", at: index) }
            if bytes[index] == Byte.closeBrace {
                index += 1
                return .table(document.freeze(table))
            }
            guard bytes[index] == Byte.comma else {
                if bytes[index] == Byte.lineFeed || bytes[index] == Byte.carriageReturn {
                    throw error("an inline table must be closed with '}' on the same line", at: index)
                }
                throw unexpected(at: index, expected: "',' or '}' after a value in an inline table")
            }
            index += 1
            afterComma = true
            skipSpaces()
        }
    }

    /// Before a key in an inline table: names the usual mistakes.
    private func expectInlineKey(afterComma: Bool) throws(TOMLError) {
        guard index < end else { throw error("unterminated inline table", at: index) }
        let byte = bytes[index]
        if byte == Byte.closeBrace, afterComma {
            throw error("an inline table cannot end with a comma", at: index)
        }
        if byte == Byte.lineFeed || byte == Byte.carriageReturn || byte == Byte.hash {
            throw error("an inline table must stay on one line", at: index)
        }
    }

    private func checkDepth(_ depth: Int, at offset: Int) throws(TOMLError) {
        guard depth <= TOMLTable.maximumDepth else {
            throw error("tables and arrays nested more than \(TOMLTable.maximumDepth) levels deep", at: offset)
        }
    }
}
