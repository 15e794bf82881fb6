/// Turns byte offsets into line and column, in time linear in the document as long as offsets are
/// asked for in increasing order (the parser asks for each key's position as it reads the key).
/// Asking for an earlier offset starts again from the top, which only errors do, once.
struct PositionLocator {
    private let start: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    /// A locator whose line 1, column 1 is at byte `start` (after a byte order mark).
    init(start: Int) {
        self.start = start
        self.offset = start
    }

    /// The position of the byte at `target` (or of the end, when `target` is the byte count).
    mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TOMLPosition {
        let target = min(max(target, start), bytes.count)
        if target < offset { self = PositionLocator(start: start) }
        var i = offset
        var line = self.line
        var column = self.column
        while i < target {
            let byte = bytes[i]
            if byte == Byte.lineFeed {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes of a UTF-8 sequence do not start a new column.
                column += 1
            }
            i += 1
        }
        offset = target
        self.line = line
        self.column = column
        return TOMLPosition(line: line, column: column)
    }
}
