import AlpacaCore

/// SARIF 2.1.0 with one run, as GitHub code scanning and other SARIF consumers expect.
///
/// No snippet, region text or secret is ever written unless `--no-redact` (then only in
/// `result.properties.secret`): SARIF files are uploaded to third-party services.
public struct SARIFReporter: Reporter {
    /// The `$schema` URI, the OASIS 2.1.0 errata schema.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base id relative paths are resolved against.
    public static let sourceRootId = "%SRCROOT%"
    /// The `partialFingerprints` key; bump the version if the fingerprint recipe changes.
    public static let fingerprintKey = "alpacaLint/v1"
    /// GitHub code scanning rejects a whole file with more results than this in one run.
    public static let maximumResults = 25_000

    /// Creates a SARIF reporter.
    public init() {}

    /// Pretty-printed SARIF with a trailing newline.
    public func render(_ report: Report) throws -> [UInt8] {
        Array((document(report).serialized() + "\n").utf8)
    }

    /// The SARIF log as a JSON value.
    public func document(_ report: Report) -> JSONValue {
        let rules = SARIFReporter.driverRules(report)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var driver: [(String, JSONValue)] = [
            ("name", .string(report.toolName)),
            ("version", .string(report.toolVersion)),
            ("informationUri", .string(report.informationURI)),
            ("rules", .array(rules.map(rule))),
        ]
        if isSemanticVersion(report.toolVersion) {
            driver.insert(("semanticVersion", .string(report.toolVersion)), at: 2)
        }
        let kept = SARIFReporter.keptFindings(report.findings)
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object(driver))])),
            ("invocations", .array([invocation(report, leftOut: report.findings.count - kept.count)])),
            ("originalUriBaseIds", .object([(SARIFReporter.sourceRootId, sourceRoot(report))])),
            // Columns count Unicode scalars (SARIF's default would be UTF-16 code units).
            ("columnKind", .string("unicodeCodePoints")),
        ]
        // driverRules covers every finding's rule, so the fallback index is never used.
        let results = kept.map { result($0, ruleIndex: index[$0.ruleId] ?? 0, report: report) }
        run.append(("results", .array(results)))
        return .object([
            ("$schema", .string(SARIFReporter.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// The findings a run can hold (at most `maximumResults`), in report order. Over the cap the
    /// ones that matter go in first: unsuppressed before suppressed, then errors, warnings, notes.
    /// Cutting in report order could fill the file with baselined or allowed findings and leave
    /// out the new one that failed the run, so that GitHub would show nothing.
    static func keptFindings(_ findings: [Finding]) -> [Finding] {
        guard findings.count > maximumResults else { return findings }
        func rank(_ severity: Severity) -> Int {
            switch severity {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        let chosen = findings.indices.sorted { left, right in
            let a = (findings[left].isSuppressed ? 1 : 0, rank(findings[left].severity), left)
            let b = (findings[right].isSuppressed ? 1 : 0, rank(findings[right].severity), right)
            return a < b
        }.prefix(maximumResults).sorted()
        return chosen.map { findings[$0] }
    }

    /// The rules of the run, each id once, followed by a minimal entry for any finding whose rule
    /// is missing from the list, so that every `ruleIndex` points at the right descriptor.
    static func driverRules(_ report: Report) -> [RuleMetadata] {
        var seen = Set<String>()
        var rules: [RuleMetadata] = []
        for rule in report.rules where seen.insert(rule.id).inserted { rules.append(rule) }
        for f in report.findings where seen.insert(f.ruleId).inserted {
            rules.append(RuleMetadata(
                id: f.ruleId, practice: f.practice, relatedPractices: f.relatedPractices,
                severity: f.severity, title: f.message, tags: ["security", "secret"]))
        }
        return rules
    }

    private func rule(_ r: RuleMetadata) -> JSONValue {
        var tags = r.tags
        // GitHub only treats a rule as a security rule (and shows security-severity) with this tag.
        if !tags.contains("security") { tags.insert("security", at: 0) }
        var properties: [(String, JSONValue)] = [
            ("tags", .array(tags.map(JSONValue.string))),
            ("security-severity", .string(ReportSupport.scoreString(r.securitySeverity))),
            ("practice", .int(r.practice)),
        ]
        if !r.relatedPractices.isEmpty {
            properties.append(("relatedPractices", .array(r.relatedPractices.map(JSONValue.int))))
        }
        let helpText = r.remediation.isEmpty ? r.description : r.remediation
        var markdown = "**\(r.title)**\n\n\(r.description)\n\n"
        if !r.remediation.isEmpty { markdown += "**How to fix:** \(r.remediation)\n\n" }
        markdown += "Best practice \(r.practice) of the Alpaca API authentication guide."
        return .object([
            ("id", .string(r.id)),
            ("name", .string(ReportSupport.pascalCase(r.id))),
            ("shortDescription", .object([("text", .string(r.title))])),
            ("fullDescription", .object([("text", .string(r.description))])),
            ("help", .object([("text", .string(helpText)), ("markdown", .string(markdown))])),
            ("helpUri", .string(r.helpURI)),
            ("defaultConfiguration", .object([("level", .string(r.severity.rawValue))])),
            ("properties", .object(properties)),
        ])
    }

    private func result(_ f: Finding, ruleIndex: Int, report: Report) -> JSONValue {
        // An active live credential is as bad as it gets, whatever the rule's default level.
        let activeLive = f.verification?.isActiveLive == true
        var m: [(String, JSONValue)] = [
            ("ruleId", .string(f.ruleId)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(activeLive ? "error" : f.severity.rawValue)),
            ("message", .object([("text", .string(SARIFReporter.messageText(f)))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(
                path: f.repoPath, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn))])])),
            ("partialFingerprints", .object([(SARIFReporter.fingerprintKey, .string(f.fingerprint))])),
        ]
        if !f.related.isEmpty {
            m.append(("relatedLocations", .array(f.related.enumerated().map { i, r in
                .object([
                    ("id", .int(i + 1)),
                    ("physicalLocation", physicalLocation(
                        path: r.repoPath, line: r.line, column: r.column, endLine: nil, endColumn: nil)),
                    ("message", .object([("text", .string(r.message))])),
                ])
            })))
        }
        if let kind = f.suppression {
            let sarifKind = kind == .inline ? "inSource" : "external"
            m.append(("suppressions", .array([.object([("kind", .string(sarifKind))])])))
        }
        if let fix = f.fix, fix.fixable, !fix.changes.isEmpty {
            m.append(("fixes", .array([SARIFReporter.fixObject(fix)])))
        }
        var properties: [(String, JSONValue)] = [("practice", .int(f.practice))]
        if let v = f.verification {
            var entry: [(String, JSONValue)] = [
                ("status", .string(v.status)), ("environment", .optional(v.environment)),
                ("accountStatus", .optional(v.accountStatus)), ("checkedAt", .optional(v.checkedAt)),
                ("onUnexpectedHost", .bool(v.onUnexpectedHost)),
            ]
            if let reason = v.reason { entry.append(("reason", .string(reason))) }
            properties.append(("verification", .object(entry)))
            if activeLive { properties.append(("security-severity", .string("10.0"))) }
        }
        if !f.relatedPractices.isEmpty {
            properties.append(("relatedPractices", .array(f.relatedPractices.map(JSONValue.int))))
        }
        if let commit = f.commit { properties.append(("commit", .string(commit))) }
        if let date = f.commitDate { properties.append(("commitDate", .string(date))) }
        if let author = f.commitAuthor { properties.append(("commitAuthor", .string(author))) }
        if !report.options.redact && !f.secret.isEmpty {
            properties.append(("secret", .string(f.secret)))
        }
        m.append(("properties", .object(properties)))
        return .object(m)
    }

    /// A physical location; the region is left out for file-level findings (line 0) because
    /// SARIF regions are 1-based.
    private func physicalLocation(path: String, line: Int, column: Int, endLine: Int?, endColumn: Int?) -> JSONValue {
        var m: [(String, JSONValue)] = [("artifactLocation", artifactLocation(path))]
        if line >= 1 {
            var region: [(String, JSONValue)] = [("startLine", .int(line))]
            if column >= 1 { region.append(("startColumn", .int(column))) }
            if let endLine, endLine >= line { region.append(("endLine", .int(endLine))) }
            if let endColumn, endColumn >= 1, column >= 1 { region.append(("endColumn", .int(endColumn))) }
            m.append(("region", .object(region)))
        }
        return .object(m)
    }

    private func artifactLocation(_ path: String) -> JSONValue {
        let (uri, absolute) = ReportSupport.uri(forPath: path)
        return absolute
            ? .object([("uri", .string(uri))])
            : .object([("uri", .string(uri)), ("uriBaseId", .string(SARIFReporter.sourceRootId))])
    }

    /// The `%SRCROOT%` URI for what the user gave `--srcroot-uri`: an absolute URI as is (with a
    /// trailing '/'), an absolute path as a `file://` URI; nil for anything else (a relative path,
    /// characters a URI cannot hold), which SARIF consumers would reject or misread.
    public static func sourceRootURI(_ given: String) -> String? {
        var uri: String
        if given.hasPrefix("/") {
            uri = "file://" + ReportSupport.percentEncode(given)
        } else {
            let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".unicodeScalars)
            let schemeCharacters = letters.union("0123456789+-.".unicodeScalars)
            let uriCharacters = schemeCharacters.union("_~:/?#[]@!$&'()*,;=%".unicodeScalars)
            // scheme ":" with a scheme of two characters or more, so that `C:/work` is not one.
            let scheme = given.unicodeScalars.prefix { $0 != ":" }
            guard scheme.count >= 2, scheme.count < given.unicodeScalars.count, letters.contains(scheme.first!),
                scheme.allSatisfy(schemeCharacters.contains), given.unicodeScalars.allSatisfy(uriCharacters.contains)
            else { return nil }
            uri = given
        }
        // A base URI must end with '/', or the last segment would be replaced on resolution.
        if !uri.hasSuffix("/") { uri += "/" }
        return uri
    }

    /// `%SRCROOT%`: the repository root that result URIs are relative to. Described in words unless
    /// the user gave a URI (`--srcroot-uri`), so that no local absolute path leaves the machine.
    private func sourceRoot(_ report: Report) -> JSONValue {
        guard let given = report.options.sourceRootURI, let uri = SARIFReporter.sourceRootURI(given) else {
            return .object([("description", .object([("text", .string("The root of the scanned repository."))]))])
        }
        return .object([("uri", .string(uri))])
    }

    /// The finding's message, with its related locations linked (`[text](id)`, which GitHub turns
    /// into links) and, for history findings, the commit that introduced it.
    static func messageText(_ f: Finding) -> String {
        var text = f.message
        if let commit = f.commit {
            text += " Introduced in commit \(ReportSupport.shortSHA(commit))"
            if let date = f.commitDate { text += " (\(date))" }
            text += "."
        }
        if !f.related.isEmpty {
            let links = f.related.enumerated().map { "[\(escapeLinkText($1.message))](\($0 + 1))" }
            text += " See also: " + links.joined(separator: ", ") + "."
        }
        return text
    }

    /// A SARIF `fix`: the code edits that move the value to the environment (never the value).
    static func fixObject(_ fix: FindingFix) -> JSONValue {
        .object([
            ("description", .object([("text", .string(fix.description ?? fix.reason))])),
            ("artifactChanges", .array(fix.changes.map { change in
                .object([
                    ("artifactLocation", .object([
                        ("uri", .string(ReportSupport.percentEncode(change.repoPath))), ("uriBaseId", .string(sourceRootId)),
                    ])),
                    ("replacements", .array(change.replacements.map { r in
                        .object([
                            ("deletedRegion", .object([
                                ("startLine", .int(r.startLine)), ("startColumn", .int(r.startColumn)),
                                ("endLine", .int(r.endLine)), ("endColumn", .int(r.endColumn)),
                            ])),
                            ("insertedContent", .object([("text", .string(r.insertedText))])),
                        ])
                    })),
                ])
            })),
        ])
    }

    /// Link text may not hold brackets (SARIF message strings use them for links).
    private static func escapeLinkText(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    private func invocation(_ report: Report, leftOut: Int) -> JSONValue {
        var m: [(String, JSONValue)] = [("executionSuccessful", .bool(report.options.executionSuccessful))]
        var notifications: [JSONValue] = []
        if leftOut > 0 {
            notifications.append(.object([
                ("level", .string("warning")),
                ("message", .object([("text", .string(
                    "\(leftOut) more results are not in this file: GitHub accepts at most \(SARIFReporter.maximumResults) per run. Suppressed results were left out first, then notes, then warnings; the JSON report has all \(report.findings.count)."))])),
            ]))
        }
        if !report.warnings.isEmpty || leftOut > 0 {
            m.append(("toolExecutionNotifications", .array(notifications + report.warnings.map { w in
                var n: [(String, JSONValue)] = []
                if let path = w.repoPath ?? w.path {
                    n.append(("locations", .array([.object([("physicalLocation",
                        .object([("artifactLocation", artifactLocation(path))]))])])))
                }
                n.append(("level", .string("warning")))
                n.append(("message", .object([("text", .string(w.message))])))
                return .object(n)
            })))
        }
        return .object(m)
    }

    /// `semanticVersion` must be SemVer; a version like `dev` or a git describe string is not.
    private func isSemanticVersion(_ v: String) -> Bool {
        let core = v.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        let numbers = core.split(separator: "+", maxSplits: 1).first ?? ""
        let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
