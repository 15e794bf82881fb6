import Foundation
import Testing

/// A throwaway git repository driven by the real `git` and the built alpaca-lint, with an
/// environment isolated from the user's git configuration (HOME, XDG, system config, colour).
struct GitSandbox {
    /// Holds `repo`, the fake HOME and anything a test wants to keep outside the repository.
    let root: URL
    /// The working tree.
    let repo: URL
    var environment: [String: String]

    init(initialize: Bool = true, name: String = "git-workflow") throws {
        root = try CLI.temporaryDirectory(name)
        repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        var environment = CLI.isolatedEnvironment(home: root.appendingPathComponent("home"))
        // Never let a surrounding hook or CI job point git somewhere else, and never look above `root`.
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX", "PRE_COMMIT", "SKIP"] {
            environment.removeValue(forKey: key)
        }
        environment["GIT_CEILING_DIRECTORIES"] = root.deletingLastPathComponent().path
        self.environment = environment
        if initialize {
            try git("init", "-q")
            try git("symbolic-ref", "HEAD", "refs/heads/main")
            try git("config", "commit.gpgsign", "false")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs git in the working tree; records an issue when it fails (unless `allowFailure`).
    @discardableResult
    func git(_ arguments: String..., allowFailure: Bool = false) throws -> CLI.Result {
        let result = try CLI.runProcess("/usr/bin/env", ["git"] + arguments, in: repo, environment: environment)
        if !allowFailure && result.status != 0 {
            Issue.record("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result
    }

    /// The full sha of `revision`.
    func sha(_ revision: String = "HEAD") throws -> String {
        try git("rev-parse", revision).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ text: String, to path: String) throws { try CLI.write(text, to: path, in: repo) }

    func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ path: String) throws -> String { try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8) }

    /// Writes, stages and commits `files`.
    func commit(_ files: [String: String], message: String = "change") throws {
        for (path, text) in files { try write(text, to: path) }
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    /// Runs alpaca-lint in the working tree (or `directory`).
    func lint(_ arguments: [String], in directory: URL? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: directory ?? repo, environment: environment)
    }
}

/// Fake credentials: random-looking shapes, not real keys.
enum FakeKeys {
    static let paperKeyID = "PKQ3H8ZK2W6N0RTVLV4B"
    static let otherPaperKeyID = "PKV7N2XR4M9B1TQ6WZ0C"
    static let thirdPaperKeyID = "PKD5J1QW8Y3MZ7RN0HT2"
    static let secretKey = "q8Wd2LmZr5TnB7vXk3YhJ0pFa9GsCe4NuR6tHiQo"
}

extension CLI.Result {
    /// `findings` as (ruleId, path, line) triples, for compact expectations.
    var locations: [String] {
        findings.map { "\($0["ruleId"] as? String ?? "?") \($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? 0)" }.sorted()
    }
    var diagnostics: String { "status \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

private func suppressed(_ finding: [String: Any]) -> Bool { finding["suppressed"] as? Bool == true }

@Suite("Git workflows: staged scans, hooks, history, baseline, inline allows, config")
struct GitWorkflowTests {
    static let keyLine = "ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n"

    // MARK: - --staged

    @Test("a staged key is reported at its line in the staged file; a working-tree-only key is not")
    func stagedKeyAtStagedLineUnstagedIgnored() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["app.py": "import os\n\nprint('hello')\n"], message: "start")
        // Staged: the key on line 2.
        try git.write("import os\n\(Self.keyLine)\nprint('hello')\n", to: "app.py")
        try git.git("add", "app.py")
        // Working tree only: two lines above (so working-tree lines differ) and a second key.
        try git.write("# one\n# two\nimport os\n\(Self.keyLine)\nprint('hello')\nOTHER_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "app.py")
        try git.write("KEY_ID = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "untracked.py")

        let result = try git.lint(["--staged", "--format", "json", "--no-redact"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id app.py:2"], "\(result.diagnostics)")
        #expect(result.findings.first?["secret"] as? String == FakeKeys.paperKeyID)
        #expect(result.findings.first?["column"] as? Int == 18)
    }

    @Test("a staged fix hides a key that is still in the working tree")
    func stagedFixHidesWorkingTreeKey() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["README.md": "# bot\n"], message: "start")
        try git.write("import os\n\(Self.keyLine)", to: "bot.py")
        try git.git("add", "bot.py")
        try git.write("import os\nALPACA_KEY_ID = os.environ[\"APCA_API_KEY_ID\"]\n", to: "bot.py")
        try git.git("add", "bot.py")
        try git.write("import os\n\(Self.keyLine)", to: "bot.py")

        let staged = try git.lint(["--staged", "--format", "json"])
        #expect(staged.status == 0, "\(staged.diagnostics)")
        #expect(staged.findings.isEmpty)
        // The working tree still has it, and a tree scan says so.
        let tree = try git.lint(["--format", "json", "."])
        #expect(tree.status == 1, "\(tree.diagnostics)")
        #expect(tree.locations == ["alpaca-paper-key-id bot.py:2"])
    }

    @Test("the first commit of an empty repository (unborn branch) is scanned")
    func firstCommitOnUnbornBranch() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        #expect(try git.git("rev-parse", "--verify", "-q", "HEAD", allowFailure: true).status != 0)
        try git.write("x = 1\n\(Self.keyLine)", to: "config.py")
        try git.git("add", "config.py")
        let result = try git.lint(["--staged", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id config.py:2"])
    }

    @Test("a rename with one added line reports only the added line")
    func renameReportsOnlyAddedLine() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        var body = "# settings\n\(Self.keyLine)"
        for index in 1...12 { body += "setting_\(index) = \(index * 7)\n" }
        try git.commit(["old_settings.py": body], message: "settings with a key")
        try git.git("mv", "old_settings.py", "settings.py")
        try git.write(body + "BACKUP_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "settings.py")
        try git.git("add", "settings.py")
        let status = try git.git("diff", "--cached", "--name-status", "-M").stdout
        #expect(status.hasPrefix("R"), "git should see a rename: \(status)")

        let result = try git.lint(["--staged", "--format", "json", "--no-redact"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id settings.py:15"], "\(result.diagnostics)")
        #expect(result.findings.first?["secret"] as? String == FakeKeys.otherPaperKeyID)
    }

    @Test("paths with spaces and non-ASCII names are reported exactly")
    func pathsWithSpacesAndNonASCII() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["README.md": "# bot\n"], message: "start")
        try git.write("\n\(Self.keyLine)", to: "my config/live settings.py")
        try git.write("\n\n\(Self.keyLine)", to: "réglages/clé_ключ.py")
        try git.git("add", "-A")
        let result = try git.lint(["--staged", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == [
            "alpaca-paper-key-id my config/live settings.py:2",
            "alpaca-paper-key-id réglages/clé_ключ.py:3",
        ], "\(result.diagnostics)")
    }

    @Test("a deleted file and a binary file are not reported")
    func deletedAndBinaryNotReported() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["legacy.py": Self.keyLine, "README.md": "# bot\n"], message: "start")
        try git.git("rm", "-q", "legacy.py")
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]
        bytes += Array(Self.keyLine.utf8) + [0x00, 0xFF, 0x00]
        try git.writeBytes(bytes, to: "logo.png")
        try git.git("add", "logo.png")
        let result = try git.lint(["--staged", "--format", "json"])
        #expect(result.status == 0, "\(result.diagnostics)")
        #expect(result.findings.isEmpty, "\(result.diagnostics)")
        #expect((result.json?["summary"] as? [String: Any])?["filesSkipped"] as? Int == 1, "\(result.diagnostics)")
    }

    @Test("the stderr summary shows files and bytes scanned, also when nothing is staged")
    func summaryLineAlwaysPresent() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        let empty = try git.lint(["--staged"])
        #expect(empty.status == 0, "\(empty.diagnostics)")
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("0 files"), "\(empty.diagnostics)")
        #expect(empty.stderr.contains("bytes scanned") || empty.stderr.contains("B scanned"), "\(empty.diagnostics)")

