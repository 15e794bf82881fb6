import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's write(2); a free function so that `ReportOutput.write` does not shadow it and
/// no platform module has to be named at the call site.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Writes a finished report to stdout or, atomically, to a file: a temporary file in the same
/// folder renamed over the target, so readers never see half a report.
enum ReportOutput {
    struct WriteError: Error { let message: String }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        // A device or FIFO (`-o /dev/null`, `-o /dev/stdout`) is written in place: renaming a
        // temporary file over it would replace the device node itself.
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw WriteError(message: "cannot write the report to \(path): \(String(cString: strerror(errno)))")
            }
            handle.write(Data(bytes))
            try? handle.close()
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        // Not named after the target: a target name near NAME_MAX would make this one too long.
        let temporary = directory.appendingPathComponent(".alpaca-lint-report-\(getpid()).tmp")
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        // open/write directly (not FileManager.createFile, which writes through a second hidden
        // temporary file the signal handler does not know about, and loses errno).
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if descriptor < 0 {
            throw WriteError(message: "cannot write the report to \(path): \(String(cString: strerror(errno)))")
        }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = systemWrite(descriptor, raw.baseAddress! + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary.path)
            throw WriteError(message: "cannot write the report to \(path): \(String(cString: strerror(failure)))")
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
