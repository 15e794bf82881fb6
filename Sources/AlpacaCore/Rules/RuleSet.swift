import AlpacaTOML
import Foundation
import PCRE2Kit

/// The rules of one run: built-in plus user rules, checked for consistency and ordered so that a
/// rule that needs another rule's matches runs after it.
public struct RuleSet: Sendable {
    /// Every rule, in report order (file order).
    public let rules: [Rule]
    /// The credential shapes the rules were built from.
    public let shapes: KeyShapes
    /// Content rules grouped by stage: stage 0 needs no other rule; stage n needs rules of earlier stages.
    let contentStages: [[Int]]
    /// Indexes of `.env` file rules.
    let fileRuleIndexes: [Int]
    /// Case-insensitive keyword patterns shared by all detectors, indexed by `Detector.keywordIndexes`.
    let keywordPatterns: [PCRE2Pattern]
    /// Rule index by id.
    private let indexById: [String: Int]

    /// Loads the built-in rules and every `*.toml` file in `ruleDirectories` (sorted by name).
    public static func load(ruleDirectories: [String] = []) throws(RuleLoadError) -> RuleSet {
        var files: [(String, String)] = []
        for directory in ruleDirectories { files += try readDirectory(directory) }
        return try load(userFiles: files)
    }

    /// Loads the built-in shapes and fragments, the built-in rules unless `includeBuiltInRules` is
    /// false (tests with hand-made rules), and the given user files (name, text).
    static func load(userFiles: [(String, String)], includeBuiltInRules: Bool = true) throws(RuleLoadError) -> RuleSet {
        var documents: [(file: String, table: TOMLTable, builtIn: Bool)] = []
        for file in embeddedRuleFiles.sorted(by: { $0.name < $1.name }) {
            documents.append(("Rules/\(file.name)", try parse(file.text, file: "Rules/\(file.name)"), true))
        }
        for (path, text) in userFiles {
            documents.append((path, try parse(text, file: path), false))
        }
        var fragments = RegexFragments()
        var shapes: KeyShapes?
        for document in documents {
            let reader = TableReader(file: document.file, ruleId: nil)
            for key in document.table.keys where !["rules", "fragments", "shapes"].contains(key) {
                throw reader.error("unknown top-level key '\(key)' (expected [[rules]], [fragments] or [shapes])", line: document.table.line(of: key))
            }
            if document.table["shapes"] != nil {
                guard document.builtIn, shapes == nil else {
                    throw reader.error("[shapes] is defined once, by the built-in Rules/shapes.toml", line: document.table.line(of: "shapes"))
                }
                let table = try KeyShapes(table: document.table, file: document.file)
                for (name, text) in table.fragments.sorted(by: { $0.key < $1.key }) {
                    try fragments.define(name, as: text, file: document.file, line: document.table.line(of: "shapes"))
                }
                shapes = table
            }
            if let value = document.table["fragments"] {
                guard let table = value.table else { throw reader.error("'fragments' must be a table of name = 'pattern'", line: document.table.line(of: "fragments")) }
                for name in table.keys {
                    guard let text = table[name]?.string else { throw reader.error("fragment '\(name)' must be a string", line: table.line(of: name)) }
                    try fragments.define(name, as: text, file: document.file, line: table.line(of: name))
                }
            }
        }
        guard let shapes else { throw RuleLoadError(file: "Rules/shapes.toml", ruleId: nil, message: "the built-in shapes table is missing") }
        var rules: [Rule] = []
        for document in documents where includeBuiltInRules || !document.builtIn {
            let loader = RuleLoader(fragments: fragments, rejectPlaceholdersByDefault: document.builtIn)
            rules += try loader.rules(in: document.table, file: document.file)
        }
        return try RuleSet(rules: rules, shapes: shapes)
    }

