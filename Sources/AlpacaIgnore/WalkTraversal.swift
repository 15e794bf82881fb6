/// The depth-first walk itself, with an explicit stack so any nesting depth works, and the
/// per-directory .gitignore lists kept as a stack alongside it.
struct WalkTraversal {
    /// One directory being walked.
    private struct Frame {
        /// Path relative to the ignore root.
        let relative: [UInt8]
        /// Its names, sorted by bytes.
        let items: [DirectoryItem]
        var next = 0
        /// The pattern that excluded this directory or an ancestor; git reads nothing below it.
        let excludedBy: IgnorePattern?
        /// Whether this directory's .gitignore sits on `lists`.
        let pushedList: Bool
    }

    private let rules: IgnoreRules
    private let options: WalkOptions
    private let tracked: TrackedPaths?
    private let scanRoot: [UInt8]
    private let scanRelative: [UInt8]
    private let displayPrefix: String
    private var lists: [IgnorePatternList] = []
    private var stack: [Frame] = []

    private static let dotGit = Array(".git".utf8)
    private static let gitignore = Array(".gitignore".utf8)

    /// Prepares a walk of `scanRoot` (canonical), which is `scanRelative` below `rules.root`.
    init(rules: IgnoreRules, options: WalkOptions, scanRoot: [UInt8], scanRelative: [UInt8], displayPrefix: String) {
        self.rules = rules
        self.options = options
        self.tracked = options.trackedFiles.map(TrackedPaths.init)
        self.scanRoot = scanRoot
        self.scanRelative = scanRelative
        self.displayPrefix = displayPrefix
    }

