/// A comment or string literal found by `CodeLexer`, in byte offsets of the file.
struct LexRegion: Sendable, Hashable {
    /// What the region is.
    enum Kind: Sendable, Hashable {
        /// A line or block comment.
        case comment
        /// A string literal (or a JS regular expression, which the fixer never edits).
        case string
        /// A JavaScript regular-expression literal.
        case regex
    }

    /// What the region is.
    let kind: Kind
    /// The whole token: prefix, delimiters and body.
    var range: Range<Int>
    /// The body between the delimiters (the whole range for comments).
    var content: Range<Int>
    /// The string interpolates (f-string, template literal with `${`, Swift `\(`).
    var interpolated = false
    /// The literal may span lines (Python triple quotes, Swift `"""`, JS template, Go raw string).
    var multiLine = false
    /// A prefix changes its type or meaning (Python `b`, `f`, `t`; `r` is fine).
    var typedPrefix = false
}

/// Finds comments and string literals in Python, JavaScript/TypeScript, Go and Swift well enough
/// to tell where a value sits. It is not a parser: the syntax check after editing is the safety net.
struct CodeLexer {
    private let bytes: [UInt8]
    private let language: SourceLanguage
    private var regions: [LexRegion] = []

    private init(_ bytes: [UInt8], _ language: SourceLanguage) {
        self.bytes = bytes
        self.language = language
    }

    /// The top-level comments and strings of `bytes`, in file order (nested ones inside template
    /// or interpolation expressions are not listed: the enclosing literal is what matters).
    static func regions(_ bytes: [UInt8], language: SourceLanguage) -> [LexRegion] {
        var lexer = CodeLexer(bytes, language)
        _ = lexer.scanCode(from: 0, closing: nil, record: true)
        // An escape or delimiter at the very end can step past it: no range may.
        return lexer.regions.map { region in
            var clamped = region
            clamped.range = min(region.range.lowerBound, bytes.count)..<min(region.range.upperBound, bytes.count)
            clamped.content = min(region.content.lowerBound, clamped.range.upperBound)..<min(region.content.upperBound, clamped.range.upperBound)
            return clamped
        }
    }

    // MARK: - Code

