import AlpacaTOML
import Testing

/// One test per problem found in the parser AlpacaTOML replaced (AlpacaCore's Support/TOML.swift).
struct RegressionTests {
    /// A 480 KB `.alpaca-lint.toml` of `[[a]]` headers took the old parser 22 s (every append
    /// copied the array). The answer itself is what is checked here; scripts/bench/toml.sh times it.
    @Test func quadraticArrayOfTablesFileIsAnswered() throws {
        let table = try TOMLTable(string: String(repeating: "[[a]]\n", count: 80_000))
        let elements = try #require(table["a"]?.array)
        #expect(elements.count == 80_000)
        #expect(elements.last?.table?.line == 80_000)
    }

    @Test func subTableOfLastArrayElementIsAccepted() throws {
        let table = try TOMLTable(string: """
            [[rules]]
            id = "first"
            [rules.x]
            n = 1
            [[rules]]
            id = "second"
            [rules.x]
            n = 2
            """)
        let rules = try #require(table["rules"]?.array)
        #expect(rules.map { $0.table?["x"]?.table?["n"]?.int } == [1, 2])
        #expect(rules.map { $0.table?["id"]?.string } == ["first", "second"])
    }

    @Test func quotedKeyContainingDotsIsOneKey() throws {
        let table = try TOMLTable(string: "[\"a.b\"]\nx = 1\n[a.b]\ny = 2\n['c.d'.e]\nz = 3\n")
        #expect(table.keys == ["a.b", "a", "c.d"])
        #expect(table["a.b"]?.table?["x"]?.int == 1)
        #expect(table["a"]?.table?["b"]?.table?["y"]?.int == 2)
        #expect(table["c.d"]?.table?["e"]?.table?["z"]?.int == 3)
        #expect(try TOMLTable(string: "\"a.b\" = 1\na.b = 2\n")["a.b"]?.int == 1)
    }

    @Test("invalid numbers are rejected", arguments: [
        "007", "00", "-01", "1__0", "_1", "1_", "1.", ".1", "1.e5", "1e", "1e_5", "1._1", "1.1_", "0x_1", "0x1_", "+0x1",
        "-0x1", "0X1", "0x", "0b2", "0o8", "1e5.5", "1.2.3", "--1", "+-1", "9223372036854775808", "-9223372036854775809",
        "0x8000000000000000", "Inf", "infinity", "NaN", "0_0",
    ])
    func invalidNumbersAreRejected(_ token: String) {
        #expect(throws: TOMLError.self) { try TOMLTable(string: "a = \(token)\n") }
    }

    @Test("raw control characters are rejected", arguments: [
        "a = \"x\u{0}y\"", "a = \"x\u{1F}y\"", "a = \"x\u{7F}y\"", "a = 'x\u{1}y'", "a = \"\"\"x\u{8}y\"\"\"",
        "a = '''x\u{7F}y'''", "a = 1 # x\u{0}y", "# \u{7F}", "# \u{1B}[31m", "a = \"x\ry\"", "a = 1\r", "a = '''x\ry'''",
        "# x\ry",
    ])
    func rawControlCharactersAreRejected(_ text: String) {
        #expect(throws: TOMLError.self) { try TOMLTable(string: text) }
    }

    @Test func duplicateKeyErrorPointsAtTheDuplicate() {
        let cases: [(String, line: Int, column: Int)] = [
            ("a = 1\nb = 2\na = 3\n", 3, 1),
            ("a = 1\n\n  # comment\n   a = 3\n", 4, 4),
            ("x.y = 1\nx.y = 2\n", 2, 3),
            ("[t]\nk = 1\n[t]\n", 3, 2),
            ("[[t]]\n[t]\n", 2, 2),
            ("\"é\" = 1\n\"é\" = 2", 2, 1),
            ("k = 1\nt = { \"é€😀\" = 1, \"é€😀\" = 2 }\n", 2, 18),
            ("k = '''\nline\nline'''\nk = 2\n", 4, 1),
        ]
        for (text, line, column) in cases {
            do {
                _ = try TOMLTable(string: text)
                Issue.record("accepted: \(text.debugDescription)")
            } catch {
                #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
            }
        }
    }

    @Test func datesAndTimesAreValues() throws {
        let table = try TOMLTable(string: """
            odt = 1979-05-27T07:32:00.999999-07:00
            zulu = 1979-05-27 07:32:00z
            ldt = 1979-05-27t07:32:00
            ld = 2000-02-29
            lt = 23:59:59.123456789123
            """)
        let odt = TOMLOffsetDateTime(
            date: TOMLLocalDate(year: 1979, month: 5, day: 27), time: TOMLLocalTime(hour: 7, minute: 32, second: 0, nanosecond: 999_999_000),
            offsetMinutes: -420)
        #expect(table["odt"] == .offsetDateTime(odt))
        #expect(odt.description == "1979-05-27T07:32:00.999999-07:00")
        #expect(table["zulu"] == .offsetDateTime(TOMLOffsetDateTime(
            date: TOMLLocalDate(year: 1979, month: 5, day: 27), time: TOMLLocalTime(hour: 7, minute: 32, second: 0), offsetMinutes: 0)))
        #expect(table["ldt"] == .localDateTime(TOMLLocalDateTime(
            date: TOMLLocalDate(year: 1979, month: 5, day: 27), time: TOMLLocalTime(hour: 7, minute: 32, second: 0))))
        #expect(table["ld"] == .localDate(TOMLLocalDate(year: 2000, month: 2, day: 29)))
        #expect(table["lt"] == .localTime(TOMLLocalTime(hour: 23, minute: 59, second: 59, nanosecond: 123_456_789)))
    }
}
