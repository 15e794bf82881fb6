/// The value of an Alpaca auth header written as a literal, and whether it is a credential.
///
/// One rule for all three headers (`APCA-API-KEY-ID`, `APCA-API-SECRET-KEY`, `Authorization`): a
/// literal counts when, once its quotes and concatenations are taken off, it has the shape of the
/// credential that header carries and is not a placeholder. Test sentinels and words
/// (`real-key-id-value`, `PAPERSECRET`) are not credentials, whichever header holds them.
enum HeaderValue {
    /// Which credential a header carries, from the text of the match (which names the header).
    enum Kind {
        case keyID, secret, authorization
    }

    static func kind(of matchText: String) -> Kind? {
        let upper = matchText.uppercased()
        if upper.contains("APCA-API-KEY-ID") { return .keyID }
        if upper.contains("APCA-API-SECRET-KEY") { return .secret }
        if upper.contains("AUTHORIZATION") { return .authorization }
        return nil
    }

    /// The literal's text: string prefixes and quotes removed, `+`-concatenated pieces joined,
    /// escaped quotes unescaped (`"a" + 'b'` → `ab`, `\"x\"` → `x`).
    static func decoded(_ literal: String) -> String {
        let bytes = Array(literal.utf8)
        var out: [UInt8] = []
        var index = 0
        var quote: UInt8 = 0
        var escapedQuote = false
        var sawQuote = false
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                // A string opened by a JSON-escaped quote ends at the next escaped quote.
                if escapedQuote, byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    quote = 0
                    escapedQuote = false
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    out.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if byte == quote {
                    quote = 0
                } else {
                    out.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
                sawQuote = true
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                // A JSON-escaped quote outside a string: the literal of code inside JSON.
                quote = UInt8(ascii: "\"")
                escapedQuote = true
                sawQuote = true
                index += 2
                continue
            } else if !sawQuote && !isStringPrefix(bytes, index) {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the byte at `index` is a string prefix (`f"…"`, `rb'…'`) rather than text.
    private static func isStringPrefix(_ bytes: [UInt8], _ index: Int) -> Bool {
        var next = index
        while next < bytes.count, Array("fFrRbBuU".utf8).contains(bytes[next]) { next += 1 }
        return next > index && next < bytes.count && next - index <= 2
            && [UInt8(ascii: "\""), UInt8(ascii: "'")].contains(bytes[next])
    }

    /// Whether `literal`, in the header named in `matchText`, is a credential of that header's kind.
    static func isCredential(_ literal: String, matchText: String, shapes: KeyShapes) -> Bool {
        let value = decoded(literal).trimmingWhitespace
        guard let kind = kind(of: matchText) else { return false }
        switch kind {
        case .keyID:
            return shapes.isKeyID(value) && !SecretHeuristics.isPlaceholder(value, shapes: shapes)
        case .secret:
            return shapes.isSecret(value) && !SecretHeuristics.isPlaceholder(value, shapes: shapes)
        case .authorization:
            let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { return false }
            let scheme = parts[0].lowercased()
            let credential = String(parts[1]).trimmingWhitespace
            if scheme == "basic" { return SecretHeuristics.isAlpacaBasicCredential(credential, shapes: shapes) }
            if scheme == "bearer" { return isUUID(credential) }
            return false
        }
    }

    private static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)) {
                return false
            }
        }
        return true
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while start < end, blank(bytes[start]) { start += 1 }
        while end > start, blank(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
