import CPCRE2

/// A PCRE2 pattern compiled once (with JIT when available) and safe to share between threads.
///
/// Matching reads raw bytes: files are never converted to `String` on the hot path, and invalid
/// UTF-8 neither crashes nor hides a match (`PCRE2_MATCH_INVALID_UTF`).
public final class PCRE2Pattern: @unchecked Sendable {
    // Compiled code is immutable after JIT compilation; PCRE2 documents it as shareable
    // between threads as long as each thread has its own match data.
    let code: OpaquePointer

    /// The pattern text as written in the rule file.
    public let source: String
    /// Whether the JIT compiler accepted the pattern (false means the slower interpreter runs it).
    public let isJITCompiled: Bool
    /// Number of capturing groups in the pattern.
    public let captureCount: Int

    /// Compiles `source`; throws `PCRE2CompileError` with PCRE2's message and the offset in the pattern.
    public init(_ source: String, caseInsensitive: Bool = false) throws(PCRE2CompileError) {
        // USE_OFFSET_LIMIT lets a caller bound where a match may start (see `startLimit`).
        var options = UInt32(PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PCRE2CompileError(message: PCRE2Pattern.errorMessage(errorCode), offset: errorOffset, pattern: source)
        }
        self.code = compiled
        self.source = source
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of the capturing group called `name`, or nil when the pattern has no such group.
    public func groupNumber(named name: String) -> Int? {
        let number = name.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return number > 0 ? Int(number) : nil
    }

    /// Finds the first match at or after byte `start` of `buffer`.
    ///
    /// Returns nil when there is none; throws `PCRE2MatchError` when PCRE2 gives up (match or
    /// depth limit reached, JIT stack exhausted) so the caller can warn and move on.
    ///
    /// With `startLimit`, a match must start at or before that byte offset but may run past it:
    /// the scanner uses this to look only near a keyword without cutting matches short.
    public func firstMatch(
        in buffer: UnsafeRawBufferPointer, from start: Int, startLimit: Int? = nil, using scratch: PCRE2MatchScratch
    ) throws(PCRE2MatchError) -> PCRE2Match? {
        guard start <= buffer.count else { return nil }
        if let startLimit { pcre2_set_offset_limit_8(scratch.matchContext, startLimit) }
        defer { if startLimit != nil { pcre2_set_offset_limit_8(scratch.matchContext, PCRE2Match.unset) } }
        let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // PCRE2 rejects a null subject even with length 0; an empty buffer cannot match a rule anyway.
        guard let subject = base ?? PCRE2MatchScratch.emptySubject else { return nil }
        let rc = pcre2_match_8(code, subject, buffer.count, start, 0, scratch.matchData, scratch.matchContext)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2MatchError(code: Int(rc), message: PCRE2Pattern.errorMessage(rc)) }
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(scratch.matchData))
        let groups = min(captureCount, pairs - 1)
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(groups + 1)
        for index in 0...groups {
            let lower = ovector[2 * index]
            let upper = ovector[2 * index + 1]
            // PCRE2_UNSET marks a group that did not take part in the match.
            if lower == PCRE2Match.unset || upper == PCRE2Match.unset || upper < lower {
                ranges.append(nil)
            } else {
                ranges.append(Int(lower)..<Int(upper))
            }
        }
        return PCRE2Match(groups: ranges)
    }

    /// Calls `body` for every non-overlapping match in `buffer`; stops early when `body` returns false.
    public func forEachMatch(
        in buffer: UnsafeRawBufferPointer, using scratch: PCRE2MatchScratch,
        _ body: (PCRE2Match) -> Bool
    ) throws(PCRE2MatchError) {
        var position = 0
        while position <= buffer.count, let match = try firstMatch(in: buffer, from: position, using: scratch) {
            if !body(match) { return }
            let whole = match.range
            // An empty match would loop forever: step one byte past it.
            position = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
    }

    /// Whether `bytes` contains a match anywhere.
    public func matches(_ bytes: some Collection<UInt8>, using scratch: PCRE2MatchScratch) throws(PCRE2MatchError) -> Bool {
        let array = Array(bytes)
        let result: Result<Bool, PCRE2MatchError> = array.withUnsafeBytes { buffer in
            do throws(PCRE2MatchError) {
                return .success(try firstMatch(in: buffer, from: 0, using: scratch) != nil)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func errorMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
