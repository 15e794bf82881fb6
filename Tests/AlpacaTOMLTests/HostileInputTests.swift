import AlpacaTOML
import Foundation
import Testing

/// Inputs built to hurt: deep nesting, many tables, long lines. Each must be answered (parsed or
/// rejected) without a crash; scripts/bench/toml.sh measures how fast.
struct HostileInputTests {
    private static let limit = TOMLTable.maximumDepth

    @Test func nestingUpToTheLimitIsAcceptedAndBeyondRejected() throws {
        let ok = "a = " + String(repeating: "[", count: Self.limit) + String(repeating: "]", count: Self.limit)
        #expect(try TOMLTable(string: ok)["a"] != nil)
        let deep = "a = " + String(repeating: "[", count: Self.limit + 1) + String(repeating: "]", count: Self.limit + 1)
        #expect(throws: TOMLError.self) { try TOMLTable(string: deep) }
        let inline = "a = " + String(repeating: "{b = ", count: Self.limit + 1) + "1" + String(repeating: "}", count: Self.limit + 1)
        #expect(throws: TOMLError.self) { try TOMLTable(string: inline) }
        // A key of n + 1 parts makes n tables.
        let dotted = (0...Self.limit).map { _ in "k" }.joined(separator: ".") + " = 1"
        #expect(try TOMLTable(string: dotted).count == 1)
        #expect(throws: TOMLError.self) { try TOMLTable(string: "k." + dotted) }
        let header = "[" + (0...Self.limit).map { _ in "k" }.joined(separator: ".") + "]"
        #expect(throws: TOMLError.self) { try TOMLTable(string: header) }
        // Arrays of tables count two levels (the array and its element).
        let arrays = (0..<(Self.limit / 2 + 1)).map { level in "[[" + (0...level).map { _ in "a" }.joined(separator: ".") + "]]" }
        #expect(throws: TOMLError.self) { try TOMLTable(string: arrays.joined(separator: "\n")) }
        #expect(throws: TOMLError.self) { try TOMLTable(string: String(repeating: "[", count: 100_000)) }
        #expect(throws: TOMLError.self) { try TOMLTable(string: "a = " + String(repeating: "[", count: 100_000)) }
    }

    /// The deepest documents parse, compare and free on a thread with a small stack (512 KB,
    /// as on secondary threads), in this debug build.
    @Test func deepestDocumentsFitInASmallStack() throws {
        let n = Self.limit
        let documents = [
            "a = " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "a = " + String(repeating: "{b = ", count: n) + "1" + String(repeating: "}", count: n),
            (0..<n).map { _ in "k" }.joined(separator: ".") + " = 1",
            (0..<(n / 2)).map { level in "[[" + (0...level).map { _ in "a" }.joined(separator: ".") + "]]" }.joined(separator: "\n"),
        ]
        let outcome = Locked<[String]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for text in documents {
                do {
                    let one = try TOMLTable(string: text)
                    let two = try TOMLTable(string: text)
                    outcome.append(one == two ? "ok" : "unequal")
                } catch {
                    outcome.append("\(error)")
                }
            }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(outcome.value == ["ok", "ok", "ok", "ok"])
    }

    @Test func largeDocumentsOfEveryShapeAreAnswered() throws {
        let size = 200_000
        func fill(_ line: (Int) -> String) -> String {
            var text = ""
            var i = 0
            while text.utf8.count < size { text += line(i); i += 1 }
            return text
        }
        #expect(try TOMLTable(string: fill { "[t\($0)]\nk = \($0)\n" }).count > 1000)
        #expect(try TOMLTable(string: fill { "[[rules]]\nid = \"r\($0)\"\n[rules.x]\ny = \($0)\n" })["rules"]?.array?.count ?? 0 > 1000)
        #expect(try TOMLTable(string: "a = [" + fill { "\($0), " } + "]")["a"]?.array?.count ?? 0 > 10_000)
        #expect(try TOMLTable(string: "t = { " + fill { "k\($0) = \($0), " } + "z = 0 }")["t"]?.table?.count ?? 0 > 10_000)
        #expect(try TOMLTable(string: "s = \"" + String(repeating: "x\\u00e9", count: size / 7) + "\"")["s"]?.string?.count == size / 7 * 2)
        #expect(try TOMLTable(string: fill { "k\($0)." + (0..<60).map { _ in "a" }.joined(separator: ".") + " = 1\n" }).count > 100)
        // A duplicate at the very end is found after reading everything before it.
        let valid = fill { "[[rules]]\nid = \"r\($0)\"\n" }
        #expect(throws: TOMLError.self) { try TOMLTable(string: valid + "[[rules]]\nid = 1\nid = 2\n") }
    }
}

/// A value shared with another thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func append<Element>(_ element: Element) where Value == [Element] { lock.withLock { stored.append(element) } }
}
