import Foundation
import Testing

@testable import AlpacaGit

/// What one scan delivered, collected from the callbacks (which may run on several threads).
private final class Delivered: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBlobs: [HistoryBlob] = []
    private var storedSkipped: [SkippedBlob] = []

    func add(_ blob: HistoryBlob) { lock.withLock { storedBlobs.append(blob) } }
    func add(_ skipped: SkippedBlob) { lock.withLock { storedSkipped.append(skipped) } }
    var blobs: [HistoryBlob] { lock.withLock { storedBlobs } }
    var skipped: [SkippedBlob] { lock.withLock { storedSkipped } }

    /// Delivered blob contents by id, as text.
    var textByOID: [String: String] {
        Dictionary(blobs.map { ($0.oid, String(decoding: $0.bytes, as: UTF8.self)) }) { first, _ in first }
    }
}

@Suite("Blob history source")
struct BlobHistorySourceTests {
    private func scan(
        _ repo: TestRepository, in directory: String? = nil, range: HistoryRange = .all,
        maxBlobSize: Int? = nil, readers: Int = 2
    ) throws -> (index: HistoryScanIndex, delivered: Delivered) {
        let delivered = Delivered()
        let index = try BlobHistorySource(runner: repo.runner(in: directory), readerCount: readers).run(
            range: range, maxBlobSize: maxBlobSize,
            onBlob: { delivered.add($0) }, onSkip: { delivered.add($0) })
        return (index, delivered)
    }

    private func blobID(_ repo: TestRepository, _ revisionPath: String, in directory: String? = nil) throws -> String {
        try repo.git(["rev-parse", revisionPath], in: directory)
    }

