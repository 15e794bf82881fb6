import Foundation
import Testing

/// `install-hook` tells the truth: about a missing `alpaca-lint` on PATH, and about where its lines
/// go in a hook manager's existing configuration.
@Suite("install-hook: PATH and hook managers")
struct InstallHookTests {
    /// The sandbox environment with a PATH that has git and the shell but no alpaca-lint.
    static func environmentWithoutAlpacaLint(_ git: GitSandbox) -> [String: String] {
        var environment = git.environment
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        return environment
    }

    @Test("without alpaca-lint on PATH: refused with the fix, --force installs with a warning, and the hook then stops commits and says why")
    func alpacaLintNotOnPath() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = Self.environmentWithoutAlpacaLint(git)
        try #require(git.environment["PATH"].map { path in
            !path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/alpaca-lint") }
        } == true, "this machine has an alpaca-lint in /usr/local/bin, /usr/bin or /bin")
        try git.commit(["README.md": "# bot\n"], message: "start")
        let hookPath = git.repo.appendingPathComponent(".git/hooks/pre-commit").path
        let running = URL(fileURLWithPath: CLI.binary).resolvingSymlinksInPath().path

        let refused = try git.lint(["install-hook"])
        #expect(refused.status == 1, "\(refused.diagnostics)")
        #expect(refused.stderr.contains("`alpaca-lint` is not on PATH"), "\(refused.diagnostics)")
        #expect(refused.stderr.contains(running), "names the binary to put on PATH: \(refused.diagnostics)")
        #expect(refused.stderr.contains("export PATH=\"\((running as NSString).deletingLastPathComponent):$PATH\""), "\(refused.diagnostics)")
        #expect(refused.stderr.contains("--force"), "\(refused.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: hookPath))

        let forced = try git.lint(["install-hook", "--force"])
        #expect(forced.status == 0, "\(forced.diagnostics)")
        #expect(forced.stdout.contains("installed the alpaca-lint pre-commit hook"), "\(forced.diagnostics)")
        #expect(forced.stderr.contains("warning: `alpaca-lint` is not on PATH"), "\(forced.diagnostics)")
        #expect(FileManager.default.isExecutableFile(atPath: hookPath))

        // The hook never passes a commit it could not check.
        try git.write("print('ok')\n", to: "ok.py")
        try git.git("add", "ok.py")
        let blocked = try git.git("commit", "-q", "-m", "unchecked", allowFailure: true)
        #expect(blocked.status != 0, "\(blocked.diagnostics)")
        #expect(blocked.stderr.contains("`alpaca-lint` is not on PATH, so this commit was not checked"), "\(blocked.diagnostics)")
        #expect(blocked.stderr.contains("git commit --no-verify"), "\(blocked.diagnostics)")
        #expect(try git.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // On PATH: installing again is quiet about PATH.
        git.environment = GitWorkflowTests.hookEnvironment(git)
        let again = try git.lint(["install-hook"])
        #expect(again.status == 0, "\(again.diagnostics)")
        #expect(!again.stderr.contains("not on PATH"), "\(again.diagnostics)")
    }

    @Test(
        "an existing lefthook.yml with a pre-commit section: the printed lines, put where they say, give valid YAML that runs alpaca-lint",
        .enabled(if: HookInstructions.yamlAvailable, "python3 with PyYAML is needed (pip install pyyaml)"))
    func lefthookMerge() throws {
        var git = try GitSandbox()
        defer { git.remove() }
        git.environment = GitWorkflowTests.hookEnvironment(git)
        let existing = """
            # shared hooks
            pre-commit:
              parallel: true
              commands:
                format:
                  run: swift format --in-place {staged_files}

            pre-push:
              commands:
                test:
                  run: swift test

            """
        try git.write(existing, to: "lefthook.yml")
        let printed = try git.lint(["install-hook"])
        #expect(printed.status == 1, "\(printed.diagnostics)")
        #expect(printed.stdout.contains("lefthook install"), "\(printed.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent(".git/hooks/pre-commit").path))

        let merged = try HookInstructions.apply(printed.stdout, to: existing)
        let (document, error) = try HookInstructions.parseYAML(merged)
        #expect(error == nil, "invalid YAML: \(error ?? "")\n\(merged)")
        let preCommit = (document as? [String: Any])?["pre-commit"] as? [String: Any]
        let commands = preCommit?["commands"] as? [String: Any]
        #expect((commands?["alpaca-lint"] as? [String: Any])?["run"] as? String == "alpaca-lint --staged", "\(merged)")
        #expect(commands?["format"] != nil && preCommit?["parallel"] as? Bool == true, "\(merged)")
        #expect(((document as? [String: Any])?["pre-push"] as? [String: Any])?["commands"] != nil, "\(merged)")
        #expect(merged.contains("# shared hooks"))

        // With the entry in place, install-hook says so and succeeds.
        try git.write(merged, to: "lefthook.yml")
        let again = try git.lint(["install-hook"])
        #expect(again.status == 0, "\(again.diagnostics)")
        #expect(again.stdout.contains("lefthook.yml already runs alpaca-lint"), "\(again.diagnostics)")
    }
}
