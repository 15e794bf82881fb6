import Foundation

/// A throw-away directory tree for one test; removed on deinit.
final class TemporaryTree {
    /// Canonical absolute path of the tree's root (no symlinks, so it compares with walker output).
    let root: String

    /// Creates an empty directory under the system temp directory.
    init() throws {
        var template = Array((NSTemporaryDirectory() + "/alpaca-ignore-XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let start = buffer.baseAddress, let created = mkdtemp(start) else { return nil }
            return String(cString: created)
        }
        guard let path else { throw CocoaError(.fileWriteUnknown) }
        root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    deinit {
        // chmod 000 directories from tests would make removal fail.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: root).forEach {
            chmod(root + "/" + $0, 0o755)
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Absolute path of `relative`.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file (creating parent directories); POSIX calls so odd names like "\\x" stay literal.
    func file(_ relative: String, _ contents: String = "x") throws {
        try directory(Self.parent(relative))
        try Self.write(Array(contents.utf8), to: Array(path(relative).utf8))
    }

    /// Writes `bytes` to the file at the byte path `path`.
    static func write(_ bytes: [UInt8], to path: [UInt8]) throws {
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(.EIO) }
    }

    /// The directory part of a relative path ("" for a bare name).
    static func parent(_ relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    /// Creates a directory and its parents.
    func directory(_ relative: String) throws {
        guard !relative.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Creates a symlink at `relative` pointing to `target` (taken literally).
    func symlink(_ relative: String, to target: String) throws {
        try directory(Self.parent(relative))
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }
}
