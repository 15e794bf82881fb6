/// The paths git tracks (the index), for rules such as "a `.env` file is committed".
public struct TrackedFiles: Sendable, Equatable {
    /// Every tracked path, relative to the repository root, with `/` separators (submodules included).
    public let paths: Set<String>

    /// Creates a set of tracked paths (used by `load` and by tests).
    public init(paths: Set<String>) {
        self.paths = paths
    }

    /// Lists the index of the repository containing `runner.directory`, whichever subdirectory that is.
    public static func load(_ runner: GitRunner) throws(GitError) -> TrackedFiles {
        // `:/` widens the listing to the whole repository and --full-name makes paths root-relative;
        // without them ls-files lists only the current directory, relative to it.
        let output = try runner.run(["ls-files", "-z", "--full-name", "--", ":/"])
        var paths = Set<String>()
        for name in output.stdout.split(separator: 0) {
            paths.insert(DiffPathDecoder.decode(Array(name)))
        }
        return TrackedFiles(paths: paths)
    }

    /// True when `path` (relative to the repository root; a leading `./` is ignored) is a tracked file.
    public func isTracked(_ path: String) -> Bool {
        var normalised = Substring(path)
        while normalised.hasPrefix("./") { normalised = normalised.dropFirst(2) }
        return paths.contains(String(normalised))
    }
}
