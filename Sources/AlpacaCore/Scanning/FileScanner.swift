import PCRE2Kit

/// What one file (or one patch) holds for the scanner: bytes and how to place findings.
public struct ScanInput {
    /// Path as displayed in reports.
    public var path: String
    /// Path relative to the repository root, for fingerprints; nil uses `path`.
    public var identityPath: String?
    /// For patches: the real 1-based line number of each line of the buffer; nil when the buffer
    /// is the whole file.
    public var lineNumbers: [Int]?
    /// Only findings that start on these (real) lines are kept; nil keeps all.
    public var onlyLines: Set<Int>?
    /// The commit that added the content (history scans).
    public var commit: String?
    /// The commit's date (history scans).
    public var commitDate: String?

    /// Describes a whole file at `path`.
    public init(
        path: String, identityPath: String? = nil, lineNumbers: [Int]? = nil, onlyLines: Set<Int>? = nil,
        commit: String? = nil, commitDate: String? = nil
    ) {
        self.path = path
        self.identityPath = identityPath
        self.lineNumbers = lineNumbers
        self.onlyLines = onlyLines
        self.commit = commit
        self.commitDate = commitDate
    }
}

/// Findings and warnings of one file.
public struct FileScanResult: Sendable {
    /// Findings, in no particular order.
    public var findings: [Finding] = []
    /// Problems that did not stop the scan (a rule hit PCRE2's limits).
    public var warnings: [ScanWarning] = []
}

/// A match that passed its own rule's checks, waiting for requirements and correlation.
private struct Candidate {
    let ruleIndex: Int
    let detector: Detector
    let matchRange: Range<Int>
    let secretRange: Range<Int>
    /// Where the finding is reported (the secret, or e.g. a header's name).
    let reportRange: Range<Int>
    let secret: String
    let line: Int
    var related: [Int] = []  // indexes of accepted candidates
}

/// Matches every content rule over one buffer and turns the survivors into findings.
///
/// Data flows one way: detectors → per-rule checks (allow lists, placeholders, entropy,
/// validators) → requirements (other rules or patterns nearby) → related locations → findings.
public struct FileScanner: Sendable {
    /// The rules to run.
    public let ruleSet: RuleSet
    /// Per-run choices (inline allows, disabled rules, severities).
    public let policy: ScanPolicy

    /// Creates a scanner for `ruleSet`.
    public init(ruleSet: RuleSet, policy: ScanPolicy = ScanPolicy()) {
        self.ruleSet = ruleSet
        self.policy = policy
    }

    /// Scans `buffer` (raw bytes; any encoding transcoding already done) described by `input`.
    public func scan(_ buffer: UnsafeRawBufferPointer, input: ScanInput, scratch: PCRE2MatchScratch) -> FileScanResult {
        var context = FileContext(buffer: buffer, path: input.path, ruleSet: ruleSet, scratch: scratch)
        var result = FileScanResult()
        var accepted: [Candidate] = []
        for stage in ruleSet.contentStages {
            var stageCandidates: [Candidate] = []
            for ruleIndex in stage where policy.isEnabled(ruleSet.rules[ruleIndex].id) {
                let rule = ruleSet.rules[ruleIndex]
                for detector in rule.detectors where shouldRun(detector, context: &context, accepted: accepted) {
                    do {
                        try collect(rule: rule, ruleIndex: ruleIndex, detector: detector, context: &context, accepted: accepted, into: &stageCandidates)
                    } catch {
                        let reason = error.isLimit ? "hit PCRE2's resource limits" : "failed in PCRE2"
                        result.warnings.append(ScanWarning(
                            path: input.path, message: "rule '\(rule.id)' \(reason) (\(error.message)); the file was not fully checked by this rule"))
                    }
                }
            }
            for var candidate in stageCandidates {
                guard let related = requirementsHold(for: candidate, accepted: accepted, context: &context) else { continue }
                candidate.related = related
                if isDuplicate(candidate, of: accepted) { continue }
                accepted.append(candidate)
            }
        }
        result.findings = makeFindings(accepted, input: input, context: &context)
        return result
    }

    // MARK: - Matching

    /// Whether `detector` can match here: its path filters pass, its case-sensitive literals and
    /// one of its keywords occur, and at least one of its requirements can still hold — another
    /// rule's match exists, or a context pattern occurs somewhere in the file. The checks run
    /// cheapest and most shared first, and their results are cached per file, so a clean file
    /// costs a handful of literal searches rather than one pass per detector.
    private func shouldRun(_ detector: Detector, context: inout FileContext, accepted: [Candidate]) -> Bool {
        guard context.pathAllowed(detector) else { return false }
        guard context.allLiteralsPresent(detector.literals) else { return false }
        if let anchor = detector.anchor, context.anchorHits(anchor).isEmpty { return false }
        if !detector.requires.isEmpty {
            let possible = detector.requires.contains { requirement in
                if !requirement.ruleIds.isEmpty,
                    accepted.contains(where: { requirement.ruleIds.contains(ruleSet.rules[$0.ruleIndex].id) })
                {
                    return true
                }
                // Only whole-file context patterns are worth checking up front; a pattern needed
                // within some lines is looked for around each match.
                if let pattern = requirement.pattern {
                    return requirement.withinLines == nil ? ((try? context.occursAnywhere(pattern)) ?? true) : true
                }
                return false
            }
            if !possible { return false }
        }
        return context.anyKeywordPresent(detector.keywordIndexes)
    }

