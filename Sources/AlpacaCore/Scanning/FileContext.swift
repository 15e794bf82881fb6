import PCRE2Kit

#if canImport(Glibc)
    import Glibc
#endif

/// Everything the scanner learns about one buffer, computed lazily and cached: line starts,
/// which keywords occur, whether a pattern occurs anywhere.
struct FileContext {
    let buffer: UnsafeRawBufferPointer
    let path: String
    let ruleSet: RuleSet
    let scratch: PCRE2MatchScratch
    private var lineIndex: LineIndex?
    /// Start offsets of each keyword's occurrences, by keyword index; nil until searched.
    private var keywordOffsets: [[Int]?]
    private var literalPresence: [String: Bool] = [:]
    private var anchorMatches: [String: [Range<Int>]] = [:]
    // Keyed by pattern text: several rules share a context pattern such as `(?i)alpaca|apca`,
    // and each file should pay for it once.
    private var wholeFilePresence: [String: Bool] = [:]

    init(buffer: UnsafeRawBufferPointer, path: String, ruleSet: RuleSet, scratch: PCRE2MatchScratch) {
        self.buffer = buffer
        self.path = path
        self.ruleSet = ruleSet
        self.scratch = scratch
        self.keywordOffsets = Array(repeating: nil, count: ruleSet.keywordPatterns.count)
    }

    /// More keyword occurrences than this and the pattern simply runs over the whole file.
    static let keywordHitLimit = 20_000

    /// Line starts, built on first use.
    var lines: LineIndex {
        mutating get {
            if let lineIndex { return lineIndex }
            let built = LineIndex(buffer)
            lineIndex = built
            return built
        }
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

    /// Offsets where keyword `index` occurs (case-insensitively), searched once per file.
    mutating func keywordHits(_ index: Int) -> [Int] {
        if let known = keywordOffsets[index] { return known }
        var offsets: [Int] = []
        try? ruleSet.keywordPatterns[index].forEachMatch(in: buffer, using: scratch) { match in
            offsets.append(match.range.lowerBound)
            return offsets.count <= FileContext.keywordHitLimit
        }
        keywordOffsets[index] = offsets
        return offsets
    }

    /// Whether one of the keywords `indexes` occurs; true when there are none.
    mutating func anyKeywordPresent(_ indexes: [Int]) -> Bool {
        indexes.isEmpty || indexes.contains { !keywordHits($0).isEmpty }
    }

    /// Byte ranges covering `radius` lines before and after each of the given offsets, but at
    /// most `maxBytes` on either side (a minified file is one huge line), merged and sorted.
    /// Patterns run only inside them when a match must lie near something already known.
    mutating func windows(aroundOffsets offsets: [Int], radius: Int, maxBytes: Int = 4096) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for offset in offsets.sorted() {
            let line = lines.line(of: offset)
            let range = lines.range(fromLine: line - radius, toLine: line + radius)
            // Include the line break after the window's last line so patterns that may end at a newline see it.
            let lower = max(range.lowerBound, offset - maxBytes)
            let upper = min(buffer.count, range.upperBound + 1, offset + maxBytes)
            guard lower < upper else { continue }
            if let last = ranges.last, last.upperBound >= lower {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                ranges.append(lower..<upper)
            }
        }
        return ranges
    }

    /// Offsets of the occurrences of keywords `indexes`, or nil when there are too many to bother.
    mutating func keywordOffsets(_ indexes: [Int]) -> [Int]? {
        var result: [Int] = []
        for index in indexes {
            let hits = keywordHits(index)
            if hits.count > FileContext.keywordHitLimit { return nil }
            result += hits
        }
        return result
    }

    /// Whether `pattern` matches within `within` lines of byte `offset` (nil: anywhere in the
    /// file), optionally without a block boundary between the two lines. On very long lines the
    /// neighbourhood is also limited to a few KiB around the offset, so context patterns cost the
    /// same in a minified bundle as in ordinary code.
    mutating func patternOccurs(_ pattern: PCRE2Pattern, near offset: Int, within: Int?, sameBlock: Bool = false) throws(PCRE2MatchError) -> Bool {
        let line = lines.line(of: offset)
        guard let within else {
            if !sameBlock, let known = wholeFilePresence[pattern.source] { return known }
            if !sameBlock { return try occursAnywhere(pattern) }
            return try occurs(pattern, in: 0..<buffer.count, near: line, sameBlock: true)
        }
        guard let window = windows(aroundOffsets: [offset], radius: within).first else { return false }
        // Lines end before their line break, as `^…$` context patterns expect.
        let end = window.upperBound > window.lowerBound && buffer[window.upperBound - 1] == 0x0A ? window.upperBound - 1 : window.upperBound
        return try occurs(pattern, in: window.lowerBound..<end, near: line, sameBlock: sameBlock)
    }

