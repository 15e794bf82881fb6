/// Finds the repository around a path and the git directories that hold `info/exclude`.
enum RepositoryLocator {
    /// The nearest directory at or above `start` (absolute, canonical) holding a `.git` entry.
    static func root(above start: [UInt8]) -> [UInt8]? {
        var directory = start
        if let info = PosixFileSystem.status(directory, followSymlinks: true), info.kind != .directory {
            directory = PathBytes.parent(directory)
        }
        while !directory.isEmpty {
            // A `.git` directory, or a `.git` file as in worktrees and submodules.
            if PosixFileSystem.exists(PathBytes.join(directory, Array(".git".utf8))) { return directory }
            if directory == [Ascii.slash] { return nil }
            directory = PathBytes.parent(directory)
        }
        return nil
    }

    /// The directory whose `info/exclude` applies to the work tree at `root`: the git directory,
    /// or for linked worktrees the common directory named by its `commondir` file.
    static func commonGitDirectory(root: [UInt8]) -> [UInt8]? {
        let dotGit = PathBytes.join(root, Array(".git".utf8))
        guard let info = PosixFileSystem.status(dotGit, followSymlinks: true) else { return nil }
        var gitDirectory = dotGit
        if info.kind == .regular {
            guard let target = firstLine(of: dotGit, strippingPrefix: "gitdir:") else { return nil }
            gitDirectory = resolve(target, against: root)
        } else if info.kind != .directory {
            return nil
        }
        let commonFile = PathBytes.join(gitDirectory, Array("commondir".utf8))
        if let common = firstLine(of: commonFile, strippingPrefix: nil) {
            gitDirectory = resolve(common, against: gitDirectory)
        }
        // Canonical, so messages name the file without "../" detours.
        return PosixFileSystem.realPath(gitDirectory) ?? gitDirectory
    }

    /// The first line of a small text file, trimmed, after an optional required prefix.
    private static func firstLine(of path: [UInt8], strippingPrefix prefix: String?) -> [UInt8]? {
        guard let contents = PosixFileSystem.readFile(path, followSymlinks: true, limit: 64 * 1024) else { return nil }
        var line = contents.prefix { $0 != Ascii.newline && $0 != Ascii.carriageReturn }[...]
        if let prefix {
            let prefixBytes = Array(prefix.utf8)
            guard line.starts(with: prefixBytes) else { return nil }
            line = line.dropFirst(prefixBytes.count)
        }
        while line.first == Ascii.space || line.first == Ascii.tab { line = line.dropFirst() }
        while line.last == Ascii.space || line.last == Ascii.tab { line = line.dropLast() }
        return line.isEmpty ? nil : Array(line)
    }

    /// An absolute path, or a relative one joined to `base`.
    private static func resolve(_ path: [UInt8], against base: [UInt8]) -> [UInt8] {
        path.first == Ascii.slash ? path : PathBytes.join(base, path)
    }
}

/// Walks up from `path` to the nearest directory holding a `.git` directory or file (worktrees and
/// submodules have a file); returns that directory as a canonical absolute path, or nil outside a repository.
public func findRepositoryRoot(startingAt path: String) -> String? {
    guard let start = AbsolutePath.canonical(path) else { return nil }
    return RepositoryLocator.root(above: start).map(PathBytes.text)
}
