/// One path the walk reports: a file to scan, or something skipped that the caller may count or warn about.
public struct WalkEntry: Sendable, Hashable {
    /// What the walk found at the path.
    public enum Kind: Sendable, Hashable {
        /// A regular file (or a symlink to one inside the scan root) to scan.
        case file
        /// A regular file larger than `WalkOptions.maxFileSize`; not to be read.
        case tooLarge
        /// A FIFO, socket or device; never opened (a FIFO would block the reader).
        case special
        /// A directory that could not be listed; its contents were not walked.
        case unreadableDirectory(PosixError)
        /// A symlink to a directory, outside the scan root, dangling or looping; not followed.
        case symlinkSkipped
    }

    /// The scan path as the user wrote it joined with the path below it: '/' separators, no "./".
    public let displayPath: String
    /// Canonical absolute path (via the resolved scan root); lossy if the name is not valid UTF-8.
    public let absolutePath: String
    /// Path relative to the repository root (or to the scan root outside a repository).
    public let repoRelativePath: String
    /// Size in bytes (of the target for symlinks); 0 for directories and special files.
    public let size: Int
    /// What was found.
    public let kind: Kind
    /// True when git's ignore rules cover the path (it is yielded because tracked, or with `--no-ignore`).
    public let isIgnored: Bool
    /// The exact bytes of the absolute path when `absolutePath` had to be decoded lossily.
    let rawAbsolutePath: [UInt8]?

    /// The absolute path's real bytes: use these to open files whose names are not valid UTF-8.
    public var absolutePathBytes: [UInt8] { rawAbsolutePath ?? Array(absolutePath.utf8) }

    /// Creates an entry; `absolutePathBytes` defaults to the UTF-8 of `absolutePath`.
    public init(
        displayPath: String, absolutePath: String, repoRelativePath: String, size: Int, kind: Kind,
        isIgnored: Bool = false, absolutePathBytes: [UInt8]? = nil
    ) {
        self.displayPath = displayPath
        self.absolutePath = absolutePath
        self.repoRelativePath = repoRelativePath
        self.size = size
        self.kind = kind
        self.isIgnored = isIgnored
        if let bytes = absolutePathBytes, !absolutePath.utf8.elementsEqual(bytes) {
            rawAbsolutePath = bytes
        } else {
            rawAbsolutePath = nil
        }
    }
}
