import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A long-lived git process whose stdout is read while it runs and whose stdin can be written
/// piece by piece, for outputs too large to hold in memory (`git log` of a whole history,
/// `git cat-file --batch` of every blob).
///
/// stderr is drained on a helper thread, so a chatty git never blocks on it.
final class StreamingGitProcess: @unchecked Sendable {
    /// The arguments after the runner's fixed options, for error messages.
    let arguments: [String]
    /// Reads stdout; used by one thread at a time.
    let output: ByteStreamReader
    private let process: Process
    private let stdoutPipe: Pipe
    private let stderrReader: BackgroundReader
    private let runner: GitRunner
    private let inputLock = NSLock()
    private var inputSocket: Int32

    /// Starts `git <arguments>` through `runner`; with `writableInput` its stdin is a socket that
    /// `write` feeds, otherwise stdin is empty. `extraEnvironment` is added to the runner's.
    init(
        runner: GitRunner, arguments: [String], writableInput: Bool,
        extraEnvironment: [String: String] = [:]
    ) throws(GitError) {
        self.runner = runner
        self.arguments = arguments
        process = Process()
        process.executableURL = URL(fileURLWithPath: runner.executable)
        process.arguments = GitRunner.fixedOptions(directory: runner.directory) + arguments
        process.environment = runner.environment.merging(extraEnvironment) { $1 }
        stdoutPipe = Pipe()
        // A larger pipe lets git write more before the reader must wake up: fewer context
        // switches on long outputs (1 MiB is Linux's default ceiling for unprivileged users; a
        // refusal leaves the default 64 KiB).
        #if os(Linux)
            // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7), which Glibc only exports under _GNU_SOURCE.
            _ = fcntl(stdoutPipe.fileHandleForReading.fileDescriptor, 1031, Int32(1 << 20))
        #endif
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe

        var childInput: FileHandle?
        inputSocket = -1
        if writableInput {
            guard let pair = FileDescriptorIO.socketPair() else {
                throw GitError.launchFailed(executable: runner.executable, reason: "cannot create a socket for stdin")
            }
            inputSocket = pair.parent
            let handle = FileHandle(fileDescriptor: pair.child, closeOnDealloc: true)
            childInput = handle
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            if let childInput { try? childInput.close() }
            if inputSocket >= 0 { close(inputSocket) }
            throw GitError.launchFailed(executable: runner.executable, reason: "\(error.localizedDescription)")
        }
        // The child has its own copy of the socket now; ours must go, or git never sees end of input.
        if let childInput { try? childInput.close() }
        stderrReader = BackgroundReader(descriptor: stderrPipe.fileHandleForReading.fileDescriptor)
        output = ByteStreamReader(descriptor: stdoutPipe.fileHandleForReading.fileDescriptor)
    }

    /// Starts one process per (arguments, writable input) pair, in order; when one cannot start,
    /// those already started are ended and the error is thrown.
    static func startAll(_ commands: [(arguments: [String], writableInput: Bool)], runner: GitRunner) throws(GitError)
        -> [StreamingGitProcess]
    {
        var started: [StreamingGitProcess] = []
        for command in commands {
            do {
                started.append(
                    try StreamingGitProcess(
                        runner: runner, arguments: command.arguments, writableInput: command.writableInput))
            } catch {
                for process in started { _ = process.finish() }
                throw error
            }
        }
        return started
    }

    /// Writes all of `bytes` to git's stdin, blocking while git is busy; false once git stopped
    /// reading (it exited) or the input was closed.
    func write(_ bytes: [UInt8]) -> Bool {
        // The lock only guards against a concurrent `closeInput`; one thread writes.
        inputLock.lock()
        let socket = inputSocket
        inputLock.unlock()
        guard socket >= 0 else { return false }
        return FileDescriptorIO.sendAll(bytes, to: socket)
    }

    /// Closes git's stdin so that it finishes (idempotent).
    func closeInput() {
        inputLock.lock()
        let socket = inputSocket
        inputSocket = -1
        inputLock.unlock()
        if socket >= 0 { close(socket) }
    }

    /// Stops the process at once (used when the scan is abandoned); `finish` still has to be called.
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// Closes both pipes, waits for the exit and returns its status with git's stderr.
    /// Closing stdout first means a git still writing gets SIGPIPE instead of blocking forever.
    func finish() -> (status: Int32, stderr: String) {
        closeInput()
        try? stdoutPipe.fileHandleForReading.close()
        let stderrBytes = stderrReader.wait()
        GitRunner.waitForExit(process)
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, String(decoding: stderrBytes, as: UTF8.self))
    }

    /// The error to report for a failed exit, classified like `GitRunner.run` does.
    func failure(status: Int32, stderr: String) -> GitError {
        runner.classifyFailure(
            arguments: arguments, output: GitOutput(status: status, stdout: [], stderr: stderr))
    }
}
