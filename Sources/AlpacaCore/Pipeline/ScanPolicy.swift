/// Per-run choices that change what the scanner reports, from the command line and config file.
public struct ScanPolicy: Sendable {
    /// Whether inline allow comments suppress findings (`--no-inline-allow` turns this off).
    public var honourInlineAllows: Bool = true
    /// Rule ids that do not run.
    public var disabledRules: Set<String> = []
    /// Severity overrides by rule id.
    public var severityOverrides: [String: Severity] = [:]

    /// Default policy: every rule, inline allows honoured, default severities.
    public init() {}

    /// Whether rule `id` runs.
    public func isEnabled(_ id: String) -> Bool { !disabledRules.contains(id) }

    /// The severity of findings of `rule` in this run.
    public func severity(for rule: RuleMetadata) -> Severity { severityOverrides[rule.id] ?? rule.severity }
}
