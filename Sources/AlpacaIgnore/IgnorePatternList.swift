/// The patterns of one ignore source (a .gitignore, info/exclude or core.excludesFile).
struct IgnorePatternList: Sendable {
    /// How the source is named in messages, e.g. "sub/.gitignore" or an absolute path.
    let source: String
    /// Patterns in file order; the last matching one decides.
    let patterns: [IgnorePattern]

    /// The last pattern matching `path`, negated or not (git's `last_matching_pattern_from_list`).
    func lastMatch(path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> IgnorePattern? {
        var i = patterns.count - 1
        while i >= 0 {
            if patterns[i].matches(path: path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return patterns[i]
            }
            i -= 1
        }
        return nil
    }
}
