@testable import AlpacaCore
import TestSupport
import Testing

/// The placeholder heuristics against random, well-formed credentials: a real Alpaca key is
/// random, so every real key a heuristic rejects is lost for every user who has one like it.
/// Each kind is measured over 100,000 seeded random values written right after its usual name;
/// the budget is at most 1 miss in 10,000 (the figures are printed and go in the README).
struct CalibrationTests {

    enum Kind: String, CaseIterable, Sendable {
        case legacyKeyID, base32KeyID, legacySecret, base58Secret
    }

    static let upperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    static let base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    static let base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    static let base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    static let count = 100_000

    static func value(_ kind: Kind, _ random: inout SplitMix64, index: Int) -> String {
        let prefix = ["PK", "AK", "CK"][Int(random.next() % 3)]
        switch kind {
        case .legacyKeyID: return prefix + random.string(upperAlphanumeric, 18)
        case .base32KeyID: return prefix + random.string(base32, 24)
        // About one older secret in ten holds '/'.
        case .legacySecret: return random.string(index % 10 == 0 ? base62 + "/" : base62, 40)
        case .base58Secret: return random.string(base58, random.next() % 2 == 0 ? 43 : 44)
        }
    }

    static let scanner: FragmentScanner = {
        do { return FragmentScanner(ruleSet: try RuleSet.load()) } catch { fatalError("\(error)") }
    }()

    @Test("random credentials after their name are found (at most 1 miss in 10,000)", arguments: Kind.allCases)
    func randomCredentialsAreFound(_ kind: Kind) {
        var random = SplitMix64(state: 0xA1BACA + UInt64(kind.rawValue.utf8.count))
        var values: [String] = []
        var text = ""
        for index in 0..<Self.count {
            let value = Self.value(kind, &random, index: index)
            values.append(value)
            let name = kind == .legacyKeyID || kind == .base32KeyID ? "APCA_API_KEY_ID" : "APCA_API_SECRET_KEY"
            // Two blank lines apart: each value is judged in its own context.
            text += "\(name) = \"\(value)\"\n\n\n"
        }
        let found = Set(Self.scanner.acceptedSecrets(bytes: Array(text.utf8), path: "settings.py"))
        let missed = values.filter { !found.contains($0) }
        print("calibration: \(kind.rawValue): \(missed.count) of \(Self.count) random values missed")
        #expect(missed.count <= Self.count / 10_000, "missed: \(missed.prefix(10))")
    }

    @Test("placeholders of real lengths stay placeholders", arguments: [
        "PKXXXXXXXXXXXXXXXXXX", "PKXYZ123ABC456DEF789", "PK1234567890ABCDEF", "PKTESTKEY0000000000Q", "PKTEST7Q3ZW8RM5TB3VH",
        "PKA1B2C3D4E5F6G7H8J9", "PKQWERTY7ASDFGH2ZXCV", "PK85___YOUR_KEY___6PVN", "AKABCD1234EFGH5678IJ",
        "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "your-alpaca-api-key", "your_secret_key_here_0000000000000000000",
        "ExampleSecretKey1234567890abcdefghijklmn", "PK****ABCD", "PK3Y...QNMM", "APCA_API_KEY_ID",
    ])
    func placeholders(_ value: String) {
        #expect(SecretHeuristics.isPlaceholder(value), "\(value) passed for a real key")
    }

    @Test("bug: real keys holding 5432, MOCK or TUV were taken for placeholders", arguments: [
        "PKQ3H8ZK5432RTVLV4BN", "AKR7M2QMOCKWX9YB4HND", "PKQ3H8TUVW6N0RTVLV4B", "q8Wd2LmZr5TnB7vXmYkEyYhJ0pFa9GsCe4NuR6tH",
    ])
    func randomLookingValuesPass(_ value: String) {
        #expect(!SecretHeuristics.isPlaceholder(value), "\(value) taken for a placeholder")
    }
}
