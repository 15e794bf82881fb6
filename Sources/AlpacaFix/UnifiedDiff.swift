/// Unified diffs (git's format, 3 lines of context) of whole-file changes, by Myers' algorithm.
enum UnifiedDiff {
    /// One line of a file: its bytes without the line feed, and whether a line feed ended it.
    struct Line: Equatable {
        let bytes: ArraySlice<UInt8>
        let terminated: Bool
    }

    /// The lines of `bytes` (a final line without a line feed is kept and marked).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Line(bytes: bytes[start..<index], terminated: true))
            start = index + 1
        }
        if start < bytes.count { result.append(Line(bytes: bytes[start...], terminated: false)) }
        return result
    }

    /// An edit script step.
    enum Step: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The shortest edit script from `a` to `b` (common prefix and suffix trimmed first).
    static func steps(_ a: [Line], _ b: [Line]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var result = (0..<prefix).map { Step.keep($0, $0) }
        for step in myers(middleA, middleB) {
            switch step {
            case .keep(let i, let j): result.append(.keep(i + prefix, j + prefix))
            case .delete(let i): result.append(.delete(i + prefix))
            case .insert(let j): result.append(.insert(j + prefix))
            }
        }
        for offset in 0..<suffix { result.append(.keep(a.count - suffix + offset, b.count - suffix + offset)) }
        return result
    }

    /// Myers' greedy O((N+M)·D) diff with the V arrays kept for the backtrack.
    private static func myers(_ a: [Line], _ b: [Line]) -> [Step] {
        let n = a.count
        let m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let maximum = n + m
        var v = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        search: for d in 0...maximum {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1]) {
                    x = v[maximum + k + 1]
                } else {
                    x = v[maximum + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[maximum + k] = x
                if x >= n && y >= m { break search }
            }
        }
        var steps: [Step] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && previous[maximum + k - 1] < previous[maximum + k + 1])) ? k + 1 : k - 1
            let previousX = previous[maximum + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                steps.append(.keep(x, y))
            }
            if d > 0 {
                if x == previousX { steps.append(.insert(previousY)) } else { steps.append(.delete(previousX)) }
            }
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }

    /// The diff of one file in git's format; nil when nothing changed. `mode` is set for new files.
    static func diff(path: String, original: [UInt8]?, updated: [UInt8], newFileMode: UInt32?) -> String? {
        guard original != updated else { return nil }
        let a = lines(original ?? [])
        let b = lines(updated)
        let steps = steps(a, b)
        var output = "diff --git a/\(path) b/\(path)\n"
        if original == nil, let newFileMode { output += "new file mode 100\(String(newFileMode & 0o777, radix: 8))\n" }
        output += original == nil ? "--- /dev/null\n" : "--- a/\(path)\n"
        output += "+++ b/\(path)\n"
        let context = 3
        var index = 0
        while index < steps.count {
            guard let firstChange = steps[index...].firstIndex(where: { if case .keep = $0 { return false } else { return true } }) else { break }
            var start = max(firstChange - context, index == 0 ? 0 : index)
            start = max(start, 0)
            var end = firstChange
            // Extend the hunk while the next change is within 2×context kept lines.
            var cursor = firstChange
            while cursor < steps.count {
                if case .keep = steps[cursor] {
                    let nextChange = steps[cursor...].firstIndex(where: { if case .keep = $0 { return false } else { return true } })
                    if let nextChange, nextChange - cursor <= 2 * context {
                        cursor = nextChange
                        continue
                    }
                    break
                }
                end = cursor
                cursor += 1
            }
            let hunkEnd = min(end + context + 1, steps.count)
            let hunk = steps[start..<hunkEnd]
            output += header(hunk, aCount: a.count, bCount: b.count)
            for step in hunk {
                switch step {
                case .keep(let i, _): output += render(" ", a[i])
                case .delete(let i): output += render("-", a[i])
                case .insert(let j): output += render("+", b[j])
                }
            }
            index = hunkEnd
        }
        return output
    }

    /// `@@ -a,b +c,d @@` for a hunk.
    private static func header(_ hunk: ArraySlice<Step>, aCount: Int, bCount: Int) -> String {
        var aLines: [Int] = []
        var bLines: [Int] = []
        var aInsertPoint: Int?
        var bInsertPoint: Int?
        for step in hunk {
            switch step {
            case .keep(let i, let j):
                aLines.append(i)
                bLines.append(j)
            case .delete(let i):
                aLines.append(i)
                if bInsertPoint == nil { bInsertPoint = bLines.last.map { $0 + 1 } }
            case .insert(let j):
                bLines.append(j)
                if aInsertPoint == nil { aInsertPoint = aLines.last.map { $0 + 1 } }
            }
        }
        func range(_ lines: [Int], _ insertPoint: Int?) -> String {
            guard let first = lines.first else { return "\(insertPoint ?? 0),0" }
            return lines.count == 1 ? "\(first + 1)" : "\(first + 1),\(lines.count)"
        }
        return "@@ -\(range(aLines, aInsertPoint)) +\(range(bLines, bInsertPoint)) @@\n"
    }

    /// One diff line, with git's marker when the file's last line has no line feed.
    private static func render(_ marker: String, _ line: Line) -> String {
        marker + String(decoding: line.bytes, as: UTF8.self) + (line.terminated ? "\n" : "\n\\ No newline at end of file\n")
    }
}
