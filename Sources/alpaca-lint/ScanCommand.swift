import AlpacaCore
import AlpacaReport
import ArgumentParser
import Foundation

extension ColorChoice: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `alpaca-lint [scan] [PATH ...]`: the default command.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, the staged commit or the git history for Alpaca credential problems."
    )

    @Argument(help: "Files or folders to scan (default: the current folder). Scans what git would commit.")
    var paths: [String] = []

    @Flag(help: "Scan only what is staged for the next commit (the index), reporting added lines only.")
    var staged = false

    @Flag(help: "Scan the lines added by every commit reachable from any ref.")
    var history = false

    @Option(help: ArgumentHelp("With --history: only commits after REV (REV..HEAD).", valueName: "REV"))
    var since: String?

    @Option(name: [.short, .long], help: "Report format: text, json, sarif, github, gitlab, junit.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to FILE (whole or not at all).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Configuration file (default: .alpaca-lint.toml at the repository root).", valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("Also load the rule files (*.toml) in DIR; repeatable.", valueName: "DIR"))
    var ruleDirectories: [String] = []

    @Option(help: ArgumentHelp("Hide findings whose fingerprint appears in FILE (an earlier JSON report).", valueName: "FILE"))
    var baseline: String?

    @Flag(help: "Also scan files that git would ignore.")
    var noIgnore = false

    @Flag(help: "Show secrets in full (default: redacted everywhere).")
    var noRedact = false

    @Flag(help: "Ignore alpaca-lint:allow and similar inline comments (for audits).")
    var noInlineAllow = false

    @Option(help: ArgumentHelp("Exit status used when findings are reported.", valueName: "N"))
    var exitCode: Int32 = 1

    @Option(help: ArgumentHelp("Skip files larger than this many bytes (they are counted in the summary).", valueName: "BYTES"))
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Parallel workers (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(help: "Colour: auto (honours NO_COLOR and whether stdout is a terminal), always, never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if staged && history { throw ValidationError("--staged and --history cannot be combined") }
        if since != nil && !history { throw ValidationError("--since needs --history") }
        if (staged || history) && !paths.isEmpty { throw ValidationError("--staged and --history scan the repository of the current folder; do not pass paths") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be a positive number of bytes") }
        if exitCode < 0 || exitCode > 255 { throw ValidationError("--exit-code must be between 0 and 255") }
    }

    func run() throws {
        let started = Date()
        let setup = try RunSetup.prepare(
            configPath: config, ruleDirectories: ruleDirectories, scanPaths: paths, honourInlineAllows: !noInlineAllow)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var outcome: ScanOutcome
        do {
            if staged {
                outcome = try StagedScan(setup: setup, maxFileSize: maxFileSize).run()
            } else if history {
                outcome = try HistoryScan(setup: setup, since: since, jobs: workers).run()
            } else {
                outcome = try TreeScan(
                    setup: setup, paths: paths.isEmpty ? ["."] : paths, respectIgnore: !noIgnore,
                    maxFileSize: maxFileSize, jobs: workers
                ).run()
            }
        } catch let failure as ScanFailure {
            printError("alpaca-lint: \(failure.message)")
            throw ExitStatus.failure
        }

        outcome.findings.removeAll { setup.config.allows(secret: $0.secret) }
        if let baseline {
            do {
                try Baseline.load(path: baseline).apply(to: &outcome.findings)
            } catch {
                printError("alpaca-lint: \(error)")
                throw ExitStatus.failure
            }
        }
        outcome.findings.sort(by: Finding.reportOrder)
        outcome.summary.findings = outcome.findings.count
        outcome.summary.durationMs = Int(Date().timeIntervalSince(started) * 1000)

        let useColour = output == nil && color.enabled()
        let report = Report(
            toolVersion: AlpacaLint.version, rules: setup.ruleSet.metadata, findings: outcome.findings,
            summary: outcome.summary, warnings: outcome.warnings,
            options: ReportOptions(
                redact: !noRedact, colour: useColour, executionSuccessful: outcome.complete,
                sourceRoot: FileManager.default.currentDirectoryPath, startTime: started))
        for warning in outcome.warnings { printError(TextReporter.warningLine(warning, colour: color.enabled() && isatty(STDERR_FILENO) == 1)) }
        do {
            try ReportOutput.write(try format.makeReporter().render(report), to: output)
        } catch let error as ReportOutput.WriteError {
            printError("alpaca-lint: \(error.message)")
            throw ExitStatus.failure
        }
        printError(TextReporter.summaryLine(summary: outcome.summary, suppressed: report.suppressedCount))

        if !outcome.complete { throw ExitStatus.failure }
        let failing = outcome.findings.contains { !$0.isSuppressed && $0.severity >= setup.config.failOn }
        if failing { throw ExitStatus(code: exitCode) }
    }
}

/// Findings and totals of one scan, whatever its source.
struct ScanOutcome {
    var findings: [Finding] = []
    var warnings: [ScanWarning] = []
    var summary = ScanSummary()
    /// False when part of the scan could not run (the report is still written, exit status 2).
    var complete = true
}

/// A scan that cannot start or finish: a message for the user and exit status 2.
struct ScanFailure: Error {
    let message: String
}
