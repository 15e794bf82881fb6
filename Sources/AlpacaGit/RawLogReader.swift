/// Parses, record by record, the stream of
/// `git log --raw -z --format=<marker>%H%x00%ct%x00%an%x00%ae` as it arrives.
///
/// Shape (checked with git 2.39): a commit is the marker byte, four NUL-terminated fields (the
/// last NUL is -z's record terminator) and, when its diff is not empty, a newline followed by raw
/// entries `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` (two paths for a rename or
/// copy). Records are told apart by their first byte alone, so no content can be mistaken for a marker:
/// paths and names are consumed as counted fields.
struct RawLogReader {
    /// The first byte of a commit header.
    static let marker: UInt8 = 0x01
    /// The `--format` argument that produces the headers this reader expects.
    static let formatArgument = "--format=%x01%H%x00%ct%x00%an%x00%ae"

    /// One parsed record.
    enum Record {
        /// A commit header.
        case commit(sha: [UInt8], timestamp: Int64, authorName: [UInt8], authorEmail: [UInt8])
        /// One changed path of the current commit: its old side (all-zero id when added) and new side.
        case entry(oldMode: [UInt8], oldObject: [UInt8], newMode: [UInt8], newObject: [UInt8], status: UInt8, path: [UInt8])
    }

    private let input: ByteStreamReader
    private var field: [UInt8] = []

    /// Reads records from `input`.
    init(input: ByteStreamReader) {
        self.input = input
    }

    /// The next record; nil at the end of the stream. Throws on a record cut short or of an unknown shape.
    mutating func next() throws(GitError) -> Record? {
        while let first = input.peek() {
            switch first {
            case UInt8(ascii: "\n"):
                input.skipByte()
            case RawLogReader.marker:
                input.skipByte()
                let sha = try readField()
                let timestamp = try readField()
                let name = try readField()
                let email = try readField()
                guard let seconds = Int64(String(decoding: timestamp, as: UTF8.self)) else {
                    throw malformed("commit header without a timestamp")
                }
                return .commit(sha: sha, timestamp: seconds, authorName: name, authorEmail: email)
            case UInt8(ascii: ":"):
                let header = try readField()
                // ":100644 100644 <old id> <new id> M" (a rename's status carries a score: "R100").
                let parts = header.dropFirst().split(separator: UInt8(ascii: " "))
                guard parts.count == 5, let status = parts[4].first else {
                    throw malformed("raw diff entry of an unknown shape")
                }
                var path = try readField()
                if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") {
                    path = try readField()
                }
                return .entry(
                    oldMode: Array(parts[0]), oldObject: Array(parts[2]), newMode: Array(parts[1]), newObject: Array(parts[3]),
                    status: status, path: path)
            default:
                throw malformed("unexpected byte at the start of a record")
            }
        }
        return nil
    }

    private mutating func readField() throws(GitError) -> [UInt8] {
        field.removeAll(keepingCapacity: true)
        guard input.readField(until: 0, into: &field) else { throw malformed("record cut short") }
        return field
    }

    private func malformed(_ reason: String) -> GitError {
        GitError.unexpectedOutput(command: "log --raw -z", reason: reason)
    }
}
