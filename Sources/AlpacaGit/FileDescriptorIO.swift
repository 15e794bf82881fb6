import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Low-level reads and writes on raw file descriptors, retrying on EINTR.
enum FileDescriptorIO {
    /// Reads `descriptor` until end of file (or a read error) in 64 KiB chunks; the bytes read so far are returned.
    static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var collected: [UInt8] = []
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress, chunkSize)
            if count > 0 {
                // Appending from a raw buffer is one memcpy, fast even in debug builds.
                collected.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            } else if count == 0 || errno != EINTR {
                return collected
            }
        }
    }

    /// Writes all of `bytes` to a socket without raising SIGPIPE; false when the reader went away first.
    static func sendAll(_ bytes: [UInt8], to socket: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(socket, buffer.baseAddress! + offset, bytes.count - offset, noSignalFlag)
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    #if os(Linux)
        private static let noSignalFlag = Int32(MSG_NOSIGNAL)
    #else
        private static let noSignalFlag: Int32 = 0
    #endif

    /// A connected pair of stream sockets, close-on-exec; git reads its stdin from the second.
    static func socketPair() -> (parent: Int32, child: Int32)? {
        var descriptors: [Int32] = [-1, -1]
        #if os(Linux)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else { return nil }
        #if !os(Linux)
            // Darwin has no MSG_NOSIGNAL; the socket option gives the same protection.
            var one: Int32 = 1
            setsockopt(descriptors[0], SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        #endif
        return (descriptors[0], descriptors[1])
    }
}

/// Drains one file descriptor on its own thread, so stdout and stderr never block each other.
///
/// `@unchecked Sendable`: `collected` is written only by the reading thread, before it signals
/// `finished`, and read only after `wait()` has seen that signal.
final class BackgroundReader: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var collected: [UInt8] = []

    /// Starts reading `descriptor` at once; the caller keeps ownership of the descriptor.
    init(descriptor: Int32) {
        Thread.detachNewThread { [self] in
            collected = FileDescriptorIO.readToEnd(descriptor)
            finished.signal()
        }
    }

    /// Blocks until end of file and returns everything read.
    func wait() -> [UInt8] {
        finished.wait()
        return collected
    }
}

/// Feeds bytes to a child's stdin on its own thread, then closes the socket so the child sees end of file.
final class BackgroundWriter: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts writing at once; takes ownership of `socket` and closes it when done.
    init(bytes: [UInt8], socket: Int32) {
        Thread.detachNewThread { [finished] in
            // A child that exits early (bad arguments) stops reading; the failure shows in its
            // exit status and stderr, so the short write itself needs no report.
            _ = FileDescriptorIO.sendAll(bytes, to: socket)
            close(socket)
            finished.signal()
        }
    }

    /// Blocks until every byte was written or the child stopped reading.
    func wait() {
        finished.wait()
    }
}
