import AlpacaGit
import ArgumentParser
import Foundation

/// `alpaca-lint install-hook [--force]`: a pre-commit hook that runs `alpaca-lint --staged`.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `alpaca-lint --staged`.",
        discussion: "Finds the hook through `git rev-parse --git-path hooks/pre-commit` (so core.hooksPath, worktrees and submodules work). A hook written by someone else is kept unless --force; with a hook manager (husky, lefthook, pre-commit) the snippet for it is printed instead.")

    @Flag(help: "Replace an existing pre-commit hook that alpaca-lint did not write (it is kept as a backup).")
    var force = false

    func run() throws {
        do {
            let installer = HookInstaller(runner: try GitRunner(directory: FileManager.default.currentDirectoryPath))
            let outcome = try installer.install(force: force)
            print(outcome.description)
            if !outcome.hookIsActive { throw ExitStatus(code: 1) }
        } catch let error as GitError {
            printError("alpaca-lint: \(error)")
            throw ExitStatus.failure
        }
    }
}
