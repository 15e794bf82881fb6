/// A file's bytes with a line index, converting the scanner's (line, Unicode-scalar column)
/// positions to byte offsets and back. Never re-encodes: edits work on the original bytes.
struct SourceText: Sendable {
    /// The file's bytes, unchanged.
    let bytes: [UInt8]
    /// Byte offset where each line starts (line 1 at index 0).
    let lineStarts: [Int]

    /// Indexes `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// Number of lines (a trailing newline does not start an extra line unless text follows it).
    var lineCount: Int { lineStarts.count }

    /// The line ending this file uses: CRLF when its first line ends with one, else LF.
    var lineEnding: [UInt8] {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return [0x0A] }
        return newline > 0 && bytes[newline - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    /// Byte range of line `line` (1-based) without its line ending.
    func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// 1-based line number holding byte `offset`.
    func lineNumber(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Byte offset of (line, column); columns count Unicode scalars from 1, an invalid byte
    /// counting as one. nil when outside the file.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var offset = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0 {
            guard offset < bytes.count, bytes[offset] != 0x0A else { return nil }
            offset += Self.scalarLength(bytes, at: offset)
            remaining -= 1
        }
        return offset
    }

    /// (line, column) of byte `offset`, the inverse of `offset(line:column:)`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let line = lineNumber(at: offset)
        var cursor = lineStarts[line - 1]
        var column = 1
        while cursor < offset {
            cursor += Self.scalarLength(bytes, at: cursor)
            column += 1
        }
        return (line, column)
    }

    /// Length in bytes of the UTF-8 scalar starting at `offset` (1 for an invalid or truncated one).
    static func scalarLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return 1
        }
        guard offset + length <= bytes.count else { return 1 }
        for index in (offset + 1)..<(offset + length) where bytes[index] & 0xC0 != 0x80 { return 1 }
        return length
    }

    /// The text of a byte range, decoded leniently.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Leading spaces and tabs of the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> [UInt8] {
        let start = lineStarts[lineNumber(at: offset) - 1]
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return Array(bytes[start..<end])
    }
}
