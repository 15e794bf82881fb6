import Foundation
import Testing

@testable import AlpacaGit

@Suite("Hook installer")
struct HookInstallerTests {
    private func installer(_ repo: TestRepository, in directory: String? = nil) throws -> HookInstaller {
        try HookInstaller(runner: repo.runner(in: directory))
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func freshInstallWritesAnExecutableHookWithTheMarker() throws {
        let repo = try TestRepository()
        let outcome = try installer(repo).install()
        let expected = repo.path + "/.git/hooks/pre-commit"
        #expect(outcome == .installed(path: expected))
        let script = try contents(expected)
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains(HookScript.marker))
        #expect(script.contains("alpaca-lint --staged"))
        let permissions = try FileManager.default.attributesOfItem(atPath: expected)[.posixPermissions] as? Int
        #expect(permissions == 0o755)
    }

    @Test func reinstallingOverOurOwnHookIsIdempotent() throws {
        let repo = try TestRepository()
        let path = try installer(repo).hookPath()
        _ = try installer(repo).install()
        #expect(try installer(repo).install() == .unchanged(path: path))
        // An older version of our hook (same marker, other text) is updated in place.
        try "#!/bin/sh\n\(HookScript.marker)\nalpaca-lint --staged\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(try installer(repo).install() == .updated(path: path))
        #expect(try contents(path) == HookScript.text)
    }

    @Test func foreignHookIsRefusedThenReplacedWithForceKeepingABackup() throws {
        let repo = try TestRepository()
        let path = try installer(repo).hookPath()
        let foreign = "#!/bin/sh\necho 'team checks'\n"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try foreign.write(toFile: path, atomically: true, encoding: .utf8)

        let refused = try installer(repo).install()
        guard case .refusedForeignHook(let refusedPath, _) = refused else {
            Issue.record("expected a refusal, got \(refused)")
            return
        }
        #expect(refusedPath == path)
        #expect(refused.description.contains("--force"))
        #expect(try contents(path) == foreign)

        let replaced = try installer(repo).install(force: true)
        #expect(replaced == .replaced(path: path, backup: path + ".alpaca-lint-backup"))
        #expect(try contents(path + ".alpaca-lint-backup") == foreign)
        #expect(try contents(path) == HookScript.text)
    }

    @Test func forceNeverOverwritesAnEarlierBackup() throws {
        let repo = try TestRepository()
        let path = try installer(repo).hookPath()
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try "first backup".write(toFile: path + ".alpaca-lint-backup", atomically: true, encoding: .utf8)
        try "#!/bin/sh\nexit 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            try installer(repo).install(force: true) == .replaced(path: path, backup: path + ".alpaca-lint-backup.1"))
        #expect(try contents(path + ".alpaca-lint-backup") == "first backup")
    }

    @Test func bareRepositoryGetsNoHook() throws {
        let repo = try TestRepository(bare: true)
        let error = gitError { _ = try installer(repo).install() }
        guard case .bareRepository? = error else {
            Issue.record("expected bareRepository, got \(String(describing: error))")
            return
        }
    }

