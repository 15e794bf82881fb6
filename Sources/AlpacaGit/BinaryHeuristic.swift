/// git's own test for binary content: a NUL byte among the first 8000 bytes.
enum BinaryHeuristic {
    /// True when `content` would be treated as binary by git (`buffer_is_binary`).
    static func looksBinary(_ content: [UInt8]) -> Bool {
        content.prefix(8000).contains(0)
    }
}
