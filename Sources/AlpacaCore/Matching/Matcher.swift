import PCRE2Kit

/// A match of one detector that passed its own rule's value checks (allow lists, placeholders,
/// entropy, validators), waiting for the correlator. Offsets are bytes into the fragment's buffer.
struct Candidate: Sendable, Equatable {
    /// Index of the rule in `RuleSet.rules`.
    let ruleIndex: Int
    /// Index of the detector in the rule.
    let detectorIndex: Int
    /// The whole match.
    let matchRange: Range<Int>
    /// The secret (the value a fingerprint is made of).
    let secretRange: Range<Int>
    /// Where the finding is placed (the secret, or e.g. a header's name).
    let reportRange: Range<Int>
    /// The secret's text.
    let secret: String
    /// 1-based buffer line of `reportRange.lowerBound`.
    let line: Int
}

/// Something that kept part of a buffer from being checked by one rule (a PCRE2 resource limit).
struct MatchProblem: Sendable, Hashable {
    /// The rule concerned.
    let ruleId: String
    /// What happened, without any file content.
    let message: String
}

/// Turns a buffer into candidates for the rules of one stage. Pure: the answer depends only on the
/// buffer, the rules, the policy and the accepted matches of earlier stages it is given.
///
/// Where each detector looks is decided by its settings alone (`Detector.scope`): the whole file
/// once its keyword and literal gates pass, the lines holding its anchor, or the lines within
/// reach of the rules it requires. None of these can hide a match the rule would accept.
struct Matcher {
    /// The rules of the run.
    let ruleSet: RuleSet
    /// Which rules run.
    let policy: ScanPolicy

    /// Candidates of the stage's rules, in rule, detector and buffer order.
    func candidates(stage: [Int], view: inout TextView, accepted: AcceptedMatches) -> (candidates: [Candidate], problems: [MatchProblem]) {
        var candidates: [Candidate] = []
        var problems: [MatchProblem] = []
        for ruleIndex in stage where policy.isEnabled(ruleSet.rules[ruleIndex].id) {
            let rule = ruleSet.rules[ruleIndex]
            for (detectorIndex, detector) in rule.detectors.enumerated() {
                do throws(PCRE2MatchError) {
                    guard try shouldRun(detector, view: &view, accepted: accepted) else { continue }
                    for (matchRange, secretRange, reportRange) in try matches(detector, view: &view, accepted: accepted) {
                        let secret = view.text(secretRange)
                        guard passesValueChecks(secret, rule: rule, scratch: view.scratch) else { continue }
                        if rule.validator == "alpaca-header-credential",
                            !HeaderValue.isCredential(secret, matchText: view.text(matchRange), shapes: ruleSet.shapes)
                        {
                            continue
                        }
                        candidates.append(Candidate(
                            ruleIndex: ruleIndex, detectorIndex: detectorIndex, matchRange: matchRange, secretRange: secretRange,
                            reportRange: reportRange, secret: secret, line: view.lines.line(of: reportRange.lowerBound)))
                    }
                } catch {
                    let reason = error.isLimit ? "hit PCRE2's resource limits" : "failed in PCRE2"
                    problems.append(MatchProblem(
                        ruleId: rule.id, message: "rule '\(rule.id)' \(reason) (\(error.message)); the file was not fully checked by this rule"))
                }
            }
        }
        return (candidates, problems)
    }

    // MARK: - Gates

    /// Whether `detector` can match here: its path filters pass, its literals occur, one of its
    /// requirements can still hold, one of its keywords and its anchor occur. Cheapest and most
    /// shared checks first; every answer is cached in the view.
    private func shouldRun(_ detector: Detector, view: inout TextView, accepted: AcceptedMatches) throws(PCRE2MatchError) -> Bool {
        guard view.pathAllowed(detector) else { return false }
        guard view.allLiteralsPresent(detector.literals) else { return false }
        // Requirements before keywords: most files hold no key ID and no Alpaca name, which one
        // cached search answers for every rule, while each keyword costs a search of its own.
        if !detector.requires.isEmpty {
            var possible = false
            for requirement in detector.requires {
                if !requirement.ruleIds.isEmpty {
                    if requirement.ruleIds.contains(where: { accepted.hasAny(ruleId: $0, in: ruleSet) }) { possible = true }
                } else if let pattern = requirement.pattern {
                    // A file-wide pattern is checked up front; a nearby one around each match later.
                    if requirement.proximity != .file {
                        possible = true
                    } else if try view.occurs(pattern, in: nil) {
                        possible = true
                    }
                }
                if possible { break }
            }
            if !possible { return false }
        }
        guard view.anyKeywordPresent(detector.keywordIndexes) else { return false }
        if let anchor = detector.anchor, try view.anchorLines(anchor).isEmpty { return false }
        return true
    }

