/// Which commits a history scan covers.
public enum HistoryRange: Sendable, Equatable {
    /// Every commit reachable from any ref or HEAD (`git log --all`).
    case all
    /// The commits after REV up to HEAD (`REV..HEAD`).
    case since(String)
    /// A revision range as git writes it: `A..B` (reachable from B, not from A) or `A...B`
    /// (from either, not from both); an empty side means HEAD.
    case range(String)
    /// The history of one branch (`refs/heads/NAME` first, else any revision of that name).
    case branch(String)
}

/// One unique blob of the history, read once, handed to the caller as soon as it was read.
public struct HistoryBlob: Sendable {
    /// Full object id (40 hex digits, 64 in a SHA-256 repository).
    public let oid: String
    /// The first path it was committed at (topological order), relative to the repository root;
    /// bytes that are not UTF-8 appear as U+FFFD. Every other path is in `HistoryScanIndex`.
    public let path: String
    /// The whole blob, byte for byte (binary content included: telling it apart is the caller's job).
    public let bytes: [UInt8]

    /// Creates a blob value (used by the source and by tests).
    public init(oid: String, path: String, bytes: [UInt8]) {
        self.oid = oid
        self.path = path
        self.bytes = bytes
    }
}

/// A blob of the history that was not read, and why; never dropped without one of these.
public struct SkippedBlob: Sendable, Equatable {
    /// Full object id.
    public let oid: String
    /// The first path it was committed at, like `HistoryBlob.path`.
    public let path: String
    /// Its size in bytes when git knows it (nil for a missing object).
    public let size: Int?
    /// Why it was not read.
    public let reason: Reason

    /// Creates a skipped-blob value.
    public init(oid: String, path: String, size: Int?, reason: Reason) {
        self.oid = oid
        self.path = path
        self.size = size
        self.reason = reason
    }

    /// Why a blob was not handed to the caller.
    public enum Reason: String, Sendable, Equatable {
        /// Larger than the `maxBlobSize` the caller gave (its bytes were streamed past, never kept).
        case tooLarge
        /// The object is not in the repository (a partial clone, or a damaged one).
        case missing
        /// A file entry names an object that is not a blob (a damaged repository).
        case notABlob
    }
}

/// The commit metadata a finding in history needs.
public struct HistoryCommit: Sendable, Equatable {
    /// Full commit id.
    public let sha: String
    /// Committer date, seconds since 1970 (UTC).
    public let timestamp: Int
    /// Committer date as ISO 8601 in UTC, e.g. `2023-11-14T22:13:20Z`.
    public let date: String
    /// Author name as recorded in the commit (no mailmap applied).
    public let authorName: String
    /// Author email as recorded in the commit (no mailmap applied).
    public let authorEmail: String

    /// Creates a commit value.
    public init(sha: String, timestamp: Int, date: String, authorName: String, authorEmail: String) {
        self.sha = sha
        self.timestamp = timestamp
        self.date = date
        self.authorName = authorName
        self.authorEmail = authorEmail
    }
}

/// Where and when a blob entered the history at one path.
public struct HistoryIntroduction: Sendable, Equatable {
    /// The path, relative to the repository root (U+FFFD for bytes that are not UTF-8).
    public let path: String
    /// The first commit, in topological order, whose diff against its first parent adds the blob at `path`.
    public let commit: HistoryCommit
    /// True when HEAD's tree still has this blob at this path (false: removed, but still in history).
    public let isInHead: Bool
    /// The commit's position in the topological order of the scan (parents first): compares
    /// introductions of different blobs.
    public let commitOrder: Int

    /// Creates an introduction value.
    public init(path: String, commit: HistoryCommit, isInHead: Bool, commitOrder: Int = 0) {
        self.path = path
        self.commit = commit
        self.isInHead = isInHead
        self.commitOrder = commitOrder
    }
}
