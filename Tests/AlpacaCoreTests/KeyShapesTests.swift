@testable import AlpacaCore
import AlpacaTOML
import PCRE2Kit
import TestSupport
import Testing

/// The one table of credential shapes and what is generated from it.
struct KeyShapesTests {
    static let builtIn = KeyShapes.builtIn

    @Test func keyIDsOfEveryFormatAndPrefix() {
        #expect(Self.builtIn.isKeyID("PKQ3H8ZK2W6N0RTVLV4B"))
        #expect(Self.builtIn.isKeyID("AK7TQ2MVXRZ4B6HKDW3NLC5JGA"))
        #expect(Self.builtIn.isKeyID("CKQ3H8ZK2W6N0RTVLV4"), "19 characters: a named length")
        #expect(!Self.builtIn.isKeyID("CKQ3H8ZK2W6N0RTVLV4", allowNamedLengths: false))
        #expect(!Self.builtIn.isKeyID("pk_live_Q3H8ZK2W6N0RTVLV4B"), "prefixes are case-sensitive")
        #expect(!Self.builtIn.isKeyID("PAQ3H8ZK2W6N0RTVLV4B"), "PA… is an account number")
        #expect(Self.builtIn.environment(ofKeyID: "AK7TQ2MVXRZ4B6HKDW3NLC5JGA") == "live")
    }

    @Test func secretsOfEveryFormat() {
        #expect(Self.builtIn.isSecret("q8Wd2LmZr5TnB7vXk3YhJ0pFa9GsCe4NuR6tHiQo"))
        #expect(Self.builtIn.isSecret("7RfQ2mWzX9kLpT4vBn8YhJ3cGdS6aEuK1oNiVtZrMx5q"))
        #expect(!Self.builtIn.isSecret("q8Wd2LmZr5TnB7vXk3YhJ0pFa9GsCe4NuR6tHiQ"), "39 characters")
        #expect(!Self.builtIn.isSecret("0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OI"), "not base58, and 43 long")
    }

    @Test("the base64 of KEYID: starts with what basicPrefix says, for every prefix")
    func basicPrefix() throws {
        let pattern = try PCRE2Pattern("^" + (Self.builtIn.fragments["basicPrefix"] ?? "x"))
        let scratch = PCRE2MatchScratch()
        for id in ["PKQ3H8ZK2W6N0RTVLV4B", "AK2Q3H8ZK2W6N0RTVLV4", "CKW4N8R2QZ7XH1MT5KDB"] {
            let encoded = Array((id + ":secret").utf8).base64
            #expect(try pattern.matches(Array(encoded.utf8), using: scratch), "\(encoded)")
        }
    }

    @Test("prefixes of one environment share its fragment")
    func sharedEnvironment() throws {
        let text = """
            [shapes]
              [[shapes.keyIds]]
              prefix = "PK"
              environment = "paper"
              [[shapes.keyIds]]
              prefix = "PS"
              environment = "paper"
              [[shapes.keyIdFormats]]
              name = "legacy"
              length = 20
              alphabet = "A-Z0-9"
              [shapes.keyIdNamed]
              minLength = 19
              maxLength = 32
              alphabet = "A-Z0-9"
              [[shapes.secretFormats]]
              name = "legacy"
              minLength = 40
              maxLength = 40
              alphabet = "A-Za-z0-9"
            """
        let shapes = try KeyShapes(table: TOMLTable(string: text), file: "test.toml")
        let paper = try PCRE2Pattern("^" + (shapes.fragments["keyId.paper"] ?? "x") + "$")
        let scratch = PCRE2MatchScratch()
        #expect(try paper.matches(Array("PKQ3H8ZK2W6N0RTVLV4B".utf8), using: scratch))
        #expect(try paper.matches(Array("PSQ3H8ZK2W6N0RTVLV4B".utf8), using: scratch))
    }

    @Test("a bad alphabet or prefix is a load error")
    func badShapes() {
        #expect(throws: RuleLoadError.self) { try KeyShapes(table: TOMLTable(string: "[shapes]\n[[shapes.keyIds]]\nprefix = \"pk\"\nenvironment = \"paper\"\n"), file: "t.toml") }
        #expect(CharacterSet8("A-Z]") == nil)
        #expect(CharacterSet8("Z-A") == nil)
    }
}

extension Array where Element == UInt8 {
    /// Standard base64, for building Basic credentials in tests.
    var base64: String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < count {
            let chunk = Array(self[index..<Swift.min(index + 3, count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            out.append(table[Int(value >> 18 & 63)])
            out.append(table[Int(value >> 12 & 63)])
            out.append(chunk.count > 1 ? table[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? table[Int(value & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `alpacaMention` is `alpacaName` rewritten for speed; the file-wide checks rely on both finding
/// the same files.
struct AlpacaMentionTests {
    @Test("alpacaMention occurs in a text exactly when alpacaName does")
    func alpacaMentionAgreesWithAlpacaName() throws {
        let probe = """
            [[rules]]
            id = "probe-name"
            practice = 1
            severity = "note"
            title = "probe"
            regex = '''{{alpacaName}}'''
            [[rules]]
            id = "probe-mention"
            practice = 1
            severity = "note"
            title = "probe"
            regex = '''{{alpacaMention}}'''
            """
        let ruleSet = try RuleSet.load(userFiles: [("probe.toml", probe)])
        let name = try #require(ruleSet.rules.first { $0.id == "probe-name" }?.detectors.first?.pattern)
        let mention = try #require(ruleSet.rules.first { $0.id == "probe-mention" }?.detectors.first?.pattern)
        let scratch = PCRE2MatchScratch()
        let texts = [
            "import alpaca_trade_api", "APCA_API_KEY_ID", "ALPACA", "Alpaca.Markets", "apca", "xapcax", "AlPaCa",
            "alpac", "apc", "paca", "pca", "a pca", "al paca", "alpa ca", "", "no vendor named here", "ALPAC A", "APCa",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(try name.matches(bytes, using: scratch) == mention.matches(bytes, using: scratch), "\(text)")
        }
        // Seeded strings over the letters of both names, where the two patterns could part ways.
        var random = SplitMix64(state: 2026)
        let letters = Array("aAlLpPcC _".utf8)
        for _ in 0..<5_000 {
            let bytes = (0..<random.below(13)).map { _ in random.pick(letters) }
            #expect(try name.matches(bytes, using: scratch) == mention.matches(bytes, using: scratch), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}

/// `firstOffset` (memmem underneath) at the edges of the buffer.
struct FirstOffsetTests {
    @Test func findsFirstOccurrenceFromAnOffset() {
        let haystack = Array("lpaca alpaca lpaca".utf8)
        haystack.withUnsafeBytes { buffer in
            #expect(firstOffset(of: Array("lpaca".utf8), in: buffer) == 0)
            #expect(firstOffset(of: Array("lpaca".utf8), in: buffer, from: 1) == 7)
            #expect(firstOffset(of: Array("lpaca".utf8), in: buffer, from: 8) == 13, "a needle that ends the buffer")
            #expect(firstOffset(of: Array("lpaca".utf8), in: buffer, from: 14) == nil)
            #expect(firstOffset(of: Array("lpaca".utf8), in: buffer, from: 99) == nil, "past the end")
            #expect(firstOffset(of: Array("LPACA".utf8), in: buffer) == nil, "byte for byte")
            #expect(firstOffset(of: [], in: buffer, from: 3) == 3)
        }
        let overlapping = Array("aaab".utf8)
        overlapping.withUnsafeBytes { buffer in
            #expect(firstOffset(of: Array("aab".utf8), in: buffer) == 1)
        }
    }
}
