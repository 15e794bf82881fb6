import PCRE2Kit

/// Scans one fragment's bytes: for each stage of rules, the matcher finds candidates and the
/// correlator accepts some of them; the accepted ones become findings placed at real lines.
///
/// Findings leave here with facts only (an inline allow comment is on the line, which file holds
/// them); what to do with those facts is decided by the post-passes.
public struct FragmentScanner: Sendable {
    /// The rules to run.
    public let ruleSet: RuleSet
    /// Which rules run, and their severities.
    public let policy: ScanPolicy

    /// Creates a scanner.
    public init(ruleSet: RuleSet, policy: ScanPolicy = ScanPolicy()) {
        self.ruleSet = ruleSet
        self.policy = policy
    }

    /// Findings and warnings of `buffer` (UTF-8; transcoding already done), described by `fragment`
    /// (its content is not read here).
    func scan(_ buffer: UnsafeRawBufferPointer, fragment: Fragment, scratch: PCRE2MatchScratch) -> (findings: [Finding], warnings: [ScanWarning]) {
        var view = TextView(buffer: buffer, path: fragment.repoPath, ruleSet: ruleSet, scratch: scratch)
        let matcher = Matcher(ruleSet: ruleSet, policy: policy)
        let correlator = Correlator(ruleSet: ruleSet)
        var accepted = AcceptedMatches()
        var problems: [MatchProblem] = []
        for stage in ruleSet.contentStages {
            let (candidates, matchProblems) = matcher.candidates(stage: stage, view: &view, accepted: accepted)
            problems += matchProblems
            problems += correlator.correlate(candidates, into: &accepted, view: &view)
        }
        var seen = Set<MatchProblem>()
        let warnings = problems.filter { seen.insert($0).inserted }.map { ScanWarning(path: fragment.displayPath, message: $0.message, repoPath: fragment.repoPath) }
        return (findings(accepted, fragment: fragment, view: &view), warnings)
    }

    /// The secrets the rules accept in `bytes`, before findings are made (no positions, no
    /// fingerprints): what calibration tests count.
    func acceptedSecrets(bytes: [UInt8], path: String) -> [String] {
        let scratch = PCRE2MatchScratch()
        return bytes.withUnsafeBytes { raw in
            var view = TextView(buffer: raw, path: path, ruleSet: ruleSet, scratch: scratch)
            let matcher = Matcher(ruleSet: ruleSet, policy: policy)
            let correlator = Correlator(ruleSet: ruleSet)
            var accepted = AcceptedMatches()
            for stage in ruleSet.contentStages {
                let (candidates, _) = matcher.candidates(stage: stage, view: &view, accepted: accepted)
                _ = correlator.correlate(candidates, into: &accepted, view: &view)
            }
            return accepted.items.map(\.secret)
        }
    }

    /// Scans text held in memory with fresh match space (tests, small inputs).
    public func scan(bytes: [UInt8], path: String) -> [Finding] {
        let scratch = PCRE2MatchScratch()
        let fragment = Fragment(content: .bytes([]), displayPath: path)
        return bytes.withUnsafeBytes { scan($0, fragment: fragment, scratch: scratch).findings }
    }

    private func findings(_ accepted: AcceptedMatches, fragment: Fragment, view: inout TextView) -> [Finding] {
        let items = accepted.items
        guard !items.isEmpty else { return [] }
        // A key ID learns about the secret found because of it: both are credentials of one pair.
        var relations = accepted.related
        for (index, partners) in accepted.related.enumerated() where isCredential(items[index]) {
            for partner in partners where isCredential(items[partner]) { relations[partner].append(index) }
        }
        func realLine(_ line: Int) -> Int { fragment.lineNumbers.map { $0.indices.contains(line - 1) ? $0[line - 1] : line } ?? line }
        var result: [Finding] = []
        for (index, item) in items.enumerated() {
            let rule = ruleSet.rules[item.ruleIndex]
            let start = view.position(of: item.reportRange.lowerBound)
            let end = view.position(of: item.reportRange.upperBound, isEnd: true)
            let line = realLine(start.line)
            if let keep = fragment.keepLines, !keep.contains(line) { continue }
            let related = relations[index].map { partnerIndex -> RelatedLocation in
                let partner = items[partnerIndex]
                let partnerRule = ruleSet.rules[partner.ruleIndex]
                let position = view.position(of: partner.reportRange.lowerBound)
                return RelatedLocation(
                    path: fragment.displayPath, line: realLine(position.line), column: position.column, message: partnerRule.metadata.title,
                    repoPath: fragment.repoPath,
                    targetFingerprint: Fingerprint.ofValue(ruleId: partnerRule.id, secret: partner.secret))
            }
            var finding = Finding(
                ruleId: rule.id, practice: rule.metadata.practice, relatedPractices: rule.metadata.relatedPractices,
                severity: policy.severity(for: rule.metadata), path: fragment.displayPath, line: line, column: start.column,
                endLine: realLine(end.line), endColumn: end.column,
                message: rule.detectors[item.detectorIndex].message ?? rule.metadata.message, secret: item.secret,
                related: related, repoPath: fragment.repoPath)
            finding.hasInlineAllow = view.hasInlineAllow(line: start.line)
            result.append(finding)
        }
        return result
    }

    private func isCredential(_ candidate: Candidate) -> Bool { ruleSet.rules[candidate.ruleIndex].metadata.isCredential }
}
