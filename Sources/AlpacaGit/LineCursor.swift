/// Walks the lines of a byte buffer without copying; a line excludes its `\n` (a `\r` before it is kept).
struct LineCursor {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    /// End of the line at `position`, once found, so that peek-then-advance searches each line once.
    private var lineEnd: Int?

    /// Starts at the first line of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The current line, or nil at the end of the buffer.
    mutating func peek() -> ArraySlice<UInt8>? {
        guard position < bytes.endIndex else { return nil }
        let end = lineEnd ?? (bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex)
        lineEnd = end
        return bytes[position..<end]
    }

    /// Moves past the current line and its newline.
    mutating func advance() {
        guard position < bytes.endIndex else { return }
        let end = lineEnd ?? (bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex)
        position = min(end + 1, bytes.endIndex)
        lineEnd = nil
    }
}
