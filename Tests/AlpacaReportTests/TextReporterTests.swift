import AlpacaCore
import AlpacaReport
import Testing

@Suite("Text reporter")
struct TextReporterTests {
    @Test("one line per finding in the compiler format; suppressed ones hidden by default")
    func linesHideSuppressed() throws {
        let text = try Fixtures.render(.text, Fixtures.report())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "src/bot.py:2:12: error: Live trading key ID written in a file [alpaca-live-key-id] (BP 1)",
            "old/settings.py:7:1: error: API secret key written in a file [alpaca-secret-key] (BP 1) (commit 0123456)",
            "src/bot.py:9:1: note: Live endpoint configured with a paper key [alpaca-live-url-paper-key] (BP 8)",
        ])
    }

    @Test("with --show-suppressed, suppressed findings are listed with a marker")
    func lines() throws {
        var report = Fixtures.report()
        report.options.showSuppressed = true
        let text = try Fixtures.render(.text, report)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines == [
            "src/bot.py:2:12: error: Live trading key ID written in a file [alpaca-live-key-id] (BP 1)",
            #"config/my settings/café.py:3:5: warning: Paper key: 100% hard-coded, rotate it\nnow [alpaca-paper-key-id] (BP 1) (suppressed: inline)"#,
            "old/settings.py:7:1: error: API secret key written in a file [alpaca-secret-key] (BP 1) (commit 0123456)",
            "src/bot.py:9:1: note: Live endpoint configured with a paper key [alpaca-live-url-paper-key] (BP 8)",
            "/abs/dir/x y.py:1:1: warning: Paper trading key ID written in a file [alpaca-paper-key-id] (BP 1) (suppressed: baseline)",
        ])
    }

    @Test("no escape sequences unless colour is on")
    func colour() throws {
        #expect(!(try Fixtures.render(.text, Fixtures.report())).contains("\u{1B}"))
        var colouredReport = Fixtures.report(colour: true)
        colouredReport.options.showSuppressed = true
        let coloured = try Fixtures.render(.text, colouredReport)
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;36mnote\u{1B}[0m"))
        #expect(coloured.split(separator: "\n").count == 5)
    }

    @Test("control characters in a path cannot reach the terminal")
    func hostilePath() throws {
        let finding = Finding(
            ruleId: "alpaca-live-key-id", practice: 1, severity: .error, path: "evil\u{1B}[2Jname\r.py",
            line: 1, column: 1, endLine: 1, endColumn: 2, message: "m", secret: "x")
        let report = Report(toolVersion: "1", rules: [], findings: [finding], summary: ScanSummary())
        let text = try Fixtures.render(.text, report)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\r"))
        #expect(text.hasPrefix(#"evil\u{1b}[2Jname\r.py:1:1:"#))
    }

    @Test("empty report renders nothing")
    func empty() throws {
        let report = Report(toolVersion: "1", rules: [], findings: [], summary: ScanSummary())
        #expect(try TextReporter().render(report).isEmpty)
    }

    @Test("summary line")
    func summaryLine() {
        #expect(
            TextReporter.summaryLine(summary: Fixtures.summary(), suppressed: 2)
                == "alpaca-lint: 3 findings, 2 suppressed in 120 files, 1.2 MB scanned, 4 skipped, 35 ms")
        var one = ScanSummary()
        one.filesScanned = 1
        one.findings = 1
        one.bytesScanned = 999
        #expect(
            TextReporter.summaryLine(summary: one, suppressed: 0)
                == "alpaca-lint: 1 finding in 1 file, 999 B scanned, 0 skipped, 0 ms")
        var big = ScanSummary()
        big.bytesScanned = 999_960
        big.durationMs = 12_345
        #expect(
            TextReporter.summaryLine(summary: big, suppressed: 0)
                == "alpaca-lint: 0 findings in 0 files, 1.0 MB scanned, 0 skipped, 12.3 s")
    }

    @Test("warning line")
    func warningLine() {
        #expect(
            TextReporter.warningLine(ScanWarning(path: "a.env", message: "permission denied"))
                == "alpaca-lint: warning: a.env: permission denied")
    }
}
