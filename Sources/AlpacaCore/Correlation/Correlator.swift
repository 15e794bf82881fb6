import PCRE2Kit

/// The candidates accepted so far in one buffer, with the relations that explain them, indexed by
/// rule and line so that a requirement finds its partners without scanning every match.
struct AcceptedMatches {
    /// Accepted candidates, in acceptance order.
    private(set) var items: [Candidate] = []
    /// For each item, the items it relates to (the key ID of a secret, the key of a mix-up).
    private(set) var related: [[Int]] = []
    /// Item indexes by rule index, sorted by line (sealed at the end of each stage).
    private var byRule: [Int: [Int]] = [:]
    /// Secret ranges by (rule index, line), to drop a second match of the same value.
    private var taken: [RuleLine: [Range<Int>]] = [:]

    private struct RuleLine: Hashable {
        let rule: Int
        let line: Int
    }

    /// Whether a candidate of `ruleId` was accepted.
    func hasAny(ruleId: String, in ruleSet: RuleSet) -> Bool {
        guard let index = ruleSet.index(of: ruleId) else { return false }
        return !(byRule[index]?.isEmpty ?? true)
    }

    /// Indexes of the accepted items of any of `ruleIds`.
    func indexes(ofRules ruleIds: [String], in ruleSet: RuleSet) -> [Int] {
        ruleIds.flatMap { id in ruleSet.index(of: id).flatMap { byRule[$0] } ?? [] }
    }

    /// Indexes of the accepted items of rule `ruleIndex` on lines `lines`, ascending by line.
    func indexes(ofRule ruleIndex: Int, lines: ClosedRange<Int>) -> ArraySlice<Int> {
        guard let list = byRule[ruleIndex] else { return [] }
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if items[list[mid]].line < lines.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < list.count, items[list[end]].line <= lines.upperBound { end += 1 }
        return list[low..<end]
    }

    /// Whether the same rule already took an overlapping value on the candidate's line.
    func overlapsTaken(_ candidate: Candidate) -> Bool {
        taken[RuleLine(rule: candidate.ruleIndex, line: candidate.line)]?.contains { $0.overlaps(candidate.secretRange) } ?? false
    }

    /// Accepts `candidate`, related to the items `partners`.
    mutating func accept(_ candidate: Candidate, relatedTo partners: [Int]) {
        items.append(candidate)
        related.append(partners)
        byRule[candidate.ruleIndex, default: []].append(items.count - 1)
        taken[RuleLine(rule: candidate.ruleIndex, line: candidate.line), default: []].append(candidate.secretRange)
    }

    /// Sorts the per-rule indexes by line; called when a stage is complete.
    mutating func seal() {
        for key in byRule.keys {
            byRule[key]!.sort { (items[$0].line, items[$0].reportRange.lowerBound) < (items[$1].line, items[$1].reportRange.lowerBound) }
        }
    }
}

/// Decides which candidates of a stage become findings: their rejections must not hold, one of
/// their requirements must hold (another rule's accepted match, or a pattern, near enough and —
/// when asked — in the same block), and a value already taken by the same rule is not taken twice.
/// Pure: the answer depends only on the buffer, the rules and what was accepted before.
struct Correlator {
    /// The rules of the run.
    let ruleSet: RuleSet

    /// Accepts the candidates of one stage into `accepted`; problems name rules whose context
    /// patterns hit PCRE2's limits (the condition is then treated as unknown: a requirement as
    /// holding, a rejection as not holding, so that nothing is dropped on a guess).
    func correlate(_ candidates: [Candidate], into accepted: inout AcceptedMatches, view: inout TextView) -> [MatchProblem] {
        var problems: [MatchProblem] = []
        for candidate in candidates {
            let rule = ruleSet.rules[candidate.ruleIndex]
            let detector = rule.detectors[candidate.detectorIndex]
            var rejected = false
            for condition in detector.rejectIf {
                switch holds(condition, for: candidate, accepted: accepted, view: &view) {
                case .holds: rejected = true
                case .unknown(let message): problems.append(MatchProblem(ruleId: rule.id, message: message))
                case .fails: continue
                }
                if rejected { break }
            }
            if rejected { continue }
            guard let partners = requirementsHold(detector.requires, for: candidate, accepted: accepted, view: &view, problems: &problems) else { continue }
            if accepted.overlapsTaken(candidate) { continue }
            accepted.accept(candidate, relatedTo: partners)
        }
        accepted.seal()
        return problems
    }

