import AlpacaTOML
import PCRE2Kit

/// Reads rule files (TOML; format in docs/rule-format.md) into compiled rules.
///
/// Loading is strict because a rule that silently matches nothing is worse than no rule: an unknown
/// key, a wrong type, a setting that would be ignored, a missing key, a bad severity or practice, an
/// unknown regex fragment and a pattern PCRE2 rejects are all errors with the file, line and rule.
struct RuleLoader {
    /// The regex fragments available to patterns (shapes, `[fragments]` tables of every file).
    let fragments: RegexFragments
    /// Whether the placeholder heuristics apply to rules that do not say (`placeholders = …`):
    /// built-in rules opt in; a user's rule matches exactly what its pattern says unless it asks.
    let rejectPlaceholdersByDefault: Bool

    private static let metadataKeys: Set<String> = [
        "id", "practice", "relatedPractices", "severity", "title", "description", "remediation", "message",
        "securitySeverity", "tags", "credential", "kind", "examples",
    ]
    private static let detectorKeys: Set<String> = [
        "regex", "secretGroup", "reportGroup", "keywords", "literals", "anchor", "paths", "excludePaths", "requires", "rejectIf",
    ]
    private static let variantOnlyKeys: Set<String> = ["message"]
    private static let valueCheckKeys: Set<String> = ["allow", "allowValues", "placeholders", "minEntropy", "validate"]
    private static let fileRuleKeys: Set<String> = ["fileNames", "templates", "publicSettings", "secretSettings"]
    private static let requirementKeys: Set<String> = [
        "rule", "rules", "regex", "withinLines", "withinBytes", "sameScope", "slots", "unlessScopeNames", "relate",
    ]
    private static let exampleKeys: Set<String> = ["text", "match", "secret", "path"]
    static let validators: Set<String> = ["alpaca-basic-credentials", "alpaca-header-credential"]

    /// The rules of one parsed file.
    func rules(in document: TOMLTable, file: String) throws(RuleLoadError) -> [Rule] {
        let reader = TableReader(file: file, ruleId: nil)
        var rules: [Rule] = []
        for (index, table) in try reader.tables(document, "rules").enumerated() {
            rules.append(try rule(table, index: index, file: file))
        }
        return rules
    }