    @Test func huskyHooksPathGivesTheHuskySnippet() throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.hooksPath", ".husky/_"])
        let outcome = try installer(repo).install(force: true)
        #expect(outcome == .useHookManager(.husky, file: ".husky/pre-commit", snippet: "alpaca-lint --staged\n", placement: .append))
        #expect(outcome.description.contains(".husky/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.husky/_/pre-commit"))
    }

    @Test func lefthookConfigGivesTheLefthookSnippet() throws {
        let repo = try TestRepository()
        try repo.write("lefthook.yml", "pre-push:\n  commands:\n    t:\n      run: make test\n")
        let outcome = try installer(repo).install()
        guard case .useHookManager(.lefthook, "lefthook.yml", let snippet, .append) = outcome else {
            Issue.record("expected lefthook, got \(outcome)")
            return
        }
        #expect(snippet.contains("run: alpaca-lint --staged"))
        #expect(outcome.description.contains("at the end of lefthook.yml"))
        #expect(outcome.description.contains("lefthook install"))
        #expect(!outcome.hookIsActive)
    }

    @Test func lefthookWithAPreCommitSectionGetsAnInsertionPointNotASecondSection() throws {
        let repo = try TestRepository()
        try repo.write(".lefthook.yml", "# ours\npre-commit:\n  commands:\n    lint:\n      run: make lint\n")
        let outcome = try installer(repo).install()
        #expect(outcome == .useHookManager(.lefthook, file: ".lefthook.yml", snippet: "    alpaca-lint:\n      run: alpaca-lint --staged\n",
                                           placement: .insertAfter(line: 3, text: "  commands:")))
        #expect(outcome.description.contains("right after line 3 (`commands:`)"))
        #expect(!outcome.description.contains("pre-commit:"))
    }

    @Test func managerConfigThatAlreadyRunsAlpacaLintIsActive() throws {
        let repo = try TestRepository()
        try repo.write("lefthook.yml", "pre-commit:\n  commands:\n    secrets:\n      run: alpaca-lint --staged\n")
        let outcome = try installer(repo).install()
        #expect(outcome.hookIsActive)
        #expect(outcome.description.contains("already runs alpaca-lint"))
    }

    @Test func preCommitFrameworkGivesALocalRepoItem() throws {
        let repo = try TestRepository()
        try repo.write(".pre-commit-config.yaml", "repos:\n  - repo: https://example.invalid/hooks\n    rev: abc\n    hooks:\n      - id: x\n")
        let outcome = try installer(repo).install()
        guard case .useHookManager(.preCommit, ".pre-commit-config.yaml", let snippet, .insertAfter(1, "repos:")) = outcome else {
            Issue.record("expected pre-commit, got \(outcome)")
            return
        }
        #expect(snippet.hasPrefix("  - repo: local\n"))
        #expect(snippet.contains("entry: alpaca-lint scan\n"))
        #expect(!snippet.contains("repos:"))
    }

    // MARK: - alpaca-lint on PATH

    private func folder(withAlpacaLint: Bool, in repo: TestRepository) throws -> String {
        let bin = repo.sandbox + (withAlpacaLint ? "/bin-with" : "/bin-without")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        if withAlpacaLint {
            try "#!/bin/sh\nexit 0\n".write(toFile: bin + "/alpaca-lint", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/alpaca-lint")
        }
        return bin
    }

    @Test func withoutAlpacaLintOnPathNothingIsWrittenUnlessForced() throws {
        let repo = try TestRepository()
        let path = try installer(repo).hookPath()
        let searchPath = try folder(withAlpacaLint: false, in: repo) + ":/usr/bin:/bin"
        let refused = try HookInstaller(runner: repo.runner(), commandSearchPath: searchPath).install()
        #expect(refused == .commandNotOnPath(path: path))
        #expect(!refused.hookIsActive)
        #expect(refused.description.contains("not on PATH"))
        #expect(!FileManager.default.fileExists(atPath: path))

        let forced = try HookInstaller(runner: repo.runner(), commandSearchPath: searchPath).install(force: true)
        #expect(forced == .installed(path: path))

        let found = try folder(withAlpacaLint: true, in: repo) + ":/usr/bin"
        #expect(HookInstaller.locateCommand(searchPath: found) == found.split(separator: ":")[0] + "/alpaca-lint")
        #expect(try HookInstaller(runner: repo.runner(), commandSearchPath: found).install() == .unchanged(path: path))
    }

    @Test func hookPathFollowsARelativeHooksPathFromASubdirectory() throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.hooksPath", "tools/hooks"])
        try FileManager.default.createDirectory(atPath: repo.path + "/src", withIntermediateDirectories: true)
        let outcome = try installer(repo, in: repo.path + "/src").install()
        #expect(outcome == .installed(path: repo.path + "/tools/hooks/pre-commit"))
    }

    @Test func worktreeInstallsIntoTheSharedHooksDirectory() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let worktree = repo.sandbox + "/wt"
        try repo.git(["worktree", "add", "-q", worktree])
        let outcome = try installer(repo, in: worktree).install()
        guard case .installed(let path) = outcome else {
            Issue.record("expected an install, got \(outcome)")
            return
        }
        #expect(realPath(path) == realPath(repo.path + "/.git/hooks/pre-commit"))
    }

    @Test func submoduleHookGoesIntoTheSubmodulesGitDirectory() throws {
        let library = try TestRepository()
        try library.write("lib.txt", "l\n")
        try library.commitAll("lib")
        let repo = try TestRepository()
        try repo.git(["-c", "protocol.file.allow=always", "submodule", "-q", "add", library.path, "vendor/lib"])
        let outcome = try installer(repo, in: repo.path + "/vendor/lib").install()
        guard case .installed(let path) = outcome else {
            Issue.record("expected an install, got \(outcome)")
            return
        }
        #expect(realPath(path) == realPath(repo.path + "/.git/modules/vendor/lib/hooks/pre-commit"))
    }

    @Test func installedHookBlocksACommitWhenTheScanFailsAndNoVerifyBypassesIt() throws {
        let repo = try TestRepository()
        _ = try installer(repo).install()
        let bin = repo.sandbox + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"stub scan $*\" >&2\nexit 1\n".write(
            toFile: bin + "/alpaca-lint", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/alpaca-lint")
        var environment = repo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let git = try repo.runner().executable

        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let blocked = try runProgram(git, ["commit", "-m", "blocked"], in: repo.path, environment: environment)
        #expect(blocked.status != 0)
        #expect(blocked.output.contains("stub scan --staged"))
        #expect(blocked.output.contains("alpaca-lint:allow"))
        #expect(blocked.output.contains("git commit --no-verify"))
        #expect(
            try repo.runner().run(["rev-parse", "--verify", "--quiet", "HEAD"], acceptedStatus: [0, 1]).status == 1)

        let bypassed = try runProgram(
            git, ["commit", "--no-verify", "-q", "-m", "bypassed"], in: repo.path, environment: environment)
        #expect(bypassed.status == 0)
    }

    @Test func installedHookExplainsAMissingAlpacaLint() throws {
        let repo = try TestRepository()
        _ = try installer(repo).install()
        var environment = repo.environment
        // A PATH with git but without alpaca-lint.
        let git = try repo.runner().executable
        environment["PATH"] = URL(fileURLWithPath: git).deletingLastPathComponent().path + ":/bin:/usr/bin"
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let result = try runProgram(git, ["commit", "-m", "x"], in: repo.path, environment: environment)
        #expect(result.status != 0)
        #expect(result.output.contains("`alpaca-lint` is not on PATH, so this commit was not checked and was stopped"))
        #expect(result.output.contains("git commit --no-verify"))
    }

    @Test func installedHookLetsACleanScanCommit() throws {
        let repo = try TestRepository()
        _ = try installer(repo).install()
        let bin = repo.sandbox + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nexit 0\n".write(toFile: bin + "/alpaca-lint", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/alpaca-lint")
        var environment = repo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let result = try runProgram(
            try repo.runner().executable, ["commit", "-q", "-m", "ok"], in: repo.path, environment: environment)
        #expect(result.status == 0)
    }

    @Test(arguments: [2, 127])
    func installedHookStopsACommitItCouldNotCheckAndSaysWhy(status: Int) throws {
        let repo = try TestRepository()
        _ = try installer(repo).install()
        let bin = repo.sandbox + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // 127 is what the dynamic loader returns when a copied binary cannot find its libraries.
        try "#!/bin/sh\necho 'stub: cannot scan' >&2\nexit \(status)\n".write(
            toFile: bin + "/alpaca-lint", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/alpaca-lint")
        var environment = repo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        let result = try runProgram(try repo.runner().executable, ["commit", "-q", "-m", "x"], in: repo.path, environment: environment)
        #expect(result.status != 0)
        #expect(result.output.contains("alpaca-lint could not check this commit (exit status \(status);"), "\(result.output)")
        #expect(result.output.contains("git commit --no-verify"))
        #expect(!result.output.contains("Move the key out of the code"), "no advice about keys when nothing was found")
    }
}
