import AlpacaCore
import Foundation
import Testing

@testable import alpaca_lint

/// The progress line of long scans: its text, and that it reaches a terminal only.
@Suite("Progress line")
struct ProgressTests {
    @Test("the line says what was done, how fast and what was found, in any locale")
    func lineFormatting() {
        let snapshot = ScanProgress.Snapshot(fragments: 12_345, bytes: 234_567_890, findings: 7, distinctSecrets: 3)
        #expect(
            ProgressDisplay.line(snapshot, unit: "blobs", countsDistinctSecrets: true, elapsed: 5, width: nil)
                == "alpaca-lint: 12,345 blobs, 234.6 MB at 46.9 MB/s, 3 findings so far")
        #expect(
            ProgressDisplay.line(snapshot, unit: "files", countsDistinctSecrets: false, elapsed: 5, width: nil)
                == "alpaca-lint: 12,345 files, 234.6 MB at 46.9 MB/s, 7 findings so far")
        let one = ScanProgress.Snapshot(fragments: 1, bytes: 0, findings: 1, distinctSecrets: 1)
        #expect(ProgressDisplay.line(one, unit: "files", countsDistinctSecrets: false, elapsed: 0, width: nil)
            == "alpaca-lint: 1 files, 0.0 MB at 0.0 MB/s, 1 finding so far")
        // Never as wide as the terminal: `\r` must bring the cursor back to the line's start.
        let narrow = ProgressDisplay.line(snapshot, unit: "blobs", countsDistinctSecrets: true, elapsed: 5, width: 30)
        #expect(narrow.count == 29)
        #expect(narrow.hasPrefix("alpaca-lint: 12,345 blobs"))
        #expect(ProgressDisplay.grouped(0) == "0")
        #expect(ProgressDisplay.grouped(999) == "999")
        #expect(ProgressDisplay.grouped(1000) == "1,000")
        #expect(ProgressDisplay.grouped(1_234_567) == "1,234,567")
        #expect(ProgressDisplay.oneDecimal(0.04) == "0.0")
        #expect(ProgressDisplay.oneDecimal(1234.56) == "1,234.6")
        #expect(ProgressDisplay.delay(environment: [:]) == 1)
        #expect(ProgressDisplay.delay(environment: ["ALPACA_LINT_PROGRESS_DELAY": "0"]) == 0)
        #expect(ProgressDisplay.delay(environment: ["ALPACA_LINT_PROGRESS_DELAY": "soon"]) == 1)
    }

    @Test("the display erases its line when the scan ends, and prints nothing for a scan shorter than the delay")
    func displayLifecycle() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let progress = ScanProgress()
        let shown = ProgressDisplay(progress: progress, unit: "files", countsDistinctSecrets: false, delay: 0, interval: 0.01, descriptor: descriptors[1])
        shown.start()
        Thread.sleep(forTimeInterval: 0.1)
        shown.stop()
        let quick = ProgressDisplay(progress: progress, unit: "files", countsDistinctSecrets: false, delay: 60, descriptor: descriptors[1])
        quick.start()
        quick.stop()
        close(descriptors[1])
        let written = String(decoding: FileHandle(fileDescriptor: descriptors[0]).readDataToEndOfFile(), as: UTF8.self)
        #expect(written.hasPrefix("\ralpaca-lint: 0 files, 0.0 MB at 0.0 MB/s, 0 findings so far"), "\(written.debugDescription)")
        // The last write blanks the line and returns to its start.
        let erase = "\r" + String(repeating: " ", count: "alpaca-lint: 0 files, 0.0 MB at 0.0 MB/s, 0 findings so far".count) + "\r"
        #expect(written.hasSuffix(erase), "\(written.debugDescription)")
    }

    /// A repository big enough that a debug build scans it for a while.
    static func makeTree() throws -> GitSandbox {
        var git = try GitSandbox(name: "progress")
        for index in 0..<300 {
            try git.write(String(repeating: "let value\(index) = \(index) // filler text for scanning\n", count: 200), to: "src/file\(index).swift")
        }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "src/bot.py")
        try git.commitDated([:], message: "start", at: 1_600_000_000)
        return git
    }

    @Test("nothing is printed when stderr is a pipe, even with no delay")
    func silentOnPipes() throws {
        var git = try Self.makeTree()
        defer { git.remove() }
        git.environment["ALPACA_LINT_PROGRESS_DELAY"] = "0"
        for arguments in [["."], ["--history"], ["--history", "--format", "json"]] {
            let result = try git.lint(arguments)
            #expect(result.status == 1, "\(result.diagnostics)")
            #expect(!result.stderr.contains("\r"), "\(arguments): \(result.stderr.debugDescription)")
            #expect(!result.stderr.contains("so far"), "\(arguments): \(result.diagnostics)")
            #expect(!result.stdout.contains("so far"), "\(arguments): \(result.diagnostics)")
        }
    }

    @Test("on a terminal (script), the line is drawn with \\r and erased; never with --quiet, never in the report file", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func drawnOnTerminals() throws {
        var git = try Self.makeTree()
        defer { git.remove() }
        git.environment["ALPACA_LINT_PROGRESS_DELAY"] = "0"
        let report = git.root.appendingPathComponent("report.json")
        func onTerminal(_ arguments: String) throws -> String {
            // `script` gives the command a pseudo-terminal for stdin, stdout and stderr.
            let command = "'\(CLI.binary)' \(arguments) -o '\(report.path)'"
            return try CLI.runProcess("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], in: git.repo, environment: git.environment).stdout
        }
        for (arguments, unit) in [(". --format json", "files"), ("--history --format json", "blobs")] {
            let shown = try onTerminal(arguments)
            #expect(shown.contains("\ralpaca-lint: "), "\(arguments): \(shown.debugDescription)")
            #expect(shown.contains(" \(unit), "), "\(arguments): \(shown.debugDescription)")
            #expect(shown.contains("so far"), "\(arguments): \(shown.debugDescription)")
            let file = try String(contentsOf: report, encoding: .utf8)
            #expect(!file.contains("so far") && !file.contains("\r"), "\(arguments): the report holds no progress")
            #expect(file.contains("alpaca-paper-key-id"), "\(arguments)")
            // The line is erased, then the summary follows at the start of the line.
            let tail = shown.range(of: "so far", options: .backwards).map { String(shown[$0.upperBound...]) } ?? ""
            #expect(tail.range(of: #"^ *\r *\ralpaca-lint: 1 finding in"#, options: .regularExpression) != nil, "\(arguments): \(shown.debugDescription)")

            let quiet = try onTerminal(arguments + " --quiet")
            #expect(!quiet.contains("so far"), "\(arguments) --quiet: \(quiet.debugDescription)")
        }
    }
}
