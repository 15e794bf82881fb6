import AlpacaCore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The command-line habits users bring from gitleaks and ripgrep (issue 12, part 6), checked on the
/// real binary in throwaway repositories: standard input, `version`, `-o -`, folders named like
/// subcommands, `--quiet`/`--verbose`, inline allows and suppressed counts, `ALPACA_LINT_CONFIG`,
/// and the JSON `warnings` array.
@Suite("CLI habits: stdin, version, -o -, quiet/verbose, suppressed findings, ALPACA_LINT_CONFIG")
struct CLIHabitsTests {
    static let keyLine = "APCA_API_KEY_ID=\(FakeKeys.paperKeyID)\n"
    static let pythonKeyLine = "ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n"

    /// Runs alpaca-lint in the sandbox (or `directory`) with `input` on standard input.
    static func lint(_ git: GitSandbox, _ arguments: [String], stdin input: String, in directory: URL? = nil) throws -> CLI.Result {
        try CLI.runProcess(CLI.binary, arguments, in: directory ?? git.repo, environment: git.environment, stdin: input)
    }

    /// The summary line alpaca-lint writes to stderr, if any.
    static func summaryLine(_ result: CLI.Result) -> String? {
        result.stderr.split(separator: "\n").map(String.init).first { $0.hasPrefix("alpaca-lint: ") && $0.contains(" scanned, ") }
    }

    // MARK: - Standard input

    @Test("`-` and `--stdin` scan standard input; reports name it `-`")
    func stdinFindsTheKey() throws {
        let git = try GitSandbox(name: "habits-stdin")
        defer { git.remove() }
        for arguments in [["-"], ["--stdin"], ["scan", "-"]] {
            let text = try Self.lint(git, arguments, stdin: Self.keyLine)
            #expect(text.status == 1, "\(arguments): \(text.diagnostics)")
            #expect(text.stdout.hasPrefix("-:1:17: error: "), "\(arguments): \(text.diagnostics)")
            #expect(text.stdout.contains("[alpaca-paper-key-id]"))
            #expect(!text.stdout.contains(FakeKeys.paperKeyID) && !text.stderr.contains(FakeKeys.paperKeyID), "redacted")
            let json = try Self.lint(git, arguments + ["--format", "json"], stdin: Self.keyLine)
            #expect(json.locations == ["alpaca-paper-key-id -:1"], "\(arguments): \(json.diagnostics)")
        }
        // Nothing on standard input: a clean scan, not a hang or an error.
        let empty = try Self.lint(git, ["-"], stdin: "")
        #expect(empty.status == 0, "\(empty.diagnostics)")
        // Without the filename the .env rules have no name to match: only the key is reported.
        let unnamed = try Self.lint(git, ["--stdin", "--format", "json"], stdin: Self.keyLine)
        #expect(!unnamed.locations.contains { $0.hasPrefix("alpaca-env") }, "\(unnamed.diagnostics)")
    }

    @Test("--stdin-filename .env applies the .env rule, and reports name the given file")
    func stdinFilenameAppliesPathRules() throws {
        let git = try GitSandbox(name: "habits-stdin-env")
        defer { git.remove() }
        let json = try Self.lint(git, ["--stdin", "--stdin-filename", ".env", "--format", "json"], stdin: Self.keyLine)
        #expect(json.status == 1, "\(json.diagnostics)")
        #expect(json.locations == ["alpaca-env-not-ignored .env:1", "alpaca-paper-key-id .env:1"], "\(json.diagnostics)")
        let text = try Self.lint(git, ["-", "--stdin-filename", "config/.env"], stdin: Self.keyLine)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(text.diagnostics)")
        #expect(lines.allSatisfy { $0.hasPrefix("config/.env:1:") }, "\(text.diagnostics)")
        #expect(lines.contains { $0.contains("[alpaca-env-not-ignored]") && $0.contains("/config/.env") })
        #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent("config").path), "nothing is written")
    }