    /// Start and end offsets of every match of `anchor` (cached per pattern text).
    mutating func anchorHits(_ anchor: PCRE2Pattern) -> [Range<Int>] {
        if let known = anchorMatches[anchor.source] { return known }
        var hits: [Range<Int>] = []
        try? anchor.forEachMatch(in: buffer, using: scratch) { match in
            hits.append(match.range)
            return hits.count <= FileContext.keywordHitLimit
        }
        anchorMatches[anchor.source] = hits
        return hits
    }

    /// Whether `pattern` matches anywhere in the file (cached per pattern text).
    mutating func occursAnywhere(_ pattern: PCRE2Pattern) throws(PCRE2MatchError) -> Bool {
        if let known = wholeFilePresence[pattern.source] { return known }
        let present = try pattern.firstMatch(in: buffer, from: 0, using: scratch) != nil
        wholeFilePresence[pattern.source] = present
        return present
    }

    /// Whether every one of `literals` occurs in the file, byte for byte (case-sensitive).
    mutating func allLiteralsPresent(_ literals: [[UInt8]]) -> Bool {
        for literal in literals {
            let key = String(decoding: literal, as: UTF8.self)
            if let known = literalPresence[key] {
                if !known { return false }
                continue
            }
            let present = containsBytes(buffer, literal)
            literalPresence[key] = present
            if !present { return false }
        }
        return true
    }

    private mutating func occurs(_ pattern: PCRE2Pattern, in window: Range<Int>, near line: Int, sameBlock: Bool) throws(PCRE2MatchError) -> Bool {
        let slice = UnsafeRawBufferPointer(rebasing: buffer[window])
        var hitLines: [Int] = []
        try pattern.forEachMatch(in: slice, using: scratch) { match in
            hitLines.append(window.lowerBound + match.range.lowerBound)
            return sameBlock && hitLines.count < 64
        }
        if !sameBlock { return !hitLines.isEmpty }
        for offset in hitLines {
            let other = lines.line(of: offset)
            if !crossesBlock(line, other) { return true }
        }
        return false
    }

    /// Whether a line that starts another branch or block lies after the earlier of two lines, up
    /// to and including the later one.
    mutating func crossesBlock(_ a: Int, _ b: Int) -> Bool {
        if a == b { return false }
        let first = min(a, b)
        let last = max(a, b)
        for line in (first + 1)...last {
            let range = lines.range(ofLine: line)
            let slice = UnsafeRawBufferPointer(rebasing: buffer[range])
            if (try? ruleSet.blockBoundary.firstMatch(in: slice, from: 0, using: scratch)) != nil { return true }
        }
        return false
    }

    /// Whether either line chooses between environments on its own (a ternary or an inline
    /// if/else): then the pair on it is not a configuration mix-up.
    mutating func isAmbiguousLine(_ a: Int, _ b: Int) -> Bool {
        for line in Set([a, b]) {
            let range = lines.range(ofLine: line)
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            if text.contains(" if ") && text.contains(" else ") { return true }
            if text.contains("?") && text.contains(" : ") { return true }
        }
        return false
    }

    /// 1-based line and column (Unicode scalars) of byte `offset`. For an exclusive end offset at
    /// the start of a line, the position stays on the previous line's end.
    mutating func position(of offset: Int, isEnd: Bool = false) -> (line: Int, column: Int) {
        let probe = isEnd && offset > 0 ? offset - 1 : offset
        let line = lines.line(of: probe)
        let start = lines.range(ofLine: line).lowerBound
        return (line, scalarColumn(buffer, lineStart: start, offset: offset))
    }

    /// Whether an inline allow comment covers `line` (on it, or `allow-next-line` above it).
    mutating func hasInlineAllow(line: Int) -> Bool {
        if InlineAllow.allowsLine(UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line)])) { return true }
        return line > 1 && InlineAllow.allowsNextLine(UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line - 1)]))
    }
}

/// Offset of the first occurrence of `needle` in `haystack` at or after `from`: memchr for the
/// first byte, then a compare — glibc's memchr is vectorised, which makes this cheap for the short
/// literals rules and inline allows use, even on multi-megabyte lines.
func firstOffset(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
    guard let first = needle.first, let base = haystack.baseAddress else { return needle.isEmpty ? from : nil }
    var offset = from
    let last = haystack.count - needle.count
    while offset <= last {
        guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
        let position = base.distance(to: UnsafeRawPointer(hit))
        if needle.withUnsafeBytes({ memcmp(base + position, $0.baseAddress!, needle.count) }) == 0 { return position }
        offset = position + 1
    }
    return nil
}

/// Whether `needle` occurs in `haystack`.
func containsBytes(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
    firstOffset(of: needle, in: haystack) != nil
}
