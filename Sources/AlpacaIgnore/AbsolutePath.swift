/// Turns user-supplied paths into canonical absolute byte paths.
enum AbsolutePath {
    /// `realpath` of `path` (relative paths are taken from the current directory); nil if it does not exist.
    static func canonical(_ path: String) -> [UInt8]? {
        canonical(Array(path.utf8))
    }

    /// Byte variant of `canonical(_:)`.
    static func canonical(_ path: [UInt8]) -> [UInt8]? {
        PosixFileSystem.realPath(path.isEmpty ? [Ascii.dot] : path)
    }
}