    /// nil when no requirement holds; otherwise the partners to relate to. Rule requirements are
    /// tried first, so a secret beside its key ID says so even when a pattern would also accept it.
    private func requirementsHold(
        _ requirements: [Requirement], for candidate: Candidate, accepted: AcceptedMatches, view: inout TextView, problems: inout [MatchProblem]
    ) -> [Int]? {
        if requirements.isEmpty { return [] }
        for requirement in requirements where !requirement.ruleIds.isEmpty {
            if let partner = nearestPartner(requirement, for: candidate, accepted: accepted, view: &view) {
                return requirement.relate ? [partner] : []
            }
        }
        for requirement in requirements where requirement.pattern != nil {
            switch holds(requirement, for: candidate, accepted: accepted, view: &view) {
            case .holds: return []
            case .unknown(let message):
                problems.append(MatchProblem(ruleId: ruleSet.rules[candidate.ruleIndex].id, message: message))
                return []
            case .fails: continue
            }
        }
        return nil
    }

    private enum Verdict {
        case holds, fails
        case unknown(String)
    }

    private func holds(_ condition: Requirement, for candidate: Candidate, accepted: AcceptedMatches, view: inout TextView) -> Verdict {
        if !condition.ruleIds.isEmpty {
            return nearestPartner(condition, for: candidate, accepted: accepted, view: &view) != nil ? .holds : .fails
        }
        guard let pattern = condition.pattern else { return .fails }
        let offset = candidate.reportRange.lowerBound
        let window = view.window(around: offset, line: candidate.line, proximity: condition.proximity)
        do throws(PCRE2MatchError) {
            // The candidate's own value is not its own context (a random secret may spell "boto").
            // A whole-file condition reads the file as it is: masking would copy the file per candidate.
            let own = window == nil ? nil : candidate.secretRange
            if !condition.sameScope { return try view.occurs(pattern, in: window, masking: own) ? .holds : .fails }
            for offset in try view.matchOffsets(pattern, in: window, masking: own) {
                let scopes = view.scopes
                if scopes.isCode(offset) && scopes.isCode(candidate.reportRange.lowerBound)
                    && scopes.sameSetup(offset, candidate.reportRange.lowerBound)
                {
                    return .holds
                }
            }
            return .fails
        } catch {
            return .unknown("rule '\(ruleSet.rules[candidate.ruleIndex].id)': a context pattern hit PCRE2's limits (\(error.message)); the condition was taken as unknown")
        }
    }

    /// Whether `candidate` and `partner` belong to one setup by the file's structure:
    /// - both are code (a key or an endpoint in a comment, prose or a docstring pairs with nothing);
    /// - they are not in different named slots, and neither line chooses between the two on its own;
    /// - one is a constant (bound in a declaration scope) that the other's setup uses by name; or
    ///   they sit in the same scope, or in nested setup scopes, and the candidate's own scope does
    ///   not name a partner of its own (a call whose key argument is a variable).
    private func scopePaired(_ candidate: Candidate, _ partner: Candidate, condition: Requirement, view: inout TextView) -> Bool {
        let scopes = view.scopes
        let c = Self.scopeOffset(of: candidate, in: view.buffer)
        let p = Self.scopeOffset(of: partner, in: view.buffer)
        guard scopes.isCode(c), scopes.isCode(p) else { return false }
        if !condition.slots.isEmpty, let a = slot(of: candidate, condition.slots, view: &view), let b = slot(of: partner, condition.slots, view: &view), a != b {
            return false
        }
        if view.choosesOnTheLine(candidate.line, partner.line) { return false }
        // A call or object that names its own key variable is configured by it: it pairs only with a
        // literal bound to a name it uses, never through its own name or its neighbours.
        let own = scopes.innermost(c)
        var namesOwnKey = false
        if let names = condition.unlessScopeNames {
            namesOwnKey = own != 0 && !scopes.encloses(own, scopes.innermost(p)) && view.scopeNames(own, names)
        }
        // Through a constant: `BASE_URL = "…"` used by a setup that holds the key, or the reverse.
        for (bound, other) in namesOwnKey ? [(partner, c)] : [(partner, c), (candidate, p)] {
            for offset in [bound.matchRange.lowerBound, bound.secretRange.lowerBound] {
                guard let binding = scopes.binding(at: offset) else { continue }
                var references = scopes.references(to: binding.name, excluding: offset, within: binding.scope)
                // A type's or namespace's member, used elsewhere in the file as `Type.name`.
                if let qualified = scopes.qualifiedName(binding.name, declaredIn: binding.scope) {
                    references += scopes.references(to: qualified, excluding: offset)
                }
                let pairs: (Int) -> Bool = namesOwnKey ? { scopes.encloses(own, scopes.innermost($0)) } : { scopes.sameSetup($0, other) }
                if references.contains(where: pairs) { return true }
                break
            }
        }
        return !namesOwnKey && scopes.sameSetup(c, p)
    }

