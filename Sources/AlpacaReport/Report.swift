import AlpacaCore
import Foundation

/// Turns a finished scan into the bytes of one output format.
public protocol Reporter: Sendable {
    /// The whole report, ready to write to stdout or to a file in one go.
    func render(_ report: Report) throws -> [UInt8]
}

/// How a report is shown; everything here is decided by the command line, not by the scan.
public struct ReportOptions: Sendable {
    /// Whether secrets are masked (the default; `--no-redact` turns it off).
    public var redact: Bool
    /// Whether the text format may use ANSI colours (the CLI decides from `--color`, `NO_COLOR`, isatty).
    public var colour: Bool
    /// Whether the scan completed; false when a rule or file error stopped it (exit status 2).
    public var executionSuccessful: Bool
    /// A URI to publish as SARIF's `%SRCROOT%` (the repository root that `repoPath`s are relative
    /// to); nil describes the base in words only, so that no local path leaves the machine.
    public var sourceRootURI: String?
    /// Whether text output lists findings hidden by inline allows or the baseline.
    public var showSuppressed: Bool
    /// When the scan started; GitLab reports need start and end times. Nil: now minus the duration.
    public var startTime: Date?
    /// Masks one secret (default `Redaction.redact`); replaceable so tests can see which text a
    /// reporter passes through it.
    public var redactor: @Sendable (String) -> String

    /// Creates options; by default secrets are redacted and nothing is coloured.
    public init(
        redact: Bool = true, colour: Bool = false, executionSuccessful: Bool = true,
        sourceRootURI: String? = nil, startTime: Date? = nil, showSuppressed: Bool = false,
        redactor: @escaping @Sendable (String) -> String = Redaction.redact
    ) {
        self.redact = redact
        self.colour = colour
        self.executionSuccessful = executionSuccessful
        self.sourceRootURI = sourceRootURI
        self.showSuppressed = showSuppressed
        self.startTime = startTime
        self.redactor = redactor
    }
}

/// Everything a reporter needs: the tool, the rules of the run, the sorted findings and totals.
public struct Report: Sendable {
    /// The tool's name, `alpaca-lint`.
    public var toolName: String
    /// The tool's version string.
    public var toolVersion: String
    /// Where users learn about the tool (SARIF `informationUri`).
    public var informationURI: String
    /// Every rule of the run, each once, in a stable order (SARIF `driver.rules`).
    public var rules: [RuleMetadata]
    /// The findings, suppressed ones included, already in report order.
    public var findings: [Finding]
    /// Totals of the run.
    public var summary: ScanSummary
    /// Problems that did not stop the run.
    public var warnings: [ScanWarning]
    /// Presentation choices.
    public var options: ReportOptions

    /// Creates a report.
    public init(
        toolName: String = "alpaca-lint", toolVersion: String,
        informationURI: String = "https://github.com/alpaca-lint/alpaca-lint",
        rules: [RuleMetadata], findings: [Finding], summary: ScanSummary,
        warnings: [ScanWarning] = [], options: ReportOptions = ReportOptions()
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.findings = findings
        self.summary = summary
        self.warnings = warnings
        self.options = options
    }

    /// Findings hidden by an inline allow or the baseline.
    public var suppressedCount: Int { findings.count(where: \.isSuppressed) }

    /// The metadata of rule `id`, if it is part of the run.
    public func rule(_ id: String) -> RuleMetadata? { rules.first { $0.id == id } }

    /// The secret as this report may show it: redacted unless the user asked otherwise.
    func displayedSecret(_ finding: Finding) -> String {
        options.redact && !finding.secret.isEmpty ? options.redactor(finding.secret) : finding.secret
    }
}

/// The output formats of `--format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule-id] (BP n)`, one line per finding.
    case text
    /// The contract's JSON document (also the `--baseline` input).
    case json
    /// SARIF 2.1.0 for code-scanning services.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
    /// GitLab secret-detection report (`gl-secret-detection-report.json`).
    case gitlab
    /// JUnit XML, one test case per finding.
    case junit

    /// A reporter for this format.
    public func makeReporter() -> any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .gitlab: GitLabReporter()
        case .junit: JUnitReporter()
        }
    }
}
