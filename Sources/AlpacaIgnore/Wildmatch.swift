/// Byte-for-byte port of git's `wildmatch.c` (git 2.39), the glob engine behind .gitignore.
///
/// Ported rather than re-derived because git's quirks are the specification: `foo**/bar`,
/// `[!]`, unclosed brackets and the `**` abort protocol all behave exactly like git only when the
/// control flow is the same. Bytes past the end of a buffer read as NUL, like the C strings.
enum Wildmatch {
    /// True when `pattern` matches the whole of `text`; `pathname` is git's `WM_PATHNAME`
    /// (`*` and `?` stop at '/', `**` spans directories).
    static func matches(pattern: [UInt8], text: [UInt8], pathname: Bool) -> Bool {
        pattern.withUnsafeBufferPointer { p in
            text.withUnsafeBufferPointer { t in
                matches(pattern: p, text: t, pathname: pathname)
            }
        }
    }

    /// Buffer variant of `matches(pattern:text:pathname:)`; no copies on the hot path.
    static func matches(
        pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, pathname: Bool
    ) -> Bool {
        var engine = Engine(pattern: pattern, text: text, pathname: pathname)
        return engine.run(patternIndex: 0, textIndex: 0) == .match
    }

    /// git's four outcomes; the aborts prune the backtracking of enclosing `*` loops.
    enum Outcome: Equatable {
        case match, noMatch, abortAll, abortToStarStar
    }

    /// Holds the two buffers so the recursive matcher reads like the C original.
    struct Engine {
        let pattern: UnsafeBufferPointer<UInt8>
        let text: UnsafeBufferPointer<UInt8>
        let pathname: Bool

        init(pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, pathname: Bool) {
            self.pattern = pattern
            self.text = text
            self.pathname = pathname
        }

        @inline(__always) func p(_ i: Int) -> UInt8 { i < pattern.count ? pattern[i] : 0 }
        @inline(__always) func t(_ i: Int) -> UInt8 { i < text.count ? text[i] : 0 }

        /// True when any '/' remains in the text from `i` on (C: `strchr(text, '/')`).
        func firstSlash(from i: Int) -> Int? {
            var j = i
            while j < text.count {
                if text[j] == Ascii.slash { return j }
                j += 1
            }
            return nil
        }

        /// `dowild`: `start` is where this (sub)pattern begins, which matters for `**` at its start.
        mutating func run(patternIndex start: Int, textIndex: Int) -> Outcome {
            var pi = start
            var ti = textIndex
            while true {
                var pch = p(pi)
                if pch == 0 { break }
                var tch = t(ti)
                if tch == 0 && pch != Ascii.star { return .abortAll }
                switch pch {
                case Ascii.backslash:
                    // Literal next byte; a trailing backslash compares against NUL and fails.
                    pi += 1
                    pch = p(pi)
                    if tch != pch { return .noMatch }
                case Ascii.question:
                    if pathname && tch == Ascii.slash { return .noMatch }
                case Ascii.star:
                    let matchSlash: Bool
                    pi += 1
                    if p(pi) == Ascii.star {
                        let previous = pi - 2
                        repeat { pi += 1 } while p(pi) == Ascii.star
                        if !pathname {
                            matchSlash = true
                        } else if (previous < start || p(previous) == Ascii.slash)
                            && (p(pi) == 0 || p(pi) == Ascii.slash
                                || (p(pi) == Ascii.backslash && p(pi + 1) == Ascii.slash))
                        {
                            // "**/" may match no directory at all: try the rest right here first.
                            if p(pi) == Ascii.slash && run(patternIndex: pi + 1, textIndex: ti) == .match {
                                return .match
                            }
                            matchSlash = true
                        } else {
                            matchSlash = false
                        }
                    } else {
                        matchSlash = !pathname
                    }
                    if p(pi) == 0 {
                        // Trailing "**" takes everything; a trailing "*" only the last component.
                        if !matchSlash && firstSlash(from: ti) != nil { return .noMatch }
                        return .match
                    } else if !matchSlash && p(pi) == Ascii.slash {
                        // One star then '/': jump to the next '/', consumed by the loop step below.
                        guard let slash = firstSlash(from: ti) else { return .noMatch }
                        ti = slash
                        break
                    }
                    while true {
                        if tch == 0 { break }
                        if !Ascii.isGlobSpecial(p(pi)) {
                            // Skip ahead to the next occurrence of the literal that follows the star.
                            let literal = p(pi)
                            while true {
                                tch = t(ti)
                                if tch == 0 || (!matchSlash && tch == Ascii.slash) || tch == literal { break }
                                ti += 1
                            }
                            if tch != literal { return .noMatch }
                        }
                        let outcome = run(patternIndex: pi, textIndex: ti)
                        if outcome != .noMatch {
                            if !matchSlash || outcome != .abortToStarStar { return outcome }
                        } else if !matchSlash && tch == Ascii.slash {
                            return .abortToStarStar
                        }
                        ti += 1
                        tch = t(ti)
                    }
                    return .abortAll
                case Ascii.openBracket:
                    guard let next = matchBracket(at: &pi, textByte: tch) else { return .abortAll }
                    if !next { return .noMatch }
                default:
                    if tch != pch { return .noMatch }
                }
                pi += 1
                ti += 1
            }
            return t(ti) != 0 ? .noMatch : .match
        }

