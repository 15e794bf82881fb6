import Foundation
import Testing

@testable import AlpacaGit

@Suite("Tracked files and repository info")
struct TrackedFilesTests {
    @Test func trackedPathsAreRootRelativeFromAnySubdirectory() throws {
        let repo = try TestRepository()
        try repo.write(".env", "KEY=x\n")
        try repo.write("src/app/main.py", "x\n")
        try repo.write("ü dir/a b.txt", "y\n")
        try repo.write("untracked.txt", "z\n")
        try repo.git(["add", ".env", "src", "ü dir"])
        let tracked = try TrackedFiles.load(repo.runner(in: repo.path + "/src/app"))
        #expect(tracked.paths == [".env", "src/app/main.py", "ü dir/a b.txt"])
        #expect(tracked.isTracked(".env"))
        #expect(tracked.isTracked("./src/app/main.py"))
        #expect(!tracked.isTracked("untracked.txt"))
        #expect(!tracked.isTracked("src"))
    }

    @Test func repositoryInfoOnAnUnbornBranch() throws {
        let repo = try TestRepository()
        let info = try RepositoryInfo.load(repo.runner(in: repo.path))
        #expect(!info.isBare)
        #expect(!info.hasHEAD)
        #expect(
            info.root.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: repo.path).resolvingSymlinksInPath().path)
        #expect(info.gitDir.hasSuffix("/.git"))
    }

    @Test func repositoryInfoAfterTheFirstCommit() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        #expect(try RepositoryInfo.load(repo.runner()).hasHEAD)
    }

    @Test func repositoryInfoForABareRepositoryHasNoRoot() throws {
        let repo = try TestRepository(bare: true)
        let info = try RepositoryInfo.load(repo.runner())
        #expect(info.isBare)
        #expect(info.root == nil)
        #expect(!info.hasHEAD)
    }
}
