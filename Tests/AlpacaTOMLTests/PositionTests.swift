import AlpacaTOML
import Testing

/// Lines and columns: of every key, of every table's header, and of every error.
struct PositionTests {
    @Test func keysRecordWhereTheyWereWritten() throws {
        let table = try TOMLTable(string: """
            # header comment
            title = "x"
              owner.name = "y"

            [[rules]]
            id = "a"
            [rules.examples]
            text = "t"
            [[rules]]
            \tid = "b"
            """)
        #expect(table.position(of: "title") == TOMLPosition(line: 2, column: 1))
        #expect(table.position(of: "owner") == TOMLPosition(line: 3, column: 3))
        #expect(table["owner"]?.table?.position(of: "name") == TOMLPosition(line: 3, column: 9))
        #expect(table["owner"]?.table?.line == 3)
        #expect(table.line(of: "rules") == 5)
        #expect(table.line(of: "missing") == nil)
        let rules = try #require(table["rules"]?.array).compactMap(\.table)
        #expect(rules.map(\.line) == [5, 9])
        #expect(rules[0].line(of: "id") == 6)
        #expect(rules[0]["examples"]?.table?.line == 7)
        #expect(rules[0].line(of: "examples") == 7)
        #expect(rules[1].position(of: "id") == TOMLPosition(line: 10, column: 2))
        #expect(table.line == nil)
    }

    @Test func impliedTablesTakeTheLineOfTheHeaderThatDefinesThem() throws {
        let table = try TOMLTable(string: "[a.b]\n\n[a]\nx = 1\n[c.d]\n")
        #expect(table["a"]?.table?.line == 3)
        #expect(table.line(of: "a") == 1)
        #expect(table["c"]?.table?.line == 5)
        #expect(table["a"]?.table?["b"]?.table?.line == 1)
    }

    @Test func positionsCountCRLFAsOneLineBreakAndUnicodeScalarsAsColumns() throws {
        let table = try TOMLTable(string: "a = 1\r\nb = '😀é'\r\n\"é€\" = 2\r\n[t]\r\n  c = 3")
        #expect(table.position(of: "b") == TOMLPosition(line: 2, column: 1))
        #expect(table.position(of: "é€") == TOMLPosition(line: 3, column: 1))
        #expect(table["t"]?.table?.position(of: "c") == TOMLPosition(line: 5, column: 3))
        do {
            _ = try TOMLTable(string: "a = 1\r\nb = '😀é' x")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 10)
        }
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let table = try TOMLTable(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        #expect(table.position(of: "a") == TOMLPosition(line: 1, column: 1))
        #expect(throws: TOMLError.self) { try TOMLTable(bytes: Array("a = 1\n".utf8) + [0xEF, 0xBB, 0xBF]) }
    }

    @Test("errors point at the offending character", arguments: [
        ("a = 1\nb = ?\n", 2, 5),
        ("a = \"abc", 1, 5),
        ("a = \"ab\\qc\"", 1, 8),
        ("a = [1, 2\n", 1, 5),
        ("[t]\nx = 1 2\n", 2, 7),
        ("a = 1\nb = 007\n", 2, 5),
        ("a = 1_\n", 1, 6),
        ("a = 2021-02-30\n", 1, 13),
        ("x = 1\n\n\ny = { a = 1,\n", 4, 13),
        ("a = 'x\u{1}'", 1, 7),
        ("# fine\n# bad \u{7F}\n", 2, 7),
        ("é = 1", 1, 1),
        ("a = 1\n\n[t\n", 3, 3),
        ("a.b = 1\na.b.c = 2\n", 2, 3),
        ("[[x]]\n[x.y]\n[x.y]\n", 3, 4),
    ])
    func errorPositions(_ text: String, line: Int, column: Int) {
        do {
            _ = try TOMLTable(string: text)
            Issue.record("accepted: \(text.debugDescription)")
        } catch {
            #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
        }
    }

    @Test func invalidUTF8IsAnErrorWithAPosition() {
        let cases: [([UInt8], Int, Int)] = [
            (Array("a = \"x".utf8) + [0xFF] + Array("\"".utf8), 1, 7),
            (Array("a = 1\n# ".utf8) + [0xC0, 0x80], 2, 3),  // overlong
            (Array("a = 'é".utf8) + [0xED, 0xA0, 0x80, 0x27], 1, 7),  // surrogate
            (Array("a = \"".utf8) + [0xF4, 0x90, 0x80, 0x80, 0x22], 1, 6),  // above U+10FFFF
            (Array("a = \"".utf8) + [0xE2, 0x82], 1, 6),  // truncated
            ([0x80] + Array(" = 1".utf8), 1, 1),
        ]
        for (bytes, line, column) in cases {
            do {
                _ = try TOMLTable(bytes: bytes)
                Issue.record("accepted: \(bytes)")
            } catch {
                #expect(error.message.contains("UTF-8"), "\(bytes): \(error)")
                #expect(error.line == line && error.column == column, "\(bytes): \(error)")
            }
        }
    }

    @Test func errorMessagesNeverQuoteValues() {
        // A value could be a secret: errors name keys and positions, never value text.
        let secret = "PKQ3H8ZK2W6N0RTVLV4B"
        for text in ["key = \(secret)\n", "key = \"\(secret)\\q\"\n", "key = \(secret)_\n", "key = 1\(secret)\n", "[t]\nkey = '\(secret)' x\n"] {
            do {
                _ = try TOMLTable(string: text)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(!error.description.contains(secret), "\(error)")
                #expect(!error.description.contains(String(secret.prefix(6))), "\(error)")
            }
        }
    }
}
