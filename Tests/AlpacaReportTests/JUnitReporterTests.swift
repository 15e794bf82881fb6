import AlpacaCore
import AlpacaReport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("JUnit reporter")
struct JUnitReporterTests {
    @Test("well-formed XML with failures and skipped cases")
    func xml() throws {
        let text = try Fixtures.render(.junit, Fixtures.report())
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"alpaca-lint\" tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"2\" time=\"0.035\">"))
        #expect(text.contains("<skipped message=\"suppressed: inline\"/>"))
        #expect(text.components(separatedBy: "<failure ").count == 4)
        let document = try XMLDocument(data: Data(text.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 5)
    }

    @Test("a clean run has one passing case; control characters are replaced")
    func clean() throws {
        let report = Report(toolVersion: "1", rules: [], findings: [], summary: ScanSummary())
        let text = try Fixtures.render(.junit, report)
        #expect(text.contains("<testcase classname=\"alpaca-lint\" name=\"no secrets found\"/>"))
        let finding = Finding(
            ruleId: "r", practice: 1, severity: .error, path: "a<&\u{01}>.py", line: 1, column: 1,
            endLine: 1, endColumn: 2, message: "m \"q\"", secret: "s")
        let hostile = try Fixtures.render(.junit, Report(toolVersion: "1", rules: [], findings: [finding], summary: ScanSummary()))
        #expect(!hostile.contains("\u{01}"))
        _ = try XMLDocument(data: Data(hostile.utf8))
    }
}
