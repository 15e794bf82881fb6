import Foundation
import Testing

/// How to start the real `pre-commit` tool (PyPI), if this machine has it.
enum PreCommitTool {
    /// The command prefix (`[path]` or `[python3, -m, pre_commit]`), or nil when pre-commit is not installed.
    static let command: [String]? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["PRE_COMMIT_BINARY"], FileManager.default.isExecutableFile(atPath: explicit) {
            return [explicit]
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin"]
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent("pre-commit")
            if FileManager.default.isExecutableFile(atPath: candidate), works([candidate]) { return [candidate] }
        }
        for folder in folders {
            let python = (folder as NSString).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: python), works([python, "-m", "pre_commit"]) {
                return [python, "-m", "pre_commit"]
            }
        }
        return nil
    }()

    static var available: Bool { command != nil }

    private static func works(_ command: [String]) -> Bool {
        let directory = FileManager.default.temporaryDirectory
        guard let result = try? CLI.runProcess(command[0], Array(command.dropFirst()) + ["--version"], in: directory,
                                               environment: ProcessInfo.processInfo.environment)
        else { return false }
        return result.status == 0 && result.stdout.hasPrefix("pre-commit ")
    }

    /// Runs pre-commit with `arguments` in the sandbox's working tree.
    static func run(_ arguments: [String], in git: GitSandbox) throws -> CLI.Result {
        guard let command else { throw CancellationError() }
        return try CLI.runProcess(command[0], Array(command.dropFirst()) + arguments, in: git.repo, environment: git.environment)
    }
}

/// Drives the real pre-commit framework against throwaway repositories that use this package's hooks.
@Suite("pre-commit framework", .enabled(if: PreCommitTool.available, "pre-commit is not installed (pip install pre-commit, or put it on PATH / set PRE_COMMIT_BINARY)"))
struct PreCommitFrameworkTests {
    static let slowTestsEnabled = ProcessInfo.processInfo.environment["ALPACA_LINT_SLOW_TESTS"] == "1"

    /// A sandbox whose environment has its own PRE_COMMIT_HOME (pre-commit's cache of hook repositories).
    static func sandbox() throws -> GitSandbox {
        var git = try GitSandbox(name: "pre-commit-framework")
        git.environment["PRE_COMMIT_HOME"] = git.root.appendingPathComponent("pre-commit-home").path
        git.environment["PRE_COMMIT_COLOR"] = "never"
        git.environment.removeValue(forKey: "PRE_COMMIT_ALLOW_NO_CONFIG")
        return git
    }

