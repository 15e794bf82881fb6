/// The repository-wide part of git's ignore rules plus the precedence that combines them with
/// per-directory .gitignore files. Immutable, so one value can serve several threads.
public struct IgnoreRules: Sendable {
    /// Canonical absolute path of the directory every relative path and .gitignore base is measured from.
    public let root: String
    /// `root` as bytes.
    let rootBytes: [UInt8]
    /// `$GIT_DIR/info/exclude` then core.excludesFile: git consults the later-added list first
    /// within its group, so info/exclude beats core.excludesFile.
    let globalLists: [IgnorePatternList]

    /// Rules for the tree at `root` (a repository root, or any folder for the `--no-index` behaviour).
    /// `excludesFile` and `infoExclude` default to git's discovery; tests inject paths or `.none`.
    public init(root: String, excludesFile: ExcludeSource = .automatic, infoExclude: ExcludeSource = .automatic) {
        let rootBytes = AbsolutePath.canonical(root) ?? Array(root.utf8)
        self.rootBytes = rootBytes
        self.root = PathBytes.text(rootBytes)
        var lists: [IgnorePatternList] = []
        if let info = Self.infoExcludeList(infoExclude, root: rootBytes) { lists.append(info) }
        if let global = Self.excludesFileList(excludesFile, root: PathBytes.text(rootBytes)) { lists.append(global) }
        globalLists = lists
    }

    /// The .gitignore of `directory` (relative to `root`, "" for the root), or nil when absent or empty.
    /// In-tree .gitignore symlinks are not followed, like git since 2.32.
    func gitignoreList(forDirectory directory: [UInt8]) -> IgnorePatternList? {
        let relativeFile = PathBytes.join(directory, Array(".gitignore".utf8))
        let absolute = PathBytes.join(rootBytes, relativeFile)
        return Self.list(at: absolute, base: directory, source: PathBytes.text(relativeFile), followSymlinks: false)
    }

    /// The pattern deciding `path` (relative to `root`), looking only at `path` itself: deepest
    /// .gitignore first (`directoryLists` runs root first), then info/exclude, then core.excludesFile.
    /// Callers handle excluded parent directories.
    func decidingPattern(path: [UInt8], isDirectory: Bool, directoryLists: [IgnorePatternList]) -> IgnorePattern? {
        let basenameStart = (path.lastIndex(of: Ascii.slash) ?? -1) + 1
        return path.withUnsafeBufferPointer { buffer -> IgnorePattern? in
            var i = directoryLists.count - 1
            while i >= 0 {
                if let hit = directoryLists[i].lastMatch(
                    path: buffer, basenameStart: basenameStart, isDirectory: isDirectory)
                {
                    return hit
                }
                i -= 1
            }
            for list in globalLists {
                if let hit = list.lastMatch(path: buffer, basenameStart: basenameStart, isDirectory: isDirectory) {
                    return hit
                }
            }
            return nil
        }
    }

    /// Reads and parses one ignore file; nil when it cannot be read or has no patterns.
    static func list(at path: [UInt8], base: [UInt8], source: String, followSymlinks: Bool) -> IgnorePatternList? {
        guard let contents = PosixFileSystem.readFile(path, followSymlinks: followSymlinks), !contents.isEmpty else {
            return nil
        }
        let patterns = IgnoreFileParser.parse(contents, base: base, source: source)
        return patterns.isEmpty ? nil : IgnorePatternList(source: source, patterns: patterns)
    }

    /// `$GIT_DIR/info/exclude`, named `.git/info/exclude` in the usual layout as git prints it.
    private static func infoExcludeList(_ setting: ExcludeSource, root: [UInt8]) -> IgnorePatternList? {
        switch setting {
        case .none:
            return nil
        case .path(let path):
            return list(at: Array(path.utf8), base: [], source: path, followSymlinks: true)
        case .automatic:
            guard let gitDirectory = RepositoryLocator.commonGitDirectory(root: root) else { return nil }
            let file = PathBytes.join(gitDirectory, Array("info/exclude".utf8))
            let usual = PathBytes.join(root, Array(".git/info/exclude".utf8))
            let source = file == usual ? ".git/info/exclude" : PathBytes.text(file)
            return list(at: file, base: [], source: source, followSymlinks: true)
        }
    }

    /// core.excludesFile, named by the path git would print.
    private static func excludesFileList(_ setting: ExcludeSource, root: String) -> IgnorePatternList? {
        let path: String?
        switch setting {
        case .none: path = nil
        case .path(let explicit): path = explicit
        case .automatic: path = ExcludesFileLocator.locate(runningGitIn: root)
        }
        guard let path else { return nil }
        return list(at: Array(path.utf8), base: [], source: path, followSymlinks: true)
    }
}
