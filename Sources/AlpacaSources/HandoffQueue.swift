import Foundation

/// A bounded queue between threads: producers block while it is full, the consumer blocks while it
/// is empty, and `close()` ends the stream. Used to bring blobs that git readers deliver on their
/// own threads back to the thread that feeds the engine.
final class HandoffQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var isClosed = false
    private let capacity: Int

    /// A queue holding at most `capacity` elements.
    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds `element`, waiting while the queue is full; dropped if the queue was closed.
    func push(_ element: Element) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !isClosed { condition.wait() }
        guard !isClosed else { return }
        items.append(element)
        condition.broadcast()
    }

    /// The next element, waiting while the queue is empty; nil once it is closed and drained.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !isClosed { condition.wait() }
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return element
    }

    /// Ends the stream: waiting producers return, the consumer drains what is left.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }
}