    /// Bug: standard input was always treated as an untracked, unignored file, so
    /// `--stdin-filename .env` in a repository whose .gitignore covers .env reported
    /// "not covered by any .gitignore rule" and told the user to add a line that is already there.
    @Test("bug: --stdin-filename honours .gitignore and the index, like the file it names")
    func stdinFilenameHonoursGitignoreAndIndex() throws {
        let git = try GitSandbox(name: "habits-stdin-ignored")
        defer { git.remove() }
        try git.commit([".gitignore": ".env\n", "deploy/.env.production": "LOG_LEVEL=debug\n"], message: "start")
        let ignored = try Self.lint(git, ["--stdin-filename", ".env", "-", "--format", "json"], stdin: Self.keyLine)
        #expect(ignored.locations == ["alpaca-paper-key-id .env:1"], "\(ignored.diagnostics)")
        // From a subfolder the name is relative to that folder, as a file path would be.
        try FileManager.default.createDirectory(at: git.repo.appendingPathComponent("deploy"), withIntermediateDirectories: true)
        let tracked = try Self.lint(
            git, ["--stdin-filename", ".env.production", "-", "--format", "json"], stdin: Self.keyLine,
            in: git.repo.appendingPathComponent("deploy"))
        #expect(tracked.locations == ["alpaca-env-tracked .env.production:1", "alpaca-paper-key-id .env.production:1"], "\(tracked.diagnostics)")
        let advice = tracked.findings.first { $0["ruleId"] as? String == "alpaca-env-tracked" }?["message"] as? String ?? ""
        #expect(advice.contains("git rm --cached -- 'deploy/.env.production'"), "\(advice)")
    }

    @Test("usage errors: `-` with other paths, --stdin-filename without standard input, stdin with --staged", arguments: [
        ["-", "bot.py"], ["--stdin", "bot.py"], ["--stdin-filename", ".env"], ["--stdin-filename", ".env", "bot.py"],
        ["--stdin", "--staged"], ["-", "--history"], ["--stdin-filename", "", "-"], ["--stdin-filename", "/", "-"],
        ["--stdin-filename", "config/", "-"], ["--stdin-filename", "..", "-"],
    ])
    func stdinUsageErrors(_ arguments: [String]) throws {
        let git = try GitSandbox(name: "habits-stdin-usage")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        let result = try Self.lint(git, arguments, stdin: Self.keyLine)
        #expect(result.status == 2, "\(arguments): \(result.diagnostics)")
        #expect(result.stdout.isEmpty, "\(arguments): no scan ran")
        #expect(result.stderr.contains("alpaca-lint: "), "\(arguments): \(result.diagnostics)")
    }

    // MARK: - version, -o

    @Test("`alpaca-lint version` prints exactly what --version prints: the version in Version.swift")
    func versionSubcommand() throws {
        let directory = try CLI.temporaryDirectory("habits-version")
        defer { try? FileManager.default.removeItem(at: directory) }
        let subcommand = try CLI.run(["version"], in: directory)
        let flag = try CLI.run(["--version"], in: directory)
        #expect(subcommand.status == 0 && flag.status == 0, "\(subcommand.diagnostics)\n\(flag.diagnostics)")
        #expect(subcommand.stdout == AlpacaLintVersion.current + "\n", "\(subcommand.diagnostics)")
        #expect(subcommand.stdout == flag.stdout)
        #expect(subcommand.stderr.isEmpty && flag.stderr.isEmpty)
    }

    @Test("-o - writes the report to standard output; no file named '-' appears")
    func outputDashIsStdout() throws {
        let git = try GitSandbox(name: "habits-output-dash")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        for format in ["json", "sarif", "text"] {
            let result = try git.lint(["--format", format, "-o", "-", "bot.py"])
            #expect(result.status == 1, "\(format): \(result.diagnostics)")
            if format == "text" {
                #expect(result.stdout.hasPrefix("bot.py:1:18: error: "), "\(result.diagnostics)")
            } else {
                #expect(result.json != nil, "\(format): stdout holds the whole report\n\(result.diagnostics)")
            }
            #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent("-").path), "\(format): a file named '-'")
        }
    }

