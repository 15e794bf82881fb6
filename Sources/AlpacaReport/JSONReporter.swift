import AlpacaCore

/// The contract's JSON document; also what `--baseline` reads back (by `fingerprint`).
public struct JSONReporter: Reporter {
    /// Creates a JSON reporter.
    public init() {}

    /// Pretty-printed, keys in the contract's order, trailing newline.
    public func render(_ report: Report) throws -> [UInt8] {
        Array((document(report).serialized() + "\n").utf8)
    }

    /// The report as a JSON value (exposed for tests and for embedding).
    public func document(_ report: Report) -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("tool", .object([("name", .string(report.toolName)), ("version", .string(report.toolVersion))])),
            ("findings", .array(report.findings.map { finding($0, report: report) })),
            ("summary", summary(report.summary)),
        ]
        // Every file a limit kept from being checked in full is named here (an empty list means
        // everything was checked); `incomplete` tells such warnings from mere notes.
        top.append(("warnings", .array(report.warnings.map { w in
            .object([("path", .optional(w.path)), ("message", .string(w.message)), ("incomplete", .bool(w.isIncomplete))])
        })))
        return .object(top)
    }

    private func finding(_ f: Finding, report: Report) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("ruleId", .string(f.ruleId)),
            ("practice", .int(f.practice)),
        ]
        if !f.relatedPractices.isEmpty {
            m.append(("relatedPractices", .array(f.relatedPractices.map(JSONValue.int))))
        }
        m += [
            ("severity", .string(f.severity.rawValue)),
            ("path", .string(f.path)),
            ("line", .int(f.line)),
            ("column", .int(f.column)),
            ("endLine", .int(f.endLine)),
            ("endColumn", .int(f.endColumn)),
            ("message", .string(f.message)),
            ("secret", .string(report.displayedSecret(f))),
            ("fingerprint", .string(f.fingerprint)),
            ("commit", .optional(f.commit)),
        ]
        if let date = f.commitDate { m.append(("commitDate", .string(date))) }
        if let author = f.commitAuthor { m.append(("commitAuthor", .string(author))) }
        m.append(("suppressed", .bool(f.isSuppressed)))
        if let kind = f.suppression { m.append(("suppression", .string(kind.rawValue))) }
        if let v = f.verification {
            var entry: [(String, JSONValue)] = [
                ("status", .string(v.status)), ("environment", .optional(v.environment)),
                ("accountStatus", .optional(v.accountStatus)), ("checkedAt", .optional(v.checkedAt)),
                ("onUnexpectedHost", .bool(v.onUnexpectedHost)),
            ]
            if let reason = v.reason { entry.append(("reason", .string(reason))) }
            m.append(("verification", .object(entry)))
        }
        if let fix = f.fix {
            var entry: [(String, JSONValue)] = [("fixable", .bool(fix.fixable)), ("reason", .string(fix.reason))]
            if let variable = fix.variable { entry.append(("variable", .string(variable))) }
            m.append(("fix", .object(entry)))
        }
        m.append(("related", .array(f.related.map { r in
            var entry: [(String, JSONValue)] = [
                ("path", .string(r.path)), ("line", .int(r.line)), ("column", .int(r.column)),
                ("message", .string(r.message)),
            ]
            if let commit = r.commit { entry.append(("commit", .string(commit))) }
            return .object(entry)
        })))
        return .object(m)
    }

    private func summary(_ s: ScanSummary) -> JSONValue {
        .object([
            ("filesScanned", .int(s.filesScanned)),
            ("bytesScanned", .int(s.bytesScanned)),
            ("filesSkipped", .int(s.filesSkipped)),
            ("findings", .int(s.findings)),
            ("suppressed", .int(s.suppressed)),
            ("durationMs", .int(s.durationMs)),
        ])
    }
}
