import Foundation
import PCRE2Kit
import Testing

@Suite("PCRE2Kit")
struct PCRE2PatternTests {
    func ranges(_ pattern: PCRE2Pattern, _ bytes: [UInt8], scratch: PCRE2MatchScratch = PCRE2MatchScratch()) throws(PCRE2MatchError) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let result: Result<Void, PCRE2MatchError> = bytes.withUnsafeBytes { buffer in
            do throws(PCRE2MatchError) {
                try pattern.forEachMatch(in: buffer, using: scratch) { match in
                    found.append(match.range)
                    return found.count < 1_000
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return found
    }

    @Test func compileErrorCarriesPCRE2MessageAndOffset() {
        do {
            _ = try PCRE2Pattern("ab(c")
            Issue.record("an unbalanced pattern compiled")
        } catch {
            #expect(error.message == "missing closing parenthesis")
            #expect(error.offset == 4)
            #expect(error.pattern == "ab(c")
            #expect(error.description == "missing closing parenthesis at offset 4")
        }
        do {
            _ = try PCRE2Pattern("x{2,1}")
            Issue.record("a reversed quantifier compiled")
        } catch {
            #expect(error.message.contains("out of order"))
            #expect(error.offset == 5)
        }
    }

    @Test func invalidUTF8SubjectWithAMatchAfterIt() throws {
        let pattern = try PCRE2Pattern("PK[A-Z0-9]{18}")
        let bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28, 0x20] + Array("PKQ3H8ZK2W6N0RTVLV4B".utf8) + [0xED, 0xA0, 0x80, 0x0A]
        #expect(try ranges(pattern, bytes) == [5..<25])
        // A pattern that can match invalid bytes' neighbours: '.' never consumes an invalid byte.
        let dot = try PCRE2Pattern("a.b")
        #expect(try ranges(dot, Array("a".utf8) + [0xFF] + Array("b aéb".utf8)) == [4..<8])
    }

    @Test func emptyBuffer() throws {
        let scratch = PCRE2MatchScratch()
        let literal = try PCRE2Pattern("x")
        let empty = try PCRE2Pattern("")
        #expect(try literal.matches([UInt8](), using: scratch) == false)
        // An empty array has no base address; the wrapper must not hand PCRE2 a null pointer.
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(try literal.firstMatch(in: none, from: 0, using: scratch) == nil)
        #expect(try literal.firstMatch(in: none, from: 1, using: scratch) == nil)
        var count = 0
        try empty.forEachMatch(in: none, using: scratch) { _ in count += 1; return true }
        #expect(count <= 1)  // at most the one empty match at offset 0, and it terminates
    }

    @Test func matchLimitOnACatastrophicPatternFailsQuicklyWithIsLimit() throws {
        let pattern = try PCRE2Pattern("(a+)+$")
        let bytes = Array(String(repeating: "a", count: 50_000).utf8) + Array("b".utf8)
        let started = Date()
        do {
            _ = try ranges(pattern, bytes, scratch: PCRE2MatchScratch(matchLimit: 100_000))
            Issue.record("the catastrophic pattern finished without hitting a limit")
        } catch {
            #expect(error.isLimit, "\(error.code): \(error.message)")
            #expect(!error.message.isEmpty)
        }
        #expect(Date().timeIntervalSince(started) < 5)
        // With the default limits too: an error, not a hang.
        let defaultStart = Date()
        #expect(throws: PCRE2MatchError.self) { _ = try ranges(pattern, bytes) }
        #expect(Date().timeIntervalSince(defaultStart) < 10)
    }

    @Test func forEachMatchWithAnEmptyMatchingPatternTerminates() throws {
        for source in ["", "x*", "(?=a)", "\\b", "$", "^"] {
            let pattern = try PCRE2Pattern(source)
            let found = try ranges(pattern, Array("ab\nxxa".utf8))
            #expect(found.count < 1_000, "\(source) looped")
            #expect(found.count >= 1, "\(source)")
        }
        // Empty matches next to multi-byte characters must not split them or loop.
        let found = try ranges(try PCRE2Pattern("x*"), Array("é😀".utf8))
        #expect(found.count <= 7)
        #expect(found.allSatisfy { $0.isEmpty })
    }

    @Test func jitIsUsed() throws {
        let pattern = try PCRE2Pattern("(?<![A-Za-z0-9])(PK[A-Z0-9]{18})(?![A-Za-z0-9])")
        #expect(pattern.isJITCompiled)
        #expect(pattern.captureCount == 1)
        #expect(pattern.groupNumber(named: "missing") == nil)
        let named = try PCRE2Pattern("(?<secret>x)")
        #expect(named.groupNumber(named: "secret") == 1)
    }

    @Test func caseInsensitiveAndUnsetGroups() throws {
        let pattern = try PCRE2Pattern("(a)|(b)", caseInsensitive: true)
        let scratch = PCRE2MatchScratch()
        let match = try Array("B".utf8).withUnsafeBytes { try pattern.firstMatch(in: $0, from: 0, using: scratch) }
        #expect(match?.range(of: 1) == nil)
        #expect(match?.range(of: 2) == 0..<1)
        #expect(match?.range(of: 9) == nil)
    }

    @Test func startBeyondTheBufferIsNoMatch() throws {
        let pattern = try PCRE2Pattern("a")
        let scratch = PCRE2MatchScratch()
        let result = try Array("aaa".utf8).withUnsafeBytes { try pattern.firstMatch(in: $0, from: 4, using: scratch) }
        #expect(result == nil)
    }

    @Test func scratchesOnManyThreads() throws {
        let pattern = try PCRE2Pattern("PK[A-Z0-9]{18}")
        let bytes = Array(String(repeating: "xx PKQ3H8ZK2W6N0RTVLV4B yy\n", count: 200).utf8)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { counts.deallocate() }
        nonisolated(unsafe) let shared = counts
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let scratch = PCRE2MatchScratch()
            var count = 0
            bytes.withUnsafeBytes { buffer in
                try? pattern.forEachMatch(in: buffer, using: scratch) { _ in count += 1; return true }
            }
            shared[index] = count
        }
        #expect(Array(counts) == Array(repeating: 200, count: 8))
    }
}
