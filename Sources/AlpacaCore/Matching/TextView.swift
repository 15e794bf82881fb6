import PCRE2Kit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One buffer as the matcher and the correlator see it, with what they learn about it computed
/// lazily and cached: line starts, keyword and literal presence, anchor lines, and whether a
/// context pattern occurs in a range.
///
/// Nothing here limits where matches are looked for; it only remembers answers.
struct TextView {
    /// The bytes (UTF-8, or transcoded to it).
    let buffer: UnsafeRawBufferPointer
    /// The repository path, for path filters.
    let path: String
    /// The rules of the run (keyword table).
    let ruleSet: RuleSet
    /// Match space of the current worker.
    let scratch: PCRE2MatchScratch
    private var lineIndex: LineIndex?
    private var keywordPresence: [Bool?]
    private var literalPresence: [[UInt8]: Bool] = [:]
    private var anchorLineCache: [String: [Int]] = [:]
    // Keyed by pattern text: several rules share a context pattern, and a file pays for it once
    // per range (candidates on one minified line share the range).
    private var presence: [String: [Range<Int>: Bool]] = [:]
    private var scopeModel: ScopeModel?
    private var scopeNames: [String: [Int: Bool]] = [:]

    init(buffer: UnsafeRawBufferPointer, path: String, ruleSet: RuleSet, scratch: PCRE2MatchScratch) {
        self.buffer = buffer
        self.path = path
        self.ruleSet = ruleSet
        self.scratch = scratch
        self.keywordPresence = Array(repeating: nil, count: ruleSet.keywordPatterns.count)
    }

    /// Line starts, built on first use (clean files never pay for it).
    var lines: LineIndex {
        mutating get {
            if let lineIndex { return lineIndex }
            let built = LineIndex(buffer)
            lineIndex = built
            return built
        }
    }

    /// The file's structure (scopes, code and comments, constants), built on first use: only files
    /// where a scope-aware condition is asked pay for it.
    var scopes: ScopeModel {
        mutating get {
            if let scopeModel { return scopeModel }
            let built = ScopeModel(buffer: buffer, lines: lines, path: path)
            scopeModel = built
            return built
        }
    }

    /// Whether the code of scope `node` holds a match of `pattern` (cached per pattern and scope).
    mutating func scopeNames(_ node: Int, _ pattern: PCRE2Pattern) -> Bool {
        if let known = scopeNames[pattern.source]?[node] { return known }
        let code = scopes.codeText(of: node)
        let found = (try? pattern.matches(code, using: scratch)) == true
        scopeNames[pattern.source, default: [:]][node] = found
        return found
    }

    /// Whether the path filters of `detector` accept this file.
    func pathAllowed(_ detector: Detector) -> Bool {
        if detector.paths.isEmpty && detector.excludePaths.isEmpty { return true }
        let bytes = Array(path.utf8)
        if !detector.paths.isEmpty && !detector.paths.contains(where: { (try? $0.matches(bytes, using: scratch)) == true }) {
            return false
        }
        return !detector.excludePaths.contains(where: { (try? $0.matches(bytes, using: scratch)) == true })
    }

    /// Whether one of the keywords `indexes` occurs (case-insensitively); true when there are none.
    mutating func anyKeywordPresent(_ indexes: [Int]) -> Bool {
        if indexes.isEmpty { return true }
        for index in indexes {
            if let known = keywordPresence[index] {
                if known { return true }
                continue
            }
            // A keyword search that fails on a resource limit counts as present: the detector then
            // runs and reports its own outcome, rather than being skipped on a guess. (Not `try?`:
            // it would flatten "no match" and "failed" into the same nil.)
            let present: Bool
            do {
                present = try ruleSet.keywordPatterns[index].firstMatch(in: buffer, from: 0, using: scratch) != nil
            } catch {
                present = true
            }
            keywordPresence[index] = present
            if present { return true }
        }
        return false
    }

    /// Whether every one of `literals` occurs in the file, byte for byte.
    mutating func allLiteralsPresent(_ literals: [[UInt8]]) -> Bool {
        for literal in literals {
            if let known = literalPresence[literal] {
                if !known { return false }
                continue
            }
            let present = firstOffset(of: literal, in: buffer) != nil
            literalPresence[literal] = present
            if !present { return false }
        }
        return true
    }

    /// The 1-based lines holding a match of `anchor`, ascending (cached per pattern text).
    mutating func anchorLines(_ anchor: PCRE2Pattern) throws(PCRE2MatchError) -> [Int] {
        if let known = anchorLineCache[anchor.source] { return known }
        var found: [Int] = []
        var position = 0
        while position <= buffer.count, let match = try anchor.firstMatch(in: buffer, from: position, using: scratch) {
            let line = lines.line(of: match.range.lowerBound)
            if found.last != line { found.append(line) }
            // The rest of this line adds nothing: continue on the next one.
            position = max(lines.range(ofLine: line).upperBound + 1, match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound)
        }
        anchorLineCache[anchor.source] = found
        return found
    }

    /// The byte range that `proximity` allows around byte `offset` on 1-based `line`: whole lines
    /// (without the last line's terminator, as `^…$` patterns expect), narrowed to `bytes` on
    /// either side; nil for `.file`.
    mutating func window(around offset: Int, line: Int, proximity: Proximity) -> Range<Int>? {
        guard case .lines(let count, let bytes) = proximity else { return nil }
        let range = lines.range(fromLine: line - count, toLine: line + count)
        let lower = max(range.lowerBound, offset - bytes)
        let upper = min(range.upperBound, offset + bytes)
        return lower..<max(lower, upper)
    }

