#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bounded queue between threads: producers block while it is full, the consumer blocks while it
/// is empty, and `close()` ends the stream. Used to bring blobs that git readers deliver on their
/// own threads back to the thread that feeds the engine.
///
/// Bounded by element count and by total weight (bytes), so that a run of large blobs cannot pile
/// up; one element is always admitted into an empty queue, whatever it weighs. Waking threads
/// costs more than the hand-over itself (a history scan hands over tens of thousands of blobs), so
/// each side is woken only when it waits, and waiting producers only once the queue has drained
/// to half: they then refill it in one go instead of one element per wake-up.
final class HandoffQueue<Element>: @unchecked Sendable {
    // One mutex, one condition per side (Foundation's NSCondition has only one of each).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let notEmpty = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let notFull = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var items: [(element: Element, weight: Int)] = []
    private var head = 0
    private var weight = 0
    private var isClosed = false
    private var waitingConsumers = 0
    private var waitingProducers = 0
    private let capacity: Int
    private let maxWeight: Int

    /// A queue holding at most `capacity` elements and, beyond its first element, at most
    /// `maxWeight` in total weight.
    init(capacity: Int, maxWeight: Int = Int.max) {
        self.capacity = max(1, capacity)
        self.maxWeight = max(1, maxWeight)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(notEmpty, nil)
        pthread_cond_init(notFull, nil)
    }

    deinit {
        pthread_cond_destroy(notFull)
        pthread_cond_destroy(notEmpty)
        pthread_mutex_destroy(mutex)
        notFull.deallocate()
        notEmpty.deallocate()
        mutex.deallocate()
    }

    private var count: Int { items.count - head }

    /// Adds `element` (of `weight`, e.g. its size in bytes), waiting while the queue is full;
    /// dropped if the queue was closed.
    func push(_ element: Element, weight elementWeight: Int = 0) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !isClosed && count > 0 && (count >= capacity || weight + elementWeight > maxWeight) {
            waitingProducers += 1
            pthread_cond_wait(notFull, mutex)
            waitingProducers -= 1
        }
        guard !isClosed else { return }
        items.append((element, elementWeight))
        weight += elementWeight
        if waitingConsumers > 0 { pthread_cond_signal(notEmpty) }
    }

    /// The next element, waiting while the queue is empty; nil once it is closed and drained.
    func pop() -> Element? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while count == 0 && !isClosed {
            waitingConsumers += 1
            pthread_cond_wait(notEmpty, mutex)
            waitingConsumers -= 1
        }
        guard count > 0 else { return nil }
        let (element, elementWeight) = items[head]
        head += 1
        weight -= elementWeight
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        // Producers refill a half-empty queue together; one that waits for room for a heavy
        // element is woken when the queue is empty at the latest.
        if waitingProducers > 0 && (count * 2 <= capacity && weight * 2 <= maxWeight || count == 0) {
            pthread_cond_broadcast(notFull)
        }
        return element
    }

    /// Ends the stream: waiting producers return, the consumer drains what is left.
    func close() {
        pthread_mutex_lock(mutex)
        isClosed = true
        pthread_cond_broadcast(notEmpty)
        pthread_cond_broadcast(notFull)
        pthread_mutex_unlock(mutex)
    }
}
