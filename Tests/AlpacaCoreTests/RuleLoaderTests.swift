@testable import AlpacaCore
import PCRE2Kit
import Testing

/// The rule-file loader: what it accepts, and the precise errors for what it rejects.
struct RuleLoaderTests {
    static let minimal = """
        [[rules]]
        id = "acme-token"
        practice = 1
        severity = "error"
        title = "ACME token"
        regex = '''acme_([a-z0-9]{8})'''
        """

    func load(_ text: String) throws(RuleLoadError) -> [Rule] {
        try RuleLoader().load(text: text, fileName: "acme.toml")
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
        let rule = try #require(try load(Self.minimal).first)
        #expect(rule.id == "acme-token")
        #expect(rule.metadata.message == "ACME token")
        #expect(rule.detectors.first?.secretGroup == 1)
        #expect(rule.rejectPlaceholders == false, "user rules match what their pattern says")
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

    @Test func syntaxErrorNamesTheLine() {
        #expect(error("[[rules]\nid = 1")?.message.contains("line") == true)
    }

    @Test func requirementsMustNameExistingRules() throws {
        let text = Self.minimal + "\n  [[rules.requires]]\n  rule = \"nope\"\n  withinLines = 2\n"
        let rules = try load(text)
        #expect(throws: RuleLoadError.self) { try RuleSet(rules: rules) }
    }

    @Test func duplicateIdsAcrossFilesAreRejected() throws {
        let rules = try load(Self.minimal) + load(Self.minimal)
        #expect(throws: RuleLoadError.self) { try RuleSet(rules: rules) }
    }

    @Test func builtInRulesLoadAndCoverTheContract() throws {
        let ids = Set(try RuleSet.builtIn().map(\.id))
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
