extension Parser {
    /// At the `"` of a one-line basic string: escapes decoded; no raw newlines or control characters.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = index
        index += 1
        var decoded: [UInt8] = []
        var runStart = index
        while index < end {
            let byte = bytes[index]
            if byte == Byte.quote {
                let text = text(decoded, runStart..<index)
                index += 1
                return text
            }
            if byte == Byte.backslash {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try appendEscape(to: &decoded)
                runStart = index
            } else if byte >= 0x80 {
                index = try endOfUTF8Sequence(at: index)
            } else if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                throw error("a one-line string cannot span lines (close it with '\"', or use \"\"\" for several lines)", at: index)
            } else if Byte.isForbiddenControl(byte) {
                throw error("control character \(Self.scalarName(byte)) must be escaped in a string", at: index)
            } else {
                index += 1
            }
        }
        throw error("unterminated string (its '\"' is here)", at: open)
    }

    /// At the `'` of a one-line literal string: taken as written; no newlines or control characters.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = index
        index += 1
        let start = index
        while index < end {
            let byte = bytes[index]
            if byte == Byte.apostrophe {
                let text = text([], start..<index)
                index += 1
                return text
            }
            if byte >= 0x80 {
                index = try endOfUTF8Sequence(at: index)
            } else if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                throw error("a one-line string cannot span lines (close it with \"'\", or use ''' for several lines)", at: index)
            } else if Byte.isForbiddenControl(byte) {
                throw error("control character \(Self.scalarName(byte)) is not allowed in a literal string", at: index)
            } else {
                index += 1
            }
        }
        throw error("unterminated string (its \"'\" is here)", at: open)
    }

    /// At `"""`: a newline right after the opening quotes is dropped, CRLF becomes LF, escapes are
    /// decoded, and a backslash ending a line removes the line break and the whitespace after it.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let open = index
        index += 3
        skipNewlineAfterOpening()
        var decoded: [UInt8] = []
        var runStart = index
        while index < end {
            let byte = bytes[index]
            if byte == Byte.quote {
                if let text = try closeMultiline(quote: byte, decoded: &decoded, runStart: runStart) { return text }
            } else if byte == Byte.backslash {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let next = index + 1 < end ? bytes[index + 1] : 0
                if next == Byte.space || next == Byte.tab || next == Byte.lineFeed || next == Byte.carriageReturn {
                    try skipLineEndingBackslash()
                } else {
                    try appendEscape(to: &decoded)
                }
                runStart = index
            } else if byte >= 0x80 {
                index = try endOfUTF8Sequence(at: index)
            } else if byte == Byte.lineFeed || byte == Byte.tab {
                index += 1
            } else if byte == Byte.carriageReturn {
                try normalizeCarriageReturn(decoded: &decoded, runStart: &runStart)
            } else if Byte.isForbiddenControl(byte) {
                throw error("control character \(Self.scalarName(byte)) must be escaped in a string", at: index)
            } else {
                index += 1
            }
        }
        throw error("unterminated multi-line string (its '\"\"\"' is here)", at: open)
    }

    /// At `'''`: taken as written, except that a newline right after the opening quotes is
    /// dropped and CRLF becomes LF.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let open = index
        index += 3
        skipNewlineAfterOpening()
        var decoded: [UInt8] = []
        var runStart = index
        while index < end {
            let byte = bytes[index]
            if byte == Byte.apostrophe {
                if let text = try closeMultiline(quote: byte, decoded: &decoded, runStart: runStart) { return text }
            } else if byte >= 0x80 {
                index = try endOfUTF8Sequence(at: index)
            } else if byte == Byte.lineFeed || byte == Byte.tab {
                index += 1
            } else if byte == Byte.carriageReturn {
                try normalizeCarriageReturn(decoded: &decoded, runStart: &runStart)
            } else if Byte.isForbiddenControl(byte) {
                throw error("control character \(Self.scalarName(byte)) is not allowed in a literal string", at: index)
            } else {
                index += 1
            }
        }
        throw error("unterminated multi-line string (its \"'''\" is here)", at: open)
    }

    /// At a run of `quote` inside a multi-line string. One or two are content; three to five close
    /// the string, the ones before the last three being content; six or more are an error.
    /// Returns the string when it closed, nil (with `index` after the run) when it did not.
    private mutating func closeMultiline(quote: UInt8, decoded: inout [UInt8], runStart: Int) throws(TOMLError) -> String? {
        var run = 0
        while index + run < end, bytes[index + run] == quote { run += 1 }
        guard run >= 3 else {
            index += run
            return nil
        }
        guard run <= 5 else {
            throw error("too many quotes: at most two may come right before the closing three", at: index + 5)
        }
        let contentEnd = index + run - 3
        index += run
        return text(decoded, runStart..<contentEnd)
    }

    /// A newline right after `"""` or `'''` is not part of the string.
    private mutating func skipNewlineAfterOpening() {
        if index < end, bytes[index] == Byte.lineFeed {
            index += 1
        } else if index + 1 < end, bytes[index] == Byte.carriageReturn, bytes[index + 1] == Byte.lineFeed {
            index += 2
        }
    }

    /// At a carriage return in a multi-line string: CRLF is stored as LF; a lone CR is an error.
    private mutating func normalizeCarriageReturn(decoded: inout [UInt8], runStart: inout Int) throws(TOMLError) {
        guard index + 1 < end, bytes[index + 1] == Byte.lineFeed else {
            throw error("a carriage return must be followed by a line feed", at: index)
        }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        index += 1
        runStart = index
    }

    /// At a backslash followed by whitespace: only spaces or tabs may stand between it and the end of
    /// the line; then every space, tab and newline up to the next other character is skipped.
    private mutating func skipLineEndingBackslash() throws(TOMLError) {
        let backslash = index
        index += 1
        skipSpaces()
        guard index < end, bytes[index] == Byte.lineFeed || bytes[index] == Byte.carriageReturn else {
            throw error("a backslash followed by whitespace must end the line (escape a literal backslash as \\\\)", at: backslash)
        }
        while index < end {
            let byte = bytes[index]
            if byte == Byte.space || byte == Byte.tab || byte == Byte.lineFeed {
                index += 1
            } else if byte == Byte.carriageReturn, index + 1 < end, bytes[index + 1] == Byte.lineFeed {
                index += 2
            } else {
                return
            }
        }
    }

    /// At a backslash: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX` (TOML 1.0 has no other escapes).
    private mutating func appendEscape(to decoded: inout [UInt8]) throws(TOMLError) {
        let backslash = index
        guard index + 1 < end else { throw error("unterminated escape sequence", at: backslash) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case Byte.quote: decoded.append(Byte.quote)
        case Byte.backslash: decoded.append(Byte.backslash)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            var code: UInt32 = 0
            for offset in 0..<count {
                guard index + offset < end, let digit = Byte.hexValue(bytes[index + offset]) else {
                    throw error("\\\(Character(Unicode.Scalar(letter))) must be followed by \(count) hexadecimal digits", at: backslash)
                }
                code = code << 4 | digit
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw error("escape \\\(Character(Unicode.Scalar(letter))) names a surrogate or a code point above U+10FFFF, not a Unicode scalar value", at: backslash)
            }
            index += count
            decoded.append(contentsOf: UTF8.encode(scalar)!)
        default:
            let shown = letter >= 0x21 && letter < 0x7F ? " '\\\(Character(Unicode.Scalar(letter)))'" : ""
            throw error("invalid escape sequence\(shown) (TOML 1.0 knows \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX; a literal '...' string needs none)", at: backslash)
        }
    }

    /// The string made of `decoded` followed by the raw bytes in `run` (both already valid UTF-8).
    private func text(_ decoded: [UInt8], _ run: Range<Int>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[run])
        if decoded.isEmpty { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: decoded + raw, as: UTF8.self)
    }
}
