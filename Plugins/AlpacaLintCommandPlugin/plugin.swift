import Foundation
import PackagePlugin

/// `swift package alpaca-lint [ARGUMENTS]`: runs alpaca-lint over the package that invokes it.
///
/// The arguments go to alpaca-lint unchanged (`--format sarif`, `-o FILE`, paths, …) and it runs in
/// the package's directory, so the default scan is the whole package and relative paths mean the
/// same as in a shell there. alpaca-lint's exit status becomes the plugin's, so a finding fails the
/// `swift package` command (and a CI step that runs it).
///
/// SwiftPM prints everything a plugin process writes, stdout or stderr, on its own stdout. The
/// report (alpaca-lint's stdout) is passed through untouched, so `swift package alpaca-lint
/// --format sarif > report.sarif` gives a valid file; alpaca-lint's stderr (the summary line,
/// warnings, errors) is read here and handed to SwiftPM as diagnostics, which go to stderr.
@main
struct AlpacaLintCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "alpaca-lint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Only stderr is a pipe, so reading it to its end cannot block the child: it ends at exit.
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failed = process.terminationReason != .exit || process.terminationStatus > 1
        for line in errorText.split(separator: "\n", omittingEmptySubsequences: true) {
            if failed {
                Diagnostics.error(String(line))
            } else if line.hasPrefix("warning:") || line.contains(": warning:") {
                Diagnostics.warning(String(line))
            } else {
                Diagnostics.progress(String(line))
            }
        }

        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            return
        case (.exit, let status):
            // alpaca-lint has already said why (findings on stdout, errors on stderr); exiting with
            // its status keeps 1 (findings) and 2 (usage or scan error) apart for scripts.
            exit(status)
        case (.uncaughtSignal, let signal):
            Diagnostics.error("alpaca-lint was stopped by signal \(signal)")
            exit(2)
        @unknown default:
            exit(2)
        }
    }
}
