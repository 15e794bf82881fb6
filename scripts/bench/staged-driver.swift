// Benchmark driver for StagedSource, compiled together with Sources/AlpacaGit (see history.sh):
//   staged-driver REPO [RUNS]
// Times, in this one process (no start-up cost of a binary), StagedSource.load against a plain
// `git diff --cached -U0` started the same way, alternating, and prints the medians.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: staged-driver REPO [RUNS]\n".data(using: .utf8)!)
    exit(2)
}
let runs = arguments.count >= 3 ? Int(arguments[2]) ?? 30 : 30

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

do {
    let runner = try GitRunner(directory: arguments[1])
    var source: [Double] = []
    var plain: [Double] = []
    var files = 0
    for _ in 0..<runs {
        var start = Date()
        let snapshot = try StagedSource(runner: runner).load(maxFileSize: 10_000_000)
        source.append(Date().timeIntervalSince(start) * 1000)
        files = snapshot.files.count
        start = Date()
        _ = try runner.run(["diff", "--cached", "-U0"])
        plain.append(Date().timeIntervalSince(start) * 1000)
    }
    print(String(
        format: "StagedSource.load %.1f ms (median of %d, %d file(s)); git diff --cached -U0 %.1f ms; ratio %.2f",
        median(source), runs, files, median(plain), median(source) / median(plain)))
} catch {
    FileHandle.standardError.write("staged-driver: \(error)\n".data(using: .utf8)!)
    exit(1)
}
