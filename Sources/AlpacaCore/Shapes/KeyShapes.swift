import AlpacaTOML

/// The shapes of Alpaca credentials, read once from `Rules/shapes.toml`: key ID prefixes and their
/// environments, key ID formats, and secret formats.
///
/// Everything that needs to know what an Alpaca credential looks like asks this table: the rules
/// (through the regex fragments it generates), the placeholder heuristics, the Basic-credential
/// validator and the redaction of reports. Changing a shape here changes all of them together.
public struct KeyShapes: Sendable, Equatable {
    /// A key ID prefix and the environment it belongs to.
    public struct Prefix: Sendable, Equatable {
        /// Two upper-case letters, e.g. `PK`.
        public var text: String
        /// `paper`, `live` or `broker`.
        public var environment: String
    }

    /// A fixed-length key ID format (prefix included in `length`).
    public struct IDFormat: Sendable, Equatable {
        /// A short name for documentation, e.g. `legacy`.
        public var name: String
        /// Total length, prefix included.
        public var length: Int
        /// The characters after the prefix.
        public var alphabet: CharacterSet8
        /// Whether the body must hold at least one digit (bodies of letters only are words).
        public var needsDigit: Bool
    }

    /// A secret format: a length range over an alphabet.
    public struct SecretFormat: Sendable, Equatable {
        /// A short name for documentation, e.g. `base58`.
        public var name: String
        /// Shortest length.
        public var minLength: Int
        /// Longest length.
        public var maxLength: Int
        /// The allowed characters.
        public var alphabet: CharacterSet8
    }

    /// Key ID prefixes, in table order.
    public var prefixes: [Prefix]
    /// Fixed-length key ID formats.
    public var idFormats: [IDFormat]
    /// Lengths accepted right after a credential name (hand-truncated or future IDs).
    public var namedIDLengths: ClosedRange<Int>
    /// The alphabet of such named IDs' bodies.
    public var namedIDAlphabet: CharacterSet8
    /// Secret key formats.
    public var secretFormats: [SecretFormat]

    /// The table built into the binary (from the embedded `Rules/shapes.toml`).
    public static let builtIn: KeyShapes = {
        guard let file = embeddedRuleFiles.first(where: { $0.name == "shapes.toml" }) else {
            fatalError("the built-in Rules/shapes.toml is missing from the binary")
        }
        do {
            return try KeyShapes(table: TOMLTable(string: file.text), file: "Rules/shapes.toml")
        } catch {
            fatalError("the built-in Rules/shapes.toml does not load: \(error)")
        }
    }()

