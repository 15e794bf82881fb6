import Foundation
import TestSupport
import Testing

/// Runs the built alpaca-lint binary the way a user does and captures what it prints.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] }
        var findings: [[String: Any]] { json?["findings"] as? [[String: Any]] ?? [] }
    }

    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared reference folder next to the project, when present (CI has it; a user's clone may not).
    static let sharedFolder: URL? = {
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// The alpaca-lint executable built alongside the tests.
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["ALPACA_LINT_BINARY"] { return explicit }
        var candidates: [URL] = []
        for argument in [CommandLine.arguments.first, Bundle.main.executablePath].compactMap({ $0 }) {
            var url = URL(fileURLWithPath: argument).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(url.appendingPathComponent("alpaca-lint"))
                url = url.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/alpaca-lint"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate.path
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/alpaca-lint").path
    }()

    /// An environment isolated from the user's git configuration and colour settings.
    static func isolatedEnvironment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "CLICOLOR_FORCE")
        return environment
    }

    /// Runs `alpaca-lint arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Result {
        try runProcess(binary, arguments, in: directory, environment: environment ?? isolatedEnvironment(home: directory.appendingPathComponent(".test-home")))
    }

    /// Runs any program and captures its output (stdout and stderr read concurrently).
    static func runProcess(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell command (for git setup in tests); fails the test if it fails.
    @discardableResult
    static func sh(_ command: String, in directory: URL) throws -> String {
        let result = try runProcess("/bin/sh", ["-c", command], in: directory, environment: isolatedEnvironment(home: directory.appendingPathComponent(".test-home")))
        if result.status != 0 {
            Issue.record("command failed (\(result.status)): \(command)\n\(result.stderr)")
        }
        return result.stdout
    }

    /// A new empty temporary folder (outside any repository).
    static func temporaryDirectory(_ name: String = "alpaca-lint-test") throws -> URL {
        try Scratch.directory(name)
    }

    /// Writes `text` to `relativePath` under `directory`, creating folders.
    static func write(_ text: String, to relativePath: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
