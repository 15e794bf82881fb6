import AlpacaCore
import Foundation

/// GitLab's secret-detection report (`gl-secret-detection-report.json`, schema 15.0.x), read by
/// `artifacts: reports: secret_detection`.
///
/// Suppressed findings are left out (the format has no suppression state), and the secret itself
/// (`raw_source_code_extract`) only appears with `--no-redact`.
public struct GitLabReporter: Reporter {
    /// The report schema version written.
    public static let schemaVersion = "15.0.7"

    /// Creates a GitLab reporter.
    public init() {}

    /// Pretty-printed report with a trailing newline.
    public func render(_ report: Report) throws -> [UInt8] {
        Array((document(report).serialized() + "\n").utf8)
    }

    /// The report as a JSON value.
    public func document(_ report: Report) -> JSONValue {
        let duration = Double(report.summary.durationMs) / 1000
        let start = report.options.startTime ?? Date(timeIntervalSinceNow: -duration)
        let end = start.addingTimeInterval(duration)
        let reported = report.findings.filter { !$0.isSuppressed }
        let tool: JSONValue = .object([
            ("id", .string(report.toolName)),
            ("name", .string(report.toolName)),
            ("url", .string(report.informationURI)),
            ("vendor", .object([("name", .string(report.toolName))])),
            ("version", .string(report.toolVersion)),
        ])
        return .object([
            ("version", .string(GitLabReporter.schemaVersion)),
            ("vulnerabilities", .array(reported.map { vulnerability($0, report: report) })),
            ("scan", .object([
                ("analyzer", tool),
                ("scanner", tool),
                ("type", .string("secret_detection")),
                ("start_time", .string(timestamp(start))),
                ("end_time", .string(timestamp(end))),
                ("status", .string(report.options.executionSuccessful ? "success" : "failure")),
            ])),
        ])
    }

    private func vulnerability(_ f: Finding, report: Report) -> JSONValue {
        let rule = report.rule(f.ruleId)
        var commit: [(String, JSONValue)] = [("sha", .string(f.commit ?? "0000000"))]
        if let date = f.commitDate { commit.append(("date", .string(date))) }
        var location: [(String, JSONValue)] = [("file", .string(f.path))]
        if f.line >= 1 {
            location.append(("start_line", .int(f.line)))
            location.append(("end_line", .int(max(f.endLine, f.line))))
        }
        location.append(("commit", .object(commit)))
        var identifier: [(String, JSONValue)] = [
            ("type", .string("alpaca_lint_rule_id")),
            ("name", .string("alpaca-lint rule \(f.ruleId)")),
            ("value", .string(f.ruleId)),
        ]
        if let uri = rule?.helpURI { identifier.append(("url", .string(uri))) }
        // Stable across runs. Unlike the fingerprint it includes the position: two copies of one
        // secret in a file are two vulnerabilities to GitLab and need distinct ids.
        let id = ReportSupport.stableUUID("\(f.fingerprint)|\(f.commit ?? "")|\(f.path)|\(f.line)|\(f.column)")
        var m: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("name", .string(rule?.title ?? f.message)),
            ("description", .string("\(f.message) (Alpaca API authentication guide, best practice \(f.practice))")),
            ("severity", .string(severity(f, rule: rule))),
        ]
        if let remediation = rule?.remediation, !remediation.isEmpty {
            m.append(("solution", .string(remediation)))
        }
        if !report.options.redact && !f.secret.isEmpty {
            m.append(("raw_source_code_extract", .string(f.secret)))
        }
        m.append(("location", .object(location)))
        m.append(("identifiers", .array([.object(identifier)])))
        return .object(m)
    }

    /// GitLab's five levels: the rule's security-severity band (CVSS ranges) when the finding kept
    /// the rule's severity; a plain mapping when configuration changed it.
    private func severity(_ f: Finding, rule: RuleMetadata?) -> String {
        if let rule, rule.severity == f.severity {
            switch rule.securitySeverity {
            case 9...: return "Critical"
            case 7..<9: return "High"
            case 4..<7: return "Medium"
            case 0.1..<4: return "Low"
            default: return "Info"
            }
        }
        switch f.severity {
        case .error: return "High"
        case .warning: return "Medium"
        case .note: return "Low"
        }
    }

    private func timestamp(_ date: Date) -> String {
        ReportSupport.utcTimestamp(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
