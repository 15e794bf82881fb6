import AlpacaCore
import ArgumentParser
import Foundation

/// The alpaca-lint command: scan (the default), rules, explain, install-hook.
@main
struct AlpacaLint: ParsableCommand {
    static let version = AlpacaLintVersion.current

    static let configuration = CommandConfiguration(
        commandName: "alpaca-lint",
        abstract: "Find Alpaca API credentials and unsafe Alpaca auth code before they reach git.",
        discussion: """
            Scans what git would commit under each PATH (default: the current folder) and reports \
            hardcoded Alpaca keys, paper/live mix-ups, literal auth headers and .env files that \
            are not ignored, each mapped to a best practice of Alpaca's authentication guide.

            Exit status: 0 nothing reported, 1 findings reported (or --exit-code), 2 usage error, \
            invalid config or rule file, or a scan that could not complete.
            """,
        version: version,
        subcommands: [ScanCommand.self, RulesCommand.self, ExplainCommand.self, InstallHookCommand.self],
        defaultSubcommand: ScanCommand.self
    )

    /// Runs the command and maps every failure onto the contract's exit codes (0, 1, 2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitStatus {
            Foundation.exit(exit.code)
        } catch {
            let code = exitCode(for: error)
            // Help and --version are not errors: they go to stdout with status 0.
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data(("alpaca-lint: " + message + "\n").utf8)) }
            // swift-argument-parser uses 64 (EX_USAGE) for bad arguments; our contract says 2.
            Foundation.exit(2)
        }
    }
}

/// A deliberate exit with a status, after output was written.
struct ExitStatus: Error {
    let code: Int32
    static let clean = ExitStatus(code: 0)
    static let failure = ExitStatus(code: 2)
}

/// Writes one line to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
