import AlpacaCore
import AlpacaReport
import Testing

@Suite("JSON writer and format factory")
struct ReportSupportTests {
    @Test("string escaping")
    func escaping() {
        let value = JSONValue.string("q\" b\\ n\n t\t c\u{01} d\u{7F} é ✓ \u{2028}")
        #expect(value.serialized() == #""q\" b\\ n\n t\t c\u0001 d\u007f é ✓ \u2028""#)
    }

    @Test("layout")
    func layout() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .int(2)])), ("b", .object([])), ("c", .array([])),
            ("d", .array([.object([("x", .null)])])), ("e", .double(.nan)), ("f", .bool(true)),
        ])
        #expect(value.serialized() == """
            {
              "a": [1, 2],
              "b": {},
              "c": [],
              "d": [
                {
                  "x": null
                }
              ],
              "e": null,
              "f": true
            }
            """)
        #expect(value.serialized(pretty: false) == #"{"a":[1,2],"b":{},"c":[],"d":[{"x":null}],"e":null,"f":true}"#)
    }

    @Test("every format has a reporter and a --format name")
    func factory() throws {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "gitlab", "junit"])
        #expect(ReportFormat(rawValue: "sarif") == .sarif)
        for format in ReportFormat.allCases {
            _ = try format.makeReporter().render(Fixtures.report())
        }
    }
}
