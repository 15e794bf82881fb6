import AlpacaCore
import AlpacaReport
import Foundation

/// A small hand-made report that exercises every branch of the reporters.
enum Fixtures {
    static let liveKey = "AKLIVEQ3ZX7W0RT9LV4B"
    static let paperKey = "PKPAPERM4N8B2V6C1X0Q"
    static let historySecret = "hs9Xk2LmQ7pR4tV8wY1zA3cE5gJ6nB0dF2hK4mP7"
    static let baselineKey = "PKBASELN5T3R8W2Y6U1I"
    static let historySHA = "0123456789abcdef0123456789abcdef01234567"
    static let awkwardPath = "config/my settings/café.py"
    static let awkwardMessage = "Paper key: 100% hard-coded, rotate it\nnow"
    static var allSecrets: [String] { [liveKey, paperKey, historySecret, baselineKey] }

    static let rules: [RuleMetadata] = [
        RuleMetadata(
            id: "alpaca-paper-key-id", practice: 1, severity: .warning, title: "Alpaca paper key ID in a file",
            description: "A paper trading key ID is written in the file.",
            remediation: "Read the key from the environment.", securitySeverity: 5.5,
            tags: ["security", "secret", "external/cwe/cwe-798"]),
        RuleMetadata(
            id: "alpaca-live-key-id", practice: 1, severity: .error, title: "Alpaca live key ID in a file",
            description: "A live trading key ID is written in the file.",
            remediation: "Move the key to a secret store and rotate it.", securitySeverity: 9,
            tags: ["security", "secret", "external/cwe/cwe-798"]),
        RuleMetadata(
            id: "alpaca-secret-key", practice: 1, relatedPractices: [2], severity: .error,
            title: "Alpaca API secret key in a file", securitySeverity: 9.5,
            tags: ["secret", "external/cwe/cwe-798"]),
        RuleMetadata(
            id: "alpaca-live-url-paper-key", practice: 8, severity: .note,
            title: "Live endpoint with a paper key"),
    ]

    static var findings: [Finding] {
        [
            Finding(
                ruleId: "alpaca-live-key-id", practice: 1, severity: .error, path: "src/bot.py",
                line: 2, column: 12, endLine: 2, endColumn: 32,
                message: "Live trading key ID written in a file", secret: liveKey),
            Finding(
                ruleId: "alpaca-paper-key-id", practice: 1, severity: .warning, path: awkwardPath,
                line: 3, column: 5, endLine: 3, endColumn: 25,
                message: awkwardMessage, secret: paperKey, suppression: .inline),
            Finding(
                ruleId: "alpaca-secret-key", practice: 1, relatedPractices: [2], severity: .error,
                path: "old/settings.py", line: 7, column: 1, endLine: 7, endColumn: 41,
                message: "API secret key written in a file", secret: historySecret,
                commit: historySHA, commitDate: "2024-05-01T12:00:00Z"),
            Finding(
                ruleId: "alpaca-live-url-paper-key", practice: 8, severity: .note, path: "src/bot.py",
                line: 9, column: 1, endLine: 9, endColumn: 40,
                message: "Live endpoint configured with a paper key", secret: "",
                related: [RelatedLocation(path: awkwardPath, line: 3, column: 5, message: "the paper key")]),
            Finding(
                ruleId: "alpaca-paper-key-id", practice: 1, severity: .warning, path: "/abs/dir/x y.py",
                line: 1, column: 1, endLine: 1, endColumn: 21,
                message: "Paper trading key ID written in a file", secret: baselineKey, suppression: .baseline),
        ]
    }

    static func summary() -> ScanSummary {
        var s = ScanSummary()
        s.filesScanned = 120
        s.bytesScanned = 1_234_567
        s.filesSkipped = 4
        s.findings = 5
        s.durationMs = 35
        return s
    }

    static func report(redact: Bool = true, colour: Bool = false, successful: Bool = true) -> Report {
        Report(
            toolVersion: "1.2.3", rules: rules, findings: findings, summary: summary(),
            warnings: [ScanWarning(path: "data/locked.env", message: "permission denied")],
            options: ReportOptions(
                redact: redact, colour: colour, executionSuccessful: successful,
                sourceRootURI: "file:///home/me/my%20repo/", startTime: Date(timeIntervalSince1970: 1_700_000_000)))
    }

    static func render(_ format: ReportFormat, _ report: Report) throws -> String {
        String(decoding: try format.makeReporter().render(report), as: UTF8.self)
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = value as? [String: Any] else { throw FixtureError.notAnObject }
        return object
    }

    enum FixtureError: Error { case notAnObject }
}
