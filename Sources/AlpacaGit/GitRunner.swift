import Foundation

/// Runs git in one directory with settings that make its output machine-readable and stable.
///
/// Every call is `git --no-pager -C <directory> -c core.quotepath=off -c color.ui=never <arguments>`,
/// started directly with `Process` (never through a shell), so arguments need no quoting.
public struct GitRunner: Sendable {
    /// The directory git runs in (`-C`); relative paths in git's answers are relative to it.
    public let directory: String
    /// Absolute path of the git executable that is run.
    public let executable: String
    /// The full environment git runs with (see `neutralEnvironment`).
    public let environment: [String: String]

    /// Finds git on the PATH of `environment` (default: this process's) and prepares to run it in `directory`.
    public init(
        directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = nil
    ) throws(GitError) {
        let searchPath = environment["PATH"] ?? ""
        guard let found = executable ?? ExecutableLocator.find("git", searchPath: searchPath) else {
            throw GitError.gitNotFound(searchedPath: searchPath)
        }
        self.directory = directory
        self.executable = found
        self.environment = GitRunner.neutralEnvironment(environment)
    }

    /// The same runner pointed at another directory (for example the repository root).
    public func inDirectory(_ other: String) -> GitRunner {
        GitRunner(directory: other, executable: executable, preparedEnvironment: environment)
    }

    private init(directory: String, executable: String, preparedEnvironment: [String: String]) {
        self.directory = directory
        self.executable = executable
        self.environment = preparedEnvironment
    }

    /// `base` with the variables that would let user settings change git's output replaced or removed.
    ///
    /// GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE are kept on purpose: inside a pre-commit hook they
    /// point at the index being committed (`git commit -a` uses a temporary one).
    public static func neutralEnvironment(_ base: [String: String]) -> [String: String] {
        var environment = base
        environment["GIT_PAGER"] = "cat"
        environment["PAGER"] = "cat"
        // English messages, so that "not a git repository" can be recognised in stderr.
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        // Never wait for a password prompt, and never take the index lock just to refresh stat data.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_EXTERNAL_DIFF"] = nil
        environment["GIT_DIFF_OPTS"] = nil
        return environment
    }

    /// Runs `git <arguments>`, feeding `input` to stdin; throws unless the exit status is in `acceptedStatus`.
    public func run(
        _ arguments: [String],
        input: [UInt8]? = nil,
        acceptedStatus: Set<Int32> = [0]
    ) throws(GitError) -> GitOutput {
        let output = try launch(arguments, input: input)
        guard acceptedStatus.contains(output.status) else {
            throw classifyFailure(arguments: arguments, output: output)
        }
        return output
    }

    /// Runs `git <arguments>` and returns stdout as text without its trailing newline.
    public func text(_ arguments: [String]) throws(GitError) -> String {
        try run(arguments).text
    }

    private func launch(_ arguments: [String], input: [UInt8]?) throws(GitError) -> GitOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = GitRunner.fixedOptions(directory: directory) + arguments
        process.environment = environment
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe

        var writer: BackgroundWriter?
        var childInput: FileHandle?
        if let input {
            guard let pair = FileDescriptorIO.socketPair() else {
                throw GitError.launchFailed(executable: executable, reason: "cannot create a socket for stdin")
            }
            let handle = FileHandle(fileDescriptor: pair.child, closeOnDealloc: true)
            childInput = handle
            process.standardInput = handle
            writer = BackgroundWriter(bytes: input, socket: pair.parent)
        } else {
            process.standardInput = FileHandle.nullDevice
        }

        do {
            try process.run()
        } catch {
            if let childInput { try? childInput.close() }
            writer?.wait()
            throw GitError.launchFailed(executable: executable, reason: "\(error.localizedDescription)")
        }
        // The child has its own copy of the socket now; ours must go, or git never sees end of input.
        if let childInput { try? childInput.close() }

        // stderr drains on a helper thread while this thread drains stdout: a child blocked on a full
        // stderr pipe would otherwise never finish writing stdout.
        let stderrReader = BackgroundReader(descriptor: stderrPipe.fileHandleForReading.fileDescriptor)
        let stdoutBytes = FileDescriptorIO.readToEnd(stdoutPipe.fileHandleForReading.fileDescriptor)
        let stderrBytes = stderrReader.wait()
        writer?.wait()
        GitRunner.waitForExit(process)
        try? stdoutPipe.fileHandleForReading.close()
        try? stderrPipe.fileHandleForReading.close()

        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return GitOutput(status: status, stdout: stdoutBytes, stderr: String(decoding: stderrBytes, as: UTF8.self))
    }

    /// The options every git call starts with (see the type's documentation).
    static func fixedOptions(directory: String) -> [String] {
        ["--no-pager", "-C", directory, "-c", "core.quotepath=off", "-c", "color.ui=never"]
    }

    func classifyFailure(arguments: [String], output: GitOutput) -> GitError {
        let message = GitRunner.trimmedMessage(output.stderr)
        if message.contains("not a git repository") {
            return .notARepository(directory: directory)
        }
        return .commandFailed(arguments: arguments, status: output.status, stderr: message)
    }

    /// Waits for `process` to end. Not `waitUntilExit`: on Linux it polls its run loop every 50 ms,
    /// which made each git call cost 50 ms and `--staged` several hundred; Foundation's own monitor
    /// reaps the child, so a short sleep loop on `isRunning` returns within a fraction of a millisecond.
    static func waitForExit(_ process: Process) {
        while process.isRunning { usleep(200) }
    }

    /// git's stderr without surrounding blank space, capped so one runaway message cannot flood a report.
    static func trimmedMessage(_ stderr: String) -> String {
        let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        let limit = 2000
        guard trimmed.count > limit else { return trimmed }
        return String(trimmed.prefix(limit)) + "…"
    }
}
