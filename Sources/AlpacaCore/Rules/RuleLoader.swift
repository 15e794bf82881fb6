import Foundation
import AlpacaTOML
import PCRE2Kit

/// Reads rule files (TOML, format in the README) into compiled rules.
///
/// Validation is strict because a rule that silently matches nothing is worse than no rule:
/// unknown keys, missing keys, bad severities or practices and patterns PCRE2 rejects are errors.
public struct RuleLoader {
    private static let ruleKeys: Set<String> = [
        "id", "practice", "relatedPractices", "severity", "title", "description", "remediation", "message",
        "securitySeverity", "tags", "kind", "regex", "secretGroup", "reportGroup", "keywords", "literals", "anchor", "paths", "excludePaths",
        "requires", "rejectIf", "variants", "allow", "allowValues", "placeholders", "minEntropy", "validate",
        "fileNames", "templates", "examples",
    ]
    private static let variantKeys: Set<String> = [
        "regex", "secretGroup", "reportGroup", "keywords", "literals", "anchor", "paths", "excludePaths", "requires", "rejectIf",
    ]
    private static let requirementKeys: Set<String> = ["rule", "rules", "regex", "withinLines", "sameBlock", "relate"]
    private static let exampleKeys: Set<String> = ["text", "match", "secret", "path"]
    private static let validators: Set<String> = ["alpaca-basic-credentials"]

    /// Whether the placeholder heuristics apply to rules that do not say (`placeholders = …`).
    /// Built-in rules opt in; a user's rule matches exactly what its pattern says unless it asks.
    let rejectPlaceholdersByDefault: Bool

    /// Creates a loader; `rejectPlaceholdersByDefault` is true for the built-in rules.
    public init(rejectPlaceholdersByDefault: Bool = false) {
        self.rejectPlaceholdersByDefault = rejectPlaceholdersByDefault
    }

