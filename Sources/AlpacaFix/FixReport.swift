import Foundation

/// Output helpers for a plan: the `--diff` text, the human summary, and SARIF/JSON pieces.
public enum FixReport {
    /// The whole plan as a unified diff, in write order. Every secret value (from the findings, from
    /// `.env` lines, and `extraSecrets`, e.g. suppressed findings' values that context lines may show)
    /// goes through `redact` first; pass `{ $0 }` only for `--no-redact`.
    public static func diff(_ plan: FixPlan, extraSecrets: [String] = [], redact: (String) -> String) -> String {
        var secrets = Set(extraSecrets.filter { !$0.isEmpty })
        for finding in plan.findings where !finding.secret.isEmpty {
            secrets.insert(finding.secret)
            if let first = finding.secret.first, finding.secret.count > 2, first == finding.secret.last, "\"'`".contains(first) {
                secrets.insert(String(finding.secret.dropFirst().dropLast()))
            }
        }
        for change in plan.changes where change.role == .environmentFile {
            for entry in DotEnvFile.entries(change.updated) where !entry.value.isEmpty { secrets.insert(entry.value) }
        }
        // Longest first, so a value inside a longer one is not half-redacted.
        let ordered = secrets.filter { $0.count >= 8 }.sorted { $0.count > $1.count }
        var output = ""
        for change in plan.changes {
            let mode: UInt32? = change.original == nil ? change.creationMode : nil
            guard var text = UnifiedDiff.diff(path: change.relativePath, original: change.original, updated: change.updated, newFileMode: mode) else { continue }
            for secret in ordered { text = text.replacingOccurrences(of: secret, with: redact(secret)) }
            output += text
        }
        return output
    }

    /// What changed (or would change), what could not and why, commands to run by hand, how to load
    /// `.env`, and the rotation reminder (BP2), naming findings the caller marked as in git history.
    /// No secret appears in it. `applied` is nil for `--diff` (then it says "would").
    public static func summary(_ plan: FixPlan, applied: FixApplyResult?) -> String {
        let verb = applied == nil ? "would change" : "changed"
        var lines: [String] = []
        let notWritten = Dictionary(applied?.notWritten.map { ($0.path, $0.reason) } ?? [], uniquingKeysWith: { first, _ in first })
        let changed = plan.changes.filter { notWritten[$0.relativePath] == nil }
        lines.append("alpaca-lint --fix \(verb) \(changed.count) file\(changed.count == 1 ? "" : "s")")
        for change in changed {
            switch change.role {
            case .code(.environmentTemplate):
                lines.append("  \(change.relativePath): real values replaced by empty placeholders (the values are in .env now)")
            case .code:
                let names = plan.outcomes.enumerated().filter { plan.findings[$0.offset].relativePath == change.relativePath && $0.element.fixable }
                    .compactMap(\.element.variableName)
                let unique = names.reduce(into: [String]()) { if !$1.isEmpty && !$0.contains($1) { $0.append($1) } }
                lines.append("  \(change.relativePath): literal values now read \(unique.joined(separator: ", ")) from the environment; \(change.verification ?? "")")
            case .environmentFile:
                let created = change.original == nil ? " (created with mode 0600)" : ""
                lines.append("  .env\(created): added \(plan.movedVariables.joined(separator: ", "))")
            case .exampleFile:
                let note = plan.exampleIgnored ? " (your ignore rules cover it: add !/.env.example to .gitignore to commit it)" : ""
                lines.append("  .env.example: names with empty placeholders for the variables above\(note)")
            case .ignoreFile(let covering):
                lines.append("  \(change.relativePath): ignore rules for \(covering.joined(separator: ", "))")
            }
        }
        if !plan.reusedVariables.isEmpty {
            lines.append("  reused from the existing .env: \(plan.reusedVariables.joined(separator: ", "))")
        }
        for (path, reason) in applied?.notWritten ?? [] { lines.append("  not written: \(path): \(reason)") }
        for check in applied?.ignoreChecks ?? [] { lines.append("  checked: \(check)") }

        let manual = plan.outcomes.enumerated().filter { !$0.element.fixable }
        if !manual.isEmpty {
            lines.append("")
            lines.append("Not fixed automatically (\(manual.count)):")
            for (index, outcome) in manual {
                let finding = plan.findings[index]
                lines.append("  \(finding.relativePath):\(finding.line):\(finding.column): [\(finding.ruleId)] \(outcome.reason)")
            }
        }
        if !plan.untrackCommands.isEmpty {
            lines.append("")
            lines.append("Run these yourself (--fix never does):")
            for command in plan.untrackCommands { lines.append("  \(command)") }
        }
        if !plan.movedVariables.isEmpty || !plan.reusedVariables.isEmpty {
            lines.append("")
            lines.append("The code now reads the process environment; load .env when you run it, e.g. python-dotenv's load_dotenv(), "
                + "node --env-file=.env, or `set -a; . ./.env; set +a` in a shell.")
        }
        let credentialFindings = plan.findings.enumerated().filter { Self.isCredential($0.element.ruleId) }
        if !credentialFindings.isEmpty {
            lines.append("")
            lines.append("Rotate the keys (BP2): a key that was ever committed is compromised until you regenerate it in the Alpaca "
                + "dashboard. Moving it out of the code does not remove it from git history or from clones.")
            let inHistory = credentialFindings.filter { $0.element.inHistory }
            if !inHistory.isEmpty {
                lines.append("Found in git history, so regenerate these now:")
                for (_, finding) in inHistory {
                    lines.append("  \(finding.relativePath):\(finding.line): [\(finding.ruleId)]")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a rule reports a credential value (as opposed to a file or an endpoint mix-up).
    static func isCredential(_ ruleId: String) -> Bool {
        switch CredentialKind(ruleId: ruleId) {
        case .keyID, .secretKey, .oauthSecret, .oauthToken, .basicAuth, .headerLiteral: return true
        default: return false
        }
    }
}

extension SARIFFix {
    /// The SARIF 2.1.0 `fix` object (`description` + `artifactChanges`), as JSONSerialization-ready
    /// values; URIs are repository-relative with `uriBaseId` "%SRCROOT%", percent-encoded by `encodeURI`.
    public func sarifObject(encodeURI: (String) -> String) -> [String: Any] {
        [
            "description": ["text": description],
            "artifactChanges": artifactChanges.map { change in
                [
                    "artifactLocation": ["uri": encodeURI(change.path), "uriBaseId": "%SRCROOT%"],
                    "replacements": change.replacements.map { replacement in
                        [
                            "deletedRegion": [
                                "startLine": replacement.deletedRegion.startLine,
                                "startColumn": replacement.deletedRegion.startColumn,
                                "endLine": replacement.deletedRegion.endLine,
                                "endColumn": replacement.deletedRegion.endColumn,
                            ],
                            "insertedContent": ["text": replacement.insertedContent],
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
        ]
    }
}