    /// Reads the `[shapes]` table of a rule file.
    public init(table root: TOMLTable, file: String) throws(RuleLoadError) {
        let reader = TableReader(file: file, ruleId: nil)
        guard let shapes = root["shapes"]?.table else { throw reader.error("missing [shapes] table", line: nil) }
        try reader.checkKeys(shapes, allowed: ["keyIds", "keyIdFormats", "keyIdNamed", "secretFormats"], what: "[shapes]")
        prefixes = []
        for entry in try reader.tables(shapes, "keyIds") {
            try reader.checkKeys(entry, allowed: ["prefix", "environment"], what: "[[shapes.keyIds]]")
            let text = try reader.requiredString(entry, "prefix")
            guard text.utf8.count == 2, text.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                throw reader.error("a key ID prefix is two upper-case letters, not '\(text)'", line: entry.line(of: "prefix"))
            }
            prefixes.append(Prefix(text: text, environment: try reader.requiredString(entry, "environment")))
        }
        idFormats = []
        for entry in try reader.tables(shapes, "keyIdFormats") {
            try reader.checkKeys(entry, allowed: ["name", "length", "alphabet", "needsDigit"], what: "[[shapes.keyIdFormats]]")
            idFormats.append(IDFormat(
                name: try reader.requiredString(entry, "name"), length: try reader.requiredInt(entry, "length", in: 3...64),
                alphabet: try reader.alphabet(entry, "alphabet"), needsDigit: try reader.bool(entry, "needsDigit") ?? false))
        }
        guard let named = shapes["keyIdNamed"]?.table else { throw reader.error("missing [shapes.keyIdNamed]", line: nil) }
        try reader.checkKeys(named, allowed: ["minLength", "maxLength", "alphabet"], what: "[shapes.keyIdNamed]")
        let low = try reader.requiredInt(named, "minLength", in: 3...64)
        let high = try reader.requiredInt(named, "maxLength", in: low...64)
        namedIDLengths = low...high
        namedIDAlphabet = try reader.alphabet(named, "alphabet")
        secretFormats = []
        for entry in try reader.tables(shapes, "secretFormats") {
            try reader.checkKeys(entry, allowed: ["name", "minLength", "maxLength", "alphabet"], what: "[[shapes.secretFormats]]")
            let minimum = try reader.requiredInt(entry, "minLength", in: 8...256)
            secretFormats.append(SecretFormat(
                name: try reader.requiredString(entry, "name"), minLength: minimum,
                maxLength: try reader.requiredInt(entry, "maxLength", in: minimum...256), alphabet: try reader.alphabet(entry, "alphabet")))
        }
        guard !prefixes.isEmpty, !idFormats.isEmpty, !secretFormats.isEmpty else {
            throw reader.error("[shapes] needs keyIds, keyIdFormats and secretFormats", line: nil)
        }
    }

    // MARK: - Questions about values

    /// The prefix `value` starts with, if it is one of the key ID prefixes.
    public func prefix(of value: some StringProtocol) -> Prefix? {
        prefixes.first { value.utf8.starts(with: $0.text.utf8) }
    }

    /// Whether `value` has the exact shape of a key ID: a known prefix, then a fixed format, or a
    /// named-ID length over the named alphabet when `allowNamedLengths`.
    public func isKeyID(_ value: some StringProtocol, allowNamedLengths: Bool = true) -> Bool {
        guard prefix(of: value) != nil else { return false }
        let bytes = Array(value.utf8)
        let body = bytes.dropFirst(2)
        for format in idFormats where bytes.count == format.length && body.allSatisfy(format.alphabet.contains) {
            if !format.needsDigit || body.contains(where: CharacterSet8.isDigit) { return true }
        }
        return allowNamedLengths && namedIDLengths.contains(bytes.count) && body.allSatisfy(namedIDAlphabet.contains)
    }

    /// The environment (`paper`, `live`, `broker`) of a key ID, from its prefix.
    public func environment(ofKeyID value: some StringProtocol) -> String? { prefix(of: value)?.environment }

    /// Whether `value` has the shape of a secret key (any format's length and alphabet).
    public func isSecret(_ value: some StringProtocol) -> Bool {
        let bytes = Array(value.utf8)
        return secretFormats.contains { ($0.minLength...$0.maxLength).contains(bytes.count) && bytes.allSatisfy($0.alphabet.contains) }
    }

    // MARK: - Regex fragments for the rules

    /// Regex fragments generated from the table, by name (see docs/rule-format.md):
    /// `keyId.<environment>` and `keyId.any` (fixed formats), `keyIdNamed.<environment>` and
    /// `keyIdNamed.any` (any named length), `secret` (a secret format with upper and lower case),
    /// `secretWithDigit` (the same, also holding a digit: for weak contexts), and `basicPrefix` (what
    /// base64 of `KEYID:` starts with, for Basic credentials stored without the word Basic).
    public var fragments: [String: String] {
        var result: [String: String] = [:]
        var fixedAll: [String] = []
        var namedAll: [String] = []
        var fixedByEnvironment: [String: [String]] = [:]
        var namedByEnvironment: [String: [String]] = [:]
        for prefix in prefixes {
            let fixed = idFormats.map { format -> String in
                let body = "[\(format.alphabet.pcreClass)]"
                let count = format.length - 2
                let digit = format.needsDigit ? "(?=\(body){0,\(count - 1)}[0-9])" : ""
                return "\(prefix.text)\(digit)\(body){\(count)}"
            }.joined(separator: "|")
            let named = "\(prefix.text)[\(namedIDAlphabet.pcreClass)]{\(namedIDLengths.lowerBound - 2),\(namedIDLengths.upperBound - 2)}"
            // Prefixes of one environment share its fragments.
            fixedByEnvironment[prefix.environment, default: []].append(fixed)
            namedByEnvironment[prefix.environment, default: []].append(named)
            fixedAll.append(fixed)
            namedAll.append(named)
        }
        for (environment, alternatives) in fixedByEnvironment { result["keyId.\(environment)"] = "(?:\(alternatives.joined(separator: "|")))" }
        for (environment, alternatives) in namedByEnvironment { result["keyIdNamed.\(environment)"] = "(?:\(alternatives.joined(separator: "|")))" }
        result["keyId.any"] = "(?:\(fixedAll.joined(separator: "|")))"
        result["keyIdNamed.any"] = "(?:\(namedAll.joined(separator: "|")))"
        result["secret"] = "(?:\(secretFormats.map { secretPattern($0, needsDigit: false) }.joined(separator: "|")))"
        result["secretWithDigit"] = "(?:\(secretFormats.map { secretPattern($0, needsDigit: true) }.joined(separator: "|")))"
        result["basicPrefix"] = basicPrefixPattern
        return result
    }

    /// A secret format that must mix upper and lower case (and hold a digit when asked): random
    /// secrets always do, identifiers and hex digests do not.
    private func secretPattern(_ format: SecretFormat, needsDigit: Bool) -> String {
        let set = "[\(format.alphabet.pcreClass)]"
        let span = "\(set){0,\(format.maxLength - 1)}"
        var pattern = "(?=\(span)[a-z])(?=\(span)[A-Z])"
        if needsDigit { pattern += "(?=\(span)[0-9])" }
        let count = format.minLength == format.maxLength ? "{\(format.minLength)}" : "{\(format.minLength),\(format.maxLength)}"
        return pattern + set + count
    }

    /// The first three base64 characters of `PREFIX` followed by any key ID character: the first two
    /// are fixed by the prefix's two bytes; the third depends on the top bits of the next byte.
    private var basicPrefixPattern: String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var starts: [String: Set<UInt8>] = [:]
        let bodyBytes = (idFormats.map(\.alphabet) + [namedIDAlphabet]).reduce(Set<UInt8>()) { $0.union($1.members) }
        for prefix in prefixes {
            let p = Array(prefix.text.utf8)
            for next in bodyBytes {
                let first = alphabet[Int(p[0] >> 2)]
                let second = alphabet[Int((p[0] & 0x03) << 4 | p[1] >> 4)]
                let third = alphabet[Int((p[1] & 0x0F) << 2 | next >> 6)]
                starts[String(decoding: [first, second], as: UTF8.self), default: []].insert(third)
            }
        }
        let alternatives = starts.keys.sorted().map { head -> String in
            let thirds = starts[head]!.sorted().map { String(UnicodeScalar($0)) }.joined()
            return "\(head)[\(thirds)]"
        }
        return "(?:\(alternatives.joined(separator: "|")))"
    }
}

/// A set of ASCII bytes written as a PCRE2 character class body such as `A-Z0-9`.
public struct CharacterSet8: Sendable, Equatable {
    /// The class body as written (used verbatim in generated patterns).
    public let pcreClass: String
    /// The bytes it holds.
    public let members: Set<UInt8>

    /// Parses `A-Z0-9/`-style text: single printable ASCII characters and `X-Y` ranges.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        var members = Set<UInt8>()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte > 32, byte < 127, byte != UInt8(ascii: "]"), byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "^") else { return nil }
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                let end = bytes[index + 2]
                guard end >= byte, end < 127 else { return nil }
                for member in byte...end { members.insert(member) }
                index += 3
            } else {
                members.insert(byte)
                index += 1
            }
        }
        guard !members.isEmpty else { return nil }
        self.pcreClass = text
        self.members = members
    }

    /// Whether `byte` is in the set.
    public func contains(_ byte: UInt8) -> Bool { members.contains(byte) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