    @Test func everyVersionIsReadOnceWithItsIntroducingCommit() throws {
        let repo = try TestRepository()
        try repo.write("bot.py", "import os\n")
        let first = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("bot.py", "import os\nKEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        let adding = try repo.commitAll("add key", at: 1_700_000_100)
        let keyBlob = try blobID(repo, "HEAD:bot.py")
        try repo.write("bot.py", "import os\n")
        try repo.commitAll("remove key", at: 1_700_000_200)

        let (index, delivered) = try scan(repo)
        #expect(index.commitCount == 3)
        // The third commit restores the first version: no new blob, so two blobs in all.
        #expect(index.uniqueBlobCount == 2)
        #expect(delivered.blobs.count == 2)
        #expect(delivered.textByOID[keyBlob] == "import os\nKEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        #expect(delivered.blobs.allSatisfy { blob in blob.path == "bot.py" })

        let introductions = index.introductions(ofBlob: keyBlob)
        #expect(introductions.count == 1)
        #expect(introductions.first?.path == "bot.py")
        #expect(introductions.first?.commit.sha == adding)
        #expect(introductions.first?.commit.date == "2023-11-14T22:15:00Z")
        #expect(introductions.first?.commit.authorName == "Test Author")
        #expect(introductions.first?.commit.authorEmail == "author@example.invalid")
        // Removed from the tree, still in history: the caller says "rotate it".
        #expect(introductions.first?.isInHead == false)
        #expect(index.blobIsInHead(keyBlob) == false)
        let original = try blobID(repo, "\(first):bot.py")
        #expect(index.blobIsInHead(original))
        #expect(index.isInHead(path: "bot.py", blob: original))
        #expect(index.introductions(ofBlob: original).map(\.commit.sha) == [first])
        #expect(index.commit(at: 0).sha == first)
    }

    @Test func sameContentAtTwoPathsIsReadOnceAndIntroducedTwice() throws {
        let repo = try TestRepository()
        try repo.write("a/config.py", "KEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        let first = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("b/copy.py", "KEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        let second = try repo.commitAll("copy", at: 1_700_000_100)
        let blob = try blobID(repo, "HEAD:a/config.py")
        let (index, delivered) = try scan(repo)
        #expect(delivered.blobs.map(\.oid) == [blob])
        #expect(delivered.blobs.first?.path == "a/config.py")
        let introductions = index.introductions(ofBlob: blob)
        #expect(introductions.map(\.path) == ["a/config.py", "b/copy.py"])
        #expect(introductions.map(\.commit.sha) == [first, second])
        #expect(introductions.allSatisfy { $0.isInHead })
    }

    /// The coverage claim: every (path, blob) of every reachable commit's tree is introduced by
    /// some commit, and every blob is delivered exactly once; including evil merges, unrelated
    /// roots, reverts and a stash.
    @Test func everyPathAndBlobOfEveryReachableTreeIsCovered() throws {
        let repo = try TestRepository()
        try repo.write("shared.txt", "base\n")
        try repo.write("keep.txt", "keep\n")
        try repo.commitAll("base", at: 1_700_000_000)
        try repo.git(["switch", "-q", "-c", "feature"])
        try repo.write("shared.txt", "feature side\n")
        try repo.write("feature.txt", "feature only\n")
        try repo.commitAll("feature", at: 1_700_000_100)
        try repo.git(["switch", "-q", "main"])
        try repo.write("shared.txt", "main side\n")
        try repo.commitAll("main", at: 1_700_000_200)
        // A conflicting merge resolved with content neither parent had, plus an extra file: an evil merge.
        _ = try? repo.git(["merge", "-q", "--no-ff", "feature"])
        try repo.write("shared.txt", "resolved: KEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        try repo.write("evil.txt", "only in the merge\n")
        try repo.git(["add", "-A"])
        let merge = try repo.commit("merge", at: 1_700_000_300)
        // An unrelated history merged in: its root adds its whole tree.
        // `switch --orphan` starts with an empty index and removes the tracked files.
        try repo.git(["switch", "-q", "--orphan", "other"])
        try repo.write("other/root.txt", "unrelated root\n")
        try repo.commitAll("other root", at: 1_700_000_400)
        try repo.git(["switch", "-q", "main"])
        try repo.git(
            ["merge", "-q", "--no-ff", "--allow-unrelated-histories", "-m", "join", "other"],
            environment: ["GIT_COMMITTER_DATE": "@1700000500 +0000"])
        // A revert re-adds an older blob; a stash holds work that no branch has.
        try repo.write("keep.txt", "changed\n")
        try repo.commitAll("change", at: 1_700_000_550)
        try repo.git(["revert", "--no-edit", "HEAD"], environment: ["GIT_COMMITTER_DATE": "@1700000600 +0000"])
        try repo.write("keep.txt", "stashed work\n")
        try repo.git(["stash", "-q"])

        let (index, delivered) = try scan(repo)
        let deliveredIDs = delivered.blobs.map(\.oid)
        #expect(Set(deliveredIDs).count == deliveredIDs.count, "a blob was delivered twice")
        #expect(delivered.skipped.isEmpty)

        let commits = try repo.git(["rev-list", "--all"]).split(separator: "\n").map(String.init)
        #expect(index.commitCount == commits.count)
        var pairs = 0
        for commit in commits {
            let listing = try repo.runner().run(["ls-tree", "-r", "-z", commit]).stdout
            for entry in listing.split(separator: 0) {
                let tab = entry.firstIndex(of: UInt8(ascii: "\t"))!
                let meta = entry[..<tab].split(separator: UInt8(ascii: " "))
                let oid = String(decoding: meta[2], as: UTF8.self)
                let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
                #expect(deliveredIDs.contains(oid), "\(path) at \(commit) was never read")
                #expect(
                    index.introductions(ofBlob: oid).contains { $0.path == path },
                    "\(path) at \(commit) has no introduction")
                pairs += 1
            }
        }
        #expect(pairs > 10)
        let evil = try blobID(repo, "\(merge):shared.txt")
        #expect(index.introductions(ofBlob: evil).map(\.commit.sha) == [merge])
        #expect(delivered.textByOID[try blobID(repo, "refs/stash:keep.txt")] == "stashed work\n")
    }

    @Test func oneReaderAndTwoReadersDeliverTheSameBlobs() throws {
        let repo = try TestRepository()
        for number in 0..<12 {
            try repo.write("dir\(number % 3)/file\(number).txt", "content \(number)\n")
            try repo.commitAll("c\(number)", at: 1_700_000_000 + number)
        }
        let one = try scan(repo, readers: 1).delivered
        let two = try scan(repo, readers: 2).delivered
        #expect(one.blobs.count == 12)
        #expect(one.textByOID == two.textByOID)
    }

    @Test func rangesSelectTheirCommits() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "old\n")
        let base = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("b.txt", "new\n")
        let later = try repo.commitAll("second", at: 1_700_000_100)
        try repo.git(["switch", "-q", "-c", "feature"])
        try repo.write("f.txt", "feature\n")
        let feature = try repo.commitAll("feature", at: 1_700_000_200)
        try repo.git(["switch", "-q", "main"])

        func paths(_ range: HistoryRange) throws -> [String] {
            try scan(repo, range: range).delivered.blobs.map(\.path).sorted()
        }
        #expect(try paths(.all) == ["a.txt", "b.txt", "f.txt"])
        #expect(try paths(.since(base)) == ["b.txt"])
        #expect(try paths(.range("\(base)..\(feature)")) == ["b.txt", "f.txt"])
        #expect(try paths(.range("main..feature")) == ["f.txt"])
        #expect(try paths(.range("feature...main")) == ["f.txt"])
        #expect(try paths(.range("\(later)..")) == [])
        #expect(try paths(.branch("main")) == ["a.txt", "b.txt"])
        #expect(try paths(.branch("feature")) == ["a.txt", "b.txt", "f.txt"])
    }