    /// Scans code from `start` until the end, or until the unmatched `closing` byte (for template
    /// and interpolation expressions); returns the offset after it.
    private mutating func scanCode(from start: Int, closing: UInt8?, record: Bool) -> Int {
        var index = start
        var depth = 0
        var lastSignificant: UInt8 = 0x0A
        while index < bytes.count {
            let byte = bytes[index]
            if let closing {
                if byte == 0x7B || byte == 0x28 { depth += 1 }
                if byte == 0x7D || byte == 0x29 {
                    if depth == 0 && byte == closing { return index + 1 }
                    depth -= 1
                }
            }
            if let region = scanToken(at: &index, lastSignificant: lastSignificant) {
                if record { regions.append(region) }
                lastSignificant = 0x22
                continue
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { lastSignificant = byte }
            index += 1
        }
        return index
    }

    /// A comment or literal starting at `index` (advancing past it), or nil.
    private mutating func scanToken(at index: inout Int, lastSignificant: UInt8) -> LexRegion? {
        let byte = bytes[index]
        switch language {
        case .python:
            if byte == 0x23 { return lineComment(at: &index, length: 1) }
            if byte == 0x22 || byte == 0x27 { return pythonString(at: &index) }
        case .javaScript, .typeScript, .go, .swift:
            if byte == 0x2F, next(index) == 0x2F { return lineComment(at: &index, length: 2) }
            if byte == 0x2F, next(index) == 0x2A { return blockComment(at: &index) }
            switch language {
            case .javaScript, .typeScript:
                if byte == 0x22 || byte == 0x27 { return quoted(at: &index, quote: byte) }
                if byte == 0x60 { return template(at: &index) }
                if byte == 0x2F, Self.regexCanStart(after: lastSignificant) { return regex(at: &index) }
            case .go:
                if byte == 0x22 || byte == 0x27 { return quoted(at: &index, quote: byte) }
                if byte == 0x60 { return goRaw(at: &index) }
            case .swift:
                if byte == 0x22 || (byte == 0x23 && rawQuoteFollows(index)) { return swiftString(at: &index) }
            default:
                break
            }
        case .shell, .environmentTemplate:
            break
        }
        return nil
    }

    private func next(_ index: Int) -> UInt8? { index + 1 < bytes.count ? bytes[index + 1] : nil }

    /// `//…` or `#…` to the end of the line.
    private func lineComment(at index: inout Int, length: Int) -> LexRegion {
        let start = index
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return LexRegion(kind: .comment, range: start..<index, content: start..<index)
    }

    /// `/* … */`, nested in Swift.
    private func blockComment(at index: inout Int) -> LexRegion {
        let start = index
        var depth = 0
        while index < bytes.count {
            if bytes[index] == 0x2F, next(index) == 0x2A {
                depth += 1
                index += 2
            } else if bytes[index] == 0x2A, next(index) == 0x2F {
                depth -= 1
                index += 2
                if depth == 0 || language != .swift { break }
            } else {
                index += 1
            }
        }
        return LexRegion(kind: .comment, range: start..<index, content: start..<index)
    }

    /// A one-line string in `quote` with backslash escapes; ends at the quote or the line's end.
    private func quoted(at index: inout Int, quote: UInt8) -> LexRegion {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != quote, bytes[index] != 0x0A {
            if bytes[index] == 0x5C { index += 1 }
            index += 1
        }
        let contentEnd = min(index, bytes.count)
        if index < bytes.count, bytes[index] == quote { index += 1 }
        return LexRegion(kind: .string, range: start..<index, content: (start + 1)..<max(start + 1, contentEnd))
    }

    /// A JS template literal; `${…}` expressions are skipped as code.
    private mutating func template(at index: inout Int) -> LexRegion {
        let start = index
        index += 1
        var interpolated = false
        while index < bytes.count, bytes[index] != 0x60 {
            if bytes[index] == 0x5C {
                index += 2
            } else if bytes[index] == 0x24, next(index) == 0x7B {
                interpolated = true
                index = scanCode(from: index + 2, closing: 0x7D, record: false)
            } else {
                index += 1
            }
        }
        let contentEnd = min(index, bytes.count)
        if index < bytes.count { index += 1 }
        var region = LexRegion(kind: .string, range: start..<index, content: (start + 1)..<max(start + 1, contentEnd))
        region.interpolated = interpolated
        region.multiLine = bytes[region.content].contains(0x0A)
        return region
    }

    /// Whether a `/` after `byte` starts a regular expression rather than a division.
    private static func regexCanStart(after byte: UInt8) -> Bool {
        Array("(,=:[!&|?{};+-*%<>~^\n".utf8).contains(byte)
    }

    /// A JS regular expression literal (classes may contain `/`); ends at the line's end at worst.
    private func regex(at index: inout Int) -> LexRegion {
        let start = index
        index += 1
        var inClass = false
        while index < bytes.count, bytes[index] != 0x0A {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if byte == 0x5B { inClass = true }
            if byte == 0x5D { inClass = false }
            index += 1
            if byte == 0x2F && !inClass { break }
        }
        index = min(index, bytes.count)
        return LexRegion(kind: .regex, range: start..<index, content: start..<index)
    }

    /// A Go raw string `` `…` ``.
    private func goRaw(at index: inout Int) -> LexRegion {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != 0x60 { index += 1 }
        let contentEnd = index
        if index < bytes.count { index += 1 }
        var region = LexRegion(kind: .string, range: start..<index, content: (start + 1)..<contentEnd)
        region.multiLine = bytes[region.content].contains(0x0A)
        return region
    }

    // MARK: - Python

    /// A Python string with its prefix (`r`, `b`, `f`, `u`, `t` and pairs) and single or triple quotes.
    private func pythonString(at index: inout Int) -> LexRegion {
        let quote = bytes[index]
        var prefixStart = index
        while prefixStart > 0, prefixStart > index - 2, Self.isPrefixLetter(bytes[prefixStart - 1]) { prefixStart -= 1 }
        if prefixStart > 0, Self.isIdentifier(bytes[prefixStart - 1]) { prefixStart = index }
        let prefix = bytes[prefixStart..<index].map { $0 | 0x20 }
        let triple = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        let delimiter = triple ? 3 : 1
        index += delimiter
        let contentStart = index
        var contentEnd = bytes.count
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if !triple && byte == 0x0A {
                contentEnd = index
                break
            }
            if byte == quote && (!triple || (index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote)) {
                contentEnd = index
                index += delimiter
                break
            }
            index += 1
        }
        index = min(index, bytes.count)
        var region = LexRegion(kind: .string, range: prefixStart..<index, content: contentStart..<min(contentEnd, bytes.count))
        region.multiLine = triple
        region.typedPrefix = prefix.contains(0x66) || prefix.contains(0x62) || prefix.contains(0x74)
        region.interpolated = prefix.contains(0x66) || prefix.contains(0x74)
        return region
    }

    private static func isPrefixLetter(_ byte: UInt8) -> Bool {
        Array("rRbBfFuUtT".utf8).contains(byte)
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    // MARK: - Swift

    /// Whether `#…#"` starts a raw string at `index`.
    private func rawQuoteFollows(_ index: Int) -> Bool {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == 0x23 { cursor += 1 }
        return cursor < bytes.count && bytes[cursor] == 0x22
    }

    /// A Swift string: `"…"`, `"""…"""`, raw `#"…"#`; `\(…)` (or `\#(…)`) interpolation is skipped as code.
    private mutating func swiftString(at index: inout Int) -> LexRegion {
        let start = index
        var hashes = 0
        while bytes[index] == 0x23 {
            hashes += 1
            index += 1
        }
        let triple = index + 2 < bytes.count && bytes[index + 1] == 0x22 && bytes[index + 2] == 0x22
        let delimiter = triple ? 3 : 1
        index += delimiter
        let contentStart = index
        var contentEnd = bytes.count
        var interpolated = false
        let closing = Array(repeating: UInt8(0x22), count: delimiter) + Array(repeating: UInt8(0x23), count: hashes)
        let escape = [UInt8(0x5C)] + Array(repeating: UInt8(0x23), count: hashes)
        while index < bytes.count {
            if !triple && bytes[index] == 0x0A {
                contentEnd = index
                break
            }
            if bytes[index...].starts(with: escape) {
                let after = index + escape.count
                if after < bytes.count, bytes[after] == 0x28 {
                    interpolated = true
                    index = scanCode(from: after + 1, closing: 0x29, record: false)
                } else {
                    index = after + 1
                }
                continue
            }
            if bytes[index...].starts(with: closing) {
                contentEnd = index
                index += closing.count
                break
            }
            index += 1
        }
        index = min(index, bytes.count)
        var region = LexRegion(kind: .string, range: start..<index, content: contentStart..<min(contentEnd, bytes.count))
        region.interpolated = interpolated
        region.multiLine = triple
        return region
    }
}
