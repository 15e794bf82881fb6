/// Helpers for paths kept as bytes ('/'-separated, no trailing '/').
enum PathBytes {
    /// `parent/child`, or just `child` when `parent` is empty.
    static func join(_ parent: [UInt8], _ child: [UInt8]) -> [UInt8] {
        if parent.isEmpty { return child }
        var joined = parent
        if parent.last != Ascii.slash { joined.append(Ascii.slash) }
        joined.append(contentsOf: child)
        return joined
    }

    /// Display text for bytes; invalid UTF-8 becomes U+FFFD instead of failing.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The non-empty components of a '/'-separated path, ignoring "." components.
    static func components(_ path: [UInt8]) -> [[UInt8]] {
        path.split(separator: Ascii.slash, omittingEmptySubsequences: true)
            .filter { $0.count != 1 || $0.first != Ascii.dot }
            .map(Array.init)
    }

    /// The directory part of `path` ("" for a bare name, "/" for a top-level absolute path).
    static func parent(_ path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: Ascii.slash) else { return [] }
        return slash == 0 ? [Ascii.slash] : Array(path[..<slash])
    }

    /// The last component of `path`.
    static func basename(_ path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: Ascii.slash) else { return path }
        return Array(path[(slash + 1)...])
    }

    /// Whether `path` is `ancestor` or lies below it (both absolute and canonical).
    static func isInside(_ path: [UInt8], _ ancestor: [UInt8]) -> Bool {
        if ancestor == [Ascii.slash] { return path.first == Ascii.slash }
        guard path.starts(with: ancestor) else { return false }
        return path.count == ancestor.count || path[ancestor.count] == Ascii.slash
    }

    /// `path` relative to `ancestor` ("" when equal); nil when it is not inside.
    static func relative(_ path: [UInt8], to ancestor: [UInt8]) -> [UInt8]? {
        guard isInside(path, ancestor) else { return nil }
        if path.count == ancestor.count { return [] }
        let start = ancestor == [Ascii.slash] ? 1 : ancestor.count + 1
        return Array(path[start...])
    }

    /// A repository-relative path as the user may type it: strips "./", leading and trailing '/'
    /// and empty components, so "./a//b/" becomes "a/b".
    static func normalizedRelative(_ path: String) -> [UInt8] {
        var result: [UInt8] = []
        for component in components(Array(path.utf8)) {
            if !result.isEmpty { result.append(Ascii.slash) }
            result.append(contentsOf: component)
        }
        return result
    }

    /// The scan path as it should prefix display paths: '/' separators, no "./", no trailing '/';
    /// "" for "." so files show as "src/a.py".
    static func displayPrefix(_ scanPath: String) -> String {
        let bytes = Array(scanPath.utf8)
        let isAbsolute = bytes.first == Ascii.slash
        let body = normalizedRelative(scanPath)
        if isAbsolute { return "/" + text(body) }
        return text(body)
    }
}
