import Foundation

/// Checks that tell a real-looking credential from a placeholder, a mask or a documentation value.
///
/// Real Alpaca keys are random: a value with words people type into templates, long runs of one
/// character, alphabet or digit sequences, or very few distinct characters is not a key.
enum SecretHeuristics {
    /// Words people type into templates. Long ones count anywhere in the value; the short ones
    /// (which a random key holds by chance far more often) only at its start, after a key prefix, or
    /// between separators. Either way only in one case form (upper, lower or capitalised): a random
    /// mixed-case secret that spells `mYkEy` is still random.
    private static let longWords = [
        "EXAMPLE", "SAMPLE", "PLACEHOLDER", "DUMMY", "REPLACE", "CHANGEME", "REDACTED", "INSERT", "MYKEY", "KEYID",
        "APIKEY", "SECRET", "PASSWORD", "FIXME", "FOOBAR", "LOREM", "QWERTY", "ASDFGH", "NOTREAL",
    ]
    private static let shortWords = ["YOUR", "TEST", "FAKE", "DEMO", "MOCK", "TODO", "XXXX", "ZZZZ"]

    /// How unlikely a random value must be to trip one heuristic: each threshold below is the
    /// smallest that a random value of the same length and alphabet reaches with at most this
    /// probability, so that real keys (which are random) are not taken for placeholders.
    static let falseAlarmBudget = 1e-5

