@testable import AlpacaCore
import PCRE2Kit
import Testing

/// The rule-file loader: what it accepts, and the precise errors for what it rejects. A setting
/// is applied or refused, never ignored.
struct RuleLoaderTests {
    static let minimal = """
        [[rules]]
        id = "acme-token"
        practice = 1
        severity = "error"
        title = "ACME token"
        regex = '''acme_([a-z0-9]{8})'''
        """

    func load(_ text: String) throws(RuleLoadError) -> RuleSet {
        try RuleSet.load(userFiles: [("acme.toml", text)], includeBuiltInRules: false)
    }

    func error(_ text: String) -> RuleLoadError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func minimalRuleLoadsWithDefaults() throws {
        let rule = try #require(try load(Self.minimal).rules.first)
        #expect(rule.id == "acme-token")
        #expect(rule.metadata.message == "ACME token")
        #expect(rule.detectors.first?.secretGroup == 1)
        #expect(rule.rejectPlaceholders == false, "user rules match what their pattern says")
        #expect(rule.metadata.isCredential == false)
    }

    @Test("ids must be kebab-case", arguments: ["Acme", "acme_token", "-acme", "acme-", "acme--token", ""])
    func badIds(_ id: String) {
        let text = Self.minimal.replacingOccurrences(of: "\"acme-token\"", with: "\"\(id)\"")
        #expect(error(text) != nil, "\(id) accepted")
    }

    @Test func kebabCaseCheck() {
        #expect(RuleLoader.isKebabCase("alpaca-live-key-id"))
        #expect(RuleLoader.isKebabCase("a1-2b"))
        #expect(!RuleLoader.isKebabCase("a-B"))
    }

    @Test func unknownKeyIsNamed() {
        let failure = error(Self.minimal + "\nsevertiy = \"error\"")
        #expect(failure?.description.contains("severtiy") == true)
        #expect(failure?.ruleId == "acme-token")
    }

    @Test func missingRegexIsAnError() {
        let text = Self.minimal.replacingOccurrences(of: "regex = '''acme_([a-z0-9]{8})'''", with: "")
        #expect(error(text)?.message.contains("regex") == true)
    }

    @Test func pcreErrorCarriesOffset() {
        let failure = error(Self.minimal.replacingOccurrences(of: "acme_([a-z0-9]{8})", with: "acme_([a-z"))
        #expect(failure?.message.contains("offset") == true)
    }

    @Test func secretGroupOutOfRange() {
        #expect(error(Self.minimal + "\nsecretGroup = 3")?.message.contains("does not exist") == true)
    }

    @Test func syntaxErrorIsNamed() {
        #expect(error("[[rules]\nid = 1")?.description.contains("TOML syntax error") == true)
    }

    @Test func requirementsMustNameExistingRules() {
        let text = Self.minimal + "\n  [[rules.requires]]\n  rule = \"nope\"\n  withinLines = 2\n  withinBytes = 100\n"
        #expect(error(text)?.message.contains("unknown rule 'nope'") == true)
    }

    @Test func duplicateIdsAreRejected() {
        #expect(error(Self.minimal + "\n" + Self.minimal)?.message.contains("duplicate rule id") == true)
    }

    // MARK: - Wrong types and settings that would be ignored

    @Test("wrong-typed settings are load errors", arguments: [
        "practice = \"1\"", "credential = \"yes\"", "keywords = \"acme\"", "allow = 3", "placeholders = true",
        "minEntropy = \"high\"", "tags = [1]", "relatedPractices = [9]", "securitySeverity = 11",
    ])
    func wrongTypes(_ line: String) {
        let key = String(line.prefix { $0 != " " })
        let text = Self.minimal.replacingOccurrences(of: "practice = 1\n", with: key == "practice" ? "" : "practice = 1\n") + "\n" + line
        #expect(error(text) != nil, "\(line) was accepted")
    }

    @Test("requirement settings of the wrong type or kind are refused", arguments: [
        ("sameBlock = \"yes\"", "sameBlock"), ("relate = 1", "relate"), ("withinLines = -1", "withinLines"),
        ("withinLines = \"near\"", "withinLines"), ("withinLines = 2\n  withinBytes = 0", "withinBytes"),
    ])
    func requirementTypes(_ settings: String, _ key: String) {
        var text = Self.minimal + "\n  [[rules.requires]]\n  regex = \"x\"\n  " + settings + "\n"
        if !settings.contains("withinLines") { text += "  withinLines = 1\n  withinBytes = 100\n" }
        let failure = error(text)
        #expect(failure?.message.contains(key) == true, "\(settings): \(String(describing: failure))")
    }

