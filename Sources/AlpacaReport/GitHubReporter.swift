import AlpacaCore

/// GitHub Actions workflow commands: each unsuppressed finding becomes an annotation on the file.
///
/// Suppressed findings are left out: an annotation cannot be marked as dismissed.
public struct GitHubReporter: Reporter {
    /// Creates a GitHub Actions reporter.
    public init() {}

    /// One `::error|warning|notice ...::message` line per unsuppressed finding, then one
    /// `::warning` per scan warning.
    public func render(_ report: Report) throws -> [UInt8] {
        var out = ""
        for f in report.findings where !f.isSuppressed {
            out += annotation(for: f, report: report) + "\n"
        }
        for w in report.warnings {
            var props: [(String, String)] = []
            if let path = w.path { props.append(("file", path)) }
            props.append(("title", report.toolName))
            out += GitHubReporter.command("warning", properties: props, message: w.message) + "\n"
        }
        return Array(out.utf8)
    }

    /// The workflow command for one finding.
    public func annotation(for f: Finding, report: Report) -> String {
        var props: [(String, String)] = [("file", f.path)]
        // File-level findings (line 0) annotate the whole file.
        if f.line >= 1 {
            props.append(("line", String(f.line)))
            if f.column >= 1 { props.append(("col", String(f.column))) }
            if f.endLine >= f.line { props.append(("endLine", String(f.endLine))) }
            if f.column >= 1 && f.endColumn >= 1 { props.append(("endColumn", String(f.endColumn))) }
        }
        let title = report.rule(f.ruleId)?.title ?? f.ruleId
        props.append(("title", "\(title) [\(f.ruleId)]"))
        var message = "\(f.message) [\(f.ruleId)] (BP \(f.practice))"
        if let commit = f.commit { message += " (commit \(ReportSupport.shortSHA(commit)))" }
        if !report.options.redact && !f.secret.isEmpty { message += " (secret: \(f.secret))" }
        return GitHubReporter.command(GitHubReporter.level(f.severity), properties: props, message: message)
    }

    /// `::name k=v,k=v::message` with both parts escaped.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let props = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(props.isEmpty ? "" : " " + props)::\(escapeData(message))"
    }

    /// The annotation level GitHub knows for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// Escapes a message: `%` first so the other escapes are not double-encoded.
    public static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a property value: as a message, plus `:` and `,` which end a value.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    /// Replaces every occurrence of a single character, scalar by scalar (so "\r\n" is two).
    fileprivate func replacingAll(_ target: Unicode.Scalar, _ replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