    private func rule(_ t: TOMLTable, index: Int, file: String) throws(RuleLoadError) -> Rule {
        let rawId = t["id"]?.string
        let reader = TableReader(file: file, ruleId: rawId ?? "rules[\(index)]")
        guard let id = rawId, !id.isEmpty else { throw reader.error("missing key 'id'", line: t.line(of: "id") ?? t.line) }
        guard Self.isKebabCase(id) else {
            throw reader.error("id must be kebab-case (lowercase letters, digits and '-')", line: t.line(of: "id"))
        }
        let kindText = try reader.string(t, "kind") ?? RuleKind.content.rawValue
        guard let kind = RuleKind(rawValue: kindText) else {
            throw reader.error("unknown kind '\(kindText)' (content, env-file-not-ignored, env-file-tracked)", line: t.line(of: "kind"))
        }
        let allowed = kind == .content
            ? Self.metadataKeys.union(Self.detectorKeys).union(Self.valueCheckKeys).union(["variants"])
            : Self.metadataKeys.union(Self.fileRuleKeys)
        for key in t.keys where !allowed.contains(key) {
            let why = Self.detectorKeys.union(Self.valueCheckKeys).union(Self.fileRuleKeys).union(["variants"]).contains(key)
                ? "'\(key)' does not apply to a rule of kind \(kindText)"
                : "unknown key '\(key)' (see docs/rule-format.md)"
            throw reader.error(why, line: t.line(of: key))
        }
        let metadata = try self.metadata(t, id: id, reader: reader)

        var detectors: [Detector] = []
        var fileNames: PCRE2Pattern?
        var templates: PCRE2Pattern?
        var publicSettings: PCRE2Pattern?
        var secretSettings: PCRE2Pattern?
        if kind == .content {
            let base = try detector(t, reader: reader, inheriting: nil)
            detectors.append(base)
            for variant in try reader.tables(t, "variants") {
                try reader.checkKeys(variant, allowed: Self.detectorKeys.union(Self.variantOnlyKeys), what: "a variant ([[rules.variants]])")
                detectors.append(try detector(variant, reader: reader, inheriting: base))
            }
        } else {
            guard let names = try reader.string(t, "fileNames") else { throw reader.error("missing key 'fileNames' (a pattern)", line: t.line) }
            fileNames = try compile(names, key: "fileNames", table: t, reader: reader)
            templates = try reader.string(t, "templates").map { (p) throws(RuleLoadError) in try compile(p, key: "templates", table: t, reader: reader) }
            publicSettings = try reader.string(t, "publicSettings").map { (p) throws(RuleLoadError) in try compile(p, key: "publicSettings", table: t, reader: reader) }
            secretSettings = try reader.string(t, "secretSettings").map { (p) throws(RuleLoadError) in try compile(p, key: "secretSettings", table: t, reader: reader) }
        }

        let validator = try reader.string(t, "validate")
        if let validator, !Self.validators.contains(validator) {
            throw reader.error("unknown validator '\(validator)' (known: \(Self.validators.sorted().joined(separator: ", ")))", line: t.line(of: "validate"))
        }
        var rejectPlaceholders = rejectPlaceholdersByDefault
        if let text = try reader.string(t, "placeholders") {
            guard ["reject", "keep"].contains(text) else { throw reader.error("placeholders must be \"reject\" or \"keep\"", line: t.line(of: "placeholders")) }
            rejectPlaceholders = text == "reject"
        }
        var allowPatterns: [PCRE2Pattern] = []
        for pattern in try reader.strings(t, "allow") ?? [] {
            allowPatterns.append(try compile(pattern, key: "allow", table: t, reader: reader))
        }
        return Rule(
            metadata: metadata, kind: kind, detectors: detectors, allowPatterns: allowPatterns,
            allowValues: Set(try reader.strings(t, "allowValues") ?? []), rejectPlaceholders: kind == .content && rejectPlaceholders,
            minEntropy: try reader.number(t, "minEntropy", in: 0...8), validator: validator,
            fileNamePattern: fileNames, templatePattern: templates, publicSettingsPattern: publicSettings, secretSettingsPattern: secretSettings, examples: try examples(t, reader: reader))
    }

    private func metadata(_ t: TOMLTable, id: String, reader: TableReader) throws(RuleLoadError) -> RuleMetadata {
        guard let practice = try reader.int(t, "practice", in: 1...8) else {
            throw reader.error("missing key 'practice' (the guide's best practice, 1 to 8)", line: t.line)
        }
        guard let severityText = try reader.string(t, "severity") else { throw reader.error("missing key 'severity' (error, warning or note)", line: t.line) }
        guard let severity = Severity(rawValue: severityText) else {
            throw reader.error("unknown severity '\(severityText)' (expected error, warning or note)", line: t.line(of: "severity"))
        }
        guard let title = try reader.string(t, "title"), !title.isEmpty else { throw reader.error("missing key 'title'", line: t.line) }
        var tags = try reader.strings(t, "tags") ?? []
        if tags.isEmpty { tags = ["security"] }
        return RuleMetadata(
            id: id, practice: practice, relatedPractices: try reader.ints(t, "relatedPractices", in: 1...8) ?? [],
            severity: severity, title: title, description: try reader.string(t, "description") ?? "",
            remediation: try reader.string(t, "remediation") ?? "", message: try reader.string(t, "message"),
            securitySeverity: try reader.number(t, "securitySeverity", in: 0...10), tags: tags,
            isCredential: try reader.bool(t, "credential") ?? false, sourceFile: reader.file)
    }

