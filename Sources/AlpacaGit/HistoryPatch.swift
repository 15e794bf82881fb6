/// The lines one commit added to one file, for `--history` scans.
public struct HistoryPatch: Sendable, Equatable {
    /// Full id of the commit that introduced these lines (the oldest one, when several commits add the same lines).
    public let commit: String
    /// That commit's committer date, strict ISO 8601 (`%cI`, e.g. `2024-05-01T12:00:00+02:00`).
    public let date: String
    /// Path of the file in that commit, relative to the repository root.
    public let path: String
    /// The added lines, with 1-based line numbers in the file as of `commit`.
    public let addedLines: [AddedLine]

    /// Creates a history patch.
    public init(commit: String, date: String, path: String, addedLines: [AddedLine]) {
        self.commit = commit
        self.date = date
        self.path = path
        self.addedLines = addedLines
    }
}

/// Everything `--history` has to scan, with counts for the summary.
public struct HistorySnapshot: Sendable, Equatable {
    /// Unique patches, oldest commit first (see `HistorySource` for how duplicates are merged).
    public let patches: [HistoryPatch]
    /// Number of commits whose diffs were read (merge commits included, though their diffs are empty).
    public let commitCount: Int
    /// Number of file patches left out: binary files, submodule and symlink changes.
    public let skippedPatches: Int
    /// Number of patches dropped because an older commit added the same lines to the same path.
    public let duplicatePatches: Int

    /// Creates a history snapshot.
    public init(patches: [HistoryPatch], commitCount: Int, skippedPatches: Int, duplicatePatches: Int) {
        self.patches = patches
        self.commitCount = commitCount
        self.skippedPatches = skippedPatches
        self.duplicatePatches = duplicatePatches
    }
}
