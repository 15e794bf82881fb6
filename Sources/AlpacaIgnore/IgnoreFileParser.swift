/// Splits an ignore file into patterns the way git's `add_patterns_from_buffer` does.
enum IgnoreFileParser {
    /// Patterns of `contents` in file order; `base` is the file's directory relative to the walk root,
    /// `source` its name for messages.
    static func parse(_ contents: [UInt8], base: [UInt8], source: String) -> [IgnorePattern] {
        var bytes = contents[...]
        // git skips a UTF-8 byte order mark at the very start.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var patterns: [IgnorePattern] = []
        var lineNumber = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        // git appends a newline to the buffer, so a last line without one still counts.
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == Ascii.newline {
                let atEnd = index == bytes.endIndex
                if !(atEnd && lineStart == index) {
                    var line = bytes[lineStart..<index]
                    if !line.isEmpty && line.first != Ascii.hash {
                        if line.last == Ascii.carriageReturn { line = line.dropLast() }
                        // A NUL ends the line for git, which treats it as a C string.
                        if let nul = line.firstIndex(of: 0) { line = line[..<nul] }
                        patterns.append(
                            IgnorePattern(line: trimTrailingSpaces(Array(line)), lineNumber: lineNumber, base: base, source: source))
                    }
                }
                lineNumber += 1
                lineStart = index + 1
            }
            index += 1
        }
        return patterns
    }

    /// git's `trim_trailing_spaces`: drop unescaped trailing spaces (not tabs); "\ " keeps one.
    static func trimTrailingSpaces(_ line: [UInt8]) -> [UInt8] {
        var lastSpace: Int?
        var i = 0
        while i < line.count {
            switch line[i] {
            case Ascii.space:
                if lastSpace == nil { lastSpace = i }
            case Ascii.backslash:
                i += 1
                // A backslash at the very end disables trimming altogether, as in git.
                if i >= line.count { return line }
                lastSpace = nil
            default:
                lastSpace = nil
            }
            i += 1
        }
        if let cut = lastSpace { return Array(line[..<cut]) }
        return line
    }
}
