import Foundation

/// Finds `core.excludesFile` the way git does; run once per walk, never per file.
enum ExcludesFileLocator {
    /// The configured path (via `git config --path --get core.excludesFile` run in `directory`), else
    /// `$XDG_CONFIG_HOME/git/ignore` or `$HOME/.config/git/ignore`; nil when none can be named.
    static func locate(runningGitIn directory: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let configured = configuredPath(in: directory, environment: environment) {
            // git resolves a relative setting against the work tree top, where it runs.
            return configured.hasPrefix("/") ? configured : directory + "/" + configured
        }
        return defaultPath(environment: environment)
    }

    /// git's `xdg_config_home("ignore")`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/git/ignore" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/git/ignore" }
        return nil
    }

    /// The value git reports, or nil when unset or git is missing (both fall back silently).
    private static func configuredPath(in directory: String, environment: [String: String]) -> String? {
        guard let git = executable(named: "git", searchPath: environment["PATH"] ?? "/usr/bin:/bin") else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["config", "--path", "--get", "core.excludesFile"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        // Not waitUntilExit: on Linux it polls its run loop every 50 ms, which dominated start-up.
        while process.isRunning { usleep(200) }
        guard process.terminationStatus == 0 else { return nil }
        var value = String(decoding: data, as: UTF8.self)
        while value.hasSuffix("\n") || value.hasSuffix("\r") { value.removeLast() }
        return value.isEmpty ? nil : value
    }

    /// The first executable called `name` on the search path.
    private static func executable(named name: String, searchPath: String) -> String? {
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
