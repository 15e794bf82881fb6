import AlpacaCore
import Foundation
import Testing

/// The worker pool: the same reports whatever the number of workers, fragments streamed while
/// they are produced (with a bounded queue), and a producer's error passed through after the
/// workers stopped.
struct ScanEngineTests {
    struct WalkFailed: Error {}

    static func makeTree(files: Int) throws -> (URL, [Fragment]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var list: [Fragment] = []
        for index in 0..<files {
            let name = "f\(index).py"
            let text = index % 7 == 0 ? "key = 'PKR2W8ZQ4M6XT1NV3HCB'\n" : "print(\(index))\n"
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
            list.append(Fragment(content: .file(path: Array(root.appendingPathComponent(name).path.utf8)), displayPath: name))
        }
        return (root, list)
    }

    static let scanner: FragmentScanner = {
        do { return FragmentScanner(ruleSet: try RuleSet.load()) } catch { fatalError("\(error)") }
    }()

    @Test func resultsDoNotDependOnWorkers() throws {
        let (root, files) = try Self.makeTree(files: 200)
        defer { try? FileManager.default.removeItem(at: root) }
        let one = ScanEngine(scanner: Self.scanner, jobs: 1, maxFileSize: 1 << 20).run { emit in files.forEach(emit) }
        let four = ScanEngine(scanner: Self.scanner, jobs: 4, maxFileSize: 1 << 20).run { emit in files.forEach(emit) }
        #expect(one.summary.filesScanned == 200)
        #expect(four.summary == one.summary)
        #expect(one.reports.flatMap(\.findings).count == 29)
        #expect(four.reports.flatMap(\.findings) == one.reports.flatMap(\.findings), "same findings in the same order")
        #expect(four.reports.map(\.sequence) == four.reports.map(\.sequence).sorted())
    }

    @Test func producerErrorIsRethrownAfterTheWorkersStop() throws {
        let (root, files) = try Self.makeTree(files: 20)
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = ScanEngine(scanner: Self.scanner, jobs: 3, maxFileSize: 1 << 20)
        #expect(throws: WalkFailed.self) {
            _ = try engine.run { (emit) throws(WalkFailed) in
                for file in files.prefix(10) { emit(file) }
                throw WalkFailed()
            }
        }
    }

    @Test func inMemoryFragmentsMoreThanTheQueueHolds() {
        // 500 fragments through a queue of a few slots: the producer waits, nothing is lost.
        let engine = ScanEngine(scanner: Self.scanner, jobs: 2, maxFileSize: 1 << 20)
        let output = engine.run { emit in
            for index in 0..<500 {
                let text = index % 50 == 0 ? "APCA_API_KEY_ID=PKR2W8ZQ4M6XT1NV3HCB\n" : "x = \(index)\n"
                emit(Fragment(content: .bytes(Array(text.utf8)), displayPath: "m\(index).txt"))
            }
        }
        #expect(output.summary.filesScanned == 500)
        #expect(output.reports.flatMap(\.findings).map(\.path) == (0..<10).map { "m\($0 * 50).txt" })
    }

    @Test func oversizedFragmentIsNamedNotDropped() {
        let engine = ScanEngine(scanner: Self.scanner, jobs: 1, maxFileSize: 10)
        let output = engine.run { emit in
            emit(Fragment(content: .bytes(Array("APCA_API_KEY_ID=PKR2W8ZQ4M6XT1NV3HCB\n".utf8)), displayPath: "big.env"))
        }
        let warning = output.reports.first?.warnings.first
        #expect(warning?.path == "big.env")
        #expect(warning?.isIncomplete == true)
        #expect(warning?.message.contains("size limit") == true)
        #expect(output.summary.filesSkipped == 1)
    }
}
