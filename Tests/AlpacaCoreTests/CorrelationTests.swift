import AlpacaCore
import Testing

/// Related locations and paper/live correlation through the real built-in rules.
struct CorrelationTests {
    static let scanner: FragmentScanner = {
        do { return FragmentScanner(ruleSet: try RuleSet.load()) } catch { fatalError("\(error)") }
    }()

    static func scan(_ text: String, path: String = "settings.env") -> [Finding] {
        scanner.scan(bytes: Array(text.utf8), path: path)
    }

    @Test("bug: a secret accepted by its name did not point at the key ID next to it")
    func secretFoundByNameStillRelatesToItsKey() throws {
        let findings = Self.scan("APCA_API_KEY_ID=PKR2W8ZQ4M6XT1NV3HCB\nAPCA_API_SECRET_KEY=h4Jk9Qw2ZxR7mN3bV8tL1pYc6Gf5Ds0AeUiOoWq2\n")
        let secret = try #require(findings.first { $0.ruleId == "alpaca-secret-key" })
        #expect(secret.related.map(\.line) == [1])
        let key = try #require(findings.first { $0.ruleId == "alpaca-paper-key-id" })
        #expect(key.related.map(\.line) == [2])
    }

    @Test func mismatchPointsAtTheEndpointWithTheKeyRelated() throws {
        let findings = Self.scan("APCA_API_KEY_ID=PKR2W8ZQ4M6XT1NV3HCB\nAPCA_API_BASE_URL=https://api.alpaca.markets\n")
        let mismatch = try #require(findings.first { $0.ruleId == "alpaca-live-url-paper-key" })
        #expect(mismatch.line == 2)
        #expect(mismatch.related.map(\.line) == [1])
    }

    @Test func branchesAreNotAMismatch() {
        let text = """
            if PAPER:
                client = REST("PKR2W8ZQ4M6XT1NV3HCB", secret, "https://paper-api.alpaca.markets")
            else:
                client = REST("AKQ7N4ZW2X8RM5TB3VHC", secret, "https://api.alpaca.markets")
            """
        let findings = Self.scan(text, path: "bot.py")
        #expect(!findings.contains { $0.practice == 8 })
        #expect(findings.filter { $0.practice == 1 }.count == 2)
    }
}
