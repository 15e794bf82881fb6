import Foundation
import Testing

@testable import AlpacaGit

@Suite("History source")
struct HistorySourceTests {
    private func load(_ repo: TestRepository, in directory: String? = nil, since: String? = nil) throws
        -> HistorySnapshot
    {
        try HistorySource(runner: repo.runner(in: directory)).load(since: since)
    }

    private func text(_ line: AddedLine) -> String {
        String(decoding: line.bytes, as: UTF8.self)
    }

    @Test func lineAddedThenDeletedIsFoundWithTheAddingCommit() throws {
        let repo = try TestRepository()
        try repo.write("bot.py", "import os\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("bot.py", "import os\nKEY = 'PKFAKEEXAMPLE0000000'\n")
        let adding = try repo.commitAll("add key", at: 1_700_000_100)
        try repo.write("bot.py", "import os\n")
        try repo.commitAll("remove key", at: 1_700_000_200)

        let snapshot = try load(repo)
        let hits = snapshot.patches.filter { $0.addedLines.contains { text($0).contains("PKFAKE") } }
        #expect(hits.count == 1)
        #expect(hits.first?.commit == adding)
        #expect(hits.first?.date == "2023-11-14T22:15:00+00:00")
        #expect(hits.first?.path == "bot.py")
        #expect(hits.first?.addedLines.map(\.line) == [2])
        #expect(snapshot.commitCount == 3)
    }

    @Test func patchesComeOldestFirst() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("b.txt", "b\n")
        let second = try repo.commitAll("second", at: 1_700_000_100)
        #expect(try load(repo).patches.map(\.commit) == [first, second])
    }

    @Test func sinceLimitsTheScanToLaterCommits() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "old\n")
        let base = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("b.txt", "new\n")
        let later = try repo.commitAll("second", at: 1_700_000_100)
        let snapshot = try load(repo, since: base)
        #expect(snapshot.patches.map(\.commit) == [later])
        #expect(snapshot.patches.map(\.path) == ["b.txt"])
    }

    @Test func invalidSinceRevisionIsNamedInTheError() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        let error = gitError { _ = try load(repo, since: "no-such-rev") }
        #expect(error == .invalidRevision("no-such-rev"))
        #expect(error?.description.contains("no-such-rev") == true)
        // A revision that looks like an option must not reach git as one.
        #expect(gitError { _ = try load(repo, since: "--all") } == .invalidRevision("--all"))
    }

    @Test func emptyRepositoryHasNoCommits() throws {
        let repo = try TestRepository()
        let error = gitError { _ = try load(repo) }
        #expect(error == .noCommits)
        #expect(error?.description == "repository has no commits")
        #expect(gitError { _ = try load(repo, since: "HEAD") } == .noCommits)
    }

    @Test func allRefsAreScannedNotOnlyTheCurrentBranch() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["switch", "-q", "-c", "feature"])
        try repo.write("feature.txt", "on a branch\n")
        let onBranch = try repo.commitAll("feature", at: 1_700_000_100)
        try repo.git(["switch", "-q", "main"])
        #expect(try load(repo).patches.contains { $0.commit == onBranch })
    }

    @Test func cherryPickedPatchIsReportedOnceForTheOriginalCommit() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["switch", "-q", "-c", "feature"])
        try repo.write("key.py", "KEY = 'PKFAKEEXAMPLE0000000'\n")
        let original = try repo.commitAll("key", at: 1_700_000_100)
        try repo.git(["switch", "-q", "main"])
        try repo.git(
            ["cherry-pick", "--allow-empty", original], environment: ["GIT_COMMITTER_DATE": "@1700000200 +0000"])
        let snapshot = try load(repo)
        let hits = snapshot.patches.filter { $0.path == "key.py" }
        #expect(hits.map(\.commit) == [original])
        #expect(snapshot.duplicatePatches == 1)
    }

    @Test func mergeCommitsAddNoDuplicatePatches() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["switch", "-q", "-c", "feature"])
        try repo.write("f.txt", "feature line\n")
        try repo.commitAll("feature", at: 1_700_000_100)
        try repo.git(["switch", "-q", "main"])
        try repo.write("m.txt", "main line\n")
        try repo.commitAll("main", at: 1_700_000_200)
        try repo.git(
            ["merge", "-q", "--no-ff", "-m", "merge", "feature"],
            environment: ["GIT_COMMITTER_DATE": "@1700000300 +0000"])
        let snapshot = try load(repo)
        #expect(snapshot.patches.map(\.path).sorted() == ["a.txt", "f.txt", "m.txt"])
        #expect(snapshot.commitCount == 4)
    }

    @Test func pureRenameAddsNothing() throws {
        let repo = try TestRepository()
        try repo.write("old.py", "KEY = 'PKFAKEEXAMPLE0000000'\nother = 1\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["mv", "old.py", "new name.py"])
        try repo.commit("rename", at: 1_700_000_100)
        #expect(try load(repo).patches.map(\.path) == ["old.py"])
    }

    @Test func binaryAndDeletedFilesAreNotPatches() throws {
        let repo = try TestRepository()
        try repo.write("blob.bin", bytes: [0, 1, 2, 0, 0x0A])
        try repo.write("gone.txt", "bye\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["rm", "-q", "gone.txt"])
        try repo.commit("delete", at: 1_700_000_100)
        let snapshot = try load(repo)
        #expect(snapshot.patches.map(\.path) == ["gone.txt"])
        #expect(snapshot.skippedPatches == 1)
    }

    @Test func bareRepositoryHistoryWorks() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "KEY = 'PKFAKEEXAMPLE0000000'\n")
        let commit = try repo.commitAll("first")
        let bare = repo.sandbox + "/bare.git"
        try repo.git(["clone", "-q", "--bare", repo.path, bare])
        let snapshot = try load(repo, in: bare)
        #expect(snapshot.patches.map(\.commit) == [commit])
    }

    @Test func shallowCloneIsScannedWithWhatIsThere() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "one\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("a.txt", "one\ntwo\n")
        let last = try repo.commitAll("second", at: 1_700_000_100)
        let shallow = repo.sandbox + "/shallow"
        try repo.git(["clone", "-q", "--depth", "1", "file://" + repo.path, shallow])
        let snapshot = try load(repo, in: shallow)
        // The boundary commit has no parent here, so its whole tree counts as added.
        #expect(snapshot.patches.map(\.commit) == [last])
        #expect(snapshot.patches.first?.addedLines.map(\.line) == [1, 2])
    }

    @Test func userDiffSettingsDoNotChangeTheParse() throws {
        let repo = try TestRepository()
        for (key, value) in [
            ("diff.noprefix", "true"), ("diff.mnemonicPrefix", "true"), ("log.showRoot", "false"),
            ("diff.interHunkContext", "10"), ("diff.renames", "false"), ("core.quotepath", "true"),
        ] {
            try repo.git(["config", key, value])
        }
        try repo.write("ü dir/a b.txt", "first\n")
        let commit = try repo.commitAll("first")
        let snapshot = try load(repo)
        #expect(
            snapshot.patches == [
                HistoryPatch(
                    commit: commit, date: "2023-11-14T22:13:20+00:00", path: "ü dir/a b.txt",
                    addedLines: [AddedLine(line: 1, bytes: Array("first".utf8))])
            ])
    }
}
