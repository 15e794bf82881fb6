import AlpacaTOML
import Testing

/// TOML 1.0's rules for defining tables: headers, arrays of tables, dotted keys, inline tables.
struct TableRuleTests {
    @Test("valid table definitions", arguments: [
        // A table implied by a deeper header may be defined later, once.
        "[a.b.c]\n[a]\nx = 1",
        "[a.b]\n[a.c]\n[a]",
        // Dotted keys define sub-tables; headers may add sub-tables below them.
        "a.b.c = 1\n[a.d]",
        "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
        // Dotted keys may extend their own tables within one section, and implied tables.
        "a.b = 1\na.c = 2",
        "[a.b.c]\n[a]\nb.d = 1",
        // Arrays of tables and sub-tables of their last element.
        "[[a]]\n[a.b]\n[[a]]\n[a.b]",
        "[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]",
        "[[a.b]]\n[a]",
        "[[a]]\nb.c = 1\n[[a]]\nb.c = 2",
        // Inline tables with dotted keys.
        "t = { a.b = 1, a.c = 2 }",
        "t = {}\nu = { }",
        // Whitespace around dots and inside brackets; quoted and empty keys.
        "[ a . b ]\n[[ c . d ]]\n' e ' . \"\" = 1",
        "\"\" = 1\n' ' . x = 2",
    ])
    func valid(_ text: String) throws {
        _ = try TOMLTable(string: text)
    }

    @Test("invalid table definitions", arguments: [
        "[a]\n[a]", "[a.b]\n[a.b]", "[a]\nb = 1\n[a.b]",
        // Dotted keys may not redefine tables headers defined, nor extend tables from another section.
        "[a.b]\n[a]\nb.c = 1", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1", "a.b = 1\n[a.b]", "a.b.c = 1\n[a.b]",
        "[x]\na.b = 1\n[x.a]", "[[a]]\n[a]", "[a]\n[[a]]", "[a.b]\n[[a]]",
        "a = 1\n[a]", "a = 1\n[a.b]", "a = 1\na.b = 2", "a.b = 1\na = 2", "a = {}\n[a]", "a = {}\n[a.b]",
        "a = {}\na.b = 1", "a = [1]\n[[a]]", "a = []\n[[a]]", "a = [{}]\n[a.b]", "[[t.arr]]\n[t]\narr.k = 1",
        "[[t.arr]]\n[t]\narr = 1",
        // Inline tables are complete: no additions, duplicates, trailing commas or newlines.
        "t = { a = 1, a = 2 }", "t = { a = {b = 1}, a.c = 2 }", "t = { a.b = 1, a = 2 }", "t = { a = 1, }",
        "t = { a = 1\n}", "t = {\na = 1 }", "t = { , }", "t = { a = 1 b = 2 }",
        // Header syntax.
        "[]", "[[]]", "[a", "[[a]", "[[a] ]", "[ [a]]", "[a]]", "[a.]", "[.a]", "[a..b]", "[a] x", "[[a]] [[b]]",
        "[\"\"\"a\"\"\"]", "[a]\n[b]\n[a]",
    ])
    func invalid(_ text: String) {
        #expect(throws: TOMLError.self) { try TOMLTable(string: text) }
    }

    @Test func arrayOfTablesElementsAreSeparateTables() throws {
        let table = try TOMLTable(string: "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.sub]\ny = 3\n")
        let elements = try #require(table["a"]?.array).compactMap(\.table)
        #expect(elements.count == 2)
        #expect(elements[0]["sub"] == nil)
        #expect(elements[1]["sub"]?.table?["y"]?.int == 3)
    }

    @Test func inlineTablesWithDottedKeysBuildSubTables() throws {
        let table = try TOMLTable(string: "t = { a.b = 1, a.c = { d = 2 }, e = [1, { f = 3 }] }")
        let inline = try #require(table["t"]?.table)
        #expect(inline.keys == ["a", "e"])
        #expect(inline["a"]?.table?.keys == ["b", "c"])
        #expect(inline["a"]?.table?["c"]?.table?["d"]?.int == 2)
        #expect(inline["e"]?.array?[1].table?["f"]?.int == 3)
        #expect(inline.line == nil)
    }
}
