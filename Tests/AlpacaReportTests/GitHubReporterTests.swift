import AlpacaCore
import AlpacaReport
import Testing

@Suite("GitHub Actions reporter")
struct GitHubReporterTests {
    @Test("annotations for unsuppressed findings, warnings at the end")
    func lines() throws {
        let text = try Fixtures.render(.github, Fixtures.report())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=src/bot.py,line=2,col=12,endLine=2,endColumn=32,title=Alpaca live key ID in a file [alpaca-live-key-id]::Live trading key ID written in a file [alpaca-live-key-id] (BP 1)",
            "::error file=old/settings.py,line=7,col=1,endLine=7,endColumn=41,title=Alpaca API secret key in a file [alpaca-secret-key]::API secret key written in a file [alpaca-secret-key] (BP 1) (commit 0123456)",
            "::notice file=src/bot.py,line=9,col=1,endLine=9,endColumn=40,title=Live endpoint with a paper key [alpaca-live-url-paper-key]::Live endpoint configured with a paper key [alpaca-live-url-paper-key] (BP 8)",
            "::warning file=data/locked.env,title=alpaca-lint::permission denied",
        ])
        #expect(text.hasSuffix("\n"))
    }

    @Test("escaping of messages and property values")
    func escaping() throws {
        #expect(GitHubReporter.escapeData("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
        #expect(GitHubReporter.escapeProperty("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
        var finding = Fixtures.findings[1]
        finding.suppression = nil
        finding.path = "dir,x/a:b.py"
        let report = Report(toolVersion: "1", rules: [], findings: [finding], summary: ScanSummary())
        let line = try Fixtures.render(.github, report)
        #expect(line == "::warning file=dir%2Cx/a%3Ab.py,line=3,col=5,endLine=3,endColumn=25,title=alpaca-paper-key-id [alpaca-paper-key-id]::Paper key: 100%25 hard-coded, rotate it%0Anow [alpaca-paper-key-id] (BP 1)\n")
    }

    @Test("file-level findings have no position")
    func fileLevel() throws {
        let finding = Finding(
            ruleId: "alpaca-env-tracked", practice: 1, severity: .error, path: ".env",
            line: 0, column: 0, endLine: 0, endColumn: 0, message: ".env file is committed", secret: "")
        let report = Report(toolVersion: "1", rules: [], findings: [finding], summary: ScanSummary())
        #expect(try Fixtures.render(.github, report) == "::error file=.env,title=alpaca-env-tracked [alpaca-env-tracked]::.env file is committed [alpaca-env-tracked] (BP 1)\n")
    }
}
