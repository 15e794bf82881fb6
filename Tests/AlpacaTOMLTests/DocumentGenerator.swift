import TestSupport

/// Random TOML documents for the differential test: mostly valid documents touching every part
/// of TOML 1.0, mutated copies of them, and single values from a list of edge cases. Validity is
/// never assumed: tomllib decides, and the Swift parser must agree.
struct DocumentGenerator {
    var rng: SplitMix64
    private var counter = 0

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    // MARK: - Whole documents

    /// A document of a few statements: root keys, tables, arrays of tables, dotted keys.
    mutating func document() -> [UInt8] {
        var lines: [String] = []
        var tables: [String] = []  // headers written so far, reused for sub-tables and clashes
        var arrays: [String] = []
        for _ in 0..<int(1...4) { lines.append(keyValue()) }
        for _ in 0..<int(0...5) {
            switch int(0...9) {
            case 0...3:
                let name = chance(0.3) && !tables.isEmpty ? tables.randomElement(using: &rng)! + "." + key() : tableName()
                tables.append(name)
                lines.append(header(name, array: false))
            case 4...6:
                let name = chance(0.5) && !arrays.isEmpty ? arrays.randomElement(using: &rng)! : tableName()
                arrays.append(name)
                lines.append(header(name, array: true))
                if chance(0.4) {
                    // A sub-table or nested array of tables under the last element.
                    lines.append(contentsOf: (0..<int(0...2)).map { _ in keyValue() })
                    let sub = name + "." + key()
                    lines.append(header(sub, array: chance(0.5)))
                }
            case 7:
                // Often a redefinition, sometimes legal (a table implied by a deeper header).
                if let name = (tables + arrays).randomElement(using: &rng) {
                    lines.append(header(name, array: chance(0.5)))
                }
            case 8:
                if let name = tables.randomElement(using: &rng), let dot = name.lastIndex(of: ".") {
                    lines.append(header(String(name[..<dot]), array: false))
                }
            default:
                lines.append(comment())
            }
            for _ in 0..<int(0...4) { lines.append(keyValue()) }
        }
        if chance(0.15) { lines.insert("", at: int(0...lines.count)) }
        let newline = chance(0.15) ? "\r\n" : "\n"
        var text = lines.joined(separator: newline)
        if chance(0.8) { text += newline }
        var bytes = Array(text.utf8)
        if chance(0.03) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }

    /// `document()` damaged in one to three places.
    mutating func mutated() -> [UInt8] {
        var bytes = document()
        for _ in 0..<int(1...3) { mutate(&bytes) }
        return bytes
    }

