import AlpacaTOML
import Testing

/// Strings, numbers, booleans and dates as TOML 1.0 defines them.
struct ValueTests {
    private func value(_ text: String) throws -> TOMLValue? { try TOMLTable(string: "v = " + text)["v"] }

    @Test func basicStringEscapes() throws {
        #expect(try value(#""\b\t\n\f\r\"\\ \u00e9 \U0001F600 \u0000""#)?.string == "\u{8}\t\n\u{C}\r\"\\ é 😀 \u{0}")
        #expect(try value("\"tab\tinside\"")?.string == "tab\tinside")
    }

    @Test("invalid escapes are rejected", arguments: [
        #""\e""#, #""\a""#, #""\x41""#, #""\ ""#, #""\u12""#, #""\u12G4""#, #""\uD800""#, #""\uDFFF""#, #""\U00110000""#,
        #""\U0001F60""#, #""\""#, "\"\"\"a\\ b\"\"\"",
    ])
    func invalidEscapes(_ text: String) {
        #expect(throws: TOMLError.self) { try value(text) }
    }

    @Test func literalStringsAreRaw() throws {
        #expect(try value(#"'C:\Users\n'"#)?.string == #"C:\Users\n"#)
        #expect(try value("'''\nfirst\n\\second'''")?.string == "first\n\\second")
        #expect(try value("'''a''b'''")?.string == "a''b")
    }

    @Test func multilineBasicStrings() throws {
        // The newline right after the opening quotes is dropped; CRLF becomes LF.
        #expect(try value("\"\"\"\nline one\r\nline two\"\"\"")?.string == "line one\nline two")
        // A backslash at the end of a line trims the break and the whitespace after it.
        #expect(try value("\"\"\"\nThe quick \\\n\n   brown \\   \n  fox.\"\"\"")?.string == "The quick brown fox.")
        // One or two quotes are content, also right before the closing three.
        #expect(try value("\"\"\"a \"quoted\" \"\"word\"\" \"\"\"\"\"")?.string == "a \"quoted\" \"\"word\"\" \"\"")
        #expect(try value(String(repeating: "\"", count: 8))?.string == "\"\"")
        #expect(throws: TOMLError.self) { try value("\"\"\"a" + String(repeating: "\"", count: 6)) }
        #expect(throws: TOMLError.self) { try value("\"\"\"a\\ b\"\"\"") }
    }

    @Test func integers() throws {
        #expect(try value("+99")?.int == 99)
        #expect(try value("-17")?.int == -17)
        #expect(try value("-0")?.int == 0)
        #expect(try value("1_000_000")?.int == 1_000_000)
        #expect(try value("0xDEAD_beef")?.int == 0xDEAD_BEEF)
        #expect(try value("0o755")?.int == 0o755)
        #expect(try value("0b1101_0110")?.int == 0b1101_0110)
        #expect(try value("9223372036854775807") == .integer(.max))
        #expect(try value("-9223372036854775808") == .integer(.min))
        #expect(try value("0x7FFFFFFFFFFFFFFF") == .integer(.max))
    }

    @Test func floats() throws {
        #expect(try value("+1.0")?.double == 1.0)
        #expect(try value("3.1415")?.double == 3.1415)
        #expect(try value("-0.01")?.double == -0.01)
        #expect(try value("5e+22")?.double == 5e22)
        #expect(try value("1e06")?.double == 1e6)
        #expect(try value("-2E-2")?.double == -0.02)
        #expect(try value("6.626e-34")?.double == 6.626e-34)
        #expect(try value("224_617.445_991_228")?.double == 224_617.445_991_228)
        #expect(try value("-0.0")?.double?.sign == .minus)
        #expect(try value("inf")?.double == .infinity)
        #expect(try value("-inf")?.double == -.infinity)
        #expect(try value("nan")?.double?.isNaN == true)
        #expect(try value("-nan")?.double?.isNaN == true)
        // Beyond binary64: infinity and zero, as Python's float() does.
        #expect(try value("1e400")?.double == .infinity)
        #expect(try value("1e-400")?.double == 0)
        // An integer is not a float and the other way round.
        #expect(try value("1")?.double == nil)
        #expect(try value("1.0")?.int == nil)
    }

    @Test func booleansAndMixedArrays() throws {
        #expect(try value("true")?.bool == true)
        #expect(try value("false")?.bool == false)
        let mixed = try #require(try value("[1, 'a', 2.5, true, 1979-05-27, [], {}, # comment\n]")?.array)
        #expect(mixed.count == 7)
        #expect(mixed[1].string == "a")
        #expect(try value("[\n  1,\n  2, # two\n\n]")?.array?.count == 2)
        #expect(throws: TOMLError.self) { try value("[1,,2]") }
        #expect(throws: TOMLError.self) { try value("[,]") }
        #expect(throws: TOMLError.self) { try value("[1 2]") }
    }

    @Test("valid dates and times", arguments: [
        "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999+05:30", "1979-05-27 07:32:00",
        "1979-05-27t07:32:00z", "1979-05-27", "07:32:00", "00:32:00.999999", "2000-02-29", "2024-02-29", "0000-01-01",
        "9999-12-31T23:59:59.999999999-23:59",
    ])
    func validDates(_ text: String) throws {
        #expect(try value(text) != nil)
    }

    @Test("invalid dates and times", arguments: [
        "1979-05-27T07:32", "1979-05-27T07:32:00.", "1979-05-27T", "1979-05-27T24:00:00", "1979-05-27T23:60:00",
        "1979-05-27T23:59:60", "1979-13-01", "1979-00-01", "1979-01-00", "1979-01-32", "2021-04-31", "1900-02-29",
        "2001-02-29", "1979-5-27", "79-05-27", "07:32", "7:32:00", "07:32:00Z", "07:32:00+01:00", "1979-05-27T07:32:00+24:00",
        "1979-05-27T07:32:00+05:60", "1979-05-27T07:32:00+0530", "1979-05-27T07:32:00Zx", "1979-05-27x", "1979-05-27 07",
        "1979-05-27 07:32:00 Z", "1979-05-27T07:32:00.5.5",
    ])
    func invalidDates(_ text: String) {
        #expect(throws: TOMLError.self) { try value(text) }
    }

    @Test func dateTimeDescriptionsAreRFC3339() throws {
        #expect(try value("1979-05-27T00:32:00.5-07:00").map(describe) == "1979-05-27T00:32:00.5-07:00")
        #expect(try value("1979-05-27 07:32:00Z").map(describe) == "1979-05-27T07:32:00Z")
        #expect(try value("0001-01-01T00:00:00").map(describe) == "0001-01-01T00:00:00")
        #expect(try value("07:32:00.000001").map(describe) == "07:32:00.000001")
    }

    private func describe(_ value: TOMLValue) -> String {
        switch value {
        case .offsetDateTime(let v): v.description
        case .localDateTime(let v): v.description
        case .localDate(let v): v.description
        case .localTime(let v): v.description
        default: "not a date"
        }
    }
}
