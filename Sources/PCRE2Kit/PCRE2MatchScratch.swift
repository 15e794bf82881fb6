import CPCRE2

/// Per-thread match state: match data, limits and JIT stack. Create one per worker and reuse it
/// for every pattern and file; never share one between threads.
public final class PCRE2MatchScratch {
    let matchData: OpaquePointer
    let matchContext: OpaquePointer
    private let jitStack: OpaquePointer?

    /// A one-byte buffer used as the subject of empty inputs (PCRE2 rejects a null pointer).
    nonisolated(unsafe) static let emptySubject: UnsafePointer<UInt8>? = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// Creates scratch space with the given limits.
    ///
    /// - Parameters:
    ///   - matchLimit: PCRE2's match limit (backtracking steps per match call); stops runaway patterns.
    ///   - depthLimit: PCRE2's depth limit for the interpreter (the JIT is bounded by its stack instead).
    ///   - maxCaptureGroups: the largest number of groups any pattern will report.
    public init(matchLimit: UInt32 = 5_000_000, depthLimit: UInt32 = 100_000, maxCaptureGroups: UInt32 = 32) {
        matchData = pcre2_match_data_create_8(maxCaptureGroups + 1, nil)!
        matchContext = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(matchContext, matchLimit)
        pcre2_set_depth_limit_8(matchContext, depthLimit)
        // The default 32 KiB JIT stack is too small for some valid patterns on long lines;
        // 1 MiB is still bounded, so a runaway pattern fails with an error instead of crashing.
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
