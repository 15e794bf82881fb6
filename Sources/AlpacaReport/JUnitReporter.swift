import AlpacaCore

/// JUnit XML for CI systems that only display test reports: one test case per finding, failed
/// when reported, skipped when suppressed; a single passing case when nothing was found so the
/// CI still shows that the scan ran.
public struct JUnitReporter: Reporter {
    /// Creates a JUnit reporter.
    public init() {}

    /// The XML document with a trailing newline.
    public func render(_ report: Report) throws -> [UInt8] {
        let failures = report.findings.count(where: { !$0.isSuppressed })
        let skipped = report.findings.count - failures
        let tests = max(report.findings.count, 1)
        let errors = report.options.executionSuccessful ? 0 : 1
        let seconds = secondsString(max(report.summary.durationMs, 0))
        let name = attr(report.toolName)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts =
            "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" "
            + "time=\"\(seconds)\""
        out += "<testsuites name=\"\(name)\" \(counts)>\n"
        out += "  <testsuite name=\"\(name)\" \(counts)>\n"
        if report.findings.isEmpty {
            out += "    <testcase classname=\"\(name)\" name=\"no secrets found\"/>\n"
        }
        for f in report.findings {
            let caseName = attr("\(f.ruleId) at \(f.path):\(f.line):\(f.column)")
            let path = attr(f.path)
            out += "    <testcase classname=\"\(path)\" name=\"\(caseName)\" file=\"\(path)\" line=\"\(f.line)\">\n"
            if let kind = f.suppression {
                out += "      <skipped message=\"\(attr("suppressed: \(kind.rawValue)"))\"/>\n"
            } else {
                var body = "\(f.path):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message)"
                body += " [\(f.ruleId)] (BP \(f.practice))"
                if let commit = f.commit { body += "\ncommit: \(commit)" }
                if !report.options.redact && !f.secret.isEmpty { body += "\nsecret: \(f.secret)" }
                out += "      <failure type=\"\(f.severity.rawValue)\" message=\"\(attr(f.message))\">"
                out += text(body) + "</failure>\n"
            }
            out += "    </testcase>\n"
        }
        if errors > 0 {
            let messages = report.warnings.map(\.description).joined(separator: "\n")
            out += "    <system-err>\(text("the scan did not complete\n" + messages))</system-err>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return Array(out.utf8)
    }

    private func secondsString(_ ms: Int) -> String {
        let thousandths = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - thousandths.count) + thousandths
    }

    /// Escapes element content; characters XML 1.0 forbids (most C0 controls) become U+FFFD.
    private func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Escapes an attribute value, keeping tabs and newlines through character references
    /// (a literal newline in an attribute is normalised to a space by XML parsers).
    private func attr(_ s: String) -> String { escape(s, attribute: true) }

    private func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