    @Test("-o FILE replaces the file in one rename (a new inode), leaving no temporary file")
    func outputFileIsReplacedAtomically() throws {
        let git = try GitSandbox(name: "habits-output-file")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        let target = git.root.appendingPathComponent("reports/report.json")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old report\n".utf8).write(to: target)
        // A hard link keeps the old inode: written in place, it would show the new report too.
        let link = git.root.appendingPathComponent("old-report.json")
        try FileManager.default.linkItem(at: target, to: link)
        let before = try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int
        let result = try git.lint(["--format", "json", "-o", target.path, "bot.py"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.stdout.isEmpty)
        let after = try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int
        #expect(before != nil && before != after, "the report was written in place")
        #expect(try String(contentsOf: link, encoding: .utf8) == "old report\n")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["report.json"])
    }

    // MARK: - A folder named like a subcommand

    @Test("`alpaca-lint -- rules` and `./rules` scan the folder; `alpaca-lint rules` still lists rules")
    func folderNamedLikeASubcommand() throws {
        let git = try GitSandbox(name: "habits-subcommand-folder")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "rules/settings.py")
        try git.write(Self.pythonKeyLine, to: "version/settings.py")
        for (arguments, path) in [
            (["--", "rules"], "rules/settings.py"), (["./rules"], "rules/settings.py"),
            (["--format", "json", "--", "rules"], "rules/settings.py"), (["scan", "--", "rules"], "rules/settings.py"),
            (["--", "version"], "version/settings.py"),
        ] {
            let result = try git.lint(arguments)
            #expect(result.status == 1, "\(arguments): \(result.diagnostics)")
            let shown = result.json.map { _ in result.findings.first?["path"] as? String ?? "" } ?? String(result.stdout.prefix { $0 != ":" })
            #expect(shown == path, "\(arguments): \(result.diagnostics)")
        }
        let listing = try git.lint(["rules", "--format", "json"])
        #expect(listing.status == 0, "\(listing.diagnostics)")
        #expect(listing.stdout.contains("alpaca-paper-key-id") && !listing.stdout.contains("settings.py"))
        let version = try git.lint(["version"])
        #expect(version.stdout == AlpacaLintVersion.current + "\n")
        // The README tells users how.
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("alpaca-lint -- rules") && readme.contains("./rules"), "README usage must say how to scan a folder named rules")
    }

    // MARK: - --quiet, --verbose

    @Test("-q prints findings only: no summary line, but warnings that leave the scan incomplete still show")
    func quiet() throws {
        let git = try GitSandbox(name: "habits-quiet")
        defer { git.remove() }
        try git.write("print('clean')\n", to: "clean.py")
        for flag in ["-q", "--quiet"] {
            let clean = try git.lint([flag, "."])
            #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(flag): \(clean.diagnostics)")
        }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        try git.write(String(repeating: "x = 1\n", count: 400), to: "large.py")
        let loud = try git.lint(["--max-file-size", "1000", "."])
        #expect(Self.summaryLine(loud) != nil, "\(loud.diagnostics)")
        let quiet = try git.lint(["-q", "--max-file-size", "1000", "."])
        #expect(quiet.status == 2, "incomplete: \(quiet.diagnostics)")
        #expect(quiet.stdout.hasPrefix("bot.py:1:18: error: "), "\(quiet.diagnostics)")
        #expect(Self.summaryLine(quiet) == nil, "\(quiet.diagnostics)")
        #expect(quiet.stderr == "alpaca-lint: warning: large.py: not scanned: 2400 bytes is over the size limit of 1000 bytes (raise it with --max-file-size)\n", "\(quiet.diagnostics)")
        // A machine format on stdout stays whole; stderr stays silent.
        let json = try git.lint(["-q", "--format", "json", "bot.py"])
        #expect(json.status == 1 && json.stderr.isEmpty && json.findings.count == 1, "\(json.diagnostics)")
    }

    @Test("-v names each skipped file with its reason, and prints a timings line")
    func verbose() throws {
        let git = try GitSandbox(name: "habits-verbose")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        try git.writeBytes(Array("PK\u{0}binary".utf8), to: "blob.bin")
        try git.write(String(repeating: "x = 1\n", count: 400), to: "large.py")
        for flag in ["-v", "--verbose"] {
            let result = try git.lint([flag, "--max-file-size", "1000", "."])
            #expect(result.status == 2, "\(result.diagnostics)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains("alpaca-lint: skipped: blob.bin: not scanned: binary (a NUL byte in the first 8 KiB)"), "\(result.diagnostics)")
            // The oversized file is named once, by its warning, not again as a skip line.
            #expect(lines.filter { $0.contains("large.py") }.count == 1, "\(result.diagnostics)")
            #expect(lines.contains { $0.hasPrefix("alpaca-lint: warning: large.py: not scanned: 2400 bytes is over the size limit") }, "\(result.diagnostics)")
            #expect(lines.contains { $0.hasPrefix("alpaca-lint: timings: rules loaded ") && $0.contains(" ms, scanned ") }, "\(result.diagnostics)")
            #expect(Self.summaryLine(result)?.contains("2 skipped") == true, "\(result.diagnostics)")
        }
        let plain = try git.lint(["--max-file-size", "1000", "."])
        #expect(!plain.stderr.contains("skipped: blob.bin") && !plain.stderr.contains("timings:"), "\(plain.diagnostics)")
    }

    /// Bug: a FIFO (never opened) and files `--staged` leaves out (binary, symlink) were counted as
    /// skipped, but `--verbose` did not name them: only skips found by the engine were listed. And
    /// the names were printed raw, so a file name could send escape sequences to the terminal.
    @Test("bug: -v also names the special files and staged entries that are skipped before scanning, terminal-safe")
    func verboseNamesEverySkip() throws {
        let git = try GitSandbox(name: "habits-verbose-special")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        #expect(mkfifo(git.repo.appendingPathComponent("pipe").path, 0o600) == 0)
        try git.writeBytes([0x41, 0, 0x42], to: "evil\u{1B}[2J.bin")
        let tree = try git.lint(["-v", "."])
        #expect(tree.stderr.contains("alpaca-lint: skipped: pipe: not scanned: not a regular file"), "\(tree.diagnostics)")
        #expect(tree.stderr.contains("alpaca-lint: skipped: evil\\u{1b}[2J.bin: not scanned: binary"), "\(tree.diagnostics)")
        #expect(!tree.stderr.contains("\u{1B}"), "an escape sequence reached the terminal")
        #expect(Self.summaryLine(tree)?.contains("2 skipped") == true, "\(tree.diagnostics)")
        try FileManager.default.removeItem(at: git.repo.appendingPathComponent("pipe"))
        try FileManager.default.removeItem(at: git.repo.appendingPathComponent("evil\u{1B}[2J.bin"))

        try git.writeBytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], to: "logo.png")
        try FileManager.default.createSymbolicLink(atPath: git.repo.appendingPathComponent("link.py").path, withDestinationPath: "bot.py")
        try git.git("add", "-A")
        let staged = try git.lint(["--staged", "-v"])
        #expect(staged.status == 1, "\(staged.diagnostics)")
        #expect(staged.stderr.contains("alpaca-lint: skipped: logo.png: not scanned: binary"), "\(staged.diagnostics)")
        #expect(staged.stderr.contains("alpaca-lint: skipped: link.py: not scanned: a symbolic link"), "\(staged.diagnostics)")
        #expect(Self.summaryLine(staged)?.contains("2 skipped") == true, "\(staged.diagnostics)")
    }

    @Test("--quiet with --verbose is a usage error (exit 2)")
    func quietAndVerbose() throws {
        let git = try GitSandbox(name: "habits-quiet-verbose")
        defer { git.remove() }
        for arguments in [["-q", "-v", "."], ["--quiet", "--verbose"], ["-qv"]] {
            let result = try git.lint(arguments)
            #expect(result.status == 2, "\(arguments): \(result.diagnostics)")
            #expect(result.stderr.contains("--quiet and --verbose cannot be combined"), "\(arguments): \(result.diagnostics)")
        }
    }

    // MARK: - Inline allows, baseline, suppressed counts

    @Test("`# trufflehog:ignore` suppresses like alpaca-lint:allow")
    func trufflehogIgnore() throws {
        let git = try GitSandbox(name: "habits-trufflehog")
        defer { git.remove() }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # trufflehog:ignore\n", to: "bot.py")
        try git.write("export APCA_API_SECRET_KEY=\(FakeKeys.secretKey) # trufflehog:ignore\n", to: "run.sh")
        let result = try git.lint(["--format", "json", "."])
        #expect(result.status == 0, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:1", "alpaca-secret-key run.sh:1"], "\(result.diagnostics)")
        #expect(result.findings.allSatisfy { $0["suppressed"] as? Bool == true && $0["suppression"] as? String == "inline" })
        let audit = try git.lint(["--no-inline-allow", "."])
        #expect(audit.status == 1, "\(audit.diagnostics)")
    }

    @Test("suppressed and baselined findings: counted in the summary and JSON, hidden from text unless --show-suppressed, kept in JSON and SARIF, never failing the run")
    func suppressedFindings() throws {
        let git = try GitSandbox(name: "habits-suppressed")
        defer { git.remove() }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "old.py")
        let baseline = git.root.appendingPathComponent("baseline.json")
        #expect(try git.lint(["--format", "json", "-o", baseline.path, "."]).status == 1)
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # alpaca-lint:allow\n", to: "allowed.py")

        let text = try git.lint(["--baseline", baseline.path, "."])
        #expect(text.status == 0, "\(text.diagnostics)")
        #expect(text.stdout.isEmpty, "suppressed findings are hidden from text: \(text.diagnostics)")
        #expect(Self.summaryLine(text)?.hasPrefix("alpaca-lint: 0 findings, 2 suppressed in 2 files") == true, "\(text.diagnostics)")

        let shown = try git.lint(["--baseline", baseline.path, "--show-suppressed", "."])
        #expect(shown.status == 0, "\(shown.diagnostics)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(shown.diagnostics)")
        #expect(lines.contains { $0.hasPrefix("allowed.py:1:18: error: ") && $0.hasSuffix("(suppressed: inline)") }, "\(shown.diagnostics)")
        #expect(lines.contains { $0.hasPrefix("old.py:1:18: error: ") && $0.hasSuffix("(suppressed: baseline)") }, "\(shown.diagnostics)")

        let json = try git.lint(["--baseline", baseline.path, "--format", "json", "."])
        #expect(json.status == 0, "\(json.diagnostics)")
        let summary = json.json?["summary"] as? [String: Any]
        #expect(summary?["suppressed"] as? Int == 2 && summary?["findings"] as? Int == 2, "\(json.diagnostics)")
        #expect(json.findings.map { $0["suppression"] as? String ?? "-" }.sorted() == ["baseline", "inline"])
        #expect(json.findings.allSatisfy { $0["suppressed"] as? Bool == true })

        let sarif = try git.lint(["--baseline", baseline.path, "--format", "sarif", "."])
        #expect(sarif.status == 0, "\(sarif.diagnostics)")
        let results = ((sarif.json?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let kinds = results.compactMap { (($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String) }.sorted()
        #expect(kinds == ["external", "inSource"], "\(sarif.diagnostics)")
        try SARIFCheck.validate(sarif.stdout)

        // A new, unsuppressed key fails the run; the suppressed ones are still only counted.
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "new.py")
        let failing = try git.lint(["--baseline", baseline.path, "."])
        #expect(failing.status == 1, "\(failing.diagnostics)")
        #expect(failing.stdout.split(separator: "\n").count == 1 && failing.stdout.hasPrefix("new.py:1:18:"), "\(failing.diagnostics)")
        #expect(Self.summaryLine(failing)?.hasPrefix("alpaca-lint: 1 finding, 2 suppressed in 3 files") == true, "\(failing.diagnostics)")
    }

    // MARK: - ALPACA_LINT_CONFIG

    @Test("ALPACA_LINT_CONFIG is used when --config is absent (over the repository's file); --config wins")
    func configFromEnvironment() throws {
        var git = try GitSandbox(name: "habits-config-env")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        try git.write("print('clean')\n", to: "vendor/lib.py")
        try git.write("exclude = [\"vendor/\"]\n", to: ".alpaca-lint.toml")
        let disabling = git.root.appendingPathComponent("disable.toml")
        try Data("disable = [\"alpaca-paper-key-id\"]\n".utf8).write(to: disabling)
        let other = git.root.appendingPathComponent("other.toml")
        try Data("exclude = [\"*.md\"]\n".utf8).write(to: other)

        let repositoryDefault = try git.lint(["--format", "json", "."])
        #expect(repositoryDefault.status == 1, "\(repositoryDefault.diagnostics)")
        #expect((repositoryDefault.json?["summary"] as? [String: Any])?["filesScanned"] as? Int == 2, "vendor/ excluded: \(repositoryDefault.diagnostics)")

        git.environment["ALPACA_LINT_CONFIG"] = disabling.path
        let fromEnvironment = try git.lint(["--format", "json", "."])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.diagnostics)")
        #expect(fromEnvironment.findings.isEmpty)
        #expect((fromEnvironment.json?["summary"] as? [String: Any])?["filesScanned"] as? Int == 3, "the repository's file is not read: \(fromEnvironment.diagnostics)")

        let explicit = try git.lint(["--config", other.path, "--format", "json", "."])
        #expect(explicit.status == 1, "--config wins: \(explicit.diagnostics)")
        #expect(explicit.locations == ["alpaca-paper-key-id bot.py:1"])

        // An empty value means unset.
        git.environment["ALPACA_LINT_CONFIG"] = ""
        #expect(try git.lint(["."]).status == 1)
    }

    /// Bug: a missing or invalid file named by ALPACA_LINT_CONFIG was reported as
    /// "invalid configuration: PATH: ...", without saying the path came from the environment,
    /// which leaves a user who forgot the variable in their shell profile guessing.
    @Test("bug: a bad ALPACA_LINT_CONFIG file exits 2 and names the variable")
    func badConfigFromEnvironmentNamesTheVariable() throws {
        var git = try GitSandbox(name: "habits-config-env-bad")
        defer { git.remove() }
        try git.write(Self.pythonKeyLine, to: "bot.py")
        let missing = git.root.appendingPathComponent("missing.toml").path
        git.environment["ALPACA_LINT_CONFIG"] = missing
        let result = try git.lint(["."])
        #expect(result.status == 2, "\(result.diagnostics)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ALPACA_LINT_CONFIG") && result.stderr.contains(missing), "\(result.diagnostics)")
        let invalid = git.root.appendingPathComponent("invalid.toml")
        try Data("no-such-key = 1\n".utf8).write(to: invalid)
        git.environment["ALPACA_LINT_CONFIG"] = invalid.path
        let unknownKey = try git.lint(["."])
        #expect(unknownKey.status == 2, "\(unknownKey.diagnostics)")
        #expect(unknownKey.stderr.contains("ALPACA_LINT_CONFIG") && unknownKey.stderr.contains("no-such-key"), "\(unknownKey.diagnostics)")
        // --config is the user's own words: no mention of the variable it overrides.
        let flag = try git.lint(["--config", invalid.path, "."])
        #expect(flag.status == 2 && !flag.stderr.contains("ALPACA_LINT_CONFIG"), "\(flag.diagnostics)")
    }

    // MARK: - JSON warnings

    @Test("JSON `warnings` is always an array: empty when everything was checked, in every scan mode")
    func warningsIsAlwaysAnArray() throws {
        let git = try GitSandbox(name: "habits-warnings")
        defer { git.remove() }
        try git.commit(["bot.py": Self.pythonKeyLine], message: "start")
        try git.write("x = 1\n", to: "staged.py")
        try git.git("add", "staged.py")
        let runs: [(String, CLI.Result)] = [
            ("tree", try git.lint(["--format", "json", "."])),
            ("clean file", try git.lint(["--format", "json", "staged.py"])),
            ("staged", try git.lint(["--format", "json", "--staged"])),
            ("history", try git.lint(["--format", "json", "--history"])),
            ("stdin", try Self.lint(git, ["--format", "json", "-"], stdin: Self.keyLine)),
        ]
        for (mode, run) in runs {
            let warnings = run.json?["warnings"]
            #expect(warnings is [Any], "\(mode): \(run.diagnostics)")
            #expect((warnings as? [Any])?.isEmpty == true, "\(mode): \(run.diagnostics)")
        }
        let incomplete = try git.lint(["--format", "json", "--max-file-size", "10", "."])
        let warnings = incomplete.json?["warnings"] as? [[String: Any]]
        #expect(warnings?.count == 1 && warnings?.first?["incomplete"] as? Bool == true, "\(incomplete.diagnostics)")
    }
}
