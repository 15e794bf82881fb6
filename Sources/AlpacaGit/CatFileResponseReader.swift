/// Reads the answers of `git cat-file --batch` one object at a time from its output stream:
/// `<id> <type> <size>\n<size bytes>\n`, or `<name> missing\n` (also `ambiguous`) when there is no such object.
struct CatFileResponseReader {
    /// One answer.
    enum Response {
        /// The object's contents (only when the caller asked to keep them).
        case contents(oid: String, type: [UInt8], bytes: [UInt8])
        /// An object whose contents were streamed past without being kept.
        case skipped(oid: String, type: [UInt8], size: Int)
        /// git found no object for the name.
        case missing(name: String)
    }

    private let input: ByteStreamReader
    private var line: [UInt8] = []

    /// Reads answers from `input`.
    init(input: ByteStreamReader) {
        self.input = input
    }

    /// The next answer; the contents are kept when `keep(type, size)` says so. Nil at end of stream.
    mutating func next(keep: (_ type: ArraySlice<UInt8>, _ size: Int) -> Bool) throws(GitError) -> Response? {
        if input.isAtEnd { return nil }
        line.removeAll(keepingCapacity: true)
        guard input.readField(until: UInt8(ascii: "\n"), into: &line) else { throw malformed("answer cut short") }
        let parts = line.split(separator: UInt8(ascii: " "))
        if parts.count == 2, parts[1].elementsEqual("missing".utf8) || parts[1].elementsEqual("ambiguous".utf8) {
            return .missing(name: String(decoding: parts[0], as: UTF8.self))
        }
        guard parts.count == 3, let size = Int(String(decoding: parts[2], as: UTF8.self)), size >= 0 else {
            throw malformed("answer header of an unknown shape")
        }
        let oid = String(decoding: parts[0], as: UTF8.self)
        let type = Array(parts[1])
        let response: Response
        if keep(parts[1], size) {
            guard let bytes = input.readBytes(size) else { throw malformed("object shorter than its declared size") }
            response = .contents(oid: oid, type: type, bytes: bytes)
        } else {
            guard input.skip(size) else { throw malformed("object shorter than its declared size") }
            response = .skipped(oid: oid, type: type, size: size)
        }
        guard input.peek() == UInt8(ascii: "\n") else { throw malformed("object not followed by a newline") }
        input.skipByte()
        return response
    }

    private func malformed(_ reason: String) -> GitError {
        GitError.unexpectedOutput(command: "cat-file --batch", reason: reason)
    }
}
