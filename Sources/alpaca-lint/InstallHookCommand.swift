import AlpacaGit
import ArgumentParser
import Foundation

/// `alpaca-lint install-hook [--force]`: a pre-commit hook that runs `alpaca-lint --staged`.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `alpaca-lint --staged`.",
        discussion: """
            Finds the hook through `git rev-parse --git-path hooks/pre-commit` (so core.hooksPath, worktrees and \
            submodules work). The hook runs the `alpaca-lint` found on PATH: when there is none, nothing is written \
            unless --force. A hook written by someone else is kept unless --force; with a hook manager (husky, \
            lefthook, pre-commit) nothing is written and the lines to add to its configuration are printed, with \
            where they go in the existing file.
            """)

    @Flag(help: "Install even when alpaca-lint is not on PATH, and replace a pre-commit hook that alpaca-lint did not write (it is kept as a backup).")
    var force = false

    func run() throws {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let running = Self.runningExecutable()
        do {
            let runner = try GitRunner(directory: FileManager.default.currentDirectoryPath)
            let installer = HookInstaller(runner: runner, commandSearchPath: searchPath)
            let outcome = try installer.install(force: force)
            if case .commandNotOnPath = outcome {
                printError("alpaca-lint: \(outcome)")
                printError(Self.howToPutOnPath(running))
                printError("Then run `alpaca-lint install-hook` again, or add --force to install the hook anyway.")
                throw ExitStatus(code: 1)
            }
            print(outcome.description)
            if let onPath = HookInstaller.locateCommand(searchPath: searchPath) {
                // A different alpaca-lint earlier on PATH is what the hook will run: say so.
                if let running, Self.realPath(onPath) != Self.realPath(running) {
                    printError("note: the hook runs \(onPath), not this alpaca-lint (\(running)).")
                }
            } else {
                printError("warning: `alpaca-lint` is not on PATH: the hook will stop every commit until it is.")
                printError(Self.howToPutOnPath(running))
            }
            if !outcome.hookIsActive { throw ExitStatus(code: 1) }
        } catch let error as GitError {
            printError("alpaca-lint: \(error)")
            throw ExitStatus.failure
        }
    }

    /// Two ways to make the running binary the `alpaca-lint` on PATH.
    static func howToPutOnPath(_ running: String?) -> String {
        guard let running else {
            return "Install alpaca-lint into a folder on PATH (see docs/install.md)."
        }
        let folder = (running as NSString).deletingLastPathComponent
        return """
            This alpaca-lint is \(running). Put it on PATH, for example:
                ln -s '\(running)' /usr/local/bin/alpaca-lint
            or add its folder to PATH in your shell profile:
                export PATH="\(folder):$PATH"
            """
    }

    /// The absolute path of the running executable, symlinks resolved; nil when it cannot be told.
    static func runningExecutable() -> String? {
        if let path = Bundle.main.executablePath, path.hasPrefix("/") { return realPath(path) }
        guard let argument = CommandLine.arguments.first, argument.contains("/") else { return nil }
        return realPath(URL(fileURLWithPath: argument).standardizedFileURL.path)
    }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