    /// Where `detector` needs to run: a few lines around its keywords, or around the matches of
    /// the rules it requires; nil means the whole file.
    private func matchWindows(_ detector: Detector, context: inout FileContext, accepted: [Candidate]) -> [Range<Int>]? {
        if let anchor = detector.anchor {
            // A match ends at or shortly after its anchor and starts at most a few hundred bytes
            // before it, on the same line.
            var windows: [Range<Int>] = []
            for hit in context.anchorHits(anchor) {
                let line = context.lines.range(ofLine: context.lines.line(of: hit.lowerBound))
                let lower = max(line.lowerBound, hit.lowerBound - 512)
                let upper = min(context.buffer.count, hit.upperBound + 1)
                if let last = windows.last, last.upperBound >= lower {
                    windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, upper)
                } else {
                    windows.append(lower..<upper)
                }
            }
            return windows
        }
        if !detector.keywordIndexes.isEmpty {
            // Two lines of slack: a match may start a line or two before its keyword (Swift's
            // setValue(…, forHTTPHeaderField:) spread over lines) or continue after it.
            guard let offsets = context.keywordOffsets(detector.keywordIndexes) else { return nil }
            return context.windows(aroundOffsets: offsets, radius: 2)
        }
        // Otherwise the union of what the requirements allow: around the matches of required
        // rules; the whole file when a context pattern holds file-wide or must be looked for
        // near each match; nothing for a file-wide pattern that is absent.
        guard !detector.requires.isEmpty else { return nil }
        var targets: [Int] = []
        var radius = 0
        for requirement in detector.requires {
            if let pattern = requirement.pattern {
                if requirement.withinLines != nil { return nil }
                if (try? context.occursAnywhere(pattern)) ?? true { return nil }
            }
            let partners = accepted.filter { requirement.ruleIds.contains(ruleSet.rules[$0.ruleIndex].id) }
            guard !partners.isEmpty else { continue }
            guard let within = requirement.withinLines else { return nil }
            radius = max(radius, within)
            targets += partners.map(\.secretRange.lowerBound)
        }
        return context.windows(aroundOffsets: targets, radius: radius)
    }

    private func collect(
        rule: Rule, ruleIndex: Int, detector: Detector, context: inout FileContext, accepted: [Candidate],
        into candidates: inout [Candidate]
    ) throws(PCRE2MatchError) {
        var found: [(Range<Int>, Range<Int>, Range<Int>)] = []
        let windows = matchWindows(detector, context: &context, accepted: accepted) ?? [0..<context.buffer.count]
        for window in windows {
            // Matches must start inside the window but may run past it (a Terraform block, a
            // call spread over lines); lookbehinds see the bytes before it.
            let limit = window.upperBound < context.buffer.count ? window.upperBound : nil
            var position = window.lowerBound
            while position <= window.upperBound, found.count < 10_000,  // more hits than that is generated data
                let match = try detector.pattern.firstMatch(in: context.buffer, from: position, startLimit: limit, using: context.scratch)
            {
                let secretRange = match.range(of: detector.secretGroup) ?? match.range
                let reportRange = match.range(of: detector.reportGroup) ?? secretRange
                found.append((match.range, secretRange, reportRange))
                position = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
            }
        }
        for (matchRange, secretRange, reportRange) in found {
            let secret = String(decoding: UnsafeRawBufferPointer(rebasing: context.buffer[secretRange]), as: UTF8.self)
            guard passesValueChecks(secret, rule: rule, scratch: context.scratch) else { continue }
            let line = context.lines.line(of: reportRange.lowerBound)
            if try rejected(near: reportRange.lowerBound, detector: detector, context: &context) { continue }
            candidates.append(Candidate(
                ruleIndex: ruleIndex, detector: detector, matchRange: matchRange, secretRange: secretRange, reportRange: reportRange,
                secret: secret, line: line))
        }
    }

    private func passesValueChecks(_ secret: String, rule: Rule, scratch: PCRE2MatchScratch) -> Bool {
        if rule.allowValues.contains(secret) { return false }
        for allow in rule.allowPatterns where (try? allow.matches(secret.utf8, using: scratch)) == true { return false }
        if rule.rejectPlaceholders && !secret.isEmpty && SecretHeuristics.isPlaceholder(secret) { return false }
        if let minimum = rule.minEntropy, SecretHeuristics.entropy(secret) < minimum { return false }
        if rule.validator == "alpaca-basic-credentials" && !SecretHeuristics.isAlpacaBasicCredential(secret) { return false }
        return true
    }

    private func rejected(near offset: Int, detector: Detector, context: inout FileContext) throws(PCRE2MatchError) -> Bool {
        for requirement in detector.rejectIf {
            if let pattern = requirement.pattern, try context.patternOccurs(pattern, near: offset, within: requirement.withinLines) {
                return true
            }
        }
        return false
    }

    // MARK: - Requirements and correlation

    /// nil when the candidate's requirements fail; otherwise the accepted candidates it relates to.
    private func requirementsHold(for candidate: Candidate, accepted: [Candidate], context: inout FileContext) -> [Int]? {
        let requirements = candidate.detector.requires
        if requirements.isEmpty { return [] }
        // Rule requirements first: when a secret sits next to its key ID, the finding should say
        // so (a related location) even if a context pattern alone would also have accepted it.
        let ordered = requirements.filter { !$0.ruleIds.isEmpty } + requirements.filter { $0.ruleIds.isEmpty }
        for requirement in ordered {
            if !requirement.ruleIds.isEmpty {
                let partners = accepted.indices.filter { index in
                    let other = accepted[index]
                    guard requirement.ruleIds.contains(ruleSet.rules[other.ruleIndex].id) else { return false }
                    if let within = requirement.withinLines, abs(other.line - candidate.line) > within { return false }
                    if requirement.sameBlock && context.crossesBlock(candidate.line, other.line) { return false }
                    if requirement.sameBlock && context.isAmbiguousLine(candidate.line, other.line) { return false }
                    return true
                }
                if let nearest = partners.min(by: { abs(accepted[$0].line - candidate.line) < abs(accepted[$1].line - candidate.line) }) {
                    return requirement.relate ? [nearest] : []
                }
            }
            if let pattern = requirement.pattern,
                (try? context.patternOccurs(pattern, near: candidate.reportRange.lowerBound, within: requirement.withinLines, sameBlock: requirement.sameBlock)) == true
            {
                return []
            }
        }
        return nil
    }

    private func isDuplicate(_ candidate: Candidate, of accepted: [Candidate]) -> Bool {
        accepted.contains { other in
            other.ruleIndex == candidate.ruleIndex && other.secretRange.overlaps(candidate.secretRange)
        }
    }

    private func makeFindings(_ accepted: [Candidate], input: ScanInput, context: inout FileContext) -> [Finding] {
        // Reverse relations: a key ID learns about the secret that was found because of it.
        var reverse: [Int: [Int]] = [:]
        for (index, candidate) in accepted.enumerated() {
            for partner in candidate.related where ruleSet.rules[candidate.ruleIndex].metadata.practice == 1 {
                reverse[partner, default: []].append(index)
            }
        }
        var findings: [Finding] = []
        for (index, candidate) in accepted.enumerated() {
            let rule = ruleSet.rules[candidate.ruleIndex]
            let start = context.position(of: candidate.reportRange.lowerBound)
            let end = context.position(of: candidate.reportRange.upperBound, isEnd: true)
            let realLine = input.lineNumbers.map { $0[safe: start.line - 1] ?? start.line } ?? start.line
            let realEndLine = input.lineNumbers.map { $0[safe: end.line - 1] ?? end.line } ?? end.line
            if let only = input.onlyLines, !only.contains(realLine) { continue }
            var related: [RelatedLocation] = []
            for partner in candidate.related + (reverse[index] ?? []) {
                let other = accepted[partner]
                let position = context.position(of: other.reportRange.lowerBound)
                let otherLine = input.lineNumbers.map { $0[safe: position.line - 1] ?? position.line } ?? position.line
                related.append(RelatedLocation(
                    path: input.path, line: otherLine, column: position.column,
                    message: ruleSet.rules[other.ruleIndex].metadata.title))
            }
            var finding = Finding(
                ruleId: rule.id, practice: rule.metadata.practice,
                relatedPractices: rule.metadata.relatedPractices, severity: policy.severity(for: rule.metadata),
                path: input.path, line: realLine, column: start.column, endLine: realEndLine, endColumn: end.column,
                message: rule.metadata.message, secret: candidate.secret, commit: input.commit, commitDate: input.commitDate,
                related: related, fingerprintPath: input.identityPath)
            if policy.honourInlineAllows && context.hasInlineAllow(line: start.line) {
                finding.suppression = .inline
            }
            findings.append(finding)
        }
        return findings
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension FileScanner {
    /// Convenience for tests and small inputs: scans `bytes` with a fresh scratch space.
    public func scan(bytes: [UInt8], input: ScanInput) -> FileScanResult {
        let scratch = PCRE2MatchScratch()
        return bytes.withUnsafeBytes { scan($0, input: input, scratch: scratch) }
    }
}
