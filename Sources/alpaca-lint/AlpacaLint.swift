import AlpacaCore
import AlpacaSources
import ArgumentParser
import Foundation

/// The alpaca-lint command: scan (the default), rules, explain, install-hook, version.
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

            To scan a folder named like a subcommand (rules, explain, version, ...), write it as \
            ./rules or after --: alpaca-lint -- rules

            Exit status: 0 nothing reported, 1 findings reported (or --exit-code), 2 usage error, \
            invalid config or rule file, or a scan that could not check everything (see \
            --incomplete-exit-code).
            """,
        version: version,
        subcommands: [
            ScanCommand.self, RulesCommand.self, ExplainCommand.self, InstallHookCommand.self, VersionCommand.self,
        ],
        defaultSubcommand: ScanCommand.self
    )

    /// Runs the command and maps every outcome onto the contract's exit codes (0, 1, 2).
    static func main() {
        let arguments = Self.routed(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            Foundation.exit(CommandErrors.exitStatus(for: error, command: Self.self))
        }
    }

    /// A leading `--` means "everything after this is a path": route it to `scan`, so that a
    /// folder named like a subcommand can be scanned (`alpaca-lint -- rules`).
    static func routed(_ arguments: [String]) -> [String] {
        if arguments.first == "--" { return ["scan"] + arguments }
        return arguments
    }
}

/// The one map from errors to exit statuses and messages.
enum CommandErrors {
    /// Prints what the user must know about `error` and returns the exit status.
    static func exitStatus(for error: Error, command: AlpacaLint.Type) -> Int32 {
        switch error {
        case let exit as ExitStatus:
            return exit.code
        case let error as RuleLoadError:
            printError("alpaca-lint: invalid rule file: \(error)")
        case let error as ConfigError:
            printError("alpaca-lint: invalid configuration: \(error)")
        case let error as BaselineError:
            printError("alpaca-lint: invalid baseline: \(error)")
        case let error as ScanFailure:
            printError("alpaca-lint: \(error.message)")
        case let error as ReportOutput.WriteError:
            printError("alpaca-lint: \(error.message)")
        case let error as ValidationErrorMessage:
            printError("alpaca-lint: \(error.description)")
        default:
            // Help and --version are not errors: they go to stdout with status 0.
            if command.exitCode(for: error) == .success {
                print(command.fullMessage(for: error))
                return 0
            }
            let message = command.fullMessage(for: error)
            if !message.isEmpty { printError("alpaca-lint: " + message) }
            // swift-argument-parser uses 64 (EX_USAGE) for bad arguments; our contract says 2.
        }
        return 2
    }
}

/// A deliberate exit with a status, after output was written.
struct ExitStatus: Error {
    let code: Int32
    static let clean = ExitStatus(code: 0)
    static let failure = ExitStatus(code: 2)
}

/// `alpaca-lint version`: what `--version` prints.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version (the same as --version).")

    func run() throws {
        print(AlpacaLint.version)
    }
}

/// Writes one line to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
