#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file was not scanned.
public enum SkipReason: Error, Sendable, Equatable {
    /// Larger than `--max-file-size`.
    case tooLarge
    /// A NUL byte in the first 8 KiB and no UTF-16/32 byte-order mark.
    case binary
    /// Not a regular file when opened (FIFO, socket, device): never read.
    case notRegular
    /// open/read failed; the text is the system's reason.
    case unreadable(String)
}

/// Reads one file into a buffer that a worker reuses, refusing anything that could block or blow
/// up memory. Never follows a symlink (the walker decided what to open).
struct FileReader {
    private(set) var buffer: [UInt8] = []

    /// Reads `path`; on success the bytes are in `buffer[0..<count]` (UTF-16/32 already turned into UTF-8).
    mutating func read(path: [UInt8], maxSize: Int) -> Result<Int, SkipReason> {
        // O_NONBLOCK: a FIFO swapped in after the walk must not hang the scan. Symlinks were
        // vetted by the walker (only links to files inside the tree are yielded).
        let descriptor = (path + [0]).withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        }
        if descriptor < 0 { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        let size = Int(status.st_size)
        if size > maxSize { return .failure(.tooLarge) }
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: max(size + 1, 64 * 1024)) }
        var total = 0
        while true {
            if total == buffer.count {
                // The file grew while we read it: keep going up to the size limit.
                if total >= maxSize { return .failure(.tooLarge) }
                buffer.append(contentsOf: repeatElement(0, count: max(4096, total)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + total, raw.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if got == 0 { break }
            total += got
        }
        if let transcoded = TextDecoding.utf8FromBOM(buffer, count: total) {
            buffer = transcoded
            return .success(transcoded.count)
        }
        if TextDecoding.looksBinary(buffer, count: total) { return .failure(.binary) }
        return .success(total)
    }
}
