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
        #expect(outcome == .useHookManager(.husky, file: ".husky/pre-commit", snippet: "alpaca-lint --staged\n"))
        #expect(outcome.description.contains(".husky/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.husky/_/pre-commit"))
    }

    @Test func lefthookConfigGivesTheLefthookSnippet() throws {
        let repo = try TestRepository()
        try repo.write("lefthook.yml", "pre-push:\n")
        let outcome = try installer(repo).install()
        guard case .useHookManager(.lefthook, "lefthook.yml", let snippet) = outcome else {
            Issue.record("expected lefthook, got \(outcome)")
            return
        }
        #expect(snippet.contains("run: alpaca-lint --staged"))
    }

    @Test func preCommitFrameworkGivesALocalRepoSnippet() throws {
        let repo = try TestRepository()
        try repo.write(".pre-commit-config.yaml", "repos: []\n")
        let outcome = try installer(repo).install()
        guard case .useHookManager(.preCommit, ".pre-commit-config.yaml", let snippet) = outcome else {
            Issue.record("expected pre-commit, got \(outcome)")
            return
        }
        #expect(snippet.contains("repo: local"))
        #expect(snippet.contains("id: alpaca-lint-system"))
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
        #expect(
            result.output.contains(
                "alpaca-lint not found on PATH; install it or run `git commit --no-verify` to skip once"))
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
}
