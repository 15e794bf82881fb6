import AlpacaCore

/// The default format: `path:line:col: severity: message [rule-id] (BP n)`, one line per finding,
/// the shape compilers use so editors and terminals can jump to the place.
public struct TextReporter: Reporter {
    /// Creates a text reporter.
    public init() {}

    /// One line per finding; suppressed findings only with `--show-suppressed` (then with a
    /// marker; they are counted in the summary either way), history findings name their commit.
    /// With `--no-redact` the secret is appended, since text is what people read.
    public func render(_ report: Report) throws -> [UInt8] {
        var out = ""
        for finding in report.findings where report.options.showSuppressed || !finding.isSuppressed {
            out += line(for: finding, report: report)
            out += "\n"
        }
        return Array(out.utf8)
    }

    /// The line (without newline) for one finding.
    public func line(for finding: Finding, report: Report) -> String {
        let colour = report.options.colour
        var s = "\(ReportSupport.terminalSafe(finding.path)):\(finding.line):\(finding.column): "
        s += TextReporter.severityLabel(finding.severity, colour: colour)
        s += ": \(ReportSupport.terminalSafe(finding.message)) [\(finding.ruleId)] (BP \(finding.practice))"
        if let commit = finding.commit {
            s += " (commit \(ReportSupport.shortSHA(commit)))"
        }
        if let verification = finding.verification {
            s += " " + verification.textSuffix
        }
        if let kind = finding.suppression {
            let marker = "(suppressed: \(kind.rawValue))"
            s += " " + (colour ? ANSI.dim + marker + ANSI.reset : marker)
        }
        if !report.options.redact && !finding.secret.isEmpty {
            s += " (secret: \(ReportSupport.terminalSafe(finding.secret)))"
        }
        return s
    }

    /// The totals for stderr, e.g.
    /// `alpaca-lint: 2 findings, 1 suppressed in 120 files, 1.2 MB scanned, 4 skipped, 35 ms`.
    /// The first count is what the text lists (and what fails the run); suppressed findings are
    /// counted apart so that a report printing nothing never opens with "2 findings".
    public static func summaryLine(summary: ScanSummary, suppressed: Int) -> String {
        var s = "alpaca-lint: \(plural(max(0, summary.findings - suppressed), "finding"))"
        if suppressed > 0 { s += ", \(suppressed) suppressed" }
        s += " in \(plural(summary.filesScanned, "file")), \(byteCount(summary.bytesScanned)) scanned"
        s += ", \(summary.filesSkipped) skipped, \(duration(summary.durationMs))"
        return s
    }

    /// A scan warning for stderr: `alpaca-lint: warning: path: message`.
    public static func warningLine(_ warning: ScanWarning, colour: Bool = false) -> String {
        let label = colour ? ANSI.yellow + "warning" + ANSI.reset : "warning"
        return "alpaca-lint: \(label): \(ReportSupport.terminalSafe(warning.description))"
    }

    /// A skipped input for `--verbose`: `alpaca-lint: skipped: path: reason` (control characters
    /// in the name made visible, as in every other line a terminal shows).
    public static func skipLine(path: String, reason: String) -> String {
        "alpaca-lint: skipped: \(ReportSupport.terminalSafe(path)): \(ReportSupport.terminalSafe(reason))"
    }

    /// `error` / `warning` / `note`, in bold red / yellow / cyan when colour is on.
    static func severityLabel(_ severity: Severity, colour: Bool) -> String {
        guard colour else { return severity.rawValue }
        let code =
            switch severity {
            case .error: ANSI.red
            case .warning: ANSI.yellow
            case .note: ANSI.cyan
            }
        return code + severity.rawValue + ANSI.reset
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    /// Decimal units (kB = 1000 B) with one decimal, like `ls --si`; integer maths keeps it exact.
    static func byteCount(_ bytes: Int) -> String {
        guard bytes >= 1000 else { return "\(bytes) B" }
        let units = ["kB", "MB", "GB", "TB", "PB"]
        var unit = 1000
        var index = 0
        while index + 1 < units.count, bytes >= unit * 1000 - unit / 20 {
            unit *= 1000
            index += 1
        }
        let tenths = (bytes * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10) \(units[index])"
    }

    static func duration(_ ms: Int) -> String {
        guard ms >= 10_000 else { return "\(ms) ms" }
        let tenths = (ms + 50) / 100
        return "\(tenths / 10).\(tenths % 10) s"
    }
}

/// The few SGR sequences the text format uses.
enum ANSI {
    static let reset = "\u{1B}[0m"
    static let red = "\u{1B}[1;31m"
    static let yellow = "\u{1B}[1;33m"
    static let cyan = "\u{1B}[1;36m"
    static let dim = "\u{1B}[2m"
}
