import PCRE2Kit

/// Everything the scanner learns about one buffer, computed lazily and cached: line starts,
/// which keywords occur, whether a pattern occurs anywhere.
struct FileContext {
    let buffer: UnsafeRawBufferPointer
    let path: String
    let ruleSet: RuleSet
    let scratch: PCRE2MatchScratch
    private var lineIndex: LineIndex?
    private var keywordPresence: [String: Bool] = [:]
    private var wholeFilePresence: [ObjectIdentifier: Bool] = [:]

    init(buffer: UnsafeRawBufferPointer, path: String, ruleSet: RuleSet, scratch: PCRE2MatchScratch) {
        self.buffer = buffer
        self.path = path
        self.ruleSet = ruleSet
        self.scratch = scratch
    }

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

    /// Whether one of `keywords` occurs (case-insensitively); true when the list is empty.
    mutating func anyKeywordPresent(_ keywords: [String]) -> Bool {
        if keywords.isEmpty { return true }
        for keyword in keywords {
            if let known = keywordPresence[keyword] {
                if known { return true }
                continue
            }
            let present: Bool
            if let pattern = ruleSet.keywordPatterns[keyword] {
                present = (try? pattern.firstMatch(in: buffer, from: 0, using: scratch)) != nil
            } else {
                present = true
            }
            keywordPresence[keyword] = present
            if present { return true }
        }
        return false
    }

    /// Whether `pattern` matches within `within` lines of `line` (nil: anywhere in the file),
    /// optionally without a block boundary between the two lines.
    mutating func patternOccurs(_ pattern: PCRE2Pattern, near line: Int, within: Int?, sameBlock: Bool = false) throws(PCRE2MatchError) -> Bool {
        guard let within else {
            if !sameBlock, let known = wholeFilePresence[ObjectIdentifier(pattern)] { return known }
            if !sameBlock {
                let present = try pattern.firstMatch(in: buffer, from: 0, using: scratch) != nil
                wholeFilePresence[ObjectIdentifier(pattern)] = present
                return present
            }
            return try occurs(pattern, in: 0..<buffer.count, near: line, sameBlock: true)
        }
        let window = lines.range(fromLine: line - within, toLine: line + within)
        return try occurs(pattern, in: window, near: line, sameBlock: sameBlock)
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
        if InlineAllow.allowsLine(text(ofLine: line)) { return true }
        return line > 1 && InlineAllow.allowsNextLine(text(ofLine: line - 1))
    }

    private mutating func text(ofLine line: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(rebasing: buffer[lines.range(ofLine: line)]))
    }
}
