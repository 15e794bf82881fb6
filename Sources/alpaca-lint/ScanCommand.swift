import AlpacaCore
import AlpacaGit
import AlpacaReport
import AlpacaSources
import AlpacaVerify
import ArgumentParser
import Foundation

extension ColorChoice: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `alpaca-lint [scan] [PATH ...]`: the default command.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, standard input, the staged commit or the git history for Alpaca credential problems."
    )

    @Argument(help: "Files or folders to scan (default: the current folder); '-' reads standard input. With --history: the repository.")
    var paths: [String] = []

    @Flag(help: "Read the text to scan from standard input (the same as the path '-').")
    var stdin = false

    @Option(help: ArgumentHelp("The file name standard input stands for, so path-based rules (.env checks) apply.", valueName: "NAME"))
    var stdinFilename: String?

    @Flag(help: "Scan only what is staged for the next commit (the index), reporting added lines only.")
    var staged = false

    @Flag(help: "Scan the git history: every blob of every commit reachable from any ref (or the range below).")
    var history = false

    @Option(help: ArgumentHelp("With --history: only commits after REV (REV..HEAD).", valueName: "REV"))
    var since: String?

    @Option(help: ArgumentHelp("With --history: only the commits of a range such as A..B.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("With --history: only the commits reachable from one branch or ref.", valueName: "NAME"))
    var branch: String?

    @Option(name: [.short, .long], help: "Report format: text, json, sarif, github, gitlab, junit.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to FILE (whole or not at all); '-' is standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Configuration file (default: $ALPACA_LINT_CONFIG, else .alpaca-lint.toml at the repository root).", valueName: "FILE"))
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

    @Flag(help: "List findings hidden by inline allows or the baseline in text output too.")
    var showSuppressed = false

    @Option(help: ArgumentHelp("Exit status used when findings are reported.", valueName: "N"))
    var exitCode: Int32 = 1

    @Option(help: ArgumentHelp("Exit status used when part of the input could not be checked (a file over the size limit, unreadable, a rule that hit PCRE2's limits); 0 makes such warnings non-fatal.", valueName: "N"))
    var incompleteExitCode: Int32 = 2

    @Option(help: ArgumentHelp("Do not read files larger than this many bytes; each one is named in a warning (default 256 MiB).", valueName: "BYTES"))
    var maxFileSize: Int = 256 * 1024 * 1024

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Parallel workers (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(help: "Colour: auto (honours NO_COLOR and whether stdout is a terminal), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: [.short, .long], help: "Print findings only: no summary line and no notes (warnings that make the scan incomplete still show).")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print each skipped file with the reason, and timings.")
    var verbose = false

    @Option(help: ArgumentHelp("SARIF: publish this absolute URI (or absolute path, as a file:// URI) as %SRCROOT% (by default no local path is written).", valueName: "URI"))
    var srcrootUri: String?

    @Flag(help: "Ask Alpaca whether each credential found works, and where (opt-in; also ALPACA_LINT_VERIFY=1; never from a config file).")
    var verify = false

    @Flag(help: "Report only credentials that verification found active (implies --verify).")
    var onlyVerified = false

    @Option(help: ArgumentHelp("Keep verification results (fingerprints and statuses, never secrets) in FILE for 24 hours.", valueName: "FILE"))
    var verifyCache: String?

    @Flag(help: "Move literal credentials out of the code into .env (see docs/fix.md), ignore .env files git would commit, then scan again.")
    var fix = false

    @Flag(help: "Print the changes --fix would make as a unified diff; write nothing.")
    var diff = false

    func validate() throws {
        let readsStdin = stdin || paths.contains("-")
        if staged && history { throw ValidationError("--staged and --history cannot be combined") }
        if (since != nil || range != nil || branch != nil) && !history { throw ValidationError("--since, --range and --branch need --history") }
        if [since, range, branch].compactMap({ $0 }).count > 1 { throw ValidationError("give only one of --since, --range and --branch") }
        if let range, !range.contains("..") { throw ValidationError("--range takes a range A..B such as main..feature or v1.0..HEAD, not '\(range)'") }
        if staged && !paths.isEmpty { throw ValidationError("--staged scans the repository of the current folder; do not pass paths") }
        if history && paths.count > 1 { throw ValidationError("--history scans one repository: pass at most one path") }
        if readsStdin && (staged || history) { throw ValidationError("standard input cannot be combined with --staged or --history") }
        if readsStdin && paths.contains(where: { $0 != "-" }) { throw ValidationError("scan either standard input or paths, not both") }
        if stdinFilename != nil && !readsStdin { throw ValidationError("--stdin-filename needs standard input ('-' or --stdin)") }
        if let name = stdinFilename, name.isEmpty || name.hasSuffix("/") || [".", ".."].contains(name.split(separator: "/").last ?? "") {
            throw ValidationError("--stdin-filename must name a file, not a folder: \(name.isEmpty ? "''" : name)")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be combined") }
        if let srcrootUri, SARIFReporter.sourceRootURI(srcrootUri) == nil {
            throw ValidationError("--srcroot-uri needs an absolute URI without spaces (file:///home/ci/repo/, https://…) or an absolute path: \(srcrootUri)")
        }
        if (fix || diff) && (staged || history || readsStdin) { throw ValidationError("--fix and --diff work on files of the working tree, not with --staged, --history or standard input") }
        if fix && diff { throw ValidationError("--fix writes the changes and --diff only shows them: choose one") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be a positive number of bytes") }
        for (name, code) in [("--exit-code", exitCode), ("--incomplete-exit-code", incompleteExitCode)] where code < 0 || code > 255 {
            throw ValidationError("\(name) must be between 0 and 255")
        }
    }

    func run() throws {
        let started = Date()
        let clock = PhaseClock()
        let environment = ProcessInfo.processInfo.environment
        // A bad override is refused even without --verify: tests and CI set it on purpose.
        let hosts = try VerificationStep.hosts(environment: environment)
        let verifies = verify || onlyVerified || environment["ALPACA_LINT_VERIFY"] == "1"
        let readsStdin = stdin || paths.contains("-")
        // git reads the index while the rules compile: a pre-commit hook waits for this.
        var stagedSource: StagedFragmentSource?
        if staged {
            stagedSource = StagedFragmentSource(directory: FileManager.default.currentDirectoryPath, maxFileSize: maxFileSize)
            stagedSource?.start()
        }
        let setup = try RunSetup.prepare(
            configPath: config, ruleDirectories: ruleDirectories, anchor: configAnchor(readsStdin: readsStdin),
            honourInlineAllows: !noInlineAllow)
        clock.mark("rules loaded")
        let settings = ScanSettings(
            ruleSet: setup.ruleSet, config: setup.config, policy: setup.policy,
            baseline: try baseline.map { try Baseline.load(path: $0) },
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, maxFileSize: maxFileSize)
        var result = try scan(settings: settings, readsStdin: readsStdin, staged: stagedSource)
        clock.mark("scanned")
        let treeScan = !staged && !history && !readsStdin
        let here = FileManager.default.currentDirectoryPath
        if treeScan && (fix || diff || format == .json || format == .sarif) {
            let plans = FixStep.plan(&result.findings, directory: here, checkSyntax: fix || diff)
            clock.mark("fixes planned")
            if diff {
                result.summary.durationMs = Int(Date().timeIntervalSince(started) * 1000)
                FileHandle.standardOutput.write(Data(FixStep.diff(plans, findings: result.findings, redact: !noRedact).utf8))
                if !quiet { printError(TextReporter.summaryLine(summary: result.summary, suppressed: result.summary.suppressed)) }
                let failing = result.findings.contains { !$0.isSuppressed && $0.severity >= setup.config.failOn }
                if failing { throw ExitStatus(code: exitCode) }
                return
            }
            if fix {
                for summary in FixStep.apply(plans) { printError(summary) }
                // What is left decides the outcome: scan again, with fresh fix records for the report.
                result = try scan(settings: settings, readsStdin: false)
                _ = FixStep.plan(&result.findings, directory: here, checkSyntax: false)
                clock.mark("fixed and scanned again")
            }
        }
        if verifies {
            let options = VerificationOptions(version: AlpacaLint.version, hosts: hosts, cachePath: verifyCache)
            VerificationStep.apply(to: &result.findings, warnings: &result.warnings, options: options)
            if onlyVerified { result.findings.removeAll { $0.verification?.status != "active" } }
            result.summary.findings = result.findings.count
            result.summary.suppressed = result.findings.count(where: \.isSuppressed)
            clock.mark("verified")
        }
        result.summary.durationMs = Int(Date().timeIntervalSince(started) * 1000)

        let stdoutOutput = output == nil || output == "-"
        let report = Report(
            toolVersion: AlpacaLint.version, rules: setup.ruleSet.metadata, findings: result.findings,
            summary: result.summary, warnings: result.warnings,
            options: ReportOptions(
                redact: !noRedact, colour: stdoutOutput && color.enabled(), executionSuccessful: result.isComplete,
                sourceRootURI: srcrootUri, startTime: started, showSuppressed: showSuppressed))
        let stderrColour = color.enabled() && isatty(STDERR_FILENO) == 1
        for warning in result.warnings where !quiet || warning.isIncomplete {
            printError(TextReporter.warningLine(warning, colour: stderrColour))
        }
        if verbose {
            // A file already named by a warning line above is not named a second time.
            let warned = Set(result.warnings.compactMap(\.path))
            for skip in result.skips where !warned.contains(skip.path) {
                printError(TextReporter.skipLine(path: skip.path, reason: skip.reason))
            }
        }
        try ReportOutput.write(try format.makeReporter().render(report), to: stdoutOutput ? nil : output)
        clock.mark("reported")
        if !quiet { printError(TextReporter.summaryLine(summary: result.summary, suppressed: report.suppressedCount)) }
        if verbose { printError("alpaca-lint: timings: " + clock.description) }

        if !result.isComplete && incompleteExitCode != 0 { throw ExitStatus(code: incompleteExitCode) }
        let failing = result.findings.contains { !$0.isSuppressed && $0.severity >= setup.config.failOn }
        if failing { throw ExitStatus(code: exitCode) }
    }

    /// Where the default configuration file is looked for.
    private func configAnchor(readsStdin: Bool) -> String {
        if readsStdin || staged { return "." }
        return paths.first ?? "."
    }

    /// The commits `--history` reads.
    private var historyRange: HistoryRange {
        if let since { return .since(since) }
        if let range { return .range(range) }
        if let branch { return .branch(branch) }
        return .all
    }

    /// Scans what the options select; `staged` is a staged source already started, when there is one.
    private func scan(settings: ScanSettings, readsStdin: Bool, staged started: StagedFragmentSource? = nil) throws -> ScanResult {
        let here = FileManager.default.currentDirectoryPath
        if readsStdin {
            var source = StdinSource(
                bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), name: stdinFilename ?? "-", directory: here)
            return try ScanSession.run(&source, settings: settings)
        }
        if staged {
            var source = started ?? StagedFragmentSource(directory: here, maxFileSize: maxFileSize)
            return try ScanSession.run(&source, settings: settings)
        }
        let config = settings.config
        if history {
            var source = HistoryFragmentSource(
                directory: paths.first ?? here, range: historyRange, maxBlobSize: maxFileSize,
                excludes: { config.excludes(relativePath: $0) })
            return try withProgress(settings, unit: "blobs", countsDistinctSecrets: true) { try ScanSession.run(&source, settings: $0) }
        }
        var source = TreeSource(paths: paths.isEmpty ? ["."] : paths, respectIgnore: !noIgnore, excludes: { config.excludes(relativePath: $0) })
        return try withProgress(settings, unit: "files", countsDistinctSecrets: false) { try ScanSession.run(&source, settings: $0) }
    }

    /// Runs `scan` with a progress line on stderr when stderr is a terminal and --quiet is off.
    private func withProgress(
        _ settings: ScanSettings, unit: String, countsDistinctSecrets: Bool, _ scan: (ScanSettings) throws -> ScanResult
    ) throws -> ScanResult {
        guard ProgressDisplay.isWanted(quiet: quiet) else { return try scan(settings) }
        var watched = settings
        let progress = ScanProgress()
        watched.progress = progress
        let display = ProgressDisplay(progress: progress, unit: unit, countsDistinctSecrets: countsDistinctSecrets)
        display.start()
        defer { display.stop() }
        return try scan(watched)
    }
}

/// Wall-clock marks of the phases of a run, for `--verbose`.
final class PhaseClock: CustomStringConvertible {
    private let start = Date()
    private var marks: [(String, Date)] = []

    /// Records that `phase` ended now.
    func mark(_ phase: String) { marks.append((phase, Date())) }

    /// `rules loaded 12 ms, scanned 340 ms, …` (each mark since the previous one).
    var description: String {
        var previous = start
        return marks.map { name, date in
            defer { previous = date }
            return "\(name) \(Int(date.timeIntervalSince(previous) * 1000)) ms"
        }.joined(separator: ", ")
    }
}
