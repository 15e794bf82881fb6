import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the fixer needs, with atomic replacement that keeps permissions.
enum FixFileSystem {
    /// What `lstat` says about a path.
    enum Kind: Equatable {
        /// Nothing there.
        case missing
        /// A regular file with these permission bits.
        case regular(mode: UInt32)
        /// Anything else (directory, symlink, device).
        case other
    }

    /// What is at `path`, without following a final symlink.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFREG { return .regular(mode: UInt32(info.st_mode) & 0o7777) }
        return .other
    }

    /// The bytes of a regular file, or nil.
    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Replaces (or creates) `path` with `bytes` atomically: a temporary file in the same folder,
    /// written, flushed, given the old file's mode (or `creationMode`; with `restrictToOwner`, the old
    /// mode without group and other bits), then renamed over the target.
    static func writeAtomically(_ bytes: [UInt8], to path: String, creationMode: UInt32, restrictToOwner: Bool = false) throws(FixWriteError) {
        let mode: UInt32
        switch kind(path) {
        case .regular(let existing): mode = restrictToOwner ? existing & 0o7700 : existing
        case .missing: mode = creationMode
        case .other: throw FixWriteError(path: path, message: "not a regular file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(folder.isEmpty ? "." : folder)/.\(name).alpaca-fix-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FixWriteError(path: path, message: systemError()) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        // Mode first, so the secret-bearing content never sits in a more open file.
        if fchmod(descriptor, mode_t(mode)) != 0 { failure = systemError() }
        var offset = 0
        while failure == nil, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = systemError()
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = systemError() }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = systemError() }
        if let failure {
            unlink(temporary)
            throw FixWriteError(path: path, message: failure)
        }
    }

    /// The text of the current `errno`.
    private static func systemError() -> String {
        let code = errno
        guard let text = strerror(code) else { return "error \(code)" }
        return String(validatingCString: text) ?? "error \(code)"
    }

    /// Removes a file the fixer created (rolling back a `.gitignore`).
    static func remove(_ path: String) {
        unlink(path)
    }
}

/// A file that could not be written.
public struct FixWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The system's explanation.
    public let message: String
    /// "cannot write PATH: MESSAGE".
    public var description: String { "cannot write \(path): \(message)" }
}