        try git.commit(["README.md": "# bot\n"], message: "start")
        let nothingStaged = try git.lint(["--staged"])
        #expect(nothingStaged.status == 0, "\(nothingStaged.diagnostics)")
        #expect(nothingStaged.stderr.contains("0 files"), "\(nothingStaged.diagnostics)")
        #expect(nothingStaged.stderr.contains("scanned"), "\(nothingStaged.diagnostics)")

        try git.write("print('ok')\n", to: "ok.py")
        try git.git("add", "ok.py")
        let one = try git.lint(["--staged", "--format", "json"])
        #expect(one.stderr.contains("1 file"), "\(one.diagnostics)")
        #expect(one.stderr.contains("12 B scanned"), "\(one.diagnostics)")
        let summary = one.json?["summary"] as? [String: Any]
        #expect(summary?["filesScanned"] as? Int == 1)
        #expect(summary?["bytesScanned"] as? Int == 12)
    }

    // MARK: - install-hook

    /// The sandbox environment with the built binary's folder first on PATH.
    static func hookEnvironment(_ git: GitSandbox) -> [String: String] {
        var environment = git.environment
        let folder = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    @Test("the installed hook blocks a commit with a staged key; --no-verify passes")
    func installedHookBlocksCommit() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = Self.hookEnvironment(git)
        try git.commit(["README.md": "# bot\n"], message: "start")
        let install = try git.lint(["install-hook"])
        #expect(install.status == 0, "\(install.diagnostics)")
        let hookPath = git.repo.appendingPathComponent(".git/hooks/pre-commit").path
        #expect(install.stdout.contains(hookPath), "\(install.diagnostics)")
        #expect(FileManager.default.isExecutableFile(atPath: hookPath))
        // Installing twice is harmless.
        #expect(try git.lint(["install-hook"]).status == 0)

        try git.write(Self.keyLine, to: "bot.py")
        try git.git("add", "bot.py")
        let blocked = try git.git("commit", "-q", "-m", "add bot", allowFailure: true)
        #expect(blocked.status != 0, "\(blocked.diagnostics)")
        #expect((blocked.stdout + blocked.stderr).contains("bot.py:1:"), "\(blocked.diagnostics)")
        #expect(blocked.stderr.contains("alpaca-lint:allow"), "\(blocked.diagnostics)")
        #expect(blocked.stderr.contains("--no-verify"), "\(blocked.diagnostics)")
        #expect(try git.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        let bypass = try git.git("commit", "-q", "--no-verify", "-m", "add bot anyway", allowFailure: true)
        #expect(bypass.status == 0, "\(bypass.diagnostics)")
        #expect(try git.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")

        // A clean commit goes through the hook.
        try git.write("print('ok')\n", to: "ok.py")
        try git.git("add", "ok.py")
        let clean = try git.git("commit", "-q", "-m", "clean", allowFailure: true)
        #expect(clean.status == 0, "\(clean.diagnostics)")
    }