    /// `key = token` and the token inside an array and an inline table.
    func edgeCaseDocuments(_ token: String) -> [[UInt8]] {
        ["a = \(token)\n", "a = [\(token), \(token)]\n", "t = { x = \(token) }\n", "a = \(token)"].map { Array($0.utf8) }
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let snippets = [
            "\"", "'", "\"\"\"", "'''", "\\", "\\u", "\\U0001", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "_",
            "0x", "0", "e", "+", "-", ":", "T", "Z", " ", "\t", "\n", "\r", "\r\n", "\0", "\u{7F}", "é", "😀", "true",
            "inf", "1979-05-27", "07:32:00", "a.b", "\"a.b\"", "= 1\n", "\na = 1\n", "[a]\n", "[[a]]\n",
        ]
        let position = bytes.isEmpty ? 0 : int(0...bytes.count)
        switch int(0...12) {
        case 0, 1, 8:
            if !bytes.isEmpty {
                let at = int(0...(bytes.count - 1))
                bytes[at] = chance(0.2) ? UInt8.random(in: 0...255, using: &rng) : snippets.randomElement(using: &rng)!.utf8.first ?? 0x20
            }
        case 2, 3, 9, 10:
            bytes.insert(contentsOf: Array(snippets.randomElement(using: &rng)!.utf8), at: position)
        case 4, 11:
            let length = int(1...8)
            bytes.removeSubrange(position..<min(bytes.count, position + length))
        case 5, 12:
            // Duplicate a line: duplicated headers and keys are the classic errors.
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if let line = lines.randomElement(using: &rng) {
                lines.insert(line, at: int(0...lines.count))
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        case 6:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if lines.count > 1 {
                lines.swapAt(int(0...(lines.count - 1)), int(0...(lines.count - 1)))
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        default:
            bytes.insert([0x80, 0xC0, 0xC3, 0xED, 0xF4, 0xF5, 0xFF].randomElement(using: &rng)!, at: position)
        }
    }

    // MARK: - Statements

    private mutating func keyValue() -> String {
        var line = dottedKey() + spaces() + "=" + spaces() + value(depth: 0)
        if chance(0.2) { line += spaces() + comment() }
        return (chance(0.1) ? "  " : "") + line
    }

    private mutating func header(_ name: String, array: Bool) -> String {
        let inner = chance(0.15) ? " " + name + " " : name
        let text = array ? "[[" + inner + "]]" : "[" + inner + "]"
        return chance(0.15) ? text + " " + comment() : text
    }

    private mutating func tableName() -> String {
        (0..<int(1...3)).map { _ in key() }.joined(separator: ".")
    }

    private mutating func dottedKey() -> String {
        let parts = (0..<(chance(0.3) ? int(2...3) : 1)).map { _ in key() }
        return parts.joined(separator: chance(0.2) ? " . " : ".")
    }

    private mutating func key() -> String {
        counter += 1
        // A small name space, so keys and tables collide now and then.
        let bare = ["a", "b", "c", "name", "rules", "x-y", "k_1", "0", "123", "true", "inf"].randomElement(using: &rng)!
        switch int(0...9) {
        case 0: return "\"" + bare + "." + bare + "\""
        case 1: return "'" + bare + " é'"
        case 2: return "\"\\u00e9" + bare + "\""
        case 3: return chance(0.3) ? "\"\"" : "'k" + String(counter) + "'"
        case 4...8: return bare + String(counter)
        default: return bare
        }
    }

    private mutating func comment() -> String {
        ["# comment", "#", "# é ünïcødé 😀", "#\ttab", "# \"quoted\" [not] = a table"].randomElement(using: &rng)!
    }

    private mutating func spaces() -> String { ["", " ", " ", "\t", "  "].randomElement(using: &rng)! }

    // MARK: - Values

    private mutating func value(depth: Int) -> String {
        switch int(0...(depth < 3 ? 21 : 17)) {
        case 0...3: return string()
        case 4...6: return integer()
        case 7, 8: return float()
        case 9: return chance(0.5) ? "true" : "false"
        case 10...12: return dateTime()
        case 13: return chance(0.5) ? "1979-05-27T07:32:00.999999-07:00" : "1_000"
        case 14...17: return chance(0.2) ? Self.edgeTokens.randomElement(using: &rng)! : integer()
        case 18, 19: return array(depth: depth + 1)
        default: return inlineTable(depth: depth + 1)
        }
    }

    private mutating func array(depth: Int) -> String {
        let count = int(0...4)
        let items = (0..<count).map { _ in value(depth: depth) }
        guard chance(0.3) else {
            return "[" + items.joined(separator: ", ") + (count > 0 && chance(0.25) ? "," : "") + "]"
        }
        // One element per line, comments after the commas.
        var body = "[\n"
        for (offset, item) in items.enumerated() {
            let comma = offset < count - 1 || chance(0.25) ? "," : ""
            body += "  " + item + comma + (chance(0.3) ? " # note" : "") + "\n"
        }
        return body + "]"
    }

    private mutating func inlineTable(depth: Int) -> String {
        let pairs = (0..<int(0...3)).map { _ in dottedKey() + " = " + value(depth: depth) }
        return pairs.isEmpty ? "{}" : "{ " + pairs.joined(separator: ", ") + " }"
    }

    private mutating func string() -> String {
        var pieces = ["plain", " ", "é", "😀", "\t", "'", "\"", "\\", "#", "=", "[x]", "ü", "\u{200B}", "\u{FEFF}"]
        var escapes = ["\\n", "\\t", "\\\\", "\\\"", "\\b", "\\f", "\\r", "\\u00E9", "\\U0001F600", "\\u0000", "\\uFFFF", "\\U0010FFFF"]
        if chance(0.04) {
            pieces += ["\u{7F}", "\u{1}", "\u{1F}"]
            escapes += ["\\e", "\\x41", "\\uD800", "\\U00110000", "\\u12", "\\ "]
        }
        var raw = ""
        for _ in 0..<int(0...5) { raw += pieces.randomElement(using: &rng)! }
        switch int(0...5) {
        case 0, 1:
            var body = ""
            for _ in 0..<int(0...4) {
                body += chance(0.6) ? raw.replacingOccurrences("\\", "\\\\").replacingOccurrences("\"", "\\\"") : escapes.randomElement(using: &rng)!
            }
            return "\"" + body + "\""
        case 2:
            return "'" + raw.replacingOccurrences("'", "") + "'"
        case 3:
            let lead = chance(0.5) ? "\n" : ""
            let continuation = chance(0.3) ? "line one \\\n    continued" : ""
            let quotes = ["", "\"", "\"\""].randomElement(using: &rng)!
            return "\"\"\"" + lead + raw.replacingOccurrences("\\", "\\\\") + "\n" + continuation + escapes.randomElement(using: &rng)! + quotes + "\"\"\""
        case 4:
            let quotes = ["", "'", "''"].randomElement(using: &rng)!
            return "'''" + (chance(0.5) ? "\n" : "") + raw + "\nsecond line\\n" + quotes + "'''"
        default:
            return "\"" + escapes.randomElement(using: &rng)! + "\""
        }
    }

    private mutating func integer() -> String {
        switch int(0...5) {
        case 0: return String(Int64.random(in: -1_000_000...1_000_000, using: &rng))
        case 1: return String(Int64.random(in: Int64.min...Int64.max, using: &rng))
        case 2: return "0x" + String(UInt64.random(in: 0...UInt64(Int64.max), using: &rng), radix: 16, uppercase: chance(0.5))
        case 3: return "0o" + String(UInt64.random(in: 0...0o7777777, using: &rng), radix: 8)
        case 4: return "0b" + String(UInt64.random(in: 0...255, using: &rng), radix: 2)
        default:
            // Underscores between digit groups.
            let digits = String(UInt64.random(in: 1...999_999_999, using: &rng))
            return String(digits.enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? "_\($0.element)" : "\($0.element)" }.joined())
        }
    }

    private mutating func float() -> String {
        switch int(0...4) {
        case 0: return "\(Int.random(in: -999...999, using: &rng)).\(Int.random(in: 0...99999, using: &rng))"
        case 1: return "\(Int.random(in: 1...9, using: &rng))e\(Int.random(in: -330...330, using: &rng))"
        case 2: return "\(Int.random(in: 0...9, using: &rng)).\(Int.random(in: 0...9999, using: &rng))E+\(Int.random(in: 0...20, using: &rng))"
        case 3: return ["inf", "+inf", "-inf", "nan", "+nan", "-nan", "-0.0", "+0.0", "0e0"].randomElement(using: &rng)!
        default: return "\(Double.random(in: -1e10...1e10, using: &rng))"
        }
    }

    private mutating func dateTime() -> String {
        let year = String(int(1...9999)).leftPadded(4)
        let month = String(int(1...12)).leftPadded(2)
        let day = String(int(1...(chance(0.1) ? 31 : 28))).leftPadded(2)
        let date = "\(year)-\(month)-\(day)"
        let time = "\(String(int(0...23)).leftPadded(2)):\(String(int(0...59)).leftPadded(2)):\(String(int(0...59)).leftPadded(2))"
            + (chance(0.3) ? "." + String(int(0...999_999_999)) : "")
        let separator = ["T", "t", " "].randomElement(using: &rng)!
        let offset = ["Z", "z", "+00:00", "-07:00", "+05:30", "-23:59", ""].randomElement(using: &rng)!
        switch int(0...3) {
        case 0: return date
        case 1: return time
        case 2: return date + separator + time
        default: return date + separator + time + offset
        }
    }

    /// Hand-picked values at the edges of the grammar, valid and invalid.
    static let edgeTokens: [String] = [
        // Integers.
        "0", "+0", "-0", "007", "00", "-01", "1__0", "_1", "1_", "1_000", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000",
        "0xffffffffffffffffff", "0xDEAD_beef", "0x_1", "0x1_", "0X1", "+0x1", "-0x1", "0o17", "0o8", "0b102", "0b1_0", "0b",
        "0x", "0o", "1_2_3", "1e", "12a", "0_0",
        // Floats.
        "1.", ".1", "1.0", "-1.5", "+1.5", "1e5", "1E5", "1e+5", "1e-5", "1.5e10", "1.e5", "1e5.5", "1_0.0_1", "1._1",
        "1.1_", "1e_5", "1e5_", "1e0_1", "0.0", "-0.0", "0e0", "00.1", "01.5", "inf", "+inf", "-inf", "nan", "+nan",
        "-nan", "infinity", "Inf", "NaN", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
        "0.1e-999", "3.14159265358979323846264338327950288", "1.0e", "1.0e+", "--1", "+-1", "1-", "1.2.3",
        // Booleans and other bare words.
        "true", "false", "True", "FALSE", "tru", "truee", "t", "nil",
        // Dates and times.
        "1979-05-27", "1979-05-27T07:32:00", "1979-05-27t07:32:00", "1979-05-27 07:32:00", "1979-05-27T07:32:00Z",
        "1979-05-27T07:32:00z", "1979-05-27T07:32:00.999999", "1979-05-27T07:32:00.123456789123-07:00",
        "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00+24:00", "1979-05-27T00:32:00+05:60", "1979-05-27T00:32:00+0530",
        "2000-02-29", "1900-02-29", "2004-02-29", "2001-02-29", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00",
        "2021-1-01", "21-01-01", "1979-05-27T24:00:00", "1979-05-27T23:60:00", "1979-05-27T23:59:60", "1979-05-27T07:32",
        "1979-05-27T07:32:00.", "1979-05-27T", "1979-05-27 ", "1979-05-27T07:32:00Zx", "07:32:00", "07:32:00.5", "7:32:00",
        "07:32", "07:32:00Z", "07:32:00+01:00", "24:00:00", "00:00:00.000000001", "0000-01-01", "1979-05-27 07:32:00 Z",
        // Strings.
        "\"\"", "''", "\"\\u00e9\"", "\"\\uD800\"", "\"\\uDFFF\"", "\"\\U0010FFFF\"", "\"\\U00110000\"", "\"\\u00E\"",
        "\"\\U0001F60\"", "\"\\e\"", "\"\\a\"", "\"\\ \"", "\"\\x41\"", "\"a\\\"b\"", "\"tab\there\"", "'C:\\path'",
        "'it''s'", "\"\"\"\"\"\"", "\"\"\"a\"\"\"\"", "\"\"\"a\"\"\"\"\"", "\"\"\"a\"\"\"\"\"\"", "'''a''''", "'''a'''''",
        "'''a''''''", "\"\"\"\\\n  x\"\"\"", "\"\"\"a\\  \n  b\"\"\"", "\"\"\"a\\ b\"\"\"", "\"\"\"\r\nx\"\"\"",
        "\"a\u{7F}b\"", "'a\u{7F}b'", "\"a\u{1}b\"", "\"\u{FEFF}\"",
        // Arrays and inline tables.
        "[]", "[,]", "[1,]", "[1,,2]", "[1 2]", "[[]]", "[[1],[2.0],[\"x\"]]", "[1, 'a', 1979-05-27, {x = 1}]",
        "{}", "{a = 1,}", "{a = 1, a = 2}", "{a.b = 1, a.c = 2}", "{a = {b = 1}, a.c = 2}", "{a.b = 1, a = 2}",
        "{ a = 1 b = 2 }", "{a = [\n1]}", "{a = \"\"\"\nx\"\"\"}", "{\"a.b\" = 1, a.b = 2}",
    ]

    // MARK: - Randomness

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }

    /// Foundation-free `replacingOccurrences(of:with:)`.
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
