/// Splits `git log -p` output into commits at the marker lines that `HistorySource` asks git to print.
///
/// The marker starts with a NUL byte right after a newline: no diff line can look like that,
/// because every diff line starts with a printable prefix (`+`, `-`, ` `, `@`, `d`, …).
enum HistoryLogSplitter {
    /// The text of the marker after its leading NUL; git prints `%H %ct %cI` after it.
    static let markerTag = Array("alpaca-lint-commit ".utf8)
    /// The `--format` argument that makes git print the marker.
    static let formatArgument = "--format=%x00alpaca-lint-commit %H %ct %cI"

    /// One commit's header fields and the diff bytes that follow its marker.
    struct Commit {
        let id: String
        let timestamp: Int
        let date: String
        let diff: ArraySlice<UInt8>
    }

    /// Every commit in `log`, in git's order; bytes before the first marker are ignored.
    static func split(_ log: [UInt8]) -> [Commit] {
        var markerStarts: [Int] = []
        var index = log.startIndex
        while let nul = log[index...].firstIndex(of: 0) {
            let atLineStart = nul == log.startIndex || log[nul - 1] == UInt8(ascii: "\n")
            if atLineStart, log[(nul + 1)...].starts(with: markerTag) { markerStarts.append(nul) }
            index = nul + 1
        }
        var commits: [Commit] = []
        for (position, start) in markerStarts.enumerated() {
            let end = position + 1 < markerStarts.count ? markerStarts[position + 1] : log.endIndex
            let headerStart = start + 1 + markerTag.count
            let headerEnd = log[headerStart..<end].firstIndex(of: UInt8(ascii: "\n")) ?? end
            let fields = log[headerStart..<headerEnd].split(separator: UInt8(ascii: " "))
            guard fields.count == 3 else { continue }
            commits.append(
                Commit(
                    id: String(decoding: fields[0], as: UTF8.self),
                    timestamp: Int(String(decoding: fields[1], as: UTF8.self)) ?? 0,
                    date: String(decoding: fields[2], as: UTF8.self),
                    diff: log[min(headerEnd + 1, end)..<end]))
        }
        return commits
    }
}