    /// True when `value` looks like a placeholder rather than a random credential.
    static func isPlaceholder(_ raw: String, shapes: KeyShapes = .builtIn) -> Bool {
        let value = unquoted(raw)
        // A whole Basic header value (`Basic base64(user:pass)`): Alpaca's only when the decoded pair
        // has an Alpaca key ID and a secret of real shapes; another service's Basic credentials (a
        // user that merely starts with CK) or the docs' client_id:client_secret are not Alpaca's.
        let basic = Array("basic ".utf8)
        if value.utf8.count > 6, zip(value.utf8.prefix(6), basic).allSatisfy({ ($0 | 0x20) == $1 }) {
            let encoded = value.dropFirst(6).trimmingCharacters(in: .whitespaces)
            if let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8), decoded.contains(":") {
                return !isAlpacaBasicCredential(encoded, shapes: shapes)
            }
        }
        let bytes = Array(value.utf8)
        let underscore = UInt8(ascii: "_")
        // An environment variable's name used as its own value: APCA_API_KEY_ID = "APCA_API_KEY_ID".
        if bytes.contains(underscore) && bytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || isDigit($0) || $0 == underscore }) { return true }
        if bytes.count < 8 { return true }
        // Short values made only of letters are words (PAPERKEY, LIVEKEY, changeme): real key IDs,
        // secrets and tokens contain digits.
        if bytes.count <= 16 && !bytes.contains(where: isDigit) { return true }
        if isIdentifier(bytes) { return true }
        if bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") }) {
            return true
        }
        if bytes.withUnsafeBytes({ raw in
            firstOffset(of: Array("...".utf8), in: raw) != nil || firstOffset(of: Array("…".utf8), in: raw) != nil
                || firstOffset(of: Array("___".utf8), in: raw) != nil
        }) {
            return true
        }
        // The key body after a PK/AK/CK prefix must look random on its own.
        let hasPrefix = bytes.count > 16 && shapes.prefix(of: value) != nil
        let body = Array(hasPrefix ? bytes.dropFirst(2) : bytes[...])
        if hasPlaceholderWord(bytes, bodyStart: hasPrefix ? 2 : 0) { return true }
        let n = body.count
        let a = Double(alphabetSize(body))
        if longestRun(body) >= smallest(from: 4, n, probability: { Double($1 - $0 + 1) * pow(a, -Double($0 - 1)) }) { return true }
        let (longestSequence, runsOfThree) = sequences(body)
        if longestSequence >= smallest(from: 4, n, probability: { 2 * Double($1 - $0 + 1) * pow(a, -Double($0 - 1)) }) { return true }
        // Several short sequences typed by hand: XYZ123ABC456…
        if runsOfThree >= poissonThreshold(mean: 2 * Double(max(0, n - 2)) / (a * a), atLeast: 3) { return true }
        // Interleaved sequences typed by hand into key IDs: PKA1B2C3D4E5….
        if longestInterleavedSequence(body) >= smallest(from: 5, n, probability: { 4 * Double($1) / 2 * pow(a, -Double($0 - 1)) }) { return true }
        if n >= 16 && Set(body).count < 6 { return true }
        return false
    }

    /// A name written in PascalCase or camelCase (`AlpacaLiveTradingBotCredentials`): letters only,
    /// at least three words, each an upper-case letter (the first may be lower case) followed by two
    /// or more lower-case ones. A random 40-character secret has no digit with probability
    /// (52/62)^40 ≈ 9e-4, and a digit-free one has this form with about 5e-6: about 4e-9 in all.
    static func isIdentifier(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 12 else { return false }
        var words = 0
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let upper = first >= 65 && first <= 90
            guard upper || (index == 0 && first >= 97 && first <= 122) else { return false }
            var end = index + 1
            while end < bytes.count, bytes[end] >= 97 && bytes[end] <= 122 { end += 1 }
            guard end - index >= 3 else { return false }
            words += 1
            index = end
        }
        return words >= 3
    }

    /// The smallest `k` (at least `from`) whose chance `probability(k, n)` is within the budget.
    private static func smallest(from start: Int, _ n: Int, probability: (Int, Int) -> Double) -> Int {
        var k = start
        while k < n && probability(k, n) > falseAlarmBudget { k += 1 }
        return k
    }

    /// The smallest count (at least `atLeast`) that a Poisson count with `mean` reaches within the budget.
    private static func poissonThreshold(mean: Double, atLeast: Int) -> Int {
        var tail = 1.0
        var term = exp(-mean)
        var t = 0
        while true {
            if t >= atLeast && tail <= falseAlarmBudget { return t }
            tail -= term
            t += 1
            term *= mean / Double(t)
            if t > 64 { return t }
        }
    }

    /// The size of the alphabet a random value of this shape is drawn from: hex, upper-case
    /// alphanumerics (key IDs) or mixed case (secrets).
    private static func alphabetSize(_ body: [UInt8]) -> Int {
        let hasLower = body.contains { $0 >= 97 && $0 <= 122 }
        let hasUpper = body.contains { $0 >= 65 && $0 <= 90 }
        let isHex = body.allSatisfy { isDigit($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) || $0 == UInt8(ascii: "-") }
        if isHex { return 16 }
        if hasLower && hasUpper { return 62 }
        return 36
    }

    /// Each template word in its three case forms (upper, lower, capitalised), computed once.
    private static let longWordForms: [[UInt8]] = longWords.flatMap(caseForms)
    private static let shortWordForms: [[UInt8]] = shortWords.flatMap(caseForms)

    private static func caseForms(_ word: String) -> [[UInt8]] {
        let upper = Array(word.utf8)
        let lower = upper.map { $0 + 32 }
        return [upper, lower, [upper[0]] + lower.dropFirst()]
    }

    /// A template word in one case form: long words anywhere, short ones at the start of the value
    /// or of the key body, or between separators (`my-test-key`).
    private static func hasPlaceholderWord(_ bytes: [UInt8], bodyStart: Int) -> Bool {
        bytes.withUnsafeBytes { raw in
            for form in longWordForms where firstOffset(of: form, in: raw) != nil { return true }
            for form in shortWordForms {
                var from = 0
                while let start = firstOffset(of: form, in: raw, from: from) {
                    let end = start + form.count
                    let atStart = start == 0 || start == bodyStart
                    let separatedBefore = atStart || !isAlphanumeric(raw[start - 1])
                    let separatedAfter = end == raw.count || !isAlphanumeric(raw[end])
                    if atStart || (separatedBefore && separatedAfter) { return true }
                    from = start + 1
                }
            }
            return false
        }
    }

    /// The text inside a quoted literal (`"x"`, `f'x'`, `` `x` ``); other values unchanged.
    static func unquoted(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var start = 0
        // String prefixes of Python and friends: f"…", r'…', b"…", u"…".
        while start < bytes.count, bytes.count - start > 2, Array("fFrRbBuU".utf8).contains(bytes[start]) { start += 1 }
        guard start < bytes.count, let last = bytes.last, bytes.count - start >= 2,
            [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[start]), last == bytes[start]
        else { return value }
        return String(decoding: bytes[(start + 1)..<(bytes.count - 1)], as: UTF8.self)
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
