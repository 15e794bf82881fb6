/// One line that a patch adds: its 1-based number in the new file and its raw bytes (no newline).
public struct AddedLine: Sendable, Hashable {
    /// 1-based line number in the new (staged or committed) version of the file.
    public let line: Int
    /// The line's bytes exactly as in the file, without the diff's `+` and without the line ending `\n`.
    public let bytes: [UInt8]

    /// Creates an added line.
    public init(line: Int, bytes: [UInt8]) {
        self.line = line
        self.bytes = bytes
    }
}
