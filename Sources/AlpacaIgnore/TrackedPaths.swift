/// The files git tracks, plus every directory above one, for O(1) checks during the walk.
struct TrackedPaths: Sendable {
    private let files: Set<[UInt8]>
    private let directories: Set<[UInt8]>

    /// Indexes repository-relative paths as `git ls-files -z` prints them.
    init(_ tracked: Set<String>) {
        var files = Set<[UInt8]>()
        var directories = Set<[UInt8]>()
        for path in tracked {
            let bytes = PathBytes.normalizedRelative(path)
            guard !bytes.isEmpty else { continue }
            files.insert(bytes)
            var index = bytes.endIndex
            while let slash = bytes[..<index].lastIndex(of: Ascii.slash) {
                // Stop early: a directory already present had its ancestors added with it.
                if !directories.insert(Array(bytes[..<slash])).inserted { break }
                index = slash
            }
        }
        self.files = files
        self.directories = directories
    }

    /// Whether the file at `path` is tracked.
    func containsFile(_ path: [UInt8]) -> Bool { files.contains(Self.key(path)) }

    /// Whether some tracked file lies below the directory `path`.
    func containsDirectory(_ path: [UInt8]) -> Bool { directories.contains(Self.key(path)) }

    /// Names that are not valid UTF-8 reach the caller's Set<String> lossily decoded; decode ours the same way.
    private static func key(_ path: [UInt8]) -> [UInt8] {
        let text = PathBytes.text(path)
        return text.utf8.elementsEqual(path) ? path : Array(text.utf8)
    }
}
