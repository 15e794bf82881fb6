import AlpacaTOML
import Testing

/// Whole documents and the table API (moved from AlpacaCore's TOMLTests and extended).
struct DocumentTests {
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

    @Test func keysKeepDocumentOrder() throws {
        let table = try TOMLTable(string: "b = 1\na = 2\n[severity]\n\"alpaca-paper-key-id\" = \"warning\"\n[z]\n[c]\n")
        #expect(table.keys == ["b", "a", "severity", "z", "c"])
        #expect(table.count == 5)
        #expect(table["severity"]?.table?["alpaca-paper-key-id"]?.string == "warning")
        let many = try TOMLTable(string: (0..<50).map { "k\(49 - $0) = \($0)" }.joined(separator: "\n"))
        #expect(many.keys.first == "k49")
        #expect(many["k0"]?.int == 49)
        #expect(many["k50"] == nil)
    }

    @Test func equalityIgnoresOrderAndPositions() throws {
        let one = try TOMLTable(string: "a = 1\nb = [1, 'x']\n[t]\nc = 1979-05-27")
        let two = try TOMLTable(string: "t.c = 1979-05-27\n\n\nb = [ 1, \"x\" ]\na = 0x1")
        let three = try TOMLTable(string: "a = 1\nb = [1, 'y']\n[t]\nc = 1979-05-27")
        #expect(one == two)
        #expect(one != three)
        #expect(TOMLTable() == (try TOMLTable(string: "# nothing\n")))
        #expect(TOMLTable().isEmpty)
    }

    @Test func emptyAndBlankDocuments() throws {
        for text in ["", "\n", "\r\n", "   \t\n# c\n\n", "\u{FEFF}"] {
            #expect(try TOMLTable(string: text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func accessorsMatchTheirCase() {
        #expect(TOMLValue.integer(5).int == 5)
        #expect(TOMLValue.integer(5).double == nil)
        #expect(TOMLValue.float(2.5).double == 2.5)
        #expect(TOMLValue.string("s").string == "s")
        #expect(TOMLValue.boolean(true).bool == true)
        #expect(TOMLValue.array([.integer(1)]).array == [.integer(1)])
        #expect(TOMLValue.table(TOMLTable()).table == TOMLTable())
        #expect(TOMLValue.string("s").int == nil)
    }

    @Test("malformed documents are errors, never a crash", arguments: [
        "[\n", "[[\n", "[[[a]]]\n", "g=[}\n", "a = \"unterminated", "a = '''open", "a = \"\"\"open", "a = 1 2", "a = 1\na = 2",
        "[t]\n[t]", "= 1", "a = [1, 2", "a = {x = 1", "a = \"\\q\"", "a = \"\\u12\"", "\u{0}", "a.b = 1\na = 2", "a", "a =",
        "a = ", "a.", "a . = 1", "\"a\"b = 1", "a = 1,", "a = []]", "a = tru", "a = falsey", "a = 1\n\u{3}",
    ])
    func malformed(_ text: String) {
        #expect(throws: TOMLError.self) { try TOMLTable(string: text) }
    }
}