    @Test func aRangeAlsoReadsThePreRangeContentOfFilesItChanges() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "old\n")
        try repo.write("untouched.txt", "same\n")
        let base = try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("a.txt", "old\nnew\n")
        try repo.commitAll("second", at: 1_700_000_100)
        try repo.write("a.txt", "old\nnew\nnewer\n")
        try repo.write("b.txt", "old\n")
        try repo.commitAll("third", at: 1_700_000_200)
        let oldA = try blobID(repo, "\(base):a.txt")
        let secondA = try blobID(repo, "HEAD~1:a.txt")

        let (index, delivered) = try scan(repo, range: .since(base))
        // The pre-range a.txt is read once (for the first change), the range's own versions once each.
        #expect(delivered.blobs.map(\.oid).sorted() == [oldA, secondA, try blobID(repo, "HEAD:a.txt")].sorted())
        #expect(index.boundaryPaths(ofBlob: oldA) == ["a.txt"])
        // The same content added at a new path inside the range is an introduction there.
        #expect(index.introductions(ofBlob: oldA).map(\.path) == ["b.txt"])
        #expect(index.boundaryPaths(ofBlob: secondA).isEmpty, "the range's own version is not a boundary")
        #expect(index.introductions(ofBlob: secondA).map(\.path) == ["a.txt"])

        // A full scan has no boundary.
        let full = try scan(repo).index
        #expect(full.boundaryPaths(ofBlob: oldA).isEmpty)
        #expect(full.introductions(ofBlob: oldA).map(\.path) == ["a.txt", "b.txt"])
    }

    @Test func badRevisionsAreClearErrors() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        #expect(gitError { _ = try scan(repo, range: .since("no-such-rev")) } == .invalidRevision("no-such-rev"))
        // A revision that looks like an option must not reach git as one.
        #expect(gitError { _ = try scan(repo, range: .since("--all")) } == .invalidRevision("--all"))
        #expect(gitError { _ = try scan(repo, range: .branch("nope")) } == .invalidRevision("nope"))
        #expect(gitError { _ = try scan(repo, range: .range("main..nope")) } == .invalidRevision("nope"))
        #expect(gitError { _ = try scan(repo, range: .range("main")) } == .invalidRange("main"))
        #expect(gitError { _ = try scan(repo, range: .range("..")) } == .invalidRange(".."))
        #expect(GitError.invalidRange("x").description.contains("A..B"))
    }

    @Test func emptyRepositoryHasNoCommits() throws {
        let repo = try TestRepository()
        #expect(gitError { _ = try scan(repo) } == .noCommits)
        #expect(gitError { _ = try scan(repo, range: .since("HEAD")) } == .noCommits)
        #expect(gitError { _ = try scan(repo, range: .branch("main")) } == .noCommits)
        #expect(gitError { _ = try scan(repo, range: .range("a..b")) } == .noCommits)
    }

    @Test func bareRepositoryAndSubdirectoryWork() throws {
        let repo = try TestRepository()
        try repo.write("src/deep/a.txt", "KEY = 'PKQ3H8ZK2W6N0RTVLV4B'\n")
        try repo.write("top.txt", "top\n")
        try repo.commitAll("first")
        let fromSubdirectory = try scan(repo, in: repo.path + "/src/deep")
        #expect(fromSubdirectory.delivered.blobs.map(\.path).sorted() == ["src/deep/a.txt", "top.txt"])
        #expect(fromSubdirectory.index.isInHead(path: "src/deep/a.txt", blob: try blobID(repo, "HEAD:src/deep/a.txt")))

        let bare = repo.sandbox + "/bare.git"
        try repo.git(["clone", "-q", "--bare", repo.path, bare])
        let fromBare = try scan(repo, in: bare)
        #expect(fromBare.delivered.blobs.map(\.path).sorted() == ["src/deep/a.txt", "top.txt"])
        #expect(fromBare.index.hasHead)
    }

    @Test func shallowCloneShowsItsBoundaryTreeAsAdded() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "one\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("a.txt", "one\ntwo\n")
        try repo.write("b.txt", "b\n")
        let last = try repo.commitAll("second", at: 1_700_000_100)
        let shallow = repo.sandbox + "/shallow"
        try repo.git(["clone", "-q", "--depth", "1", "file://" + repo.path, shallow])
        let (index, delivered) = try scan(repo, in: shallow)
        #expect(index.commitCount == 1)
        #expect(delivered.blobs.map(\.path).sorted() == ["a.txt", "b.txt"])
        let blob = try blobID(repo, "HEAD:a.txt")
        #expect(index.introductions(ofBlob: blob).map(\.commit.sha) == [last])
    }

    @Test func symlinksAndSubmodulesAreNotRead() throws {
        let repo = try TestRepository()
        try repo.write("real.txt", "real\n")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link.txt", withDestinationPath: "real.txt")
        // A gitlink entry, as a submodule leaves in the tree (the commit id need not exist here).
        try repo.git(["add", "real.txt", "link.txt"])
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "1", count: 40)),vendor/sub"])
        try repo.commit("first")
        let (index, delivered) = try scan(repo)
        #expect(delivered.blobs.map(\.path) == ["real.txt"])
        #expect(index.linkEntryCount == 2)
        #expect(delivered.skipped.isEmpty)
    }

    @Test func oddPathsAreExact() throws {
        let repo = try TestRepository()
        try repo.write("my dir/key file.py", "a\n")
        try repo.write("tab\tname.txt", "b\n")
        try repo.write("new\nline.txt", "c\n")
        try repo.write("données/clé.txt", "d\n")
        try repo.git(["add", "-A"])
        // A name that is not UTF-8 (Latin-1 "é"), staged through the index since Swift file names are Strings.
        let blob = try repo.runner().run(["hash-object", "-w", "--stdin"], input: Array("e\n".utf8)).text
        var record = Array("100644 \(blob)\t".utf8) + [UInt8(ascii: "l"), 0xE9, UInt8(ascii: "."), UInt8(ascii: "t")]
        record.append(0)
        _ = try repo.runner().run(["update-index", "-z", "--index-info"], input: record)
        try repo.commit("odd names")
        let (index, delivered) = try scan(repo)
        #expect(
            delivered.blobs.map(\.path).sorted() == [
                "donn\u{e9}es/cl\u{e9}.txt", "l\u{FFFD}.t", "my dir/key file.py", "new\nline.txt", "tab\tname.txt",
            ])
        // Paths are kept as bytes inside, so HEAD membership is exact even for the Latin-1 name.
        #expect(index.introductions(ofBlob: blob).map(\.isInHead) == [true])
        #expect(index.isInHead(path: "new\nline.txt", blob: try blobID(repo, "HEAD:new\nline.txt")))
    }

    @Test func blobsOverTheSizeLimitAreSkippedWithPathAndSize() throws {
        let repo = try TestRepository()
        try repo.write("small.txt", "s\n")
        try repo.write("large.txt", String(repeating: "l", count: 100) + "\n")
        try repo.commitAll("first")
        let (index, delivered) = try scan(repo, maxBlobSize: 50)
        #expect(delivered.blobs.map(\.path) == ["small.txt"])
        let large = try blobID(repo, "HEAD:large.txt")
        let expected = SkippedBlob(oid: large, path: "large.txt", size: 101, reason: .tooLarge)
        #expect(delivered.skipped == [expected])
        #expect(index.skipped == [expected])
        #expect(index.uniqueBlobCount == 2)
    }

    @Test func missingObjectIsSkippedNotFatal() throws {
        let repo = try TestRepository()
        try repo.write("kept.txt", "kept\n")
        try repo.write("lost.txt", "lost\n")
        try repo.commitAll("first")
        let lost = try blobID(repo, "HEAD:lost.txt")
        // Loose objects live at objects/xx/yyyy; the log needs only trees, so only cat-file notices.
        try FileManager.default.removeItem(
            atPath: repo.path + "/.git/objects/\(lost.prefix(2))/\(lost.dropFirst(2))")
        let (_, delivered) = try scan(repo)
        #expect(delivered.blobs.map(\.path) == ["kept.txt"])
        #expect(delivered.skipped == [SkippedBlob(oid: lost, path: "lost.txt", size: nil, reason: .missing)])
    }

    @Test func aDamagedRepositoryFailsWithGitsMessageInsteadOfHanging() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("dir/b.txt", "b\n")
        try repo.commitAll("second", at: 1_700_000_100)
        // Without the tree of `dir`, git log cannot diff the second commit.
        let tree = try repo.git(["rev-parse", "HEAD:dir"])
        try FileManager.default.removeItem(atPath: repo.path + "/.git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
        let error = gitError { _ = try scan(repo) }
        guard case .commandFailed(let arguments, _, let stderr)? = error else {
            Issue.record("expected commandFailed, got \(String(describing: error))")
            return
        }
        #expect(arguments.contains("log"))
        #expect(!stderr.isEmpty)
    }

    @Test func aBlobReaderThatDiesMidStreamIsAnErrorNotAHang() throws {
        let repo = try TestRepository()
        for number in 0..<40 {
            try repo.write("f\(number).txt", String(repeating: "line \(number)\n", count: 50))
        }
        try repo.commitAll("many")
        // A git whose cat-file output is cut after 300 bytes, as if the process had died.
        let wrapper = repo.sandbox + "/git-cut"
        let realGit = try repo.runner().executable
        let script = """
            #!/bin/sh
            case "$*" in
              *cat-file*) '\(realGit)' "$@" | head -c 300 ;;
              *) exec '\(realGit)' "$@" ;;
            esac

            """
        try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        let runner = try GitRunner(directory: repo.path, environment: repo.environment, executable: wrapper)
        let error = gitError {
            _ = try BlobHistorySource(runner: runner).run(onBlob: { _ in }, onSkip: { _ in })
        }
        guard case .unexpectedOutput(let command, _)? = error else {
            Issue.record("expected unexpectedOutput, got \(String(describing: error))")
            return
        }
        #expect(command.contains("cat-file"))
    }

    @Test func aBlockingConsumerIsTolerated() throws {
        let repo = try TestRepository()
        // About 6 MB of distinct blobs: far more than the pipes between the processes hold.
        for number in 0..<96 {
            let line = "file \(number) " + String(repeating: "x", count: 80) + "\n"
            try repo.write("f\(number % 8)/b\(number).txt", String(repeating: line, count: 700))
        }
        try repo.commitAll("many")
        let slots = DispatchSemaphore(value: 2)
        let consumed = Delivered()
        let queue = DispatchQueue(label: "slow consumer")
        let index = try BlobHistorySource(runner: repo.runner()).run(
            onBlob: { blob in
                // A bounded queue of two: the callback blocks until the slow consumer takes one.
                slots.wait()
                queue.async {
                    usleep(2000)
                    consumed.add(blob)
                    slots.signal()
                }
            }, onSkip: { _ in })
        queue.sync {}
        #expect(consumed.blobs.count == 96)
        #expect(index.uniqueBlobCount == 96)
    }

    @Test func sha256RepositoryWorks() throws {
        let repo = try TestRepository(initialize: false)
        try FileManager.default.createDirectory(atPath: repo.path, withIntermediateDirectories: true)
        try repo.git(["init", "-q", "--object-format=sha256", "-b", "main"])
        try repo.write("a.txt", "a\n")
        let commit = try repo.commitAll("first")
        let (index, delivered) = try scan(repo)
        let blob = try blobID(repo, "HEAD:a.txt")
        #expect(blob.count == 64)
        #expect(delivered.blobs.map(\.oid) == [blob])
        #expect(index.introductions(ofBlob: blob).map(\.commit.sha) == [commit])
    }

    @Test func unbornHeadBesideOtherBranchesHasNoHead() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("first")
        try repo.git(["switch", "-q", "--orphan", "empty"])
        let (index, delivered) = try scan(repo)
        #expect(delivered.blobs.count == 1)
        #expect(index.hasHead == false)
        #expect(index.blobIsInHead(delivered.blobs[0].oid) == false)
    }

    @Test func userConfigurationDoesNotChangeTheResult() throws {
        let repo = try TestRepository()
        try repo.write("dir/a.txt", "first\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.git(["mv", "dir/a.txt", "dir/b.txt"])
        try repo.write("dir/c.txt", "first\n")
        try repo.commitAll("copy and move", at: 1_700_000_100)
        let plain = try scan(repo, in: repo.path + "/dir")
        for (key, value) in [
            ("diff.renames", "copies"), ("log.showRoot", "false"), ("diff.relative", "true"),
            ("log.showSignature", "true"), ("diff.orderFile", "/nonexistent-order"), ("log.diffMerges", "off"),
            ("i18n.logOutputEncoding", "ISO-8859-1"), ("log.mailmap", "true"), ("core.abbrev", "7"),
        ] {
            try repo.git(["config", key, value])
        }
        let configured = try scan(repo, in: repo.path + "/dir")
        let blob = try blobID(repo, "HEAD:dir/b.txt")
        #expect(configured.delivered.textByOID == plain.delivered.textByOID)
        #expect(configured.index.introductions(ofBlob: blob) == plain.index.introductions(ofBlob: blob))
        #expect(configured.index.introductions(ofBlob: blob).map(\.path) == ["dir/a.txt", "dir/b.txt", "dir/c.txt"])
    }

    @Test func utcDatesAreISO8601() {
        #expect(UTCDate.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(UTCDate.iso8601(1_700_000_000) == "2023-11-14T22:13:20Z")
        #expect(UTCDate.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(UTCDate.iso8601(4_107_542_400) == "2100-03-01T00:00:00Z")
        #expect(UTCDate.iso8601(-1) == "1969-12-31T23:59:59Z")
    }

    @Test func streamReaderHandlesRecordsSplitAcrossReads() throws {
        // A tiny buffer forces every field, header and blob to straddle refills.
        let repo = try TestRepository()
        try repo.write("a b.txt", "alpha\n")
        try repo.commitAll("first", at: 1_700_000_000)
        try repo.write("a b.txt", "alpha\nbeta\n")
        try repo.commitAll("second", at: 1_700_000_100)
        let log = try repo.runner().run(BlobHistorySource.logArguments(revisions: ["--all"])).stdout
        var fromPipe: [[UInt8]] = []
        var whole: [[UInt8]] = []
        for capacity in [3, 1 << 16] {
            let pipe = Pipe()
            let writer = Thread { pipe.fileHandleForWriting.write(Data(log)); try? pipe.fileHandleForWriting.close() }
            writer.start()
            let input = ByteStreamReader(descriptor: pipe.fileHandleForReading.fileDescriptor, capacity: capacity)
            var reader = RawLogReader(input: input)
            var records: [[UInt8]] = []
            while let record = try reader.next() {
                switch record {
                case .commit(let sha, let timestamp, let name, _):
                    records.append(sha + Array("\(timestamp)".utf8) + name)
                case .entry(_, _, let mode, let object, _, let path): records.append(mode + object + path)
                }
            }
            if capacity == 3 { fromPipe = records } else { whole = records }
        }
        #expect(fromPipe == whole)
        #expect(whole.count == 4)
    }
}