    @Test func withinBytesMustBeGivenWithWithinLines() {
        let failure = error(Self.minimal + "\n  [[rules.requires]]\n  regex = \"x\"\n  withinLines = 2\n")
        #expect(failure?.message.contains("withinBytes") == true)
    }

    @Test func withinLinesMustBeGiven() {
        let failure = error(Self.minimal + "\n  [[rules.requires]]\n  regex = \"x\"\n")
        #expect(failure?.message.contains("withinLines") == true)
    }

    @Test func relateOnAPatternRequirementIsRefused() {
        let failure = error(Self.minimal + "\n  [[rules.requires]]\n  regex = \"x\"\n  withinLines = 1\n  withinBytes = 100\n  relate = false\n")
        #expect(failure?.message.contains("relate") == true)
    }

    @Test func withinBytesWithFileProximityIsRefused() {
        let failure = error(Self.minimal + "\n  [[rules.requires]]\n  regex = \"x\"\n  withinLines = \"file\"\n  withinBytes = 10\n")
        #expect(failure?.message.contains("withinBytes") == true)
    }

    @Test func ruleAndRegexTogetherAreRefused() {
        let failure = error(Self.minimal + "\n  [[rules.rejectIf]]\n  regex = \"x\"\n  rule = \"acme-token\"\n  withinLines = 1\n")
        #expect(failure?.message.contains("not both") == true)
    }

    @Test func fileRuleSettingsOnAContentRuleAreRefused() {
        #expect(error(Self.minimal + "\nfileNames = \"x\"")?.message.contains("does not apply") == true)
    }

    @Test func contentSettingsOnAFileRuleAreRefused() {
        let text = """
            [[rules]]
            id = "acme-env"
            practice = 1
            severity = "warning"
            title = "env"
            kind = "env-file-not-ignored"
            fileNames = '''\\.env$'''
            placeholders = "keep"
            """
        #expect(error(text)?.message.contains("does not apply") == true)
    }

    @Test func unknownKeyInAVariantIsRefused() {
        let failure = error(Self.minimal + "\n  [[rules.variants]]\n  regex = \"y\"\n  withinLines = 2\n")
        #expect(failure?.message.contains("withinLines") == true)
    }

    @Test func rejectIfRuleIsApplied() throws {
        // `[[rules.rejectIf]] rule = …` used to load and never apply.
        let text = """
            [[rules]]
            id = "acme-marker"
            practice = 1
            severity = "note"
            title = "marker"
            regex = '''TEST-ONLY'''
            [[rules]]
            id = "acme-token"
            practice = 1
            severity = "error"
            title = "ACME token"
            regex = '''acme_([a-z0-9]{8})'''
              [[rules.rejectIf]]
              rule = "acme-marker"
              withinLines = 1
              withinBytes = 4096
            """
        let scanner = FragmentScanner(ruleSet: try load(text))
        #expect(scanner.scan(bytes: Array("acme_k3y0v9x2\n".utf8), path: "a.txt").map(\.ruleId) == ["acme-token"])
        #expect(scanner.scan(bytes: Array("TEST-ONLY\nacme_k3y0v9x2\n".utf8), path: "a.txt").map(\.ruleId) == ["acme-marker"])
        #expect(scanner.scan(bytes: Array("TEST-ONLY\n\n\nacme_k3y0v9x2\n".utf8), path: "a.txt").map(\.ruleId).sorted() == ["acme-marker", "acme-token"])
    }

    // MARK: - Fragments

    @Test func fragmentsAreInterpolated() throws {
        let text = """
            [fragments]
            acmeBody = '''[a-z0-9]{8}'''
            acmeToken = '''(?x) acme_ ({{acmeBody}})   # the token and its body
            '''
            [[rules]]
            id = "acme-token"
            practice = 1
            severity = "error"
            title = "ACME token"
            regex = '''{{acmeToken}}'''
            """
        let scanner = FragmentScanner(ruleSet: try load(text))
        #expect(scanner.scan(bytes: Array("x = acme_k3y0v9x2".utf8), path: "a.txt").map(\.secret) == ["k3y0v9x2"])
    }

    @Test func builtInShapesAreAvailableToUserRules() throws {
        let text = Self.minimal.replacingOccurrences(of: "acme_([a-z0-9]{8})", with: "acme=({{keyId.paper}})")
        let scanner = FragmentScanner(ruleSet: try load(text))
        #expect(scanner.scan(bytes: Array("acme=PKR2W8ZQ4M6XT1NV3HCB".utf8), path: "a.txt").map(\.secret) == ["PKR2W8ZQ4M6XT1NV3HCB"])
    }