    /// Walks everything and reports entries to `visit`.
    mutating func run(_ visit: (WalkEntry) throws -> Void) throws {
        let excluded = loadAncestors()
        switch PosixFileSystem.listDirectory(scanRoot) {
        case .failure(let error):
            try visit(entry(scanRelative, size: 0, kind: .unreadableDirectory(error), ignored: excluded != nil))
            return
        case .success(let items):
            enter(scanRelative, items: items, excludedBy: excluded)
        }
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].items.count else {
                if stack[top].pushedList { lists.removeLast() }
                stack.removeLast()
                continue
            }
            let item = stack[top].items[stack[top].next]
            stack[top].next += 1
            // git never looks inside, nor lists, anything called .git.
            if item.name == Self.dotGit { continue }
            let relative = PathBytes.join(stack[top].relative, item.name)
            let excludedBy = stack[top].excludedBy
            // No kind: it vanished since the listing.
            guard let kind = item.kind else { continue }
            if kind == .directory {
                try visitDirectory(relative, parentExcludedBy: excludedBy, visit)
            } else if let found = leafEntry(relative, kind: kind, size: item.size, parentExcludedBy: excludedBy) {
                try visit(found)
            }
        }
    }

    /// Loads the .gitignore files from the ignore root down to the scan root and returns the pattern
    /// excluding the scan root (or an ancestor), if any.
    private mutating func loadAncestors() -> IgnorePattern? {
        if let rootList = rules.gitignoreList(forDirectory: []) { lists.append(rootList) }
        var directory: [UInt8] = []
        for component in PathBytes.components(scanRelative) {
            directory = PathBytes.join(directory, component)
            if let hit = rules.decidingPattern(path: directory, isDirectory: true, directoryLists: lists),
                !hit.isNegation
            {
                return hit
            }
            if let list = rules.gitignoreList(forDirectory: directory) { lists.append(list) }
        }
        return nil
    }

    /// Decides whether to descend into a directory and pushes it when so.
    private mutating func visitDirectory(
        _ relative: [UInt8], parentExcludedBy: IgnorePattern?, _ visit: (WalkEntry) throws -> Void
    ) throws {
        let path = absolute(relative)
        let holdsTracked = tracked?.containsDirectory(relative) ?? false
        var excludedBy = parentExcludedBy
        if excludedBy == nil,
            let hit = rules.decidingPattern(path: relative, isDirectory: true, directoryLists: lists),
            !hit.isNegation
        {
            excludedBy = hit
        }
        // An excluded directory is skipped whole, except to reach tracked files git commits anyway.
        if excludedBy != nil && options.respectIgnore && !holdsTracked { return }
        switch PosixFileSystem.listDirectory(path) {
        case .failure(let error):
            try visit(entry(relative, size: 0, kind: .unreadableDirectory(error), ignored: excludedBy != nil))
        case .success(let items):
            // A nested repository is someone else's tree, unless this repository tracks files inside it.
            // The listing answers this without an extra lstat per directory.
            if !holdsTracked && items.contains(where: { $0.name == Self.dotGit }) { return }
            enter(relative, items: items, excludedBy: excludedBy)
        }
    }

    /// Pushes a directory frame, loading its .gitignore unless git would not read it.
    private mutating func enter(_ relative: [UInt8], items: [DirectoryItem], excludedBy: IgnorePattern?) {
        var pushed = false
        // Checking the listing first saves a failed open() in the many directories without one.
        if excludedBy == nil, items.contains(where: { $0.name == Self.gitignore }),
            let list = rules.gitignoreList(forDirectory: relative)
        {
            lists.append(list)
            pushed = true
        }
        let sorted = items.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        stack.append(Frame(relative: relative, items: sorted, excludedBy: excludedBy, pushedList: pushed))
    }

    /// The entry for a non-directory, or nil when it is not to be yielded.
    private func leafEntry(
        _ relative: [UInt8], kind: FileStatus.Kind, size: Int, parentExcludedBy: IgnorePattern?
    ) -> WalkEntry? {
        var ignored = parentExcludedBy != nil
        if !ignored, let hit = rules.decidingPattern(path: relative, isDirectory: false, directoryLists: lists) {
            ignored = !hit.isNegation
        }
        if ignored && options.respectIgnore && !(tracked?.containsFile(relative) ?? false) { return nil }
        let path = absolute(relative)
        switch kind {
        case .regular:
            return entry(relative, size: size, kind: sizeKind(size), ignored: ignored)
        case .symlink:
            return symlinkEntry(relative, path: path, ignored: ignored)
        case .special, .directory:
            return entry(relative, size: 0, kind: .special, ignored: ignored)
        }
    }

    /// A symlink is yielded as a file only when it resolves to a regular file inside the scan root;
    /// links to directories are never followed, so loops cannot happen.
    private func symlinkEntry(_ relative: [UInt8], path: [UInt8], ignored: Bool) -> WalkEntry {
        guard let target = PosixFileSystem.realPath(path), PathBytes.isInside(target, scanRoot),
            let status = PosixFileSystem.status(target)
        else {
            return entry(relative, size: 0, kind: .symlinkSkipped, ignored: ignored)
        }
        switch status.kind {
        case .regular: return entry(relative, size: status.size, kind: sizeKind(status.size), ignored: ignored)
        case .special: return entry(relative, size: 0, kind: .special, ignored: ignored)
        case .directory, .symlink: return entry(relative, size: 0, kind: .symlinkSkipped, ignored: ignored)
        }
    }

    /// `.file` or `.tooLarge` by the size limit.
    private func sizeKind(_ size: Int) -> WalkEntry.Kind {
        size > options.maxFileSize ? .tooLarge : .file
    }

    /// The absolute path of a root-relative path.
    private func absolute(_ relative: [UInt8]) -> [UInt8] {
        PathBytes.join(rules.rootBytes, relative)
    }

    /// Builds the public entry, deriving the display path from the user's spelling of the scan path.
    private func entry(_ relative: [UInt8], size: Int, kind: WalkEntry.Kind, ignored: Bool) -> WalkEntry {
        let belowScan = relative.count > scanRelative.count
            ? relative[(scanRelative.isEmpty ? 0 : scanRelative.count + 1)...] : []
        let tail = PathBytes.text(Array(belowScan))
        let display: String
        if displayPrefix.isEmpty {
            display = tail.isEmpty ? "." : tail
        } else if tail.isEmpty {
            display = displayPrefix
        } else {
            display = displayPrefix.hasSuffix("/") ? displayPrefix + tail : displayPrefix + "/" + tail
        }
        let path = absolute(relative)
        return WalkEntry(
            displayPath: display,
            absolutePath: PathBytes.text(path),
            repoRelativePath: PathBytes.text(relative),
            size: size,
            kind: kind,
            isIgnored: ignored,
            absolutePathBytes: path)
    }
}
