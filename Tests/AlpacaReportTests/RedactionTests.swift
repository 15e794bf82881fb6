import AlpacaCore
import AlpacaReport
import Testing

@Suite("Redaction across formats")
struct RedactionTests {
    @Test("no secret text in any format when redacting", arguments: ReportFormat.allCases)
    func redacted(format: ReportFormat) throws {
        let text = try Fixtures.render(format, Fixtures.report(redact: true))
        for secret in Fixtures.allSecrets {
            #expect(!text.contains(secret), "\(format) leaks \(secret)")
            // Not even the 8-character middle of a secret (what a sloppy mask would leave).
            let scalars = Array(secret.unicodeScalars)
            let middle = String(String.UnicodeScalarView(scalars[6..<14]))
            #expect(!text.contains(middle), "\(format) leaks part of \(secret)")
        }
    }

    @Test("SARIF holds no secret at all, not even the redacted form")
    func sarifHasNoRedactedForm() throws {
        let text = try Fixtures.render(.sarif, Fixtures.report(redact: true))
        for secret in Fixtures.allSecrets {
            #expect(!text.contains(Redaction.redact(secret)))
            #expect(!text.contains(String(secret.prefix(4))))
        }
    }

    @Test("JSON shows the form produced by the injected redactor")
    func injectedRedactor() throws {
        var report = Fixtures.report()
        report.options.redactor = { _ in "<hidden>" }
        let findings = try Fixtures.jsonObject(try Fixtures.render(.json, report))["findings"] as? [[String: Any]]
        #expect(findings?.first?["secret"] as? String == "<hidden>")
        #expect(findings?[3]["secret"] as? String == "", "a finding without a secret stays empty")
    }

    @Test("the full secret appears with --no-redact", arguments: ReportFormat.allCases)
    func unredacted(format: ReportFormat) throws {
        var report = Fixtures.report(redact: false)
        report.options.showSuppressed = true
        let text = try Fixtures.render(format, report)
        // Every format shows the unsuppressed ones; GitHub, GitLab and JUnit leave suppressed out.
        var expected = [Fixtures.liveKey, Fixtures.historySecret]
        if [.text, .json, .sarif].contains(format) { expected += [Fixtures.paperKey, Fixtures.baselineKey] }
        for secret in expected {
            #expect(text.contains(secret), "\(format) lacks \(secret)")
        }
    }
}