    /// Parses one rule file's text; `fileName` names it in errors.
    public func load(text: String, fileName: String) throws(RuleLoadError) -> [Rule] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw RuleLoadError(file: fileName, ruleId: nil, message: "TOML syntax error at \(error.description)")
        }
        for key in table.keys where key != "rules" {
            throw RuleLoadError(file: fileName, ruleId: nil, message: "unknown top-level key '\(key)' (expected [[rules]])")
        }
        guard let rulesValue = table["rules"] else { return [] }
        guard let array = rulesValue.array else {
            throw RuleLoadError(file: fileName, ruleId: nil, message: "'rules' must be an array of tables ([[rules]])")
        }
        var rules: [Rule] = []
        for (index, element) in array.enumerated() {
            guard let ruleTable = element.table else {
                throw RuleLoadError(file: fileName, ruleId: nil, message: "rules[\(index)] is not a table")
            }
            rules.append(try parseRule(ruleTable, index: index, fileName: fileName))
        }
        return rules
    }

    /// Loads every `*.toml` file in `directory`, sorted by name.
    public func load(directory: String) throws(RuleLoadError) -> [Rule] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleLoadError(file: directory, ruleId: nil, message: "cannot read the rules directory")
        }
        var rules: [Rule] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleLoadError(file: path, ruleId: nil, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleLoadError(file: path, ruleId: nil, message: "the file is not UTF-8")
            }
            rules += try load(text: text, fileName: path)
        }
        return rules
    }

    // MARK: - One rule

    private func parseRule(_ t: TOMLTable, index: Int, fileName: String) throws(RuleLoadError) -> Rule {
        let rawId = t["id"]?.string
        let context = Context(file: fileName, ruleId: rawId ?? "rules[\(index)]")
        try context.checkKeys(t, allowed: Self.ruleKeys)
        guard let id = rawId, !id.isEmpty else { throw context.error("missing key 'id'") }
        guard Self.isKebabCase(id) else {
            throw context.error("id must be kebab-case (lowercase letters, digits and '-')")
        }
        guard let practice = t["practice"]?.int else { throw context.error("missing integer key 'practice' (1 to 8)") }
        guard (1...8).contains(practice) else { throw context.error("practice \(practice) is not one of the guide's best practices 1 to 8") }
        guard let severityText = t["severity"]?.string else { throw context.error("missing key 'severity' (error, warning or note)") }
        guard let severity = Severity(rawValue: severityText) else {
            throw context.error("unknown severity '\(severityText)' (expected error, warning or note)")
        }
        guard let title = t["title"]?.string, !title.isEmpty else { throw context.error("missing key 'title'") }
        let related = try context.intArray(t, "relatedPractices")
        for number in related where !(1...8).contains(number) {
            throw context.error("relatedPractices: \(number) is not one of the best practices 1 to 8")
        }
        var securitySeverity: Double?
        if let value = t["securitySeverity"] {
            guard let number = value.double ?? value.int.map(Double.init), (0...10).contains(number) else {
                throw context.error("securitySeverity must be a number from 0 to 10")
            }
            securitySeverity = number
        }
        var tags = try context.stringArray(t, "tags")
        if tags.isEmpty { tags = ["security"] }

        let metadata = RuleMetadata(
            id: id, practice: practice, relatedPractices: related, severity: severity, title: title,
            description: try context.string(t, "description") ?? "", remediation: try context.string(t, "remediation") ?? "",
            message: try context.string(t, "message"), securitySeverity: securitySeverity, tags: tags, sourceFile: fileName)

        let kindText = try context.string(t, "kind") ?? "content"
        let kind: RuleKind
        switch kindText {
        case "content": kind = .content
        case "env-file-not-ignored": kind = .envFileNotIgnored
        case "env-file-tracked": kind = .envFileTracked
        default: throw context.error("unknown kind '\(kindText)' (content, env-file-not-ignored, env-file-tracked)")
        }

        var detectors: [Detector] = []
        if kind == .content {
            guard t["regex"] != nil else { throw context.error("missing key 'regex'") }
            let base = try parseDetector(t, context: context, inheriting: nil)
            detectors.append(base)
            if let variants = t["variants"] {
                guard let array = variants.array else { throw context.error("'variants' must be an array of tables") }
                for element in array {
                    guard let variant = element.table else { throw context.error("each variant must be a table") }
                    try context.checkKeys(variant, allowed: Self.variantKeys, what: "variant")
                    detectors.append(try parseDetector(variant, context: context, inheriting: base))
                }
            }
        }

        var minEntropy: Double?
        if let value = t["minEntropy"] {
            guard let number = value.double ?? value.int.map(Double.init) else { throw context.error("minEntropy must be a number") }
            minEntropy = number
        }
        let validator = try context.string(t, "validate")
        if let validator, !Self.validators.contains(validator) {
            throw context.error("unknown validator '\(validator)' (known: \(Self.validators.sorted().joined(separator: ", ")))")
        }
        var rejectPlaceholders = rejectPlaceholdersByDefault
        if let value = t["placeholders"] {
            guard let text = value.string, ["reject", "keep"].contains(text) else { throw context.error("placeholders must be \"reject\" or \"keep\"") }
            rejectPlaceholders = text == "reject"
        }

        return Rule(
            metadata: metadata, kind: kind, detectors: detectors,
            allowPatterns: try context.stringArray(t, "allow").map { (p) throws(RuleLoadError) in try context.compile(p, key: "allow") },
            allowValues: Set(try context.stringArray(t, "allowValues")),
            rejectPlaceholders: rejectPlaceholders, minEntropy: minEntropy, validator: validator,
            fileNamePattern: try context.string(t, "fileNames").map { (p) throws(RuleLoadError) in try context.compile(p, key: "fileNames") },
            templatePattern: try context.string(t, "templates").map { (p) throws(RuleLoadError) in try context.compile(p, key: "templates") },
            examples: try parseExamples(t, context: context))
    }

    private func parseDetector(_ t: TOMLTable, context: Context, inheriting base: Detector?) throws(RuleLoadError) -> Detector {
        guard let regex = t["regex"]?.string else { throw context.error("missing key 'regex' (a string)") }
        let pattern = try context.compile(regex, key: "regex")
        var secretGroup = pattern.captureCount >= 1 ? 1 : 0
        if let group = pattern.groupNumber(named: "secret") { secretGroup = group }
        secretGroup = try group(t, "secretGroup", of: pattern, default: secretGroup, context: context)
        var reportGroup = secretGroup
        if let group = pattern.groupNumber(named: "report") { reportGroup = group }
        reportGroup = try group(t, "reportGroup", of: pattern, default: reportGroup, context: context)
        let keywords = t["keywords"] != nil ? try context.stringArray(t, "keywords") : (base?.keywords ?? [])
        let anchor = t["anchor"] != nil
            ? try context.string(t, "anchor").map { (p) throws(RuleLoadError) in try context.compile(p, key: "anchor") } : base?.anchor
        let literals = t["literals"] != nil ? try context.stringArray(t, "literals").map { Array($0.utf8) } : (base?.literals ?? [])
        let paths = t["paths"] != nil
            ? try context.stringArray(t, "paths").map { (p) throws(RuleLoadError) in try context.compile(p, key: "paths") } : (base?.paths ?? [])
        let excludePaths = t["excludePaths"] != nil
            ? try context.stringArray(t, "excludePaths").map { (p) throws(RuleLoadError) in try context.compile(p, key: "excludePaths") }
            : (base?.excludePaths ?? [])
        let requires = t["requires"] != nil ? try parseRequirements(t, "requires", context: context) : (base?.requires ?? [])
        let rejectIf = t["rejectIf"] != nil ? try parseRequirements(t, "rejectIf", context: context) : (base?.rejectIf ?? [])
        return Detector(
            pattern: pattern, secretGroup: secretGroup, reportGroup: reportGroup, keywords: keywords.map { $0.lowercased() }, anchor: anchor, literals: literals, paths: paths,
            excludePaths: excludePaths, requires: requires, rejectIf: rejectIf)
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, checked by hand.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    private func group(_ t: TOMLTable, _ key: String, of pattern: PCRE2Pattern, default fallback: Int, context: Context) throws(RuleLoadError) -> Int {
        guard let value = t[key] else { return fallback }
        let number: Int
        if let given = value.int {
            number = given
        } else if let name = value.string {
            guard let found = pattern.groupNumber(named: name) else {
                throw context.error("\(key) '\(name)' is not a named group of the pattern")
            }
            number = found
        } else {
            throw context.error("\(key) must be a group number or name")
        }
        guard number >= 0, number <= pattern.captureCount else {
            throw context.error("\(key) \(number) does not exist: the pattern has \(pattern.captureCount) groups")
        }
        return number
    }

    private func parseRequirements(_ t: TOMLTable, _ key: String, context: Context) throws(RuleLoadError) -> [Requirement] {
        guard let array = t[key]?.array else { throw context.error("'\(key)' must be an array of tables") }
        var result: [Requirement] = []
        for element in array {
            guard let r = element.table else { throw context.error("each entry of '\(key)' must be a table") }
            try context.checkKeys(r, allowed: Self.requirementKeys, what: key)
            var ruleIds = try context.stringArray(r, "rules")
            if let one = try context.string(r, "rule") { ruleIds.append(one) }
            let pattern = try context.string(r, "regex").map { (p) throws(RuleLoadError) in try context.compile(p, key: "\(key).regex") }
            guard !ruleIds.isEmpty || pattern != nil else { throw context.error("each entry of '\(key)' needs 'rule', 'rules' or 'regex'") }
            var within: Int? = 0
            if let value = r["withinLines"] {
                guard let number = value.int else { throw context.error("\(key).withinLines must be an integer (-1: anywhere in the file)") }
                within = number < 0 ? nil : number
            }
            result.append(Requirement(
                ruleIds: ruleIds, pattern: pattern, withinLines: within,
                sameBlock: r["sameBlock"]?.bool ?? false, relate: r["relate"]?.bool ?? true))
        }
        return result
    }

    private func parseExamples(_ t: TOMLTable, context: Context) throws(RuleLoadError) -> [RuleExample] {
        guard let value = t["examples"] else { return [] }
        guard let array = value.array else { throw context.error("'examples' must be an array of tables ([[rules.examples]])") }
        var examples: [RuleExample] = []
        for element in array {
            guard let e = element.table else { throw context.error("each example must be a table") }
            try context.checkKeys(e, allowed: Self.exampleKeys, what: "example")
            guard let text = e["text"]?.string else { throw context.error("an example needs 'text'") }
            guard let match = e["match"]?.bool else { throw context.error("an example needs 'match = true|false'") }
            examples.append(RuleExample(
                text: text, match: match, secret: try context.string(e, "secret"), path: try context.string(e, "path") ?? "example.txt"))
        }
        return examples
    }
}

