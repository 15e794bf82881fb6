import Foundation

/// Answers "is this path ignored, and by which pattern?" for single paths, loading the .gitignore
/// files along each path lazily and caching them. Safe to share between threads.
public final class IgnoreMatcher: @unchecked Sendable {
    /// The repository-wide rules and root this matcher evaluates against.
    public let rules: IgnoreRules
    // @unchecked: the only mutable state is `cache`, and every access holds `lock`.
    private let lock = NSLock()
    private var cache: [[UInt8]: CachedList] = [:]

    /// A matcher over `rules`.
    public init(rules: IgnoreRules) {
        self.rules = rules
    }

    /// A matcher rooted at `root` (the repository root, or any folder); see `IgnoreRules.init`.
    public convenience init(root: String, excludesFile: ExcludeSource = .automatic, infoExclude: ExcludeSource = .automatic) {
        self.init(rules: IgnoreRules(root: root, excludesFile: excludesFile, infoExclude: infoExclude))
    }

    /// Whether git would ignore `relativePath` (relative to the root; "./" and trailing '/' tolerated).
    /// `isDirectory` must be false for symlinks, which git never treats as directories.
    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
        match(relativePath: relativePath, isDirectory: isDirectory)?.ignores ?? false
    }

    /// The pattern deciding `relativePath`, like `git check-ignore -v`: an ignoring pattern, a negation
    /// that re-included it, or nil when nothing matched. A path below an excluded directory reports
    /// the directory's pattern, since git never looks further.
    public func match(relativePath: String, isDirectory: Bool) -> IgnoreMatch? {
        match(path: PathBytes.normalizedRelative(relativePath), isDirectory: isDirectory)
    }

    /// Byte variant of `match(relativePath:isDirectory:)` for names that are not valid UTF-8;
    /// `path` must already be normalized (no "./", no leading or trailing '/').
    func match(path: [UInt8], isDirectory: Bool) -> IgnoreMatch? {
        guard !path.isEmpty else { return nil }
        var lists: [IgnorePatternList] = []
        if let rootList = list(forDirectory: []) { lists.append(rootList) }
        var slash = path.firstIndex(of: Ascii.slash)
        while let end = slash {
            let directory = Array(path[..<end])
            // git: once a directory is excluded nothing below it is looked at, its .gitignore included.
            if let hit = rules.decidingPattern(path: directory, isDirectory: true, directoryLists: lists),
                !hit.isNegation
            {
                return IgnoreMatch(hit)
            }
            if let nested = list(forDirectory: directory) { lists.append(nested) }
            slash = path[(end + 1)...].firstIndex(of: Ascii.slash)
        }
        return rules.decidingPattern(path: path, isDirectory: isDirectory, directoryLists: lists).map(IgnoreMatch.init)
    }

    /// The cached .gitignore list of `directory`, reading it on first use.
    private func list(forDirectory directory: [UInt8]) -> IgnorePatternList? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[directory] { return cached.list }
        let loaded = rules.gitignoreList(forDirectory: directory)
        cache[directory] = CachedList(list: loaded)
        return loaded
    }

    /// Remembers absent .gitignore files too, so they are not looked up again.
    private struct CachedList {
        let list: IgnorePatternList?
    }
}
