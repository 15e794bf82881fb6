import Foundation
import Testing

@testable import AlpacaGit

@Suite("Git runner")
struct GitRunnerTests {
    @Test func missingGitOnPathIsAClearError() throws {
        #expect(throws: GitError.gitNotFound(searchedPath: "/nonexistent-dir")) {
            try GitRunner(directory: ".", environment: ["PATH": "/nonexistent-dir"])
        }
        #expect(GitError.gitNotFound(searchedPath: "/x").description.contains("git not found on PATH"))
    }

    @Test func directoryOutsideARepositoryIsNotARepository() throws {
        let repo = try TestRepository(initialize: false)
        // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the sandbox.
        let runner = try GitRunner(
            directory: repo.sandbox + "/home",
            environment: repo.environment.merging(["GIT_CEILING_DIRECTORIES": repo.sandbox]) { $1 })
        #expect(throws: GitError.notARepository(directory: repo.sandbox + "/home")) {
            try RepositoryInfo.load(runner)
        }
    }

    @Test func failedCommandCarriesGitsTrimmedStderr() throws {
        let repo = try TestRepository()
        let error = gitError { _ = try repo.runner().run(["rev-parse", "--verify", "no-such-branch"]) }
        guard case .commandFailed(let arguments, let status, let stderr)? = error else {
            Issue.record("expected commandFailed, got \(String(describing: error))")
            return
        }
        #expect(arguments == ["rev-parse", "--verify", "no-such-branch"])
        #expect(status == 128)
        #expect(stderr == "fatal: Needed a single revision")
        #expect(error?.description.contains("git rev-parse --verify no-such-branch") == true)
    }

    @Test func largeStdinAndStdoutDoNotDeadlock() throws {
        let repo = try TestRepository()
        // 4 MB through cat-file --batch: both pipes fill up many times over while git runs.
        let line = Array(String(repeating: "x", count: 1023).utf8) + [UInt8(ascii: "\n")]
        var content: [UInt8] = []
        for _ in 0..<4096 { content += line }
        try repo.write("big.txt", bytes: content)
        let blob = try repo.git(["hash-object", "-w", "big.txt"])
        let requests = Array(String(repeating: "\(blob)\n", count: 3).utf8)
        let output = try repo.runner().run(["cat-file", "--batch"], input: requests)
        let contents = try CatFileBatch.parse(output.stdout, expected: [blob, blob, blob])
        #expect(contents.count == 3)
        #expect(contents.allSatisfy { $0 == content })
    }

    @Test func missingObjectIsABadObjectError() throws {
        let repo = try TestRepository()
        let missing = String(repeating: "1", count: 40)
        #expect(throws: GitError.badObject(missing)) {
            try CatFileBatch.contents(of: [missing], runner: repo.runner())
        }
    }

    @Test func userPagerAndColorSettingsDoNotReachOutput() throws {
        let repo = try TestRepository()
        try repo.git(["config", "color.ui", "always"])
        try repo.git(["config", "core.pager", "false"])
        try repo.write("a.txt", "hello\n")
        try repo.commitAll("first")
        let output = try repo.runner().run(["log", "-p", "--format=%H"])
        #expect(!output.stdout.contains(0x1B))
        #expect(output.text.contains("+hello"))
    }
}
