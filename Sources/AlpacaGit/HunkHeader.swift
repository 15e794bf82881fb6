/// The numbers of a `@@ -a,b +c,d @@` line: where a hunk starts and how many lines it spans on each side.
struct HunkHeader: Equatable {
    /// 1-based first line on the old side (0 when the old side is empty).
    let oldStart: Int
    /// Number of old-side lines (`-`) in the hunk, context included.
    let oldCount: Int
    /// 1-based first line on the new side (0 when the new side is empty).
    let newStart: Int
    /// Number of new-side lines (`+`) in the hunk, context included.
    let newCount: Int

    /// Parses a hunk header line; nil for anything else (including combined-diff `@@@` headers).
    init?(_ line: ArraySlice<UInt8>) {
        var cursor = line[...]
        guard HunkHeader.consume("@@ -", from: &cursor),
            let old = HunkHeader.range(from: &cursor),
            HunkHeader.consume(" +", from: &cursor),
            let new = HunkHeader.range(from: &cursor),
            HunkHeader.consume(" @@", from: &cursor)
        else { return nil }
        (oldStart, oldCount, newStart, newCount) = (old.start, old.count, new.start, new.count)
    }

    /// `start[,count]`; a missing count means 1, as in GNU diff.
    private static func range(from cursor: inout ArraySlice<UInt8>) -> (start: Int, count: Int)? {
        guard let start = number(from: &cursor) else { return nil }
        guard cursor.first == UInt8(ascii: ",") else { return (start, 1) }
        cursor = cursor.dropFirst()
        guard let count = number(from: &cursor) else { return nil }
        return (start, count)
    }

    /// At most 9 digits: real line numbers never need more, and the cap keeps arithmetic from overflowing on junk.
    private static func number(from cursor: inout ArraySlice<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        while let byte = cursor.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            digits += 1
            guard digits <= 9 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            cursor = cursor.dropFirst()
        }
        return digits > 0 ? value : nil
    }

    private static func consume(_ literal: String, from cursor: inout ArraySlice<UInt8>) -> Bool {
        let bytes = Array(literal.utf8)
        guard cursor.starts(with: bytes) else { return false }
        cursor = cursor.dropFirst(bytes.count)
        return true
    }
}
