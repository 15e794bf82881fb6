/// Decodes the file names git writes in diff headers: C-quoted names, `a/` `b/` prefixes, trailing TABs, `/dev/null`.
enum DiffPathDecoder {
    /// A name from a `---` or `+++` line: a path, or `/dev/null` (the file does not exist on that side).
    enum HeaderName: Equatable {
        case devNull
        case path(String)
    }

    /// Decodes the text after `--- ` or `+++ `, removing `prefix` (`a/` or `b/`) when present.
    static func headerName(_ payload: ArraySlice<UInt8>, stripping prefix: [UInt8]) -> HeaderName {
        let raw: [UInt8]
        if payload.first == quote, let unquoted = unquote(payload) {
            raw = unquoted.value
        } else if let tab = payload.firstIndex(of: tab) {
            // git ends a name containing a space with a TAB, so that the name is not mistaken for a
            // name followed by a timestamp (the classic diff format); an unquoted name never holds a TAB.
            raw = Array(payload[payload.startIndex..<tab])
        } else {
            raw = Array(payload)
        }
        if raw == devNull { return .devNull }
        return .path(decode(stripPrefix(raw, prefix)))
    }

    /// Decodes a name in an extended header (`rename from X`, `copy to X`): quoted or raw, never prefixed.
    static func plainName(_ payload: ArraySlice<UInt8>) -> String {
        if payload.first == quote, let unquoted = unquote(payload) {
            return decode(unquoted.value)
        }
        return decode(Array(payload))
    }

    /// The two names of a `diff --git a/X b/Y` line (text after `diff --git `); nil when they cannot be told apart.
    static func gitLineNames(_ payload: ArraySlice<UInt8>) -> (old: String, new: String)? {
        let oldPrefix = Array("a/".utf8)
        let newPrefix = Array("b/".utf8)
        if payload.first == quote {
            guard let first = unquote(payload), first.rest.first == space else { return nil }
            let second = first.rest.dropFirst()
            let newRaw = second.first == quote ? unquote(second)?.value : Array(second)
            guard let newRaw else { return nil }
            return (decode(stripPrefix(first.value, oldPrefix)), decode(stripPrefix(newRaw, newPrefix)))
        }
        if payload.last == quote, let start = quotedSuffixStart(payload) {
            guard let second = unquote(payload[start...]) else { return nil }
            let first = Array(payload[payload.startIndex..<(start - 1)])
            return (decode(stripPrefix(first, oldPrefix)), decode(stripPrefix(second.value, newPrefix)))
        }
        // Unquoted names may contain spaces; when old and new are the same name (the common case),
        // the line is exactly "a/" + P + " b/" + P, which fixes P's length.
        let count = payload.count
        if count >= 5, (count - 5) % 2 == 0 {
            let nameLength = (count - 5) / 2
            let firstEnd = payload.startIndex + 2 + nameLength
            let first = payload[payload.startIndex..<firstEnd]
            let second = payload[(firstEnd + 1)...]
            if first.starts(with: oldPrefix), second.starts(with: newPrefix),
                first.dropFirst(2).elementsEqual(second.dropFirst(2))
            {
                let name = decode(Array(first.dropFirst(2)))
                return (name, name)
            }
        }
        guard let split = firstRange(of: Array(" b/".utf8), in: payload) else { return nil }
        let first = Array(payload[payload.startIndex..<split])
        let second = Array(payload[(split + 1)...])
        return (decode(stripPrefix(first, oldPrefix)), decode(stripPrefix(second, newPrefix)))
    }

    /// Undoes git's C-style quoting of a name that starts with `"`; returns the bytes and what follows the closing quote.
    static func unquote(_ text: ArraySlice<UInt8>) -> (value: [UInt8], rest: ArraySlice<UInt8>)? {
        guard text.first == quote else { return nil }
        var value: [UInt8] = []
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let byte = text[index]
            if byte == quote {
                return (value, text[text.index(after: index)...])
            }
            guard byte == backslash else {
                value.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < text.endIndex else { return nil }
            let escaped = text[index]
            if let simple = simpleEscapes[escaped] {
                value.append(simple)
                index += 1
            } else if isOctalDigit(escaped), index + 2 < text.endIndex,
                isOctalDigit(text[index + 1]), isOctalDigit(text[index + 2])
            {
                let number = Int(escaped - zero) * 64 + Int(text[index + 1] - zero) * 8 + Int(text[index + 2] - zero)
                // \400 and above cannot come from git; keep the low byte rather than fail on junk.
                value.append(UInt8(truncatingIfNeeded: number))
                index += 3
            } else {
                value.append(escaped)
                index += 1
            }
        }
        return nil
    }

    /// Turns path bytes into a String; bytes that are not UTF-8 become U+FFFD (git itself allows any bytes).
    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func stripPrefix(_ raw: [UInt8], _ prefix: [UInt8]) -> [UInt8] {
        raw.starts(with: prefix) ? Array(raw.dropFirst(prefix.count)) : raw
    }

    /// Index of the opening quote of a quoted name that ends `payload` and follows a space.
    private static func quotedSuffixStart(_ payload: ArraySlice<UInt8>) -> Int? {
        var index = payload.endIndex - 1
        while index > payload.startIndex {
            if payload[index] == quote, payload[index - 1] == space,
                let candidate = unquote(payload[index...]), candidate.rest.isEmpty
            {
                return index
            }
            index -= 1
        }
        return nil
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= zero + 7 }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let tab = UInt8(ascii: "\t")
    private static let space = UInt8(ascii: " ")
    private static let zero = UInt8(ascii: "0")
    private static let devNull = Array("/dev/null".utf8)
    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "v"): 0x0B, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "r"): 0x0D,
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]
}