    private func detector(_ t: TOMLTable, reader: TableReader, inheriting base: Detector?) throws(RuleLoadError) -> Detector {
        guard let regex = try reader.string(t, "regex") else { throw reader.error("missing key 'regex' (a PCRE2 pattern)", line: t.line) }
        let pattern = try compile(regex, key: "regex", table: t, reader: reader)
        var secretGroup = pattern.groupNumber(named: "secret") ?? (pattern.captureCount >= 1 ? 1 : 0)
        secretGroup = try group(t, "secretGroup", of: pattern, default: secretGroup, reader: reader)
        var reportGroup = pattern.groupNumber(named: "report") ?? secretGroup
        reportGroup = try group(t, "reportGroup", of: pattern, default: reportGroup, reader: reader)
        var keywords = base?.keywords ?? []
        if let given = try reader.strings(t, "keywords") {
            for keyword in given where keyword.isEmpty { throw reader.error("a keyword cannot be empty", line: t.line(of: "keywords")) }
            keywords = given.map { $0.lowercased() }
        }
        var literals = base?.literals ?? []
        if let given = try reader.strings(t, "literals") {
            for literal in given where literal.isEmpty { throw reader.error("a literal cannot be empty", line: t.line(of: "literals")) }
            literals = given.map { Array($0.utf8) }
        }
        var anchor = base?.anchor
        if let given = try reader.string(t, "anchor") { anchor = try compile(given, key: "anchor", table: t, reader: reader) }
        var paths = base?.paths ?? []
        if let given = try reader.strings(t, "paths") {
            paths = []
            for p in given { paths.append(try compile(p, key: "paths", table: t, reader: reader)) }
        }
        var excludePaths = base?.excludePaths ?? []
        if let given = try reader.strings(t, "excludePaths") {
            excludePaths = []
            for p in given { excludePaths.append(try compile(p, key: "excludePaths", table: t, reader: reader)) }
        }
        let requires = t["requires"] != nil ? try requirements(t, "requires", reader: reader) : (base?.requires ?? [])
        let rejectIf = t["rejectIf"] != nil ? try requirements(t, "rejectIf", reader: reader) : (base?.rejectIf ?? [])
        // The rule's own message is the base detector's; a variant may say more.
        let message = base == nil ? nil : try reader.string(t, "message")
        return Detector(
            pattern: pattern, secretGroup: secretGroup, reportGroup: reportGroup, keywords: keywords, literals: literals,
            anchor: anchor, paths: paths, excludePaths: excludePaths, requires: requires, rejectIf: rejectIf, message: message)
    }

    private func requirements(_ t: TOMLTable, _ key: String, reader: TableReader) throws(RuleLoadError) -> [Requirement] {
        var result: [Requirement] = []
        for r in try reader.tables(t, key) {
            if r["sameBlock"] != nil {
                throw reader.error("'sameBlock' was replaced by 'sameScope = true' (pairing by the file's structure, see docs/rule-format.md)", line: r.line(of: "sameBlock"))
            }
            try reader.checkKeys(r, allowed: Self.requirementKeys, what: "[[rules.\(key)]]")
            var ruleIds = try reader.strings(r, "rules") ?? []
            if let one = try reader.string(r, "rule") { ruleIds.append(one) }
            if r["rules"] != nil, ruleIds.isEmpty { throw reader.error("\(key).rules cannot be empty", line: r.line(of: "rules")) }
            let regex = try reader.string(r, "regex")
            guard ruleIds.isEmpty != (regex == nil) else {
                throw reader.error("each entry of '\(key)' needs either 'rule'/'rules' or 'regex', not both", line: r.line)
            }
            let proximity: Proximity
            switch r["withinLines"] {
            case nil:
                throw reader.error("\(key) needs 'withinLines': a number of lines (0 = the same line) or \"file\"", line: r.line)
            case .string("file")?:
                proximity = .file
                if r["withinBytes"] != nil { throw reader.error("'withinBytes' does not apply with withinLines = \"file\"", line: r.line(of: "withinBytes")) }
            case let value?:
                guard let lines = value.int, lines >= 0 else {
                    throw reader.error("withinLines must be a number of lines (0 or more) or \"file\"", line: r.line(of: "withinLines"))
                }
                // Both are required: how near "near" is on a minified file's one huge line is a
                // decision of the rule, not of the engine.
                guard let bytes = try reader.int(r, "withinBytes", in: 1...Int.max) else {
                    throw reader.error(
                        "\(key) needs 'withinBytes' with withinLines: how many bytes away still counts as near (on a minified file everything is one line); 4096 is a common choice",
                        line: r.line)
                }
                proximity = .lines(lines, bytes: bytes)
            }
            if regex != nil, r["relate"] != nil {
                throw reader.error("'relate' applies only to rule requirements (rule/rules)", line: r.line(of: "relate"))
            }
            if key == "rejectIf", r["relate"] != nil {
                throw reader.error("'relate' does not apply to rejectIf", line: r.line(of: "relate"))
            }
            let relate = try reader.bool(r, "relate") ?? true
            let sameScope = try reader.bool(r, "sameScope") ?? false
            for setting in ["slots", "unlessScopeNames"] where r[setting] != nil && (ruleIds.isEmpty || !sameScope) {
                throw reader.error("'\(setting)' applies only to rule conditions with sameScope = true", line: r.line(of: setting))
            }
            var slots: [PCRE2Pattern] = []
            for slot in try reader.strings(r, "slots") ?? [] { slots.append(try compile(slot, key: "slots", table: r, reader: reader)) }
            let unless = try reader.string(r, "unlessScopeNames").map { (p) throws(RuleLoadError) in try compile(p, key: "unlessScopeNames", table: r, reader: reader) }
            result.append(Requirement(
                ruleIds: ruleIds,
                pattern: try regex.map { (p) throws(RuleLoadError) in try compile(p, key: "\(key).regex", table: r, reader: reader) },
                proximity: proximity, sameScope: sameScope, slots: slots, unlessScopeNames: unless,
                relate: key == "requires" && !ruleIds.isEmpty && relate))
        }
        return result
    }

