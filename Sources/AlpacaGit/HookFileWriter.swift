import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations for installing a hook: read, atomic write with mode 755, and backups.
enum HookFileWriter {
    /// The file's text, or nil when there is no file at `path`.
    static func read(_ path: String) throws(GitError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitError.fileAccess(path: path, reason: "cannot read the existing hook")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `text` to `path` through a temporary file and a rename, so git never runs a half-written hook.
    static func write(_ text: String, to path: String) throws(GitError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).alpaca-lint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // `git init --template=` or a fresh core.hooksPath can leave the hooks directory missing.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GitError.fileAccess(path: path, reason: "cannot write the hook: \(error.localizedDescription)")
        }
        // rename(2) replaces the old file in one step (a symlink is replaced, its target kept).
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw GitError.fileAccess(path: path, reason: "cannot write the hook: \(reason)")
        }
    }

    /// Moves the file at `path` to the first free name among `<path>.alpaca-lint-backup`, `…-backup.1`, …; returns it.
    static func moveToBackup(_ path: String) throws(GitError) -> String {
        var candidate = "\(path).alpaca-lint-backup"
        var number = 0
        // An earlier backup is somebody's hook too: never overwrite it.
        while FileManager.default.fileExists(atPath: candidate) || isSymlink(candidate) {
            number += 1
            candidate = "\(path).alpaca-lint-backup.\(number)"
        }
        do {
            try FileManager.default.moveItem(atPath: path, toPath: candidate)
        } catch {
            throw GitError.fileAccess(
                path: path, reason: "cannot move the existing hook to \(candidate): \(error.localizedDescription)")
        }
        return candidate
    }

    private static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
