import AlpacaCore

/// Everything one scan needs besides its source.
public struct ScanSettings: Sendable {
    /// The compiled rules.
    public var ruleSet: RuleSet
    /// The repository configuration.
    public var config: Config
    /// Per-run choices (inline allows, severities, disabled rules).
    public var policy: ScanPolicy
    /// The baseline, when given.
    public var baseline: Baseline?
    /// Parallel workers.
    public var jobs: Int
    /// Files larger than this are not read (and named in a warning).
    public var maxFileSize: Int
    /// Counters for a progress display, when one watches the scan.
    public var progress: ScanProgress?

    /// Creates settings.
    public init(
        ruleSet: RuleSet, config: Config, policy: ScanPolicy, baseline: Baseline?, jobs: Int, maxFileSize: Int,
        progress: ScanProgress? = nil
    ) {
        self.ruleSet = ruleSet
        self.config = config
        self.policy = policy
        self.baseline = baseline
        self.jobs = jobs
        self.maxFileSize = maxFileSize
        self.progress = progress
    }
}

/// The outcome of a scan, ready for a reporter.
public struct ScanResult: Sendable {
    /// Findings after the post-passes, in report order.
    public var findings: [Finding]
    /// Warnings in report order.
    public var warnings: [ScanWarning]
    /// Totals (duration is filled in by the caller).
    public var summary: ScanSummary
    /// Everything that was skipped (by the engine or by the source before scanning), with why,
    /// ordered by path (for `--verbose`).
    public var skips: [SkippedInput]

    /// False when a warning says part of the input was not checked.
    public var isComplete: Bool { !warnings.contains(where: \.isIncomplete) }
}

/// Runs one scan: the source feeds the engine (configuration excludes are applied to what it
/// emits), the source finishes the reports, and the post-passes produce the findings.
public enum ScanSession {
    /// Scans everything `source` emits.
    public static func run(_ source: inout some FragmentSource, settings: ScanSettings) throws(ScanFailure) -> ScanResult {
        let engine = ScanEngine(
            scanner: FragmentScanner(ruleSet: settings.ruleSet, policy: settings.policy), jobs: settings.jobs, maxFileSize: settings.maxFileSize,
            progress: settings.progress)
        let config = settings.config
        let filter = !source.appliesExcludesItself
        let output = try engine.run { (emit: (Fragment) -> Void) throws(ScanFailure) in
            try source.produce { fragment in
                if filter && config.excludes(relativePath: fragment.repoPath) { return }
                emit(fragment)
            }
        }
        let reports = try source.finish(output.reports)
        let passes = PostPasses(ruleSet: settings.ruleSet, config: config, policy: settings.policy, baseline: settings.baseline)
        let (findings, warnings) = passes.run(reports)
        var summary = output.summary
        summary.filesSkipped += source.skipped
        summary.findings = findings.count
        summary.suppressed = findings.count(where: \.isSuppressed)
        // Reports of a history scan come in the order git's readers delivered the blobs, which
        // varies from run to run: skips are listed by path and reason, and warnings equal in path
        // and message are ordered by their other fields, so that output never depends on timing.
        // Bytes, not String comparison: two spellings of one name (NFC, NFD) are two files.
        func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        let engineSkips = reports.compactMap { report in
            report.skipped.map { SkippedInput(path: report.info.displayPath, reason: $0.message(limit: settings.maxFileSize)) }
        }
        let skips = (engineSkips + source.skippedInputs).sorted {
            $0.path.utf8.elementsEqual($1.path.utf8) ? precedes($0.reason, $1.reason) : precedes($0.path, $1.path)
        }
        let allWarnings = Set(warnings + source.warnings).sorted { a, b in
            if ScanWarning.reportOrder(a, b) { return true }
            if ScanWarning.reportOrder(b, a) { return false }
            if a.isIncomplete != b.isIncomplete { return a.isIncomplete }
            let (pathA, pathB) = (a.path ?? "", b.path ?? "")
            if !pathA.utf8.elementsEqual(pathB.utf8) { return precedes(pathA, pathB) }
            return precedes(a.repoPath ?? "", b.repoPath ?? "")
        }
        return ScanResult(findings: findings, warnings: allWarnings, summary: summary, skips: skips)
    }
}
