@testable import AlpacaCore
import Testing

/// alpaca-lint's own TOML parser: the subset rule and config files use, and clean errors (never
/// a crash) for everything else.
struct TOMLTests {
    @Test func rulesDocumentShape() throws {
        let table = try TOMLTable(string: """
            # comment
            [[rules]]
            id = "a-b"   # trailing comment
            practice = 1
            tags = ["x", 'y',
              "z",  # comment inside an array
            ]
            regex = '''a\\d"'b'''
              [[rules.requires]]
              rule = "other"
              withinLines = -1
            [[rules]]
            id = "c"
            ratio = 1.5
            on = true
            inline = { a = 1, b = "two" }
            text = \"\"\"
            line one
            line "two"\"\"\"
            dotted.key = "v"
            """)
        let rules = try #require(table["rules"]?.array)
        #expect(rules.count == 2)
        let first = try #require(rules[0].table)
        #expect(first["id"]?.string == "a-b")
        #expect(first["practice"]?.int == 1)
        #expect(first["tags"]?.array?.compactMap(\.string) == ["x", "y", "z"])
        #expect(first["regex"]?.string == #"a\d"'b"#)
        #expect(first["requires"]?.array?.first?.table?["withinLines"]?.int == -1)
        let second = try #require(rules[1].table)
        #expect(second["ratio"]?.double == 1.5)
        #expect(second["on"]?.bool == true)
        #expect(second["inline"]?.table?["b"]?.string == "two")
        #expect(second["text"]?.string == "line one\nline \"two\"")
        #expect(second["dotted"]?.table?["key"]?.string == "v")
    }

    @Test func escapesAndUnicode() throws {
        let table = try TOMLTable(string: #"s = "tab\tquote\"uni\u00e9\U0001F600""#)
        #expect(table["s"]?.string == "tab\tquote\"unié😀")
    }

    @Test func tablesAndKeysKeepOrder() throws {
        let table = try TOMLTable(string: "b = 1\na = 2\n[severity]\n\"alpaca-paper-key-id\" = \"warning\"\n")
        #expect(table.keys == ["b", "a", "severity"])
        #expect(table["severity"]?.table?["alpaca-paper-key-id"]?.string == "warning")
    }

    @Test("malformed documents are errors with a position, never a crash", arguments: [
        "[\n", "[[\n", "[[[a]]]\n", "g=[}\n", "a = \"unterminated", "a = '''open", "a = 1 2", "a = 1\na = 2",
        "[t]\n[t]", "a = 1979-05-27", "= 1", "a = [1, 2", "a = {x = 1", "a = \"\\q\"", "a = \"\\u12\"",
        String(repeating: "[", count: 500), "a = " + String(repeating: "[", count: 500), "\u{0}", "a.b = 1\na = 2",
    ])
    func malformed(_ text: String) {
        #expect(throws: TOMLError.self) { try TOMLTable(string: text) }
    }

    @Test func errorPositionIsOneBased() {
        do {
            _ = try TOMLTable(string: "a = 1\nb = ?\n")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2)
        }
    }
}