    /// A word for a YAML scalar that survives shlex splitting in `entry`.
    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @Test("this repository's .pre-commit-hooks.yaml is a valid manifest with both hooks")
    func manifestIsValid() throws {
        let git = try Self.sandbox()
        defer { git.remove() }
        let manifest = CLI.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml")
        let result = try PreCommitTool.run(["validate-manifest", manifest.path], in: git)
        #expect(result.status == 0, "\(result.diagnostics)")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        for expected in ["- id: alpaca-lint\n", "- id: alpaca-lint-system\n", "entry: alpaca-lint scan\n", "language: swift",
                         "language: system", "require_serial: true", "stages: [pre-commit]", "minimum_pre_commit_version:"] {
            #expect(text.contains(expected), "manifest lacks \(expected)")
        }
        // Files mode: pre-commit must pass the file names (its default), or --all-files sees nothing.
        #expect(!text.contains("pass_filenames: false"))
    }

    /// A clone of this package at HEAD whose last commit carries the working copy's hook manifest, so
    /// the tests use the manifest as it is now; returns the clone and the commit to use as `rev:`.
    static func hookRepository(in git: GitSandbox) throws -> (URL, String) {
        let hookRepository = git.root.appendingPathComponent("alpaca-lint-clone")
        let clone = try CLI.runProcess("/usr/bin/env", ["git", "clone", "-q", CLI.packageRoot.path, hookRepository.path],
                                       in: git.root, environment: git.environment)
        try #require(clone.status == 0, "\(clone.diagnostics)")
        let hookGit = GitSandbox(existing: hookRepository, environment: git.environment, root: git.root)
        let manifest = try String(contentsOf: CLI.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        try hookGit.write(manifest, to: ".pre-commit-hooks.yaml")
        try hookGit.git("add", ".pre-commit-hooks.yaml")
        try hookGit.git("commit", "-q", "--allow-empty", "-m", "hooks manifest")
        return (hookRepository, try hookGit.sha())
    }

    static func count(_ git: GitSandbox) throws -> String {
        try git.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("alpaca-lint-system from this manifest: a staged key blocks the commit, an unstaged one does not, SKIP skips")
    func manifestSystemHookOnCommit() throws {
        var git = try Self.sandbox()
        defer { git.remove() }
        // `language: system` runs the alpaca-lint on PATH: the one built with these tests.
        git.environment = GitWorkflowTests.hookEnvironment(git)
        let (hookRepository, rev) = try Self.hookRepository(in: git)
        try git.write("""
            repos:
              - repo: \(hookRepository.path)
                rev: \(rev)
                hooks:
                  - id: alpaca-lint-system

            """, to: ".pre-commit-config.yaml")
        try git.commit([".pre-commit-config.yaml": try git.read(".pre-commit-config.yaml"), "README.md": "# bot\n"], message: "start")
        let install = try PreCommitTool.run(["install"], in: git)
        #expect(install.status == 0, "\(install.diagnostics)")

        try git.write("import os\n\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "bot.py")
        try git.git("add", "bot.py")
        let blocked = try git.git("commit", "-m", "add bot", allowFailure: true)
        let blockedOutput = blocked.stdout + blocked.stderr
        #expect(blocked.status != 0, "\(blocked.diagnostics)")
        #expect(blockedOutput.contains("Failed"), "\(blocked.diagnostics)")
        #expect(blockedOutput.contains("bot.py:3:"), "\(blocked.diagnostics)")
        #expect(blockedOutput.contains("alpaca-paper-key-id"), "\(blocked.diagnostics)")
        #expect(!blockedOutput.contains(FakeKeys.paperKeyID), "the key is redacted: \(blocked.diagnostics)")
        #expect(try Self.count(git) == "1")

        var skipping = git
        skipping.environment["SKIP"] = "alpaca-lint-system"
        let skipped = try PreCommitTool.run(["run"], in: skipping)
        #expect(skipped.status == 0, "\(skipped.diagnostics)")
        #expect(skipped.stdout.contains("Skipped"), "\(skipped.diagnostics)")

        // The fix is staged and the key is left unstaged in the working tree: pre-commit stashes the
        // unstaged edit, so the file the hook reads is the one being committed.
        try git.write("import os\n\nALPACA_KEY_ID = os.environ[\"APCA_API_KEY_ID\"]\n", to: "bot.py")
        try git.git("add", "bot.py")
        try git.write("import os\n\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "bot.py")
        let allowed = try git.git("commit", "-m", "add bot", allowFailure: true)
        #expect(allowed.status == 0, "\(allowed.diagnostics)")
        #expect((allowed.stdout + allowed.stderr).contains("Passed"), "\(allowed.diagnostics)")
        #expect(try Self.count(git) == "2")
        #expect(try git.git("show", "HEAD:bot.py").stdout.contains("os.environ"))
        #expect(try git.read("bot.py").contains(FakeKeys.paperKeyID), "pre-commit put the unstaged edit back")
    }

    @Test("`pre-commit run --all-files` fails on a key committed earlier (past the hook); a commit of other files passes")
    func allFilesFindsACommittedKey() throws {
        var git = try Self.sandbox()
        defer { git.remove() }
        git.environment = GitWorkflowTests.hookEnvironment(git)
        let (hookRepository, rev) = try Self.hookRepository(in: git)
        try git.write("""
            repos:
              - repo: \(hookRepository.path)
                rev: \(rev)
                hooks:
                  - id: alpaca-lint-system

            """, to: ".pre-commit-config.yaml")
        try git.commit([".pre-commit-config.yaml": try git.read(".pre-commit-config.yaml"), "README.md": "# bot\n"], message: "start")
        #expect(try PreCommitTool.run(["install"], in: git).status == 0)
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "src/old_bot.py")
        try git.git("add", "src/old_bot.py")
        try git.git("commit", "-q", "--no-verify", "-m", "key slipped in past the hook")

        let all = try PreCommitTool.run(["run", "--all-files"], in: git)
        #expect(all.status != 0, "\(all.diagnostics)")
        #expect(all.stdout.contains("Failed"), "\(all.diagnostics)")
        #expect(all.stdout.contains("src/old_bot.py:1:"), "\(all.diagnostics)")
        #expect(!all.stdout.contains(FakeKeys.paperKeyID), "the key is redacted: \(all.diagnostics)")

        // A commit that does not touch the file is not blamed for it (pre-commit passes only staged files).
        try git.write("print('ok')\n", to: "ok.py")
        try git.git("add", "ok.py")
        let other = try git.git("commit", "-m", "other file", allowFailure: true)
        #expect(other.status == 0, "\(other.diagnostics)")

        // `args:` reach alpaca-lint before the file names: a baseline of the known key passes --all-files.
        #expect(try git.lint(["--format", "json", "-o", ".alpaca-lint-baseline.json", "."]).status == 1)
        try git.write("""
            repos:
              - repo: \(hookRepository.path)
                rev: \(rev)
                hooks:
                  - id: alpaca-lint-system
                    args: [--baseline, .alpaca-lint-baseline.json]

            """, to: ".pre-commit-config.yaml")
        try git.git("add", ".pre-commit-config.yaml", ".alpaca-lint-baseline.json")
        let baselined = try PreCommitTool.run(["run", "--all-files"], in: git)
        #expect(baselined.status == 0, "\(baselined.diagnostics)")
        #expect(baselined.stdout.contains("Passed"), "\(baselined.diagnostics)")

        // Once the key is gone, --all-files passes.
        try git.write("import os\nALPACA_KEY_ID = os.environ[\"APCA_API_KEY_ID\"]\n", to: "src/old_bot.py")
        try git.git("add", "src/old_bot.py")
        let fixed = try git.git("commit", "-m", "key from the environment", allowFailure: true)
        #expect(fixed.status == 0, "\(fixed.diagnostics)")
        let clean = try PreCommitTool.run(["run", "--all-files"], in: git)
        #expect(clean.status == 0, "\(clean.diagnostics)")
        #expect(clean.stdout.contains("Passed"), "\(clean.diagnostics)")
    }

    @Test("the `.pre-commit-config.yaml` lines install-hook prints, put where it says, give a config pre-commit accepts and runs")
    func installHookSnippetWorksInAnExistingConfig() throws {
        var git = try Self.sandbox()
        defer { git.remove() }
        git.environment = GitWorkflowTests.hookEnvironment(git)
        // An existing config in pre-commit's own documented style, with a comment and another (local) hook.
        let existing = """
            # team hooks
            repos:
            -   repo: local
                hooks:
                -   id: no-todo
                    name: no TODO
                    entry: "TODO"
                    language: pygrep

            """
        try git.write(existing, to: ".pre-commit-config.yaml")
        let printed = try git.lint(["install-hook"])
        #expect(printed.status == 1, "nothing written, lines printed: \(printed.diagnostics)")
        let merged = try HookInstructions.apply(printed.stdout, to: existing)
        try git.write(merged, to: ".pre-commit-config.yaml")
        let validate = try PreCommitTool.run(["validate-config", ".pre-commit-config.yaml"], in: git)
        #expect(validate.status == 0, "\(validate.diagnostics)\n\(merged)")
        #expect(merged.contains("# team hooks") && merged.contains("id: no-todo"))

        try git.commit([".pre-commit-config.yaml": merged, "README.md": "# bot\n"], message: "start")
        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "bot.py")
        try git.git("add", "bot.py")
        let run = try PreCommitTool.run(["run"], in: git)
        #expect(run.status != 0, "\(run.diagnostics)")
        #expect(run.stdout.contains("bot.py:1:"), "\(run.diagnostics)")
        #expect(run.stdout.contains("no TODO") && run.stdout.contains("Passed"), "the other hook still runs: \(run.diagnostics)")

        // Asking again finds the entry and says there is nothing to add.
        let again = try git.lint(["install-hook"])
        #expect(again.status == 0, "\(again.diagnostics)")
        #expect(again.stdout.contains("already runs alpaca-lint"), "\(again.diagnostics)")
    }

    @Test(
        "the language: swift hook builds this package from a clone and blocks a staged key (slow: builds the package)",
        .enabled(if: slowTestsEnabled, "set ALPACA_LINT_SLOW_TESTS=1 to build the hook with language: swift (takes minutes)"),
        .timeLimit(.minutes(30)))
    func swiftLanguageHookFromClone() throws {
        let git = try Self.sandbox()
        defer { git.remove() }
        // `swift build` under the isolated HOME reuses the user's SwiftPM caches (dependencies are
        // fetched once, not on every run); nothing else of the real HOME is visible.
        let realHome = ProcessInfo.processInfo.environment["HOME"].map(URL.init(fileURLWithPath:))
        let fakeHome = URL(fileURLWithPath: git.environment["HOME"]!)
        for cache in [".cache/org.swift.swiftpm", ".swiftpm"] {
            guard let source = realHome?.appendingPathComponent(cache), FileManager.default.fileExists(atPath: source.path) else { continue }
            let link = fakeHome.appendingPathComponent(cache)
            try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.createSymbolicLink(at: link, withDestinationURL: source)
        }
        let (hookRepository, rev) = try Self.hookRepository(in: git)

        try git.write("""
            repos:
              - repo: \(hookRepository.path)
                rev: \(rev)
                hooks:
                  - id: alpaca-lint

            """, to: ".pre-commit-config.yaml")
        try git.commit([".pre-commit-config.yaml": try git.read(".pre-commit-config.yaml")], message: "start")
        let install = try PreCommitTool.run(["install", "--install-hooks"], in: git)
        try #require(install.status == 0, "\(install.diagnostics)")

        try git.write("ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "bot.py")
        try git.git("add", "bot.py")
        let blocked = try git.git("commit", "-m", "add bot", allowFailure: true)
        #expect(blocked.status != 0, "\(blocked.diagnostics)")
        #expect((blocked.stdout + blocked.stderr).contains("bot.py:1:"), "\(blocked.diagnostics)")

        try git.write("import os\nALPACA_KEY_ID = os.environ[\"APCA_API_KEY_ID\"]\n", to: "bot.py")
        try git.git("add", "bot.py")
        let allowed = try git.git("commit", "-m", "add bot", allowFailure: true)
        #expect(allowed.status == 0, "\(allowed.diagnostics)")
    }
}

extension GitSandbox {
    /// A sandbox around an existing working tree (for example a clone made by a test).
    init(existing repo: URL, environment: [String: String], root: URL) {
        self.root = root
        self.repo = repo
        self.environment = environment
    }
}
