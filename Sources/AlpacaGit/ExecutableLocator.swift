#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds an executable by name in a PATH value, the way a POSIX shell would.
enum ExecutableLocator {
    /// The first `dir/name` in `searchPath` that is an executable regular file; nil when there is none.
    static func find(_ name: String, searchPath: String) -> String? {
        // An empty PATH entry means the current directory in POSIX shells; git itself is never
        // expected there, and honouring it would let a checked-out `git` file run: skip it.
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
