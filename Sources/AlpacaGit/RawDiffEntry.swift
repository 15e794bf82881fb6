/// One record of `git diff-index --raw -z`: modes, object ids, status letter and path(s).
struct RawDiffEntry: Equatable {
    /// Mode of the new side, e.g. `100644`, `100755`, `120000` (symlink), `160000` (gitlink), `000000` (absent).
    let newMode: String
    /// Object id of the new side (for `--cached`, the blob in the index).
    let newObject: String
    /// Status letter: A, C, D, M, R, T, U or X (the similarity score of R and C is dropped).
    let status: Character
    /// Path on the old side for renames and copies; nil otherwise.
    let sourcePath: String?
    /// Path on the new side (the old one for a deletion), relative to the repository root.
    let path: String

    /// Parses a whole `--raw -z` listing; throws `unexpectedOutput` for a truncated or malformed record.
    static func parseListing(_ bytes: [UInt8], command: String) throws(GitError) -> [RawDiffEntry] {
        var fields = bytes.split(separator: 0, omittingEmptySubsequences: false)[...]
        if fields.last?.isEmpty == true { fields = fields.dropLast() }
        var entries: [RawDiffEntry] = []
        while let header = fields.popFirst() {
            // ":100644 100644 <old id> <new id> M"
            let parts = header.split(separator: UInt8(ascii: " "))
            guard header.first == UInt8(ascii: ":"), parts.count == 5, let letter = parts[4].first else {
                throw GitError.unexpectedOutput(command: command, reason: "malformed raw diff record")
            }
            let status = Character(Unicode.Scalar(letter))
            guard let first = fields.popFirst() else {
                throw GitError.unexpectedOutput(command: command, reason: "raw diff record without a path")
            }
            var sourcePath: String?
            var path = DiffPathDecoder.decode(Array(first))
            if status == "R" || status == "C" {
                guard let second = fields.popFirst() else {
                    throw GitError.unexpectedOutput(command: command, reason: "rename record without a new path")
                }
                sourcePath = path
                path = DiffPathDecoder.decode(Array(second))
            }
            entries.append(
                RawDiffEntry(
                    newMode: String(decoding: parts[1], as: UTF8.self),
                    newObject: String(decoding: parts[3], as: UTF8.self),
                    status: status, sourcePath: sourcePath, path: path))
        }
        return entries
    }

    /// Splits `diff --patch-with-raw -z` output: the raw records at its start (each starting with
    /// `:`, ended by one empty field when a patch follows), and the patch text after them, which
    /// `-z` leaves as it is (names in it are quoted as usual).
    static func splitPatchWithRaw(_ bytes: [UInt8], command: String) throws(GitError) -> (
        entries: [RawDiffEntry], patch: ArraySlice<UInt8>
    ) {
        var position = bytes.startIndex
        var entries: [RawDiffEntry] = []
        func field() throws(GitError) -> ArraySlice<UInt8> {
            guard let end = bytes[position...].firstIndex(of: 0) else {
                throw GitError.unexpectedOutput(command: command, reason: "raw diff record cut short")
            }
            defer { position = end + 1 }
            return bytes[position..<end]
        }
        while position < bytes.endIndex, bytes[position] == UInt8(ascii: ":") {
            let header = try field()
            let status = header.split(separator: UInt8(ascii: " ")).last?.first
            // One record re-assembled for `parseListing`: header, path (and a second path for R and C).
            var record = Array(header)
            record.append(0)
            record.append(contentsOf: try field())
            record.append(0)
            if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") {
                record.append(contentsOf: try field())
                record.append(0)
            }
            entries.append(contentsOf: try parseListing(record, command: command))
        }
        if position < bytes.endIndex, bytes[position] == 0 { position += 1 }
        return (entries, bytes[position...])
    }
}
