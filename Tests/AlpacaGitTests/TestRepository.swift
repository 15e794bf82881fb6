import Foundation

@testable import AlpacaGit

/// A throwaway git repository in a temporary directory, isolated from the user's git configuration.
final class TestRepository {
    /// The temporary directory that holds the repository (and a private HOME); removed on deinit.
    let sandbox: String
    /// The working tree (or the git directory, for a bare repository).
    let path: String
    /// Environment with HOME in the sandbox, no system config and a fixed identity.
    let environment: [String: String]

    init(bare: Bool = false, initialize: Bool = true) throws {
        sandbox =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("alpaca-git-tests-\(UUID().uuidString)").path
        path = sandbox + "/repo"
        try FileManager.default.createDirectory(atPath: sandbox + "/home", withIntermediateDirectories: true)
        environment = TestRepository.isolatedEnvironment(home: sandbox + "/home")
        if initialize {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"])
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: sandbox)
    }

    static func isolatedEnvironment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Test Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "Test Committer"
        environment["GIT_COMMITTER_EMAIL"] = "committer@example.invalid"
        return environment
    }

    /// A runner for `directory` (default: the repository) with the isolated environment.
    func runner(in directory: String? = nil, extraEnvironment: [String: String] = [:]) throws -> GitRunner {
        try GitRunner(directory: directory ?? path, environment: environment.merging(extraEnvironment) { $1 })
    }

    /// Runs git in the repository and returns stdout as text; throws on failure.
    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws
        -> String
    {
        try runner(in: directory, extraEnvironment: extra).text(arguments)
    }

    /// Writes `text` to `relativePath`, creating directories as needed.
    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `relativePath`, creating directories as needed.
    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Commits everything staged with a fixed committer date (seconds since 1970), returning the new commit id.
    @discardableResult
    func commit(_ message: String, at timestamp: Int = 1_700_000_000) throws -> String {
        let date = "@\(timestamp) +0000"
        try git(
            ["commit", "-q", "--no-verify", "-m", message],
            environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        return try git(["rev-parse", "HEAD"])
    }

    /// Adds every change in the working tree and commits it.
    @discardableResult
    func commitAll(_ message: String, at timestamp: Int = 1_700_000_000) throws -> String {
        try git(["add", "-A"])
        return try commit(message, at: timestamp)
    }
}

/// Runs a program (not git) with arguments and environment; returns its exit status and combined output.
func runProgram(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws
    -> (status: Int32, output: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The GitError that `body` throws, or nil when it throws nothing (any other error is returned as nil too).
func gitError(_ body: () throws -> Void) -> GitError? {
    do {
        try body()
        return nil
    } catch let error as GitError {
        return error
    } catch {
        return nil
    }
}
