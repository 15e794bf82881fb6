#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a scan path and yields what git would commit below it (files only, never contents).
///
/// Ignore rules are evaluated relative to the enclosing repository's root, so scanning `src/`
/// honours the root .gitignore; outside a repository the scan path itself is the root, like
/// `git check-ignore --no-index`. A scan directory inside an ignored directory yields only tracked
/// files (git would commit nothing else); an explicitly named file is always yielded.
public struct Walker: Sendable {
    /// The path as the user named it; display paths start with it.
    public let scanPath: String
    /// What to yield.
    public let options: WalkOptions

    /// A walker for `scanPath` (a directory or a single file).
    public init(scanPath: String, options: WalkOptions = WalkOptions()) {
        self.scanPath = scanPath
        self.options = options
    }

    /// Calls `visit` for every entry in deterministic order (each directory's names sorted by bytes,
    /// depth first). Throws `WalkError` only when the scan path itself is unusable.
    public func walk(_ visit: (WalkEntry) throws -> Void) throws {
        guard let canonical = AbsolutePath.canonical(scanPath),
            let status = PosixFileSystem.status(canonical, followSymlinks: true)
        else {
            throw WalkError.cannotAccess(path: scanPath, error: PosixError(code: errno))
        }
        let display = PathBytes.displayPrefix(scanPath)
        let repositoryRoot = RepositoryLocator.root(above: canonical)
        if status.kind != .directory {
            try visit(singleFileEntry(canonical, status: status, display: display, repositoryRoot: repositoryRoot))
            return
        }
        let root = repositoryRoot ?? canonical
        let rules = IgnoreRules(
            root: PathBytes.text(root), excludesFile: options.excludesFile, infoExclude: options.infoExclude)
        var traversal = WalkTraversal(
            rules: rules,
            options: options,
            scanRoot: canonical,
            scanRelative: PathBytes.relative(canonical, to: root) ?? [],
            displayPrefix: display)
        try traversal.run(visit)
    }

    /// All entries of `walk(_:)` in order; holds paths and sizes only, never contents.
    public func entries() throws -> [WalkEntry] {
        var collected: [WalkEntry] = []
        try walk { collected.append($0) }
        return collected
    }

    /// The entry for a scan path that is a file: yielded whatever the ignore rules say, because the
    /// user asked for it by name (ripgrep does the same), but `isIgnored` still tells the truth.
    private func singleFileEntry(
        _ canonical: [UInt8], status: FileStatus, display: String, repositoryRoot: [UInt8]?
    ) -> WalkEntry {
        let root = repositoryRoot ?? PathBytes.parent(canonical)
        let relative = PathBytes.relative(canonical, to: root) ?? PathBytes.basename(canonical)
        let matcher = IgnoreMatcher(
            rules: IgnoreRules(
                root: PathBytes.text(root), excludesFile: options.excludesFile, infoExclude: options.infoExclude))
        let kind: WalkEntry.Kind
        switch status.kind {
        case .regular: kind = status.size > options.maxFileSize ? .tooLarge : .file
        default: kind = .special
        }
        return WalkEntry(
            displayPath: display.isEmpty ? PathBytes.text(PathBytes.basename(canonical)) : display,
            absolutePath: PathBytes.text(canonical),
            repoRelativePath: PathBytes.text(relative),
            size: status.kind == .regular ? status.size : 0,
            kind: kind,
            isIgnored: matcher.match(path: relative, isDirectory: false)?.ignores ?? false,
            absolutePathBytes: canonical)
    }
}
