import Foundation

/// Checks that tell a real-looking credential from a placeholder, a mask or a documentation value.
///
/// Real Alpaca keys are random: a value with words people type into templates, long runs of one
/// character, alphabet or digit sequences, or very few distinct characters is not a key.
enum SecretHeuristics {
    private static let placeholderWords = [
        "EXAMPLE", "SAMPLE", "PLACEHOLDER", "YOUR", "XXXX", "TEST", "DUMMY", "FAKE", "REPLACE", "CHANGEME",
        "REDACTED", "INSERT", "MYKEY", "KEYID", "APIKEY", "SECRET", "ZZZZ", "PASSWORD", "TODO", "FIXME",
        "DEMO", "MOCK", "FOOBAR", "LOREM", "QWERTY", "ASDFGH",
    ]

    /// True when `value` looks like a placeholder rather than a random credential.
    static func isPlaceholder(_ raw: String, shapes: KeyShapes = .builtIn) -> Bool {
        let value = unquoted(raw)
        // A whole Basic header value (`Basic base64(user:pass)`): Alpaca's only when the decoded pair
        // has an Alpaca key ID and a secret of real shapes; another service's Basic credentials (a
        // user that merely starts with CK) or the docs' client_id:client_secret are not Alpaca's.
        if value.count > 6, value.prefix(6).lowercased() == "basic " {
            let encoded = value.dropFirst(6).trimmingCharacters(in: .whitespaces)
            if let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8), decoded.contains(":") {
                return !isAlpacaBasicCredential(encoded, shapes: shapes)
            }
        }
        let bytes = Array(value.utf8)
        // An environment variable's name used as its own value: APCA_API_KEY_ID = "APCA_API_KEY_ID".
        if value.contains("_") && value.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) { return true }
        if bytes.count < 8 { return true }
        // Short values made only of letters are words (PAPERKEY, LIVEKEY, changeme): real key IDs,
        // secrets and tokens contain digits.
        if bytes.count <= 16 && !bytes.contains(where: isDigit) { return true }
        let upper = value.uppercased()
        if placeholderWords.contains(where: { upper.contains($0) }) { return true }
        if bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") }) {
            return true
        }
        if bytes.count >= 8 && (value.contains("...") || value.contains("…") || value.contains("___")) { return true }
        // The key body after a PK/AK/CK prefix must look random on its own.
        let body = Array(bytes.count > 16 && shapes.prefix(of: value) != nil ? bytes.dropFirst(2) : bytes[...])
        // Thresholds grow with length so that random 40-character hex or base62 values (where short
        // runs and sequences happen by chance) still pass, while 18-character key bodies stay strict.
        let isShort = body.count <= 26
        if longestRun(body) >= (isShort ? 4 : 5) { return true }
        let (longestSequence, triples) = sequences(body)
        if longestSequence >= 5 || (isShort && (triples >= 2 || longestSequence >= 4)) { return true }
        // Interleaved sequences typed by hand into key IDs: PKA1B2C3D4E5….
        if isShort && longestInterleavedSequence(body) >= 5 { return true }
        if body.count >= 16 && Set(body).count < 6 { return true }
        return false
    }

    /// The text inside a quoted literal (`"x"`, `f'x'`, `` `x` ``); other values unchanged.
    static func unquoted(_ value: String) -> String {
        var text = Substring(value)
        while let first = text.first, "fFrRbBuU".contains(first), text.count > 2 { text = text.dropFirst() }
        guard let open = text.first, "\"'`".contains(open), text.count >= 2, text.last == open else { return value }
        return String(text.dropFirst().dropLast())
    }

    /// Shannon entropy of `value` in bits per character.
    static func entropy(_ value: String) -> Double {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        return counts.reduce(0.0) { sum, count in
            guard count > 0 else { return sum }
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }

    /// True when `base64` decodes to an Alpaca `KEYID:SECRET` pair of real shapes (the shapes table).
    static func isAlpacaBasicCredential(_ base64: String, shapes: KeyShapes = .builtIn) -> Bool {
        guard let data = Data(base64Encoded: base64, options: [.ignoreUnknownCharacters]),
            let decoded = String(data: data, encoding: .utf8)
        else { return false }
        let parts = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let id = String(parts[0])
        let secret = String(parts[1])
        guard shapes.isKeyID(id), shapes.isSecret(secret) else { return false }
        return !isPlaceholder(id, shapes: shapes) && !isPlaceholder(secret, shapes: shapes)
    }

    private static func longestRun(_ bytes: [UInt8]) -> Int {
        var best = 0
        var current = 0
        var previous: UInt8?
        for byte in bytes {
            current = byte == previous ? current + 1 : 1
            previous = byte
            best = max(best, current)
        }
        return best
    }

    /// Longest ascending or descending run of consecutive letters or digits (ABCD, 4321), and how
    /// many separate runs of at least three there are (XYZ123ABC…).
    private static func sequences(_ bytes: [UInt8]) -> (longest: Int, triples: Int) {
        var longest = 1
        var triples = 0
        for direction in [1, -1] {
            var current = 1
            for index in bytes.indices.dropFirst() {
                let step = Int(bytes[index]) - Int(bytes[index - 1])
                let sameClass = isDigit(bytes[index]) == isDigit(bytes[index - 1])
                if step == direction && sameClass && isAlphanumeric(bytes[index]) {
                    current += 1
                } else {
                    if current >= 3 { triples += 1 }
                    current = 1
                }
                longest = max(longest, current)
            }
            if current >= 3 { triples += 1 }
        }
        return (longest, triples)
    }

    /// Longest run of every-other characters that step by one in the same direction (ABCDE in
    /// A1B2C3D4E5), within letters or within digits.
    private static func longestInterleavedSequence(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 4 else { return 0 }
        var longest = 1
        for direction in [1, -1] {
            for start in 0..<2 {
                var current = 1
                var index = start + 2
                while index < bytes.count {
                    let step = Int(bytes[index]) - Int(bytes[index - 2])
                    let sameClass = isDigit(bytes[index]) == isDigit(bytes[index - 2])
                    if step == direction && sameClass && isAlphanumeric(bytes[index]) {
                        current += 1
                    } else {
                        current = 1
                    }
                    longest = max(longest, current)
                    index += 2
                }
            }
        }
        return longest
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
