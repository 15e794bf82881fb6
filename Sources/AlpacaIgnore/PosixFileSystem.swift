#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat`/`stat` says about a path, reduced to what the walk needs.
struct FileStatus: Sendable {
    /// The kinds of file the walk distinguishes.
    enum Kind: Sendable { case regular, directory, symlink, special }
    let kind: Kind
    let size: Int
}

/// One name read from a directory, with its type and, for regular files, its size.
struct DirectoryItem: Sendable {
    let name: [UInt8]
    /// nil when the entry vanished between `readdir` and `fstatat`.
    let kind: FileStatus.Kind?
    /// Size in bytes for regular files, else 0.
    let size: Int
}

/// Thin POSIX wrappers over byte paths: the walk visits up to 100,000 files, so no Foundation here,
/// and byte paths keep names that are not valid UTF-8 openable.
enum PosixFileSystem {
    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        var terminated = path
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // Never nil (the buffer holds at least the NUL); the empty string keeps this crash-free.
                guard let start = chars.baseAddress else { return body("") }
                return body(start)
            }
        }
    }

    /// `lstat` (or `stat` when `followSymlinks`); nil when the path cannot be examined.
    static func status(_ path: [UInt8], followSymlinks: Bool = false) -> FileStatus? {
        var info = stat()
        let result = withCString(path) { followSymlinks ? stat($0, &info) : lstat($0, &info) }
        guard result == 0 else { return nil }
        return status(of: info)
    }

    /// Reduces a `stat` record to kind and size.
    private static func status(of info: stat) -> FileStatus {
        let kind: FileStatus.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .special
        }
        return FileStatus(kind: kind, size: Int(info.st_size))
    }

    /// True when something (file, directory, dangling link) exists at `path`.
    static func exists(_ path: [UInt8]) -> Bool {
        var info = stat()
        return withCString(path) { lstat($0, &info) } == 0
    }

    /// The canonical absolute path (symlinks resolved), or nil when it does not resolve.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        withCString(path) { cPath -> [UInt8]? in
            guard let resolved = realpath(cPath, nil) else { return nil }
            defer { free(resolved) }
            let length = strlen(resolved)
            return resolved.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
        }
    }

    /// The current directory, or nil when it has been removed.
    static func currentDirectory() -> [UInt8]? {
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        let length = strlen(cwd)
        return cwd.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// Reads a whole file, refusing anything that is not a regular file (FIFOs would block).
    /// With `followSymlinks == false` a symlink is not read at all, like git's in-tree .gitignore.
    static func readFile(_ path: [UInt8], followSymlinks: Bool, limit: Int = 100 * 1024 * 1024) -> [UInt8]? {
        guard let info = status(path, followSymlinks: followSymlinks), info.kind == .regular else { return nil }
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if !followSymlinks { flags |= O_NOFOLLOW }
        let fd = withCString(path) { open($0, flags) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while contents.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            contents.append(contentsOf: chunk[0..<count])
        }
        // git refuses oversized ignore files rather than read part of them.
        return contents.count > limit ? nil : contents
    }

    /// The entries of a directory except "." and "..", unsorted; on failure the `errno`.
    /// Regular files (and entries `readdir` did not type) are stat'ed here, relative to the open
    /// directory: much cheaper than a full-path `lstat` later, which dominated the walk's profile.
    static func listDirectory(_ path: [UInt8]) -> Result<[DirectoryItem], PosixError> {
        guard let handle = withCString(path, { opendir($0) }) else {
            return .failure(PosixError(code: errno))
        }
        defer { closedir(handle) }
        let directoryDescriptor = dirfd(handle)
        var items: [DirectoryItem] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { return .failure(PosixError(code: errno)) }
                break
            }
            let (name, status) = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    cName -> ([UInt8], FileStatus?) in
                    let bytes = UnsafeRawBufferPointer(start: cName, count: strlen(cName))
                    let reported = kind(ofDirentType: entry.pointee.d_type)
                    guard reported == nil || reported == .regular else { return (Array(bytes), reported.map { FileStatus(kind: $0, size: 0) }) }
                    return (Array(bytes), statusAt(directoryDescriptor, cName))
                }
            }
            if name == [Ascii.dot] || name == [Ascii.dot, Ascii.dot] { continue }
            items.append(DirectoryItem(name: name, kind: status?.kind, size: status?.size ?? 0))
        }
        return .success(items)
    }

    /// `fstatat` without following symlinks; nil when the entry is gone.
    private static func statusAt(_ directory: Int32, _ name: UnsafePointer<CChar>) -> FileStatus? {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status(of: info)
    }

    /// Maps `d_type` (values fixed by the Linux/BSD ABI); nil for DT_UNKNOWN, which needs an `lstat`.
    private static func kind(ofDirentType type: UInt8) -> FileStatus.Kind? {
        switch type {
        case 4: return .directory  // DT_DIR
        case 8: return .regular  // DT_REG
        case 10: return .symlink  // DT_LNK
        case 0: return nil  // DT_UNKNOWN
        default: return .special  // FIFO, character/block device, socket, whiteout
        }
    }
}

/// An `errno` value from a failed system call.
public struct PosixError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw `errno` value.
    public let code: Int32

    /// Creates a value from a raw `errno`.
    public init(code: Int32) { self.code = code }

    /// The system's text for the error, e.g. "Permission denied".
    public var description: String { String(cString: strerror(code)) }
}
