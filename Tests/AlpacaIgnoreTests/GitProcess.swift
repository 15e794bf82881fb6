import Foundation

/// Runs the real git, isolated from the user's and the system's configuration.
enum GitProcess {
    /// Path of the git executable, or nil when git is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/git" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Runs git with `arguments` in `directory` with HOME and XDG_CONFIG_HOME set to `home`;
    /// returns the exit status and standard output.
    @discardableResult
    static func run(_ arguments: [String], in directory: String, home: String) throws -> (status: Int32, output: Data) {
        guard let executable else { throw CocoaError(.executableNotLoadable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = [
            "HOME": home, "XDG_CONFIG_HOME": home, "GIT_CONFIG_NOSYSTEM": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Splits `-z` output into paths.
    static func nulSeparated(_ data: Data) -> Set<String> {
        Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }
}
