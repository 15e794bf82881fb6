/// What HEAD holds for some paths: lets `--fix` tell a user that a key it moves out of a file was
/// already committed (and so must be rotated, not only moved).
public enum CommittedContent {
    /// The bytes of `HEAD:<path>` for each of `paths` that HEAD has (one `cat-file --batch`); paths
    /// HEAD does not have are left out. Throws when git cannot run.
    public static func atHead(_ paths: [String], runner: GitRunner) throws(GitError) -> [String: [UInt8]] {
        guard !paths.isEmpty, try RepositoryInfo.hasCommit(runner, "HEAD") else { return [:] }
        // Names with a newline cannot be asked for on the batch's line-based input.
        let asked = paths.filter { !$0.contains("\n") }
        let request = Array(asked.map { "HEAD:\($0)\n" }.joined().utf8)
        let output = try runner.run(["cat-file", "--batch"], input: request)
        var result: [String: [UInt8]] = [:]
        var position = 0
        let bytes = output.stdout
        for path in asked {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = bytes[position..<newline].split(separator: UInt8(ascii: " "))
            position = newline + 1
            // "<name> missing": HEAD has no such path.
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), size <= bytes.count - position else { continue }
            if String(decoding: header[1], as: UTF8.self) == "blob" { result[path] = Array(bytes[position..<(position + size)]) }
            position += size + 1
        }
        return result
    }
}