    /// Whether `pattern` matches inside `range` (nil: the whole file), with the bytes of `masked`
    /// (a candidate's own value) blanked: a value is not its own context. Cached when nothing is masked.
    mutating func occurs(_ pattern: PCRE2Pattern, in range: Range<Int>?, masking masked: Range<Int>? = nil) throws(PCRE2MatchError) -> Bool {
        let target = range ?? 0..<buffer.count
        if let masked, masked.overlaps(target) {
            return try withMaskedCopy(of: target, masking: masked) { slice throws(PCRE2MatchError) in
                try pattern.firstMatch(in: slice, from: 0, using: scratch) != nil
            }
        }
        if let known = presence[pattern.source]?[target] { return known }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[target])
        let found = try pattern.firstMatch(in: slice, from: 0, using: scratch) != nil
        presence[pattern.source, default: [:]][target] = found
        return found
    }

    /// The byte offsets where `pattern` matches inside `range` (nil: the whole file), `masked` blanked.
    mutating func matchOffsets(_ pattern: PCRE2Pattern, in range: Range<Int>?, masking masked: Range<Int>? = nil) throws(PCRE2MatchError) -> [Int] {
        let target = range ?? 0..<buffer.count
        return try withMaskedCopy(of: target, masking: masked) { slice throws(PCRE2MatchError) -> [Int] in
            var found: [Int] = []
            try pattern.forEachMatch(in: slice, using: scratch) { match in
                found.append(target.lowerBound + match.range.lowerBound)
                return true
            }
            return found
        }
    }

    /// The 1-based lines where `pattern` matches inside `range` (nil: the whole file), `masked` blanked.
    mutating func matchLines(_ pattern: PCRE2Pattern, in range: Range<Int>?, masking masked: Range<Int>? = nil) throws(PCRE2MatchError) -> [Int] {
        let target = range ?? 0..<buffer.count
        let offsets = try withMaskedCopy(of: target, masking: masked) { slice throws(PCRE2MatchError) -> [Int] in
            var found: [Int] = []
            try pattern.forEachMatch(in: slice, using: scratch) { match in
                found.append(match.range.lowerBound)
                return true
            }
            return found
        }
        var lines: [Int] = []
        for offset in offsets {
            let line = self.lines.line(of: target.lowerBound + offset)
            if lines.last != line { lines.append(line) }
        }
        return lines
    }

    /// Runs `body` over the bytes of `target`, with those of `masked` replaced by 0x01 (neither a
    /// word character, a space nor a quote, so no pattern can see a word in them).
    private func withMaskedCopy<Result>(
        of target: Range<Int>, masking masked: Range<Int>?, _ body: (UnsafeRawBufferPointer) throws(PCRE2MatchError) -> Result
    ) throws(PCRE2MatchError) -> Result {
        guard let masked, masked.overlaps(target) else { return try body(UnsafeRawBufferPointer(rebasing: buffer[target])) }
        var copy = Array(UnsafeRawBufferPointer(rebasing: buffer[target]))
        for offset in max(masked.lowerBound, target.lowerBound)..<min(masked.upperBound, target.upperBound) {
            copy[offset - target.lowerBound] = 0x01
        }
        let result: Swift.Result<Result, PCRE2MatchError> = copy.withUnsafeBytes { raw in
            do throws(PCRE2MatchError) { return .success(try body(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Whether either line chooses between environments on its own (a ternary or an inline
    /// if/else): a pair on it is not a configuration mix-up.
    mutating func choosesOnTheLine(_ a: Int, _ b: Int) -> Bool {
        for line in Set([a, b]) {
            let slice = UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line)])
            if firstOffset(of: Array(" if ".utf8), in: slice) != nil, firstOffset(of: Array(" else ".utf8), in: slice) != nil { return true }
            if firstOffset(of: Array("?".utf8), in: slice) != nil, firstOffset(of: Array(" : ".utf8), in: slice) != nil { return true }
        }
        return false
    }

    /// The text of `range`, decoded leniently.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// 1-based line and column (Unicode scalars) of byte `offset`. An exclusive end offset at the
    /// start of a line stays on the previous line's end.
    mutating func position(of offset: Int, isEnd: Bool = false) -> (line: Int, column: Int) {
        let probe = isEnd && offset > 0 ? offset - 1 : offset
        let line = lines.line(of: probe)
        let start = lines.range(ofLine: line).lowerBound
        return (line, scalarColumn(buffer, lineStart: start, offset: offset))
    }

    /// Whether an inline allow comment covers `line` (on it, or an allow-next-line marker above it).
    mutating func hasInlineAllow(line: Int) -> Bool {
        if InlineAllow.allowsLine(UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line)])) { return true }
        return line > 1 && InlineAllow.allowsNextLine(UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line - 1)]))
    }
}

/// Offset of the first occurrence of `needle` in `haystack` at or after `from` (the C library's
/// memmem, which stays fast on multi-megabyte lines).
func firstOffset(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
    guard !needle.isEmpty else { return from }
    guard let base = haystack.baseAddress, from < haystack.count else { return nil }
    let hit = needle.withUnsafeBytes { cMemmem(base + from, haystack.count - from, $0.baseAddress!, needle.count) }
    return hit.map { base.distance(to: UnsafeRawPointer($0)) }
}

// memmem is in glibc and musl but behind _GNU_SOURCE, so the Swift C modules do not export it. It
// replaces memchr on the first byte plus a compare, which stopped at nearly every position when
// that byte was a common letter.
@_silgen_name("memmem")
private func cMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
