@testable import AlpacaCore
import PCRE2Kit
import Testing

/// Every example of every built-in rule, run through the real scanner with all rules loaded.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let ruleId: String
        let index: Int
        let example: RuleExample
        var testDescription: String { "\(ruleId) example \(index + 1) (\(example.match ? "match" : "no match"))" }
    }

    static let ruleSet: RuleSet = {
        do { return try RuleSet.load() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    static let cases: [Case] = ruleSet.rules.flatMap { rule in
        rule.examples.enumerated().map { Case(ruleId: rule.id, index: $0.offset, example: $0.element) }
    }

    @Test("every built-in rule has positive and negative examples")
    func everyRuleHasExamples() {
        for rule in Self.ruleSet.rules {
            #expect(rule.examples.contains { $0.match }, "\(rule.id) has no positive example")
            #expect(rule.examples.contains { !$0.match }, "\(rule.id) has no negative example")
        }
    }

    @Test("a detector's keywords occur in every positive example it finds (the keyword gate loses nothing)", arguments: cases.filter { $0.example.match })
    func keywordsOccurInPositiveExamples(_ testCase: Case) throws {
        let rule = try #require(Self.ruleSet.rule(id: testCase.ruleId))
        // Only the detectors that report this example need their keywords in it; at least one does.
        let text = testCase.example.text.lowercased()
        let gated = rule.detectors.filter { !$0.keywords.isEmpty }
        guard !gated.isEmpty, gated.count == rule.detectors.count else { return }
        #expect(gated.contains { $0.keywords.contains(where: text.contains) }, "no keyword of \(rule.id) in: \(testCase.example.text)")
    }

    @Test("rule examples", arguments: cases)
    func example(_ testCase: Case) {
        let findings = Self.findings(of: testCase)
        if testCase.example.match {
            #expect(!findings.isEmpty, "expected a finding in: \(testCase.example.text)")
            if let secret = testCase.example.secret {
                #expect(findings.contains { $0.secret == secret }, "expected secret \(secret), got \(findings.map(\.secret))")
            }
        } else {
            #expect(findings.isEmpty, "unexpected finding \(findings.map(\.secret)) in: \(testCase.example.text)")
        }
    }

    /// SwiftLint's trick: the same example behind a multibyte prefix must report the same secret,
    /// one column further for each scalar, which catches byte/scalar column mix-ups.
    /// Content findings of the example's text plus, for file rules, the verdict on its path as an
    /// untracked, unignored file (not-ignored rules) or a tracked one (tracked rules).
    static func findings(of testCase: Case) -> [Finding] {
        let content = scan(testCase.example.text, path: testCase.example.path)
        guard let rule = ruleSet.rule(id: testCase.ruleId), rule.kind != .content else {
            return content.filter { $0.ruleId == testCase.ruleId }
        }
        let tracked = rule.kind == .envFileTracked
        let info = FragmentInfo(displayPath: testCase.example.path, repoPath: testCase.example.path, origin: .workingTree, gitState: nil)
        let holdsCredentials = content.contains { ruleSet.rule(id: $0.ruleId)?.metadata.isCredential ?? false }
        let envContent = Array(testCase.example.text.utf8).withUnsafeBytes { raw in
            ruleSet.envContent(for: testCase.example.path, buffer: raw, scratch: PCRE2MatchScratch())
        }
        return EnvFileCheck(ruleSet: ruleSet).findings(
            for: info, state: Fragment.GitState(isTracked: tracked, isIgnored: false), holdsCredentials: holdsCredentials,
            content: envContent
        ).filter { $0.ruleId == testCase.ruleId }
    }

    @Test("positive examples survive a multibyte prefix", arguments: cases.filter { $0.example.match && ruleSet.rule(id: $0.ruleId)?.kind == .content })
    func multibytePrefix(_ testCase: Case) {
        let plain = Self.scan(testCase.example.text, path: testCase.example.path).filter { $0.ruleId == testCase.ruleId }
        var prefixed = Self.scan("é€😀 " + testCase.example.text, path: testCase.example.path).filter { $0.ruleId == testCase.ruleId }
        if prefixed.count != plain.count && !plain.isEmpty {
            // Rules anchored at the start of a line (dependency manifests) cannot take the prefix on
            // the same line: it goes on a line of its own, and every finding moves down one line.
            prefixed = Self.scan("é€😀\n" + testCase.example.text, path: testCase.example.path).filter { $0.ruleId == testCase.ruleId }
            #expect(prefixed.map(\.line) == plain.map { $0.line + 1 })
            #expect(prefixed.map(\.secret) == plain.map(\.secret))
            return
        }
        #expect(plain.count == prefixed.count)
        if let a = plain.first, let b = prefixed.first, a.line == 1 {
            #expect(b.column == a.column + 4)
            #expect(b.secret == a.secret)
        }
    }

    static func scan(_ text: String, path: String) -> [Finding] {
        FragmentScanner(ruleSet: ruleSet).scan(bytes: Array(text.utf8), path: path)
    }
}
