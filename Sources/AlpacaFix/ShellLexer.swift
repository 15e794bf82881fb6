/// A quoted part, comment or here-document body of a shell script, in byte offsets.
struct ShellRegion: Sendable, Hashable {
    /// What the region is.
    enum Kind: Sendable, Hashable {
        /// `# …` to the end of the line.
        case comment
        /// `'…'`: nothing expands inside.
        case singleQuoted
        /// `"…"`: `${NAME}` expands inside.
        case doubleQuoted
        /// `$'…'`: ANSI-C quoting, left to a person.
        case ansiQuoted
        /// A here-document body; `expands` is false when its delimiter was quoted.
        case hereDocument(expands: Bool)
    }

    /// What the region is.
    let kind: Kind
    /// The whole region, delimiters included.
    let range: Range<Int>
    /// The body between the delimiters.
    let content: Range<Int>
}

/// Finds quoting, comments and here-documents in sh/bash/zsh scripts: enough to choose how a
/// value is replaced by `${NAME}`. `sh -n`/`bash -n` afterwards is the safety net.
struct ShellLexer {
    private let bytes: [UInt8]
    private var regions: [ShellRegion] = []
    /// Here-documents announced on the current line: (delimiter, strip tabs, expands).
    private var pendingHereDocuments: [([UInt8], Bool, Bool)] = []

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The regions of `bytes`, in file order (top level only).
    static func regions(_ bytes: [UInt8]) -> [ShellRegion] {
        var lexer = ShellLexer(bytes)
        _ = lexer.scan(from: 0, closing: nil, record: true)
        // An escape at the very end can step past it: no range may.
        return lexer.regions.map { region in
            let range = min(region.range.lowerBound, bytes.count)..<min(region.range.upperBound, bytes.count)
            let content = min(region.content.lowerBound, range.upperBound)..<min(region.content.upperBound, range.upperBound)
            return ShellRegion(kind: region.kind, range: range, content: content)
        }
    }

    /// Scans shell code until the end or an unmatched `closing` byte; returns the offset after it.
    private mutating func scan(from start: Int, closing: UInt8?, record: Bool) -> Int {
        var index = start
        var depth = 0
        var wordStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if let closing {
                if byte == 0x28 { depth += 1 }
                if byte == closing {
                    if depth == 0 { return index + 1 }
                    depth -= 1
                }
            }
            switch byte {
            case 0x5C:
                index += 2
                wordStart = false
                continue
            case 0x23 where wordStart:
                let begin = index
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                if record { regions.append(ShellRegion(kind: .comment, range: begin..<index, content: begin..<index)) }
                continue
            case 0x27:
                let begin = index
                index += 1
                while index < bytes.count, bytes[index] != 0x27 { index += 1 }
                let end = min(index + 1, bytes.count)
                if record {
                    regions.append(ShellRegion(kind: .singleQuoted, range: begin..<end, content: (begin + 1)..<min(index, bytes.count)))
                }
                index = end
                wordStart = false
                continue
            case 0x24 where index + 1 < bytes.count && bytes[index + 1] == 0x27:
                let begin = index
                index += 2
                while index < bytes.count, bytes[index] != 0x27 {
                    if bytes[index] == 0x5C { index += 1 }
                    index += 1
                }
                let end = min(index + 1, bytes.count)
                if record { regions.append(ShellRegion(kind: .ansiQuoted, range: begin..<end, content: (begin + 2)..<min(index, bytes.count))) }
                index = end
                wordStart = false
                continue
            case 0x24 where index + 1 < bytes.count && bytes[index + 1] == 0x28:
                index = scan(from: index + 2, closing: 0x29, record: false)
                wordStart = false
                continue
            case 0x22:
                let begin = index
                index = doubleQuotedEnd(from: index + 1)
                let contentEnd = index < bytes.count ? index : bytes.count
                let end = min(index + 1, bytes.count)
                if record { regions.append(ShellRegion(kind: .doubleQuoted, range: begin..<end, content: (begin + 1)..<contentEnd)) }
                index = end
                wordStart = false
                continue
            case 0x3C where index + 1 < bytes.count && bytes[index + 1] == 0x3C && (index + 2 >= bytes.count || bytes[index + 2] != 0x3C):
                index = announceHereDocument(at: index)
                wordStart = false
                continue
            case 0x0A:
                index += 1
                if !pendingHereDocuments.isEmpty { index = readHereDocuments(from: index, record: record) }
                wordStart = true
                continue
            default:
                break
            }
            wordStart = [0x20, 0x09, 0x3B, 0x26, 0x7C, 0x28, 0x29].contains(byte)
            index += 1
        }
        return index
    }

    /// The offset of the `"` closing a double-quoted string whose body starts at `start`.
    private mutating func doubleQuotedEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x22 {
            if bytes[index] == 0x5C {
                index += 2
            } else if bytes[index] == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x28 {
                index = scan(from: index + 2, closing: 0x29, record: false)
            } else {
                index += 1
            }
        }
        return min(index, bytes.count)
    }

    /// Records the delimiter after `<<` / `<<-` and returns the offset after it.
    private mutating func announceHereDocument(at start: Int) -> Int {
        var index = start + 2
        var stripTabs = false
        if index < bytes.count, bytes[index] == 0x2D {
            stripTabs = true
            index += 1
        }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        // `$((1 << 2))` is a shift, not a here-document: delimiters starting with a digit are taken as that.
        if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return index }
        var delimiter: [UInt8] = []
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x27 || byte == 0x22 {
                quoted = true
                index += 1
                while index < bytes.count, bytes[index] != byte, bytes[index] != 0x0A {
                    delimiter.append(bytes[index])
                    index += 1
                }
                index += 1
                continue
            }
            if byte == 0x5C {
                quoted = true
                index += 1
                continue
            }
            if [0x20, 0x09, 0x0A, 0x3B, 0x26, 0x7C, 0x3C, 0x3E, 0x29].contains(byte) { break }
            delimiter.append(byte)
            index += 1
        }
        if !delimiter.isEmpty { pendingHereDocuments.append((delimiter, stripTabs, !quoted)) }
        return min(index, bytes.count)
    }

    /// Reads the bodies of the announced here-documents starting at line offset `start`.
    private mutating func readHereDocuments(from start: Int, record: Bool) -> Int {
        var index = start
        for (delimiter, stripTabs, expands) in pendingHereDocuments {
            let bodyStart = index
            var bodyEnd = bytes.count
            while index < bytes.count {
                let lineStart = index
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                var line = bytes[lineStart..<index]
                if line.last == 0x0D { line = line.dropLast() }
                if stripTabs { line = line.drop { $0 == 0x09 } }
                if index < bytes.count { index += 1 }
                if Array(line) == delimiter {
                    bodyEnd = lineStart
                    break
                }
            }
            if record {
                regions.append(ShellRegion(kind: .hereDocument(expands: expands), range: bodyStart..<bodyEnd, content: bodyStart..<bodyEnd))
            }
        }
        pendingHereDocuments.removeAll()
        return index
    }
}
