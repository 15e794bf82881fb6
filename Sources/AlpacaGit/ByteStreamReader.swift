#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a pipe incrementally through a fixed buffer, so that a stream of any length costs the same memory.
///
/// Not thread-safe: one reader per descriptor, used by one thread at a time.
final class ByteStreamReader {
    private let descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var start = 0
    private var end = 0
    private var reachedEnd = false
    /// Called just before the reader blocks in `read()` for more bytes (the writer may flush what it batched).
    var willWait: (() -> Void)?

    /// Reads `descriptor` (which the caller keeps owning) through a buffer of `capacity` bytes.
    init(descriptor: Int32, capacity: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// True when every byte was consumed and the writer closed its end.
    var isAtEnd: Bool {
        if start < end { return false }
        return !refill()
    }

    /// The next byte without consuming it; nil at end of stream.
    func peek() -> UInt8? {
        if start == end, !refill() { return nil }
        return buffer[start]
    }

    /// Consumes one byte; false at end of stream.
    @discardableResult
    func skipByte() -> Bool {
        if start == end, !refill() { return false }
        start += 1
        return true
    }

    /// Appends the bytes before the next `delimiter` to `field` and consumes the delimiter too.
    /// Returns false when the stream ends first (what was read is still appended).
    func readField(until delimiter: UInt8, into field: inout [UInt8]) -> Bool {
        while true {
            if start == end, !refill() { return false }
            let available = end - start
            if let found = memchr(buffer + start, Int32(delimiter), available) {
                let length = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self)) - start
                field.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: length))
                start += length + 1
                return true
            }
            field.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: available))
            start = end
        }
    }

    /// Exactly `count` bytes in a new array; nil when the stream ends first.
    func readBytes(_ count: Int) -> [UInt8]? {
        var filled = 0
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { destination, initialized in
            // Whatever is buffered is copied first; the rest is read straight into the array.
            let buffered = min(count, end - start)
            if buffered > 0 {
                (destination.baseAddress! + 0).update(from: buffer + start, count: buffered)
                start += buffered
                filled = buffered
            }
            while filled < count {
                let remaining = count - filled
                if remaining < capacity {
                    // A short tail goes through the buffer, so that the bytes after it are buffered too.
                    guard refill() else { break }
                    let take = min(remaining, end - start)
                    (destination.baseAddress! + filled).update(from: buffer + start, count: take)
                    start += take
                    filled += take
                } else {
                    willWait?()
                    let got = read(descriptor, destination.baseAddress! + filled, remaining)
                    if got > 0 {
                        filled += got
                    } else if got < 0 && errno == EINTR {
                        continue
                    } else {
                        reachedEnd = true
                        break
                    }
                }
            }
            complete = filled == count
            initialized = complete ? count : 0
        }
        return complete ? bytes : nil
    }

    /// Everything left in the stream (for short outputs only: it is all held in memory).
    func readAll() -> [UInt8] {
        var collected: [UInt8] = []
        while start < end || refill() {
            collected.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: end - start))
            start = end
        }
        return collected
    }

    /// Consumes `count` bytes without keeping them; false when the stream ends first.
    func skip(_ count: Int) -> Bool {
        var remaining = count
        while remaining > 0 {
            if start == end, !refill() { return false }
            let take = min(remaining, end - start)
            start += take
            remaining -= take
        }
        return true
    }

    /// Reads more bytes into the (empty) buffer; false at end of stream or on a read error.
    private func refill() -> Bool {
        if reachedEnd { return false }
        start = 0
        end = 0
        willWait?()
        while true {
            let got = read(descriptor, buffer, capacity)
            if got > 0 {
                end = got
                return true
            }
            if got < 0 && errno == EINTR { continue }
            reachedEnd = true
            return false
        }
    }
}