    /// Checks that ids are unique and that requirements name existing rules, then orders the rules.
    init(rules: [Rule], shapes: KeyShapes) throws(RuleLoadError) {
        var indexById: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            if let previous = indexById[rule.id] {
                throw RuleLoadError(
                    file: rule.metadata.sourceFile, ruleId: rule.id,
                    message: "duplicate rule id (also defined in \(rules[previous].metadata.sourceFile))")
            }
            indexById[rule.id] = index
        }
        // Stage of each rule = 1 + the highest stage of the rules it refers to; cycles are errors.
        var stage: [Int?] = Array(repeating: nil, count: rules.count)
        func resolve(_ index: Int, _ path: Set<Int>) throws(RuleLoadError) -> Int {
            if let known = stage[index] { return known }
            let rule = rules[index]
            if path.contains(index) {
                throw RuleLoadError(file: rule.metadata.sourceFile, ruleId: rule.id, message: "rules require each other in a cycle")
            }
            var level = 0
            for detector in rule.detectors {
                for requirement in detector.requires + detector.rejectIf {
                    for id in requirement.ruleIds {
                        guard let other = indexById[id] else {
                            throw RuleLoadError(file: rule.metadata.sourceFile, ruleId: rule.id, message: "refers to unknown rule '\(id)'")
                        }
                        guard rules[other].kind == .content else {
                            throw RuleLoadError(file: rule.metadata.sourceFile, ruleId: rule.id, message: "refers to '\(id)', which is not a content rule")
                        }
                        level = max(level, try resolve(other, path.union([index])) + 1)
                    }
                }
            }
            stage[index] = level
            return level
        }
        for index in rules.indices { _ = try resolve(index, []) }
        var stages: [[Int]] = []
        for (index, rule) in rules.enumerated() where rule.kind == .content {
            let level = stage[index] ?? 0
            while stages.count <= level { stages.append([]) }
            stages[level].append(index)
        }
        // Number every distinct keyword so a file can cache its presence in an array.
        var keywordIndex: [String: Int] = [:]
        var keywordPatterns: [PCRE2Pattern] = []
        var indexed = rules
        for ruleIndex in indexed.indices {
            for detectorIndex in indexed[ruleIndex].detectors.indices {
                var indexes: [Int] = []
                for keyword in indexed[ruleIndex].detectors[detectorIndex].keywords {
                    if let known = keywordIndex[keyword] {
                        indexes.append(known)
                        continue
                    }
                    do {
                        keywordPatterns.append(try PCRE2Pattern(RuleSet.literalPattern(keyword), caseInsensitive: true))
                    } catch {
                        throw RuleLoadError(
                            file: rules[ruleIndex].metadata.sourceFile, ruleId: rules[ruleIndex].id,
                            message: "keyword '\(keyword)' cannot be searched: \(error.message)")
                    }
                    keywordIndex[keyword] = keywordPatterns.count - 1
                    indexes.append(keywordPatterns.count - 1)
                }
                indexed[ruleIndex].detectors[detectorIndex].keywordIndexes = indexes
            }
        }
        self.rules = indexed
        self.shapes = shapes
        self.contentStages = stages
        self.fileRuleIndexes = rules.indices.filter { rules[$0].kind != .content }
        self.keywordPatterns = keywordPatterns
        self.indexById = indexById
    }

    /// The rule with `id`, if any.
    public func rule(id: String) -> Rule? { indexById[id].map { rules[$0] } }

    /// The index of rule `id` in `rules`.
    func index(of id: String) -> Int? { indexById[id] }

    /// Metadata of every rule, for reports.
    public var metadata: [RuleMetadata] { rules.map(\.metadata) }

    static func literalPattern(_ text: String) -> String {
        // \Q…\E quotes everything except a literal "\E", which we split around.
        "\\Q" + text.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
    }

    private static func parse(_ text: String, file: String) throws(RuleLoadError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch {
            throw RuleLoadError(file: file, line: error.line, ruleId: nil, message: "TOML syntax error: \(error.message) (column \(error.column))")
        }
    }

    private static func readDirectory(_ directory: String) throws(RuleLoadError) -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleLoadError(file: directory, ruleId: nil, message: "cannot read the rules directory")
        }
        var files: [(String, String)] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleLoadError(file: path, ruleId: nil, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleLoadError(file: path, ruleId: nil, message: "the file is not UTF-8")
            }
            files.append((path, text))
        }
        return files
    }
}