        /// Evaluates `[...]` starting at the '[' at `pi`; leaves `pi` on the closing ']'.
        /// Returns nil for a malformed class (git aborts the whole match), else whether `tch` matched.
        func matchBracket(at pi: inout Int, textByte tch: UInt8) -> Bool? {
            pi += 1
            var pch = p(pi)
            if pch == Ascii.caret { pch = Ascii.bang }
            let negated = pch == Ascii.bang
            if negated {
                pi += 1
                pch = p(pi)
            }
            var previous: UInt8 = 0
            var matched = false
            // The first byte is taken before ']' is checked, so "[]]" and "[!]" behave as in git.
            while true {
                if pch == 0 { return nil }
                if pch == Ascii.backslash {
                    pi += 1
                    pch = p(pi)
                    if pch == 0 { return nil }
                    if tch == pch { matched = true }
                } else if pch == Ascii.dash && previous != 0 && p(pi + 1) != 0 && p(pi + 1) != Ascii.closeBracket {
                    pi += 1
                    pch = p(pi)
                    if pch == Ascii.backslash {
                        pi += 1
                        pch = p(pi)
                        if pch == 0 { return nil }
                    }
                    if tch <= pch && tch >= previous { matched = true }
                    pch = 0  // a range end cannot start another range
                } else if pch == Ascii.openBracket && p(pi + 1) == Ascii.colon {
                    pi += 2
                    let nameStart = pi
                    while p(pi) != 0 && p(pi) != Ascii.closeBracket { pi += 1 }
                    pch = p(pi)
                    if pch == 0 { return nil }
                    let nameLength = pi - nameStart - 1
                    if nameLength < 0 || p(pi - 1) != Ascii.colon {
                        // No ":]": the '[' is an ordinary member and scanning resumes after it.
                        pi = nameStart - 2
                        pch = Ascii.openBracket
                        if tch == pch { matched = true }
                    } else {
                        let name = Array(pattern[nameStart..<(nameStart + nameLength)])
                        guard let isMember = CharacterClass.contains(name: name, byte: tch) else { return nil }
                        if isMember { matched = true }
                        pch = 0
                    }
                } else if tch == pch {
                    matched = true
                }
                previous = pch
                pi += 1
                pch = p(pi)
                if pch == Ascii.closeBracket { break }
            }
            if matched == negated || (pathname && tch == Ascii.slash) { return false }
            return true
        }
    }
}
