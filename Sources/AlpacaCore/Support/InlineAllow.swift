/// Inline comments that mark a line as a known false positive.
///
/// Besides our own markers we honour gitleaks', TruffleHog's and detect-secrets' so that a
/// repository moving to alpaca-lint keeps its reviewed exceptions.
public enum InlineAllow {
    private static let sameLineMarkers = ["alpaca-lint:allow", "gitleaks:allow", "trufflehog:ignore", "pragma: allowlist secret"]
    private static let nextLineMarkers = ["alpaca-lint:allow-next-line", "pragma: allowlist nextline secret"]

    private static let ownMarker = Array("alpaca-lint:allow".utf8)
    private static let nextLineSuffix = Array("-next-line".utf8)

    /// Whether `line` carries a marker that allows findings on the same line.
    public static func allowsLine(_ line: [UInt8]) -> Bool {
        line.withUnsafeBytes { allowsLine($0) }
    }

    /// Whether `line` carries a marker that allows findings on the following line.
    public static func allowsNextLine(_ line: [UInt8]) -> Bool {
        line.withUnsafeBytes { allowsNextLine($0) }
    }

    /// `allowsLine` over bytes in place (lines of minified files can be megabytes long).
    static func allowsLine(_ line: UnsafeRawBufferPointer) -> Bool {
        for marker in sameLineMarkers {
            let needle = Array(marker.utf8)
            var from = 0
            while let start = firstOffset(of: needle, in: line, from: from) {
                // "alpaca-lint:allow-next-line" contains "alpaca-lint:allow": it must not allow its own line.
                let end = start + needle.count
                let isNextLine = needle == ownMarker && line.count - end >= nextLineSuffix.count
                    && zip(line[end..<(end + nextLineSuffix.count)], nextLineSuffix).allSatisfy { $0 == $1 }
                if !isNextLine { return true }
                from = end
            }
        }
        return false
    }

    /// `allowsNextLine` over bytes in place.
    static func allowsNextLine(_ line: UnsafeRawBufferPointer) -> Bool {
        nextLineMarkers.contains { firstOffset(of: Array($0.utf8), in: line, from: 0) != nil }
    }
}
