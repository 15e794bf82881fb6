/// What happens to findings after every fragment was scanned, in one fixed order:
/// 1. configuration `allow` patterns drop findings (and the relations that point at them);
/// 2. the `.env` rules run, knowing which files still hold credentials;
/// 3. inline allow comments and the baseline mark findings as suppressed (inline wins);
/// 4. one sort, so that reports are identical whatever the number of workers.
public struct PostPasses: Sendable {
    /// The rules of the run.
    public let ruleSet: RuleSet
    /// The repository configuration (allow patterns).
    public let config: Config
    /// Per-run choices (inline allows, disabled rules, severities).
    public let policy: ScanPolicy
    /// Fingerprints to hide, when `--baseline` was given.
    public let baseline: Baseline?

    /// Creates the passes.
    public init(ruleSet: RuleSet, config: Config, policy: ScanPolicy, baseline: Baseline?) {
        self.ruleSet = ruleSet
        self.config = config
        self.policy = policy
        self.baseline = baseline
    }

    /// The final findings and warnings of the reports.
    public func run(_ reports: [FragmentReport]) -> (findings: [Finding], warnings: [ScanWarning]) {
        let envCheck = EnvFileCheck(ruleSet: ruleSet, policy: policy)
        var findings: [Finding] = []
        var warnings = Set<ScanWarning>()
        for report in reports {
            warnings.formUnion(report.warnings)
            // 1. Configuration allows.
            var kept = report.findings.filter { !config.allows(secret: $0.secret) }
            if kept.count != report.findings.count {
                let removed = Set(report.findings.filter { config.allows(secret: $0.secret) }.map { Fingerprint.ofValue(ruleId: $0.ruleId, secret: $0.secret) })
                for index in kept.indices {
                    kept[index].related.removeAll { $0.targetFingerprint.map(removed.contains) ?? false }
                }
            }
            // 2. The .env rules, on what is left.
            if let state = report.info.gitState, report.skipped != .notRegular {
                let holdsCredentials = kept.contains { ruleSet.rule(id: $0.ruleId)?.metadata.isCredential ?? false }
                kept += envCheck.findings(
                    for: report.info, state: state, holdsCredentials: holdsCredentials,
                    // A file that was not read (too large, binary) is judged by its name alone.
                    content: report.bytesScanned != nil ? report.envContent : nil)
            }
            findings += kept
        }
        // 3. Suppression.
        for index in findings.indices {
            if policy.honourInlineAllows && findings[index].hasInlineAllow {
                findings[index].suppression = .inline
            } else if let baseline, baseline.fingerprints.contains(findings[index].fingerprint) {
                findings[index].suppression = .baseline
            }
        }
        // 4. One order.
        findings.sort(by: Finding.reportOrder)
        return (findings, warnings.sorted(by: ScanWarning.reportOrder))
    }
}
