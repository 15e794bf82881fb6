@testable import AlpacaCore
import PCRE2Kit
import Testing

/// The matcher alone, with hand-made rules: where each detector looks follows from its settings,
/// and nothing there can hide a match the rule would accept.
struct MatcherTests {
    static func ruleSet(_ text: String) throws -> RuleSet {
        try RuleSet.load(userFiles: [("test.toml", text)], includeBuiltInRules: false)
    }

    /// Candidates of every stage of `rules` in `text`, and the problems met.
    static func candidates(_ rules: RuleSet, _ text: String, path: String = "a.txt") -> (found: [String], problems: [MatchProblem]) {
        let bytes = Array(text.utf8)
        let scratch = PCRE2MatchScratch()
        return bytes.withUnsafeBytes { raw in
            var view = TextView(buffer: raw, path: path, ruleSet: rules, scratch: scratch)
            let matcher = Matcher(ruleSet: rules, policy: ScanPolicy())
            var accepted = AcceptedMatches()
            var found: [String] = []
            var problems: [MatchProblem] = []
            for stage in rules.contentStages {
                let (candidates, stageProblems) = matcher.candidates(stage: stage, view: &view, accepted: accepted)
                found += candidates.map(\.secret)
                problems += stageProblems
                _ = Correlator(ruleSet: rules).correlate(candidates, into: &accepted, view: &view)
            }
            return (found, problems)
        }
    }

    static func rule(_ id: String, _ regex: String, _ extra: String = "") -> String {
        "[[rules]]\nid = \"\(id)\"\npractice = 1\nseverity = \"error\"\ntitle = \"t\"\nregex = '''\(regex)'''\n\(extra)\n"
    }

    @Test("no cap: every match of a rule in one buffer is a candidate")
    func noCap() throws {
        let rules = try Self.ruleSet(Self.rule("acme", "acme_([0-9]{6})"))
        let text = (0..<25_000).map { String(format: "acme_%06d\n", $0) }.joined()
        #expect(Self.candidates(rules, text).found.count == 25_000)
    }

    @Test("bug: keywords gated nothing (try? flattened no match into present); a keyword gates the whole file, no window")
    func keywordIsAFileGate() throws {
        let rules = try Self.ruleSet(Self.rule("acme", "acme_([0-9]{6})", "keywords = [\"acmecorp\"]"))
        #expect(Self.candidates(rules, "acme_123456\n").found.isEmpty, "without the keyword the detector does not run")
        let far = "acmecorp\n" + String(repeating: "filler line\n", count: 5_000) + "acme_123456\n"
        #expect(Self.candidates(rules, far).found == ["123456"], "a match thousands of lines from its keyword is found")
    }

    @Test("bug: a name 600 bytes before its key on a long line was outside the 512-byte anchor window")
    func anchorLinesAreWholeLines() throws {
        let rules = try Self.ruleSet(Self.rule("named", "token_name[ =:x]{0,2000}(KEY[0-9]{8})", "anchor = '''KEY[0-9]{8}'''"))
        let line = "token_name=" + String(repeating: "x", count: 600) + "KEY12345678\n"
        #expect(Self.candidates(rules, line).found == ["KEY12345678"])
        // A line without the anchor is not searched; the anchor says where matches can be.
        #expect(Self.candidates(rules, "token_name=KEY1234567\n").found.isEmpty)
    }

    @Test("a detector that needs another rule's match looks only within the requirement's reach")
    func nearRequiredRules() throws {
        let text = Self.rule("key", "(KEY[0-9]{8})") + Self.rule("secret", "(SECRET[0-9]{8})", """
              [[rules.requires]]
              rule = "key"
              withinLines = 1
              withinBytes = 100
            """)
        let rules = try Self.ruleSet(text)
        #expect(rules.rule(id: "secret")?.detectors.first?.scope == .nearRequiredRules)
        let near = Self.candidates(rules, "KEY12345678\nSECRET00000001\n").found
        #expect(near == ["KEY12345678", "SECRET00000001"])
        let far = Self.candidates(rules, "KEY12345678\n\n\nSECRET00000001\n").found
        #expect(far == ["KEY12345678"], "three lines away cannot satisfy withinLines = 1, so it is not even a candidate")
        let noKey = Self.candidates(rules, "SECRET00000001\n").found
        #expect(noKey.isEmpty)
    }

    @Test("value checks: published samples, allow patterns, entropy")
    func valueChecks() throws {
        let rules = try Self.ruleSet(Self.rule("acme", "acme_([a-z0-9]{8})", """
            allowValues = ["aaaa1111"]
            allow = ['''^zz''']
            minEntropy = 2.5
            """))
        let found = Self.candidates(rules, "acme_aaaa1111 acme_zz123456 acme_ababab12 acme_k3y0v9x2\n").found
        #expect(found == ["k3y0v9x2"])
    }

    @Test("path filters")
    func pathFilters() throws {
        let rules = try Self.ruleSet(Self.rule("acme", "acme_([0-9]{6})", "paths = ['''\\.py$''']\nexcludePaths = ['''^vendor/''']"))
        #expect(Self.candidates(rules, "acme_123456", path: "src/a.py").found.count == 1)
        #expect(Self.candidates(rules, "acme_123456", path: "src/a.js").found.isEmpty)
        #expect(Self.candidates(rules, "acme_123456", path: "vendor/a.py").found.isEmpty)
    }

    @Test("a pattern that hits PCRE2's limits is a problem named for the rule, not a crash or a silent miss")
    func resourceLimitIsNamed() throws {
        let rules = try Self.ruleSet(Self.rule("nested", "(a+)+$"))
        let result = Self.candidates(rules, String(repeating: "a", count: 30_000) + "b\n")
        #expect(result.problems.first?.ruleId == "nested")
        #expect(result.problems.first?.message.contains("not fully checked") == true)
    }
}
