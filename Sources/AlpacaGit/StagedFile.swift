/// One file as the next commit would record it: its staged content and the lines the commit adds.
public struct StagedFile: Sendable, Equatable {
    /// Path relative to the repository root, with `/` separators.
    public let path: String
    /// The whole staged blob (the index's version, not the working tree's), byte for byte.
    public let content: [UInt8]
    /// 1-based numbers, in `content`, of the lines this commit adds; empty for a pure rename or mode change.
    public let addedLines: Set<Int>
    /// The blob's object id in the index.
    public let objectID: String

    /// Creates a staged file value.
    public init(path: String, content: [UInt8], addedLines: Set<Int>, objectID: String) {
        self.path = path
        self.content = content
        self.addedLines = addedLines
        self.objectID = objectID
    }
}

/// A path that was left out of a scan, and why.
public struct SkippedFile: Sendable, Equatable {
    /// Path relative to the repository root.
    public let path: String
    /// Why it was left out.
    public let reason: Reason

    /// Creates a skipped-file value.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Why a staged or committed path was not handed to the scanner.
    public enum Reason: String, Sendable, Equatable {
        /// git (or a NUL byte in the first 8000 bytes) says the file is binary.
        case binary
        /// The path is a submodule (gitlink): its "content" is another repository's commit id.
        case submodule
        /// The path is a symbolic link: its "content" is only the link target.
        case symlink
        /// The blob is larger than the size limit the caller gave.
        case tooLarge
        /// The path has a merge conflict in the index, so no single staged version exists.
        case unmerged
    }
}

/// Everything the next commit would add, ready to scan.
public struct StagedSnapshot: Sendable, Equatable {
    /// Absolute path of the repository's working tree root; every `path` is relative to it.
    public let root: String
    /// Added, modified, renamed and copied text files, sorted by path; deleted files never appear.
    public let files: [StagedFile]
    /// Files left out (binary, submodule, symlink, too large, unmerged), sorted by path.
    public let skipped: [SkippedFile]

    /// Creates a snapshot value.
    public init(root: String, files: [StagedFile], skipped: [SkippedFile]) {
        self.root = root
        self.files = files
        self.skipped = skipped
    }
}