/// Where an error happened, to build messages that name the file and rule.
private struct Context {
    let file: String
    let ruleId: String

    func error(_ message: String) -> RuleLoadError { RuleLoadError(file: file, ruleId: ruleId, message: message) }

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, what: String = "rule") throws(RuleLoadError) {
        for key in table.keys where !allowed.contains(key) {
            throw error("unknown \(what) key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func compile(_ source: String, key: String) throws(RuleLoadError) -> PCRE2Pattern {
        do {
            return try PCRE2Pattern(source)
        } catch {
            throw self.error("\(key): PCRE2 rejected the pattern: \(error.message) at offset \(error.offset)")
        }
    }

    func string(_ t: TOMLTable, _ key: String) throws(RuleLoadError) -> String? {
        guard let value = t[key] else { return nil }
        guard let text = value.string else { throw error("'\(key)' must be a string") }
        return text
    }

    func stringArray(_ t: TOMLTable, _ key: String) throws(RuleLoadError) -> [String] {
        guard let value = t[key] else { return [] }
        guard let array = value.array else { throw error("'\(key)' must be an array of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw error("'\(key)' must be an array of strings") }
            result.append(text)
        }
        return result
    }

    func intArray(_ t: TOMLTable, _ key: String) throws(RuleLoadError) -> [Int] {
        guard let value = t[key] else { return [] }
        guard let array = value.array else { throw error("'\(key)' must be an array of integers") }
        var result: [Int] = []
        for element in array {
            guard let number = element.int else { throw error("'\(key)' must be an array of integers") }
            result.append(number)
        }
        return result
    }
}