    /// Where a match sits for scope questions: inside the call it names when it is a function's
    /// name (`trading.NewPaperClient("AK…", …)` configures that call), else where it is reported.
    static func scopeOffset(of candidate: Candidate, in buffer: UnsafeRawBufferPointer) -> Int {
        var index = candidate.reportRange.upperBound
        while index < buffer.count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        if index < buffer.count, buffer[index] == UInt8(ascii: "("), index + 1 < buffer.count { return index + 1 }
        return candidate.reportRange.lowerBound
    }

    /// Which of `slots` a setting falls in, if any: the one a comment heading its group of lines
    /// names (`# For Live Trading` above `export ALPACA_PAPER=false`), else the one the name on its
    /// own line (the text before the value) names.
    private func slot(of candidate: Candidate, _ slots: [PCRE2Pattern], view: inout TextView) -> Int? {
        let line = view.lines.line(of: candidate.matchRange.lowerBound)
        if let heading = headingSlot(above: line, slots, view: &view) { return heading }
        let lineStart = view.lines.range(ofLine: line).lowerBound
        let name = Array(UnsafeRawBufferPointer(rebasing: view.buffer[max(lineStart, candidate.matchRange.lowerBound - 80)..<candidate.matchRange.lowerBound]))
        return slots.firstIndex { (try? $0.matches(name, using: view.scratch)) == true }
    }

    /// The slot named by the nearest whole-line comment above `line` in its group of lines (no blank
    /// line between, at most 12 lines up).
    private func headingSlot(above line: Int, _ slots: [PCRE2Pattern], view: inout TextView) -> Int? {
        var current = line - 1
        while current >= 1 && line - current <= 12 {
            let range = view.lines.range(ofLine: current)
            var first = range.lowerBound
            while first < range.upperBound, view.buffer[first] == 0x20 || view.buffer[first] == 0x09 || view.buffer[first] == 0x0D { first += 1 }
            if first == range.upperBound { return nil }  // a blank line ends the group
            if !view.scopes.isCode(first) {
                let text = Array(UnsafeRawBufferPointer(rebasing: view.buffer[first..<range.upperBound]))
                if let slot = slots.firstIndex(where: { (try? $0.matches(text, using: view.scratch)) == true }) { return slot }
            }
            current -= 1
        }
        return nil
    }

    /// The accepted match of one of the condition's rules nearest to the candidate that satisfies
    /// its proximity and block settings, or nil.
    private func nearestPartner(_ condition: Requirement, for candidate: Candidate, accepted: AcceptedMatches, view: inout TextView) -> Int? {
        var best: (index: Int, distance: Int, offset: Int)?
        for id in condition.ruleIds {
            guard let ruleIndex = ruleSet.index(of: id) else { continue }
            let lines: ClosedRange<Int>
            var maxBytes = Int.max
            switch condition.proximity {
            case .file: lines = Int.min...Int.max
            case .lines(let count, let bytes):
                lines = (candidate.line - count)...(candidate.line + count)
                maxBytes = bytes
            }
            for index in accepted.indexes(ofRule: ruleIndex, lines: lines) {
                let partner = accepted.items[index]
                if abs(partner.reportRange.lowerBound - candidate.reportRange.lowerBound) > maxBytes { continue }
                if condition.sameScope && !scopePaired(candidate, partner, condition: condition, view: &view) { continue }
                let distance = abs(partner.line - candidate.line)
                if best == nil || (distance, partner.reportRange.lowerBound) < (best!.distance, best!.offset) {
                    best = (index, distance, partner.reportRange.lowerBound)
                }
            }
        }
        return best?.index
    }
}
