import Dispatch

/// Reads many objects with one `git cat-file --batch` process instead of one process per file.
enum CatFileBatch {
    /// The contents of `objects` (ids or `:path` names), in the same order; throws `badObject` for a missing one.
    static func contents(of objects: [String], runner: GitRunner) throws(GitError) -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let request = Array(objects.map { "\($0)\n" }.joined().utf8)
        let output = try runner.run(["cat-file", "--batch"], input: request)
        return try parse(output.stdout, expected: objects)
    }

    /// Splits `--batch` output: per object a `<id> <type> <size>` line, `size` bytes, and a newline.
    static func parse(_ bytes: [UInt8], expected objects: [String]) throws(GitError) -> [[UInt8]] {
        var contents: [[UInt8]] = []
        contents.reserveCapacity(objects.count)
        var position = bytes.startIndex
        for name in objects {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw GitError.unexpectedOutput(command: "cat-file --batch", reason: "output ended early")
            }
            let header = bytes[position..<newline].split(separator: UInt8(ascii: " "))
            position = newline + 1
            // "<name> missing" / "<name> ambiguous": git found no single object for the name.
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), size >= 0 else {
                throw GitError.badObject(name)
            }
            guard size <= bytes.endIndex - position - 1 else {
                throw GitError.unexpectedOutput(
                    command: "cat-file --batch", reason: "object shorter than its declared size")
            }
            contents.append(Array(bytes[position..<(position + size)]))
            position += size + 1
        }
        return contents
    }

    /// The sizes in bytes of `objects`, from `git cat-file --batch-check` (no contents are read).
    static func sizes(of objects: [String], runner: GitRunner) throws(GitError) -> [Int] {
        guard !objects.isEmpty else { return [] }
        let request = Array(objects.map { "\($0)\n" }.joined().utf8)
        let output = try runner.run(["cat-file", "--batch-check=%(objectsize)"], input: request)
        let lines = output.stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var sizes: [Int] = []
        for (index, name) in objects.enumerated() {
            guard index < lines.count, let size = Int(String(decoding: lines[index], as: UTF8.self)) else {
                throw GitError.badObject(name)
            }
            sizes.append(size)
        }
        return sizes
    }

    /// Reads `objects` (blob ids) through an already started `cat-file --batch` process, then ends it:
    /// per object its bytes, or nil when it is larger than `maxSize` (streamed past, never held).
    /// Throws `badObject` for a missing one.
    static func stream(_ objects: [String], through catFile: StreamingGitProcess, maxSize: Int?) throws(GitError)
        -> [[UInt8]?]
    {
        let request = Array(objects.map { "\($0)\n" }.joined().utf8)
        // git may answer before it has read every request; a request longer than the socket buffer
        // is therefore written from another thread while this one reads the answers.
        let writer = DispatchGroup()
        if request.count <= 16 * 1024 {
            _ = catFile.write(request)
            catFile.closeInput()
        } else {
            DispatchQueue.global().async(group: writer) {
                _ = catFile.write(request)
                catFile.closeInput()
            }
        }
        var reader = CatFileResponseReader(input: catFile.output)
        var contents: [[UInt8]?] = []
        contents.reserveCapacity(objects.count)
        var failure: GitError?
        do throws(GitError) {
            for name in objects {
                guard let response = try reader.next(keep: { _, size in size <= (maxSize ?? Int.max) }) else {
                    throw GitError.unexpectedOutput(command: "cat-file --batch", reason: "output ended early")
                }
                switch response {
                case .contents(_, _, let bytes): contents.append(bytes)
                case .skipped: contents.append(nil)
                case .missing: throw GitError.badObject(name)
                }
            }
        } catch {
            failure = error
            catFile.terminate()
        }
        let exit = catFile.finish()
        writer.wait()
        if let failure { throw failure }
        if exit.status != 0 { throw catFile.failure(status: exit.status, stderr: exit.stderr) }
        return contents
    }
}
