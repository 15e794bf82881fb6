#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file was not scanned.
public enum SkipReason: Error, Sendable, Equatable {
    /// Larger than the size limit (`--max-file-size`); the size in bytes.
    case tooLarge(Int)
    /// A NUL byte in the first 8 KiB and no UTF-16/32 byte-order mark.
    case binary
    /// Not a regular file when opened (FIFO, socket, device): never read.
    case notRegular
    /// The file no longer exists (deleted between the walk and the read).
    case missing
    /// open/read failed; the text is the system's reason.
    case unreadable(String)

    /// Whether skipping the file leaves something unchecked: the scan is then incomplete.
    public var leavesContentUnchecked: Bool {
        switch self {
        case .tooLarge, .unreadable: true
        case .binary, .notRegular, .missing: false
        }
    }

    /// A sentence for the report.
    public func message(limit: Int) -> String {
        switch self {
        case .tooLarge(let size): "not scanned: \(size) bytes is over the size limit of \(limit) bytes (raise it with --max-file-size)"
        case .binary: "not scanned: binary (a NUL byte in the first 8 KiB)"
        case .notRegular: "not scanned: not a regular file (FIFO, socket or device)"
        case .missing: "not scanned: the file disappeared before it could be read"
        case .unreadable(let why): "not scanned: cannot read the file (\(why))"
        }
    }
}

/// Reads one file into a buffer that a worker reuses, refusing anything that could block or blow
/// up memory. Never follows a symlink (the walker decided what to open).
struct FileReader {
    private(set) var buffer: [UInt8] = []

    /// Reads `path`; on success the bytes are in `buffer[0..<count]`.
    mutating func read(path: [UInt8], maxSize: Int) -> Result<Int, SkipReason> {
        // O_NONBLOCK: a FIFO swapped in after the walk must not hang the scan.
        let descriptor = (path + [0]).withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        }
        if descriptor < 0 { return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        let size = Int(status.st_size)
        if size > maxSize { return .failure(.tooLarge(size)) }
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: max(size + 1, 64 * 1024)) }
        var total = 0
        while true {
            if total == buffer.count {
                // The file grew while we read it: keep going up to the size limit.
                if total >= maxSize { return .failure(.tooLarge(total)) }
                buffer.append(contentsOf: repeatElement(0, count: max(4096, total)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + total, raw.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if got == 0 { break }
            total += got
        }
        return .success(total)
    }

    /// Puts `bytes` in the buffer (for fragments already in memory).
    mutating func load(_ bytes: [UInt8]) -> Int {
        buffer = bytes
        return bytes.count
    }

    /// Turns the first `count` bytes into scannable UTF-8: UTF-16/32 with a byte-order mark are
    /// transcoded; a NUL in the first 8 KiB otherwise makes the content binary.
    mutating func prepareText(count: Int) -> Result<Int, SkipReason> {
        if let transcoded = TextDecoding.utf8FromBOM(buffer, count: count) {
            buffer = transcoded
            return .success(transcoded.count)
        }
        if TextDecoding.looksBinary(buffer, count: count) { return .failure(.binary) }
        return .success(count)
    }
}

/// `read(2)`, named so that it does not clash with Swift methods called `read`.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