    // MARK: - Matching

    /// (match, secret, report) ranges of every non-overlapping match in the detector's scope.
    private func matches(_ detector: Detector, view: inout TextView, accepted: AcceptedMatches) throws(PCRE2MatchError) -> [(Range<Int>, Range<Int>, Range<Int>)] {
        var found: [(Range<Int>, Range<Int>, Range<Int>)] = []
        func collect(_ subject: UnsafeRawBufferPointer, base: Int, from start: Int, startLimit: Int?) throws(PCRE2MatchError) -> Int {
            var position = start
            var end = start
            while position <= subject.count,
                let match = try detector.pattern.firstMatch(in: subject, from: position, startLimit: startLimit, using: view.scratch)
            {
                let secret = match.range(of: detector.secretGroup) ?? match.range
                let report = match.range(of: detector.reportGroup) ?? secret
                found.append((shift(match.range, base), shift(secret, base), shift(report, base)))
                position = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
                end = max(end, match.range.upperBound)
            }
            return end
        }
        switch detector.scope {
        case .file:
            _ = try collect(view.buffer, base: 0, from: 0, startLimit: nil)
        case .anchorLines:
            // Matched line by line: a match of an anchored detector lies within one line.
            for line in try view.anchorLines(detector.anchor!) {
                let range = view.lines.range(ofLine: line)
                _ = try collect(UnsafeRawBufferPointer(rebasing: view.buffer[range]), base: range.lowerBound, from: 0, startLimit: nil)
            }
        case .nearRequiredRules:
            // Matches must start within reach of a required rule's accepted match; they may run on.
            var windows: [Range<Int>] = []
            for requirement in detector.requires {
                for index in accepted.indexes(ofRules: requirement.ruleIds, in: ruleSet) {
                    let partner = accepted.items[index]
                    if let window = view.window(around: partner.reportRange.lowerBound, line: partner.line, proximity: requirement.proximity) {
                        windows.append(window.lowerBound..<min(view.buffer.count, window.upperBound + 1))
                    }
                }
            }
            var resume = 0
            for window in merge(windows) {
                let start = max(window.lowerBound, resume)
                guard start <= window.upperBound else { continue }
                let limit = window.upperBound < view.buffer.count ? window.upperBound : nil
                resume = try collect(view.buffer, base: 0, from: start, startLimit: limit)
            }
        }
        return found
    }

    private func shift(_ range: Range<Int>, _ base: Int) -> Range<Int> { (range.lowerBound + base)..<(range.upperBound + base) }

    private func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, last.upperBound >= range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    // MARK: - Value checks

    /// The rule's own checks of the value: published samples, allow patterns, placeholders,
    /// entropy and validators.
    private func passesValueChecks(_ secret: String, rule: Rule, scratch: PCRE2MatchScratch) -> Bool {
        if rule.allowValues.contains(secret) { return false }
        for allow in rule.allowPatterns where (try? allow.matches(secret.utf8, using: scratch)) == true { return false }
        if rule.rejectPlaceholders && !secret.isEmpty && SecretHeuristics.isPlaceholder(secret, shapes: ruleSet.shapes) { return false }
        if let minimum = rule.minEntropy, SecretHeuristics.entropy(secret) < minimum { return false }
        if rule.validator == "alpaca-basic-credentials" && !SecretHeuristics.isAlpacaBasicCredential(secret, shapes: ruleSet.shapes) { return false }
        return true
    }
}
