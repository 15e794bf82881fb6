import Foundation

/// The optional `--verify-cache FILE`: fingerprints (the caller's ids) and results, never a secret.
///
/// Only `active` and `inactive` results are kept (errors are worth asking again). A file that is
/// not a cache of ours is neither trusted nor overwritten, in case the path names something else.
struct VerificationCache {
    /// Marks our files, so that a mistyped path to another JSON file is left alone.
    static let format = "alpaca-lint-verify-cache"
    static let version = 1

    private struct File: Codable {
        var format: String
        var version: Int
        var hosts: String
        var entries: [String: VerificationResult]
    }

    let path: String
    let hostSignature: String
    private(set) var entries: [String: VerificationResult] = [:]
    /// False when the file exists but is not ours: it is then not written.
    private(set) var writable = true

    /// Reads `path`; problems become `warnings` and an empty cache.
    init(path: String, hostSignature: String, warnings: inout [String]) {
        self.path = path
        self.hostSignature = hostSignature
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            warnings.append("verification cache \(path) cannot be read: ignored and left unchanged")
            writable = false
            return
        }
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.format == Self.format else {
            warnings.append("verification cache \(path) is not a valid alpaca-lint cache: ignored and left unchanged (delete it to start a new one)")
            writable = false
            return
        }
        guard file.version == Self.version else {
            warnings.append("verification cache \(path) has format version \(file.version), expected \(Self.version): ignored and replaced")
            return
        }
        // Results from other targets (a fake server in tests, or the real hosts) do not apply here.
        if file.hosts == hostSignature { entries = file.entries }
    }

    /// The stored result for `id` when it is younger than `maxAge` seconds at `now`.
    func fresh(_ id: String, now: Date, maxAge: Double) -> VerificationResult? {
        guard let result = entries[id], let checkedAt = result.checkedAt,
              now.timeIntervalSince(checkedAt) <= maxAge, checkedAt <= now.addingTimeInterval(60)
        else { return nil }
        return result
    }

    /// Records `result` under `id` when it is worth keeping.
    mutating func store(_ result: VerificationResult, for id: String) {
        guard result.status == .active || result.status == .inactive else { return }
        entries[id] = result
    }

    /// Drops entries older than `maxAge`, then writes the file atomically (a temporary file in the
    /// same folder, renamed over the old one) with mode 0600. Returns a warning on failure.
    mutating func save(now: Date, maxAge: Double) -> String? {
        guard writable else { return nil }
        entries = entries.filter { _, result in
            result.checkedAt.map { now.timeIntervalSince($0) <= maxAge } ?? false
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            let data = try encoder.encode(File(format: Self.format, version: Self.version, hosts: hostSignature, entries: entries))
            try AtomicFile.write(data, to: path)
            return nil
        } catch {
            return "verification cache \(path) could not be written: \(error)"
        }
    }
}

/// Writes a file so that readers see either the old or the new content, never a part.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        let ok = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return fsync(descriptor) == 0
        }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard ok else {
            unlink(temporary)
            throw WriteError(description: "cannot write \(temporary): \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot rename onto \(path): \(reason)")
        }
    }
}