    private func examples(_ t: TOMLTable, reader: TableReader) throws(RuleLoadError) -> [RuleExample] {
        var examples: [RuleExample] = []
        for e in try reader.tables(t, "examples") {
            try reader.checkKeys(e, allowed: Self.exampleKeys, what: "an example ([[rules.examples]])")
            guard let text = try reader.string(e, "text") else { throw reader.error("an example needs 'text'", line: e.line) }
            guard let match = try reader.bool(e, "match") else { throw reader.error("an example needs 'match = true|false'", line: e.line) }
            examples.append(RuleExample(
                text: text, match: match, secret: try reader.string(e, "secret"), path: try reader.string(e, "path") ?? "example.txt",
                line: e.line))
        }
        return examples
    }

    private func group(_ t: TOMLTable, _ key: String, of pattern: PCRE2Pattern, default fallback: Int, reader: TableReader) throws(RuleLoadError) -> Int {
        guard let value = t[key] else { return fallback }
        let number: Int
        if let given = value.int {
            number = given
        } else if let name = value.string {
            guard let found = pattern.groupNumber(named: name) else {
                throw reader.error("\(key) '\(name)' is not a named group of the pattern", line: t.line(of: key))
            }
            number = found
        } else {
            throw reader.error("\(key) must be a group number or name", line: t.line(of: key))
        }
        guard number >= 0, number <= pattern.captureCount else {
            throw reader.error("\(key) \(number) does not exist: the pattern has \(pattern.captureCount) groups", line: t.line(of: key))
        }
        return number
    }

    private func compile(_ source: String, key: String, table: TOMLTable, reader: TableReader) throws(RuleLoadError) -> PCRE2Pattern {
        let line = table.line(of: key.split(separator: ".").last.map(String.init) ?? key) ?? table.line
        let expanded = try fragments.expand(source, file: reader.file, line: line, ruleId: reader.ruleId)
        do {
            return try PCRE2Pattern(expanded)
        } catch {
            let shown = expanded == source ? "" : " (after expanding fragments: \(Self.excerpt(expanded, around: error.offset)))"
            throw reader.error("\(key): PCRE2 rejected the pattern: \(error.message) at offset \(error.offset)\(shown)", line: line)
        }
    }

    private static func excerpt(_ text: String, around offset: Int) -> String {
        let bytes = Array(text.utf8)
        let start = max(0, offset - 30)
        let end = min(bytes.count, offset + 30)
        return "…" + String(decoding: bytes[start..<end], as: UTF8.self) + "…"
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, checked by hand.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