    @Test("the hook checks what git commits: `commit -a` and a partial commit (`commit FILE`, a temporary index)")
    func hookSeesCommitAllAndPartialCommit() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = Self.hookEnvironment(git)
        try git.commit(["bot.py": "x = 1\n", "README.md": "# bot\n"], message: "start")
        #expect(try git.lint(["install-hook"]).status == 0)
        try git.write("x = 1\n\(Self.keyLine)", to: "bot.py")
        let all = try git.git("commit", "-a", "-m", "all", allowFailure: true)
        #expect(all.status != 0, "\(all.diagnostics)")
        #expect(all.stderr.contains("bot.py:2:"), "\(all.diagnostics)")
        let partial = try git.git("commit", "-m", "partial", "bot.py", allowFailure: true)
        #expect(partial.status != 0, "\(partial.diagnostics)")
        #expect(partial.stderr.contains("bot.py:2:"), "\(partial.diagnostics)")
        // A partial commit of another file leaves the key out and passes.
        try git.write("# bot, v2\n", to: "README.md")
        let other = try git.git("commit", "-m", "readme only", "README.md", allowFailure: true)
        #expect(other.status == 0, "\(other.diagnostics)")
    }

    @Test("a baseline written by a full scan at the root also hides the finding in --staged")
    func baselineAppliesToStagedScan() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("x = 1\n\(Self.keyLine)", to: "src/bot.py")
        #expect(try git.lint(["--format", "json", "-o", ".alpaca-lint-baseline.json", "."]).status == 1)
        try git.git("add", "-A")
        let staged = try git.lint(["--staged", "--format", "json", "--baseline", ".alpaca-lint-baseline.json"])
        #expect(staged.status == 0, "\(staged.diagnostics)")
        #expect(staged.locations == ["alpaca-paper-key-id src/bot.py:2"], "\(staged.diagnostics)")
        #expect(staged.findings.allSatisfy(suppressed))
    }

    @Test("a foreign pre-commit hook is refused without --force and replaced (with a backup) with it")
    func foreignHookNeedsForce() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = Self.hookEnvironment(git)
        let foreign = "#!/bin/sh\necho 'team formatter'\nexit 0\n"
        try git.write(foreign, to: ".git/hooks/pre-commit")
        let hookPath = git.repo.appendingPathComponent(".git/hooks/pre-commit").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hookPath)

        let refused = try git.lint(["install-hook"])
        #expect(refused.status != 0 && refused.status != 2, "\(refused.diagnostics)")
        #expect((refused.stdout + refused.stderr).contains("--force"), "\(refused.diagnostics)")
        #expect((refused.stdout + refused.stderr).contains("alpaca-lint --staged"), "\(refused.diagnostics)")
        #expect(try git.read(".git/hooks/pre-commit") == foreign)

        let forced = try git.lint(["install-hook", "--force"])
        #expect(forced.status == 0, "\(forced.diagnostics)")
        let installed = try git.read(".git/hooks/pre-commit")
        #expect(installed.contains("alpaca-lint --staged"))
        #expect(installed != foreign)
        let backups = try FileManager.default.contentsOfDirectory(atPath: git.repo.appendingPathComponent(".git/hooks").path)
            .filter { $0.hasPrefix("pre-commit.") && !$0.hasSuffix(".sample") }
        #expect(backups.count == 1, "\(backups)")
        if let backup = backups.first {
            #expect(try git.read(".git/hooks/\(backup)") == foreign)
        }
    }

    @Test("core.hooksPath=.husky/_ prints the husky snippet instead of writing a hook")
    func huskyHooksPathPrintsSnippet() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = Self.hookEnvironment(git)
        try git.git("config", "core.hooksPath", ".husky/_")
        let result = try git.lint(["install-hook"])
        #expect(result.status != 2, "\(result.diagnostics)")
        #expect(result.stdout.contains("husky"), "\(result.diagnostics)")
        #expect(result.stdout.contains(".husky/pre-commit"), "\(result.diagnostics)")
        #expect(result.stdout.contains("alpaca-lint --staged"), "\(result.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent(".husky/_/pre-commit").path))
        #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent(".git/hooks/pre-commit").path))
    }

    // MARK: - --history

    @Test("--history finds a key added in one commit and deleted in the next, with its commit and rotate advice")
    func historyFindsDeletedKey() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["bot.py": "import os\n"], message: "start")
        try git.commit(["bot.py": "import os\n\(Self.keyLine)"], message: "add key")
        let added = try git.sha()
        try git.commit(["bot.py": "import os\nALPACA_KEY_ID = os.environ[\"APCA_API_KEY_ID\"]\n"], message: "remove key")

        let current = try git.lint(["--format", "json", "."])
        #expect(current.status == 0, "the key is gone from the tree: \(current.diagnostics)")

        let result = try git.lint(["--history", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:2"], "\(result.diagnostics)")
        let finding = result.findings.first ?? [:]
        #expect(finding["commit"] as? String == added)
        #expect((finding["relatedPractices"] as? [Int] ?? []).contains(2))
        #expect((finding["message"] as? String ?? "").lowercased().contains("rotate"))
    }

    @Test("--history --since REV only reads REV..HEAD")
    func historySinceLimits() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit(["bot.py": "import os\n"], message: "start")
        let start = try git.sha()
        try git.commit(["bot.py": "import os\n\(Self.keyLine)"], message: "add key")
        let added = try git.sha()
        try git.commit(["later.py": "SECOND_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n"], message: "second key")
        let second = try git.sha()

        let fromStart = try git.lint(["--history", "--since", start, "--format", "json"])
        #expect(fromStart.status == 1)
        #expect(fromStart.locations == ["alpaca-paper-key-id bot.py:2", "alpaca-paper-key-id later.py:1"], "\(fromStart.diagnostics)")

        let afterKey = try git.lint(["--history", "--since", added, "--format", "json"])
        #expect(afterKey.status == 1)
        #expect(afterKey.locations == ["alpaca-paper-key-id later.py:1"], "\(afterKey.diagnostics)")
        #expect(afterKey.findings.first?["commit"] as? String == second)

        let nothing = try git.lint(["--history", "--since", "HEAD", "--format", "json"])
        #expect(nothing.status == 0, "\(nothing.diagnostics)")
        #expect(nothing.findings.isEmpty)

        let bad = try git.lint(["--history", "--since", "no-such-rev"])
        #expect(bad.status == 2, "\(bad.diagnostics)")
        #expect(bad.stderr.contains("no-such-rev"), "\(bad.diagnostics)")
    }

    @Test("--history in a repository without commits exits 2 with a clear message")
    func historyEmptyRepository() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        let result = try git.lint(["--history"])
        #expect(result.status == 2, "\(result.diagnostics)")
        #expect(result.stderr.contains("no commits"), "\(result.diagnostics)")
        #expect(!result.stderr.contains("failed with exit status"), "\(result.diagnostics)")
    }

    @Test("--history and --staged outside a repository exit 2")
    func historyOutsideRepository() throws {
        let git = try GitSandbox(initialize: false)
        defer { git.remove() }
        let history = try git.lint(["--history"])
        #expect(history.status == 2, "\(history.diagnostics)")
        #expect(history.stderr.contains("not a git repository"), "\(history.diagnostics)")
        let staged = try git.lint(["--staged"])
        #expect(staged.status == 2, "\(staged.diagnostics)")
        #expect(staged.stderr.contains("not a git repository"), "\(staged.diagnostics)")
    }

    // MARK: - --baseline

    @Test("a baseline survives lines moving; a new secret on the same line is reported")
    func baselineSurvivesLineShift() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        let baseline = git.root.appendingPathComponent("baseline.json").path
        try git.write("import os\n\(Self.keyLine)", to: "bot.py")
        let first = try git.lint(["--format", "json", "-o", baseline, "."])
        #expect(first.status == 1, "\(first.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: baseline))

        // Two lines inserted above: the key moves from line 2 to line 4.
        try git.write("# header\n# more\nimport os\n\(Self.keyLine)", to: "bot.py")
        let shifted = try git.lint(["--format", "json", "--baseline", baseline, "."])
        #expect(shifted.status == 0, "\(shifted.diagnostics)")
        #expect(shifted.locations == ["alpaca-paper-key-id bot.py:4"], "\(shifted.diagnostics)")
        #expect(shifted.findings.allSatisfy(suppressed))

        // A different secret on that same line is new.
        try git.write("# header\n# more\nimport os\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"; NEW_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "bot.py")
        let added = try git.lint(["--format", "json", "--no-redact", "--baseline", baseline, "."])
        #expect(added.status == 1, "\(added.diagnostics)")
        let open = added.findings.filter { !suppressed($0) }
        #expect(open.count == 1, "\(added.diagnostics)")
        #expect(open.first?["secret"] as? String == FakeKeys.otherPaperKeyID)
        #expect(open.first?["line"] as? Int == 4)
        #expect(added.findings.filter(suppressed).map { $0["secret"] as? String } == [FakeKeys.paperKeyID])
    }

    // MARK: - inline allows

    @Test("inline allow comments (ours, gitleaks, detect-secrets) suppress; --no-inline-allow reports")
    func inlineAllows() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # alpaca-lint:allow\n", to: "same_line.py")
        try git.write("# alpaca-lint:allow-next-line\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "next_line.py")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # gitleaks:allow\n", to: "gitleaks.py")
        try git.write("APCA_API_SECRET_KEY=\(FakeKeys.secretKey)  # pragma: allowlist secret\n", to: "detect_secrets.sh")

        let allowed = try git.lint(["--format", "json", "."])
        #expect(allowed.status == 0, "\(allowed.diagnostics)")
        #expect(allowed.locations == [
            "alpaca-paper-key-id gitleaks.py:1",
            "alpaca-paper-key-id next_line.py:2",
            "alpaca-paper-key-id same_line.py:1",
            "alpaca-secret-key detect_secrets.sh:1",
        ], "\(allowed.diagnostics)")
        #expect(allowed.findings.allSatisfy(suppressed), "\(allowed.diagnostics)")

        let audit = try git.lint(["--format", "json", "--no-inline-allow", "."])
        #expect(audit.status == 1, "\(audit.diagnostics)")
        #expect(audit.locations == allowed.locations)
        #expect(!audit.findings.contains(where: suppressed))

        // The marker on the line above does not allow its own line, and only covers one line.
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # alpaca-lint:allow-next-line\nprint(1)\nOTHER_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "next_line.py")
        let narrow = try git.lint(["--format", "json", "next_line.py"])
        #expect(narrow.status == 1, "\(narrow.diagnostics)")
        #expect(narrow.findings.filter { !suppressed($0) }.count == 2, "\(narrow.diagnostics)")
    }

    @Test("inline allows also apply to staged scans")
    func inlineAllowStaged() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("x = 1\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"  # alpaca-lint:allow\n", to: "bot.py")
        try git.git("add", "bot.py")
        let result = try git.lint(["--staged", "--format", "json"])
        #expect(result.status == 0, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:2"])
        #expect(result.findings.allSatisfy(suppressed))
    }

    // MARK: - .alpaca-lint.toml

    @Test("config: disable a rule, exclude a path glob, allow a secret pattern")
    func configDisableExcludeAllow() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\nAPCA_API_SECRET_KEY=\"\(FakeKeys.secretKey)\"\n", to: "src/bot.py")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "tests/fixtures/sample.py")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "docs/guide.md")

        let plain = try git.lint(["--format", "json", "."])
        #expect(plain.locations == [
            "alpaca-paper-key-id docs/guide.md:1",
            "alpaca-paper-key-id src/bot.py:1",
            "alpaca-paper-key-id tests/fixtures/sample.py:1",
            "alpaca-secret-key src/bot.py:2",
        ], "\(plain.diagnostics)")

        try git.write("""
            disable = ["alpaca-secret-key"]
            exclude = ["tests/**"]
            allow = ['^PKD5J1QW8Y3MZ7RN0HT2$']

            """, to: ".alpaca-lint.toml")
        let configured = try git.lint(["--format", "json", "."])
        #expect(configured.status == 1, "\(configured.diagnostics)")
        #expect(configured.locations == ["alpaca-paper-key-id src/bot.py:1"], "\(configured.diagnostics)")

        // The config is found from a subfolder too (it lives at the repository root).
        let fromSubfolder = try git.lint(["--format", "json", "."], in: git.repo.appendingPathComponent("src"))
        #expect(fromSubfolder.locations == ["alpaca-paper-key-id bot.py:1"], "\(fromSubfolder.diagnostics)")

        // And by staged scans.
        try git.git("add", "-A")
        let staged = try git.lint(["--staged", "--format", "json"])
        #expect(staged.locations == ["alpaca-paper-key-id src/bot.py:1"], "\(staged.diagnostics)")
    }

    @Test("bug: --staged and --history ignored the config's exclude globs")
    func stagedAndHistoryIgnoredConfigExclude() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.commit([".alpaca-lint.toml": "exclude = [\"tests/**\", \"*.md\"]\n"], message: "config")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "tests/fixtures/sample.py")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n", to: "docs/guide.md")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "src/bot.py")
        try git.git("add", "-A")
        let staged = try git.lint(["--staged", "--format", "json"])
        #expect(staged.status == 1, "\(staged.diagnostics)")
        #expect(staged.locations == ["alpaca-paper-key-id src/bot.py:1"], "\(staged.diagnostics)")
        try git.git("commit", "-q", "--no-verify", "-m", "keys")
        let history = try git.lint(["--history", "--format", "json"])
        #expect(history.status == 1, "\(history.diagnostics)")
        #expect(history.locations == ["alpaca-paper-key-id src/bot.py:1"], "\(history.diagnostics)")
    }

    @Test("config: a severity override with fail-on = \"error\" lets a warning-only run pass")
    func configSeverityAndFailOn() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "bot.py")
        try git.write("""
            fail-on = "error"

            [severity]
            alpaca-paper-key-id = "warning"

            """, to: ".alpaca-lint.toml")
        let result = try git.lint(["--format", "json", "."])
        #expect(result.status == 0, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:1"])
        #expect(result.findings.first?["severity"] as? String == "warning")

        try git.write("APCA_API_SECRET_KEY=\"\(FakeKeys.secretKey)\"\n", to: "secret.py")
        let withError = try git.lint(["--format", "json", "."])
        #expect(withError.status == 1, "an error-level finding still fails: \(withError.diagnostics)")
    }

    @Test("config: an unknown key exits 2 naming the file and the key")
    func configUnknownKey() throws {
        let git = try GitSandbox()
        defer { git.remove() }
        try git.write("print('ok')\n", to: "bot.py")
        try git.write("disable = []\nexclude_paths = [\"vendor/**\"]\n", to: ".alpaca-lint.toml")
        for arguments in [["."], ["--staged"]] {
            let result = try git.lint(arguments)
            #expect(result.status == 2, "\(arguments): \(result.diagnostics)")
            #expect(result.stderr.contains(".alpaca-lint.toml"), "\(result.diagnostics)")
            #expect(result.stderr.contains("exclude_paths"), "\(result.diagnostics)")
            #expect(result.stdout.isEmpty)
        }
    }
}
