/// Reads and extends `.env`-style files (`NAME=value` lines) without rewriting what is there.
enum DotEnvFile {
    private static let entryPattern = Pattern(#"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*?)\s*$"#)

    /// The entries of `bytes` in order, with quotes removed from values and unquoted inline comments cut.
    static func entries(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for line in DotEnvLines.lines(bytes) where !line.isEmpty {
            guard !line.trimmingCharactersInSet(" \t").hasPrefix("#"), let groups = entryPattern.match(line),
                let name = groups[1]
            else { continue }
            result.append((name, unquote(groups[2] ?? "")))
        }
        return result
    }

    /// The value as a dotenv loader would read it: quotes removed, `\"`-style escapes undone in
    /// double quotes, ` #…` comments cut from unquoted values.
    static func unquote(_ raw: String) -> String {
        if raw.count >= 2, let first = raw.first, first == raw.last, first == "\"" || first == "'" {
            let body = raw.dropFirst().dropLast()
            guard first == "\"" else { return String(body) }
            var result = ""
            var escaped = false
            for character in body {
                if escaped {
                    result.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    result.append(character)
                }
            }
            return result
        }
        if let comment = raw.range(of: " #") { return String(raw[..<comment.lowerBound]).trimmingCharactersInSet(" \t") }
        return raw
    }

    /// `NAME=value`, quoting the value only when it holds characters a shell or dotenv loader would
    /// treat specially (Alpaca keys and secrets never need it).
    static func line(name: String, value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { scalar in
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                || "_./+=:@-".unicodeScalars.contains(scalar)
        }
        if plain && !value.isEmpty { return "\(name)=\(value)" }
        var escaped = ""
        for character in value {
            if "\\\"$`".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return "\(name)=\"\(escaped)\""
    }

    /// `existing` (nil when the file is new) with `lines` appended: `header` first in a new file,
    /// an EOL first when the last line has none, the file's own line ending throughout.
    static func appending(_ lines: [String], to existing: [UInt8]?, header: String?) -> [UInt8] {
        let text = SourceText(existing ?? [])
        let ending = existing == nil ? [UInt8(0x0A)] : text.lineEnding
        var bytes = existing ?? header.map { Array($0.utf8) + ending } ?? []
        if let last = bytes.last, last != 0x0A { bytes += ending }
        for line in lines { bytes += Array(line.utf8) + ending }
        return bytes
    }
}
