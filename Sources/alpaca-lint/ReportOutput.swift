import Foundation

/// Writes a finished report to stdout or, atomically, to a file: a temporary file in the same
/// folder renamed over the target, so readers never see half a report.
enum ReportOutput {
    struct WriteError: Error { let message: String }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).alpaca-lint-\(getpid()).tmp")
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw WriteError(message: "cannot write the report to \(path): \(String(cString: strerror(errno)))")
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(message: "cannot write the report to \(path): \(reason)")
        }
    }
}

/// The temporary report file in flight, removed if the run is interrupted, so that an
/// interrupted run leaves neither a partial report nor litter.
enum TemporaryFiles {
    nonisolated(unsafe) private static var current: UnsafeMutablePointer<CChar>?

    static func register(_ path: String) {
        current = strdup(path)
        signal(SIGINT, handleSignal)
        signal(SIGTERM, handleSignal)
    }

    static func unregister(_ path: String) {
        let old = current
        current = nil
        free(old)
    }
}

/// Signal handler: only async-signal-safe calls (unlink, _exit).
private func handleSignal(_ signal: Int32) {
    if let path = TemporaryFiles.currentPath() { unlink(path) }
    _exit(128 + signal)
}

extension TemporaryFiles {
    fileprivate static func currentPath() -> UnsafeMutablePointer<CChar>? { current }
}
