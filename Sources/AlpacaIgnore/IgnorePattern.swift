/// One parsed line of an ignore file, matched exactly like git's `match_basename`/`match_pathname`.
struct IgnorePattern: Sendable, Hashable {
    /// The ignore file it came from, named as in `IgnoreMatch.source`.
    let source: String
    /// The line as written after comment, CR and trailing-space handling (includes `!` and a trailing `/`).
    let text: String
    /// 1-based line number in its source file.
    let line: Int
    /// True for `!pattern`: a match re-includes the path.
    let isNegation: Bool
    /// True for a trailing `/`: only directories (never symlinks) can match.
    let directoryOnly: Bool

    /// The glob without `!` and trailing `/`, as bytes.
    let glob: [UInt8]
    /// git's NODIR: no '/' in the glob, so it is tried against the basename at any depth.
    let matchesBasename: Bool
    /// git's ENDSWITH: `*literal`, checked as a suffix comparison.
    let isSuffix: Bool
    /// git's `nowildcardlen`: length of the leading run without glob specials.
    let literalPrefixLength: Int
    /// Directory of the ignore file relative to the walk root, no trailing '/'; empty at the root.
    let base: [UInt8]

    /// Parses one already-trimmed line (git's `parse_path_pattern`); `base` is the ignore file's directory.
    init(line rawLine: [UInt8], lineNumber: Int, base: [UInt8], source: String) {
        self.source = source
        text = String(decoding: rawLine, as: UTF8.self)
        line = lineNumber
        self.base = base
        var body = rawLine[...]
        isNegation = body.first == Ascii.bang
        if isNegation { body = body.dropFirst() }
        let fullLength = body.count
        directoryOnly = body.last == Ascii.slash
        if directoryOnly { body = body.dropLast() }
        glob = Array(body)
        matchesBasename = !glob.contains(Ascii.slash)
        // git measures the literal run on the text that still has the trailing '/', then caps it.
        let bodyWithSlash = rawLine[(rawLine.count - fullLength)...]
        let literalRun = bodyWithSlash.prefix { !Ascii.isGlobSpecial($0) }.count
        literalPrefixLength = min(literalRun, glob.count)
        isSuffix = bodyWithSlash.first == Ascii.star
            && !bodyWithSlash.dropFirst().contains(where: Ascii.isGlobSpecial)
    }

    /// Whether this pattern matches `path` (relative to the walk root, no leading or trailing '/');
    /// `basenameStart` is the index where the last component begins. Negation is not applied here.
    func matches(path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        if matchesBasename {
            return matchBasename(UnsafeBufferPointer(rebasing: path[basenameStart...]))
        }
        return matchPathname(path)
    }

    /// git's `match_basename`.
    private func matchBasename(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if literalPrefixLength == glob.count {
            return glob.count == name.count && glob.elementsEqual(name)
        }
        if isSuffix {
            let suffixLength = glob.count - 1
            return suffixLength <= name.count && glob.dropFirst().elementsEqual(name.suffix(suffixLength))
        }
        return glob.withUnsafeBufferPointer {
            Wildmatch.matches(pattern: $0, text: name, pathname: false)
        }
    }

    /// git's `match_pathname`: the glob is anchored at `base`, a leading '/' only marks the anchor.
    private func matchPathname(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var patternStart = 0
        var prefix = literalPrefixLength
        if glob.first == Ascii.slash {
            patternStart = 1
            prefix -= 1
        }
        let baseLength = base.count
        if path.count < baseLength + 1 { return false }
        if baseLength > 0 && (path[baseLength] != Ascii.slash || !base.elementsEqual(path[0..<baseLength])) {
            return false
        }
        var nameStart = baseLength > 0 ? baseLength + 1 : 0
        if prefix > 0 {
            if prefix > path.count - nameStart { return false }
            if !glob[patternStart..<(patternStart + prefix)].elementsEqual(path[nameStart..<(nameStart + prefix)]) {
                return false
            }
            patternStart += prefix
            nameStart += prefix
            if patternStart == glob.count && nameStart == path.count { return true }
        }
        // The remainder becomes a pattern of its own, so a `**` right after the literal prefix counts
        // as leading: that is why git matches `foo**/bar` against "foobar".
        return glob.withUnsafeBufferPointer { g in
            Wildmatch.matches(
                pattern: UnsafeBufferPointer(rebasing: g[patternStart...]),
                text: UnsafeBufferPointer(rebasing: path[nameStart...]),
                pathname: true)
        }
    }
}
