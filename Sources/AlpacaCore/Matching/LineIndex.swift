/// Byte offsets of line starts in one buffer, built only when a file has a candidate, so clean
/// files never pay for it.
struct LineIndex {
    /// Offset of the first byte of each line; lineStarts[0] == 0.
    let lineStarts: [Int]
    let count: Int

    init(_ buffer: UnsafeRawBufferPointer) {
        var starts = [0]
        if let base = buffer.baseAddress {
            var offset = 0
            while offset < buffer.count,
                let hit = memchrNewline(base + offset, buffer.count - offset)
            {
                offset = hit - Int(bitPattern: base) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
        count = buffer.count
    }

    /// 1-based line of byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Byte range of 1-based `line`, without its line terminator.
    func range(ofLine line: Int) -> Range<Int> {
        let index = max(0, min(line - 1, lineStarts.count - 1))
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : count
        if end < start { end = start }
        return start..<end
    }

    /// Byte range from the start of `first` to the end of `last` (1-based, clamped).
    func range(fromLine first: Int, toLine last: Int) -> Range<Int> {
        let lower = range(ofLine: max(1, first)).lowerBound
        let upper = range(ofLine: min(lineStarts.count, max(first, last))).upperBound
        return lower..<max(lower, upper)
    }

    /// Number of lines.
    var lineCount: Int { lineStarts.count }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Address of the next '\n' at or after `pointer`, as an integer, or nil.
@inline(__always)
private func memchrNewline(_ pointer: UnsafeRawPointer, _ length: Int) -> Int? {
    guard let hit = memchr(pointer, 0x0A, length) else { return nil }
    return Int(bitPattern: hit)
}

/// 1-based column of byte `offset` on a line starting at `lineStart`, counted in Unicode scalars
/// (every byte that is not a UTF-8 continuation byte starts one; invalid bytes count as one each).
func scalarColumn(_ buffer: UnsafeRawBufferPointer, lineStart: Int, offset: Int) -> Int {
    guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), offset > lineStart else { return 1 }
    return 1 + scalarCount(base + lineStart, offset - lineStart)
}

/// The number of Unicode scalars in `count` bytes at `start`: every byte that is not a UTF-8
/// continuation byte starts one. Eight bytes at a time, so that a column on a megabyte-long line
/// of a minified file stays cheap.
func scalarCount(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var continuation = 0
    var index = 0
    let raw = UnsafeRawPointer(start)
    while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
        let marks = word & ~(word << 1) & 0x8080_8080_8080_8080
        continuation += marks.nonzeroBitCount
        index += 8
    }
    while index < count {
        if start[index] & 0xC0 == 0x80 { continuation += 1 }
        index += 1
    }
    return count - continuation
}
