/// The part of a unified diff that concerns one file: its names, what kind of change it is, and the lines it adds.
public struct FilePatch: Sendable, Hashable {
    /// The file's path before the change, relative to the repository root; nil for a new file.
    public var oldPath: String?
    /// The file's path after the change, relative to the repository root; nil for a deleted file.
    public var newPath: String?
    /// True when git reported the file as binary (`Binary files … differ`): it has no text lines.
    public var isBinary = false
    /// True when the file is created by this change.
    public var isNew = false
    /// True when the file is deleted by this change.
    public var isDeleted = false
    /// True when git detected a rename (`rename from` / `rename to`).
    public var isRename = false
    /// True when git detected a copy (`copy from` / `copy to`).
    public var isCopy = false
    /// True when the new side is a submodule commit (a gitlink, mode 160000) rather than a file.
    public var isSubmodule = false
    /// True when the new side is a symbolic link (mode 120000): its "content" is the link target.
    public var isSymlink = false
    /// The added lines in the order of the diff, with 1-based numbers in the new file.
    public var addedLines: [AddedLine] = []

    /// Creates a patch; the parser fills in the rest as it reads headers and hunks.
    public init(oldPath: String? = nil, newPath: String? = nil) {
        self.oldPath = oldPath
        self.newPath = newPath
    }

    /// The path to report: the new path, or the old one for a deletion; nil only for malformed input.
    public var path: String? { newPath ?? oldPath }

    /// True when this patch adds text worth scanning: not binary, not deleted, not a gitlink or symlink.
    public var hasScannableText: Bool {
        !isBinary && !isDeleted && !isSubmodule && !isSymlink && newPath != nil
    }
}
