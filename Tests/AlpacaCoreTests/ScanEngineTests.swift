import AlpacaCore
import Foundation
import Testing

/// The parallel engine: the same findings whatever the number of workers, files streamed while
/// they are produced, and a producer's error passed through after the workers stopped.
struct ScanEngineTests {
    struct WalkFailed: Error {}

    static func makeTree(files: Int) throws -> (URL, [FileToScan]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var list: [FileToScan] = []
        for index in 0..<files {
            let name = "f\(index).py"
            let text = index % 7 == 0 ? "key = 'PKR2W8ZQ4M6XT1NV3HCB'\n" : "print(\(index))\n"
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
            list.append(FileToScan(displayPath: name, absolutePath: Array(root.appendingPathComponent(name).path.utf8)))
        }
        return (root, list)
    }

    static let scanner: FileScanner = {
        do { return FileScanner(ruleSet: try RuleSet(rules: RuleSet.builtIn())) } catch { fatalError("\(error)") }
    }()

    @Test func resultsDoNotDependOnWorkers() throws {
        let (root, files) = try Self.makeTree(files: 200)
        defer { try? FileManager.default.removeItem(at: root) }
        let one = ScanEngine(scanner: Self.scanner, jobs: 1, maxFileSize: 1 << 20).scan(files)
        let four = ScanEngine(scanner: Self.scanner, jobs: 4, maxFileSize: 1 << 20).scanStreaming { emit in
            for file in files { emit(file) }
        }
        #expect(one.summary.filesScanned == 200)
        #expect(four.summary == one.summary)
        #expect(one.findings.count == 29)
        #expect(Set(four.findings.map(\.path)) == Set(one.findings.map(\.path)))
    }

    @Test func producerErrorIsRethrownAfterTheWorkersStop() throws {
        let (root, files) = try Self.makeTree(files: 20)
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = ScanEngine(scanner: Self.scanner, jobs: 3, maxFileSize: 1 << 20)
        #expect(throws: WalkFailed.self) {
            _ = try engine.scanStreaming { (emit) throws(WalkFailed) in
                for file in files.prefix(10) { emit(file) }
                throw WalkFailed()
            }
        }
    }

    @Test func missingFileIsAWarningNotAFailure() {
        let missing = FileToScan(displayPath: "gone.py", absolutePath: Array("/nonexistent/gone.py".utf8))
        let result = ScanEngine(scanner: Self.scanner, jobs: 2, maxFileSize: 1 << 20).scan([missing])
        #expect(result.summary.filesSkipped == 1)
        #expect(result.warnings.first?.path == "gone.py")
    }
}
