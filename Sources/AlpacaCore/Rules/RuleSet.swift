import Foundation
import PCRE2Kit

/// The rules of one run: built-in plus user rules, checked for consistency and ordered so that a
/// rule that needs another rule's matches runs after it.
public struct RuleSet: Sendable {
    /// Every rule, in report order (file order).
    public let rules: [Rule]
    /// Content rules grouped by stage: stage 0 needs no other rule; stage n needs rules of earlier stages.
    let contentStages: [[Int]]
    /// Indexes of `.env` file rules.
    let fileRuleIndexes: [Int]
    /// Case-insensitive keyword patterns shared by all detectors, indexed by `Detector.keywordIndexes`.
    let keywordPatterns: [PCRE2Pattern]
    /// Lines that start another branch or block; a `sameBlock` requirement may not cross one.
    let blockBoundary: PCRE2Pattern

    /// Checks ids are unique and requirements name existing rules, then orders the rules.
    public init(rules: [Rule]) throws(RuleLoadError) {
        var indexById: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            if let previous = indexById[rule.id] {
                throw RuleLoadError(
                    file: rule.metadata.sourceFile, ruleId: rule.id,
                    message: "duplicate rule id (also defined in \(rules[previous].metadata.sourceFile))")
            }
            indexById[rule.id] = index
        }
        // Stage of each rule = 1 + the highest stage of the rules it requires; cycles are errors.
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
                            throw RuleLoadError(file: rule.metadata.sourceFile, ruleId: rule.id, message: "requires unknown rule '\(id)'")
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
        // Number every distinct keyword so a file can cache their hits in an array.
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
        self.contentStages = stages
        self.fileRuleIndexes = rules.indices.filter { rules[$0].kind != .content }
        self.keywordPatterns = keywordPatterns
        // Branch and definition starts in the languages we scan, YAML/TOML section headers and
        // document separators: a key and an endpoint on either side of one belong to different setups.
        self.blockBoundary = try! PCRE2Pattern(
            #"^[ \t]*(?:[?:](?:[ \t]|$)|(?:export[ \t]+)?(?:async[ \t]+)?function\b|.*=>[ \t]*\{[ \t]*$|["']?[\w.-]+["']?[ \t]*[:=][ \t]*[\{\[][ \t]*$|else\b|elif\b|elsif\b|elseif\b|\}[ \t]*else\b|case\b|when\b|default[ \t]*:|except\b|catch\b|def[ \t]|async[ \t]+def[ \t]|function\b|func[ \t]|fn[ \t]|sub[ \t]|(?:public|private|protected|internal|static)[ \t]|\[[^\]\n]+\][ \t]*$|---[ \t]*$|-?[ \t]*[A-Za-z_][\w.-]*:[ \t]*$|#[ \t]*(?i:paper|live|production|prod|sandbox|staging|test(?:ing)?)\b)"#)
    }

    /// The built-in rules that ship inside the binary.
    public static func builtIn() throws(RuleLoadError) -> [Rule] {
        var rules: [Rule] = []
        for file in embeddedRuleFiles {
            rules += try RuleLoader(rejectPlaceholdersByDefault: true).load(text: file.text, fileName: "Rules/\(file.name)")
        }
        return rules
    }

    /// The rule with `id`, if any.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Metadata of every rule, for reports.
    public var metadata: [RuleMetadata] { rules.map(\.metadata) }

    static func literalPattern(_ text: String) -> String {
        // \Q…\E quotes everything except a literal "\E", which we split around.
        "\\Q" + text.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
    }
}