    @Test func unknownFragmentIsAnError() {
        let failure = error(Self.minimal.replacingOccurrences(of: "acme_([a-z0-9]{8})", with: "acme_{{nope}}"))
        #expect(failure?.message.contains("unknown regex fragment {{nope}}") == true)
    }

    @Test func fragmentCyclesAreErrors() {
        let text = "[fragments]\na = '''x{{b}}'''\nb = '''y{{a}}'''\n" + Self.minimal.replacingOccurrences(of: "acme_([a-z0-9]{8})", with: "{{a}}")
        #expect(error(text)?.message.contains("cycle") == true)
    }

    @Test func builtInFragmentsCannotBeRedefined() {
        #expect(error("[fragments]\ntokenStart = 'x'\n" + Self.minimal)?.message.contains("already defined") == true)
    }

    @Test func shapesAreOnlyBuiltIn() {
        #expect(error("[shapes]\n" + Self.minimal) != nil)
    }

    @Test func builtInRulesLoadAndCoverTheContract() throws {
        let ids = Set(try RuleSet.load().rules.map(\.id))
        for id in ["alpaca-live-key-id", "alpaca-paper-key-id", "alpaca-broker-key-id", "alpaca-secret-key", "alpaca-oauth-secret",
            "alpaca-oauth-token", "alpaca-basic-auth-literal", "alpaca-header-literal", "alpaca-live-url-paper-key",
            "alpaca-paper-url-live-key", "alpaca-env-not-ignored", "alpaca-env-tracked"]
        {
            #expect(ids.contains(id))
        }
    }
}

/// Redaction, fingerprints, inline allows and path globs.
struct SupportTests {
    @Test func keyIDsKeepPrefixAndLastFour() {
        #expect(Redaction.redact("PKR2W8ZQ4M6XT1NV3HCB") == "PKR2…3HCB")
    }

    @Test func secretsKeepAtMostFiveCharacters() {
        let redacted = Redaction.redact("h4Jk9Qw2ZxR7mN3bV8tL1pYc6Gf5Ds0AeUiOoWq2")
        #expect(redacted == "h4J…q2")
        #expect(Redaction.redact("short") == "…")
    }

    @Test func fingerprintIgnoresLinesButNotSecretOrPath() {
        let a = Fingerprint.of(ruleId: "r", secret: "s1", path: "a.py")
        #expect(a == Fingerprint.of(ruleId: "r", secret: "s1", path: "a.py"))
        #expect(a != Fingerprint.of(ruleId: "r", secret: "s2", path: "a.py"))
        #expect(a != Fingerprint.of(ruleId: "r", secret: "s1", path: "b.py"))
        #expect(a.count == 32)
    }

    @Test func sha256KnownAnswer() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func inlineAllowMarkers() {
        #expect(InlineAllow.allowsLine(Array("key = 'x'  # alpaca-lint:allow".utf8)))
        #expect(InlineAllow.allowsLine(Array("key = 'x'  // gitleaks:allow".utf8)))
        #expect(InlineAllow.allowsLine(Array("key = 'x'  # pragma: allowlist secret".utf8)))
        #expect(!InlineAllow.allowsLine(Array("# alpaca-lint:allow-next-line".utf8)), "the next-line marker does not allow its own line")
        #expect(InlineAllow.allowsNextLine(Array("# alpaca-lint:allow-next-line".utf8)))
        #expect(!InlineAllow.allowsLine(Array("key = 'x'".utf8)))
    }

    @Test func redactionUsesTheShapesTable() {
        // A 26-character base32 ID and a 19-character named one are key IDs; a lower-case look-alike is not.
        #expect(Redaction.redact("PK7TQ2MVXRZ4B6HKDW3NLC5JGA") == "PK7T…5JGA")
        #expect(Redaction.redact("pk_live_7TQ2MVXRZ4B6HKDW3N") == "pk_…3N")
    }

    @Test("exclude globs", arguments: [
        ("vendor/", "vendor/a/b.py", true), ("vendor/", "src/vendor/b.py", true), ("/vendor/", "src/vendor/b.py", false),
        ("*.min.js", "web/app.min.js", true), ("docs/**/*.md", "docs/a/b/c.md", true), ("docs/**/*.md", "docs/c.md", true),
        ("docs/*.md", "docs/a/c.md", false), ("Fixtures/", "Fixturesque/a", false),
    ])
    func globs(_ glob: String, _ path: String, _ excluded: Bool) throws {
        var config = Config()
        config.excludePatterns = [try PCRE2Pattern(Glob.regex(glob))]
        #expect(config.excludes(relativePath: path) == excluded, "\(glob) vs \(path)")
    }
}
