/// Inline comments that mark a line as a known false positive.
///
/// Besides our own markers we honour gitleaks' and detect-secrets' so that a repository moving to
/// alpaca-lint keeps its reviewed exceptions.
public enum InlineAllow {
    private static let sameLineMarkers = ["alpaca-lint:allow", "gitleaks:allow", "pragma: allowlist secret"]
    private static let nextLineMarkers = ["alpaca-lint:allow-next-line", "pragma: allowlist nextline secret"]

    /// Whether `line` carries a marker that allows findings on the same line.
    public static func allowsLine(_ line: [UInt8]) -> Bool {
        sameLineMarkers.contains { marker in
            // "alpaca-lint:allow-next-line" also contains "alpaca-lint:allow": it must not allow its own line.
            guard let range = find(marker, in: line) else { return false }
            let rest = line[range.upperBound...]
            return !(marker == "alpaca-lint:allow" && rest.starts(with: Array("-next-line".utf8)))
        }
    }

    /// Whether `line` carries a marker that allows findings on the following line.
    public static func allowsNextLine(_ line: [UInt8]) -> Bool {
        nextLineMarkers.contains { find($0, in: line) != nil }
    }

    private static func find(_ marker: String, in line: [UInt8]) -> Range<Int>? {
        let needle = Array(marker.utf8)
        guard line.count >= needle.count else { return nil }
        for start in 0...(line.count - needle.count) where line[start] == needle[0] {
            if Array(line[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
        }
        return nil
    }
}
