import Foundation
import Testing

/// `--history` through the built binary, on throwaway repositories: attribution to the introducing
/// commit, one finding per secret, merges and branches, ranges, scanning from another folder, and
/// the same configuration, baseline, inline-allow and size-limit behaviour as a tree scan.
@Suite("History scans end to end")
struct HistoryTests {
    static let keyLine = "ALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n"
    static let otherKeyLine = "ALPACA_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n"
    static let thirdKeyLine = "ALPACA_KEY_ID = \"\(FakeKeys.thirdPaperKeyID)\"\n"
    static let stillInTree = "It is also in the git history"
    static let removed = "Removed from the tree, still in history"

    // MARK: - Attribution

    @Test("a key added in commit 2 and kept: one finding at commit 2 with its date, author and the history advice")
    func keptKeyAttributedToItsCommit() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        try git.commitDated(
            ["bot.py": "import os\n\(Self.keyLine)"], message: "add bot", at: 1_700_000_000,
            author: ("Ada Lovelace", "ada@example.invalid"))
        let added = try git.sha()
        try git.commitDated(["README.md": "# bot\n\nMore words.\n"], message: "docs", at: 1_700_000_600)

        let result = try git.lint(["--history", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:2"], "\(result.diagnostics)")
        let finding = result.findings.first ?? [:]
        #expect(finding["commit"] as? String == added)
        #expect(finding["commitDate"] as? String == "2023-11-14T22:13:20Z")
        #expect(finding["commitAuthor"] as? String == "Ada Lovelace <ada@example.invalid>")
        let message = finding["message"] as? String ?? ""
        #expect(message.contains(Self.stillInTree), "\(message)")
        #expect(!message.contains(Self.removed), "\(message)")
        #expect((finding["relatedPractices"] as? [Int] ?? []).contains(2))
        // Redacted by default, like every other mode.
        #expect(!result.stdout.contains(FakeKeys.paperKeyID))

        // The text report names the commit too.
        let text = try git.lint(["--history"])
        #expect(text.stdout.contains("bot.py:2"), "\(text.diagnostics)")
        #expect(text.stdout.contains(String(added.prefix(7))), "\(text.diagnostics)")
    }

    @Test("a key added and then deleted (the file removed) says it was removed from the tree")
    func deletedKeySaysRemoved() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        try git.commitDated(["settings.py": "DEBUG = True\n\(Self.keyLine)"], message: "settings", at: 1_600_000_600)
        let added = try git.sha()
        try git.git("rm", "-q", "settings.py")
        try git.git("commit", "-q", "-m", "remove settings")

        #expect(try git.lint(["--format", "json", "."]).findings.isEmpty)
        let result = try git.lint(["--history", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id settings.py:2"], "\(result.diagnostics)")
        #expect(result.findings.first?["commit"] as? String == added)
        let message = result.findings.first?["message"] as? String ?? ""
        #expect(message.contains(Self.removed), "\(message)")
        #expect(!message.contains(Self.stillInTree), "\(message)")
    }

    @Test("the same secret committed in 3 files is one finding, at the earliest introduction, with the others related")
    func sameSecretInThreeFilesIsOneFinding() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        try git.commitDated(["tools/z_first.py": "# tool\n\(Self.keyLine)"], message: "first copy", at: 1_600_000_600)
        let first = try git.sha()
        // Two more copies in one later commit (different surrounding lines, so different blobs) and
        // a third identical to the first file (the same blob at a new path).
        try git.commitDated(
            ["a/second.py": "\n\n\(Self.keyLine)", "b/third.py": "# tool\n\(Self.keyLine)"], message: "copies", at: 1_600_001_200)
        let copies = try git.sha()

        let result = try git.lint(["--history", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id tools/z_first.py:2"], "one finding, not three: \(result.diagnostics)")
        let finding = result.findings.first ?? [:]
        #expect(finding["commit"] as? String == first)
        let related = (finding["related"] as? [[String: Any]] ?? []).filter { ($0["message"] as? String ?? "").contains("same secret") }
        let places = related.map { "\($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? 0)@\($0["commit"] as? String ?? "?")" }
        #expect(places == ["a/second.py:3@\(copies)", "b/third.py:2@\(copies)"], "\(result.diagnostics)")
        #expect(result.json?["summary"].flatMap { ($0 as? [String: Any])?["findings"] as? Int } == 1)
    }

    @Test("a secret in a file edited in 10 later commits is one finding at the first commit")
    func editedFileKeepsFirstCommit() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        var text = "import os\n\(Self.keyLine)"
        try git.commitDated(["bot.py": text], message: "add", at: 1_600_000_000)
        let added = try git.sha()
        for edit in 1...10 {
            text += "print(\(edit))\n"
            try git.commitDated(["bot.py": text], message: "edit \(edit)", at: 1_600_000_000 + edit * 60)
        }
        let result = try git.lint(["--history", "--format", "json"])
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(result.locations == ["alpaca-paper-key-id bot.py:2"], "\(result.diagnostics)")
        #expect(result.findings.first?["commit"] as? String == added)
        let related: [Any] = result.findings.first?["related"] as? [Any] ?? []
        #expect(related.isEmpty, "\(result.diagnostics)")
        // Eleven blobs were read, each once.
        let summary = result.json?["summary"] as? [String: Any]
        #expect(summary?["filesScanned"] as? Int == 11, "\(result.diagnostics)")
    }

    @Test("merges and branches: a merged branch's key keeps its branch commit, a key added by the merge itself is the merge's, a branch-only key is found and not in HEAD")
    func mergesAndBranches() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        try git.git("checkout", "-q", "-b", "feature")
        try git.commitDated(["feature.py": Self.keyLine], message: "feature key", at: 1_600_000_600)
        let featureCommit = try git.sha()
        try git.git("checkout", "-q", "main")
        try git.commitDated(["main.py": "print('main')\n"], message: "main work", at: 1_600_001_200)
        // The merge adds a key neither parent had (as a conflict resolution would).
        try git.git("merge", "-q", "--no-ff", "--no-commit", "feature")
        try git.write("print('main')\n\(Self.otherKeyLine)", to: "main.py")
        try git.git("add", "main.py")
        try git.git("commit", "-q", "-m", "merge feature")
        let mergeCommit = try git.sha()
        // A branch that is never merged.
        try git.git("checkout", "-q", "-b", "experiment")
        try git.commitDated(["experiment.py": Self.thirdKeyLine], message: "experiment", at: 1_600_002_400)
        let experimentCommit = try git.sha()
        try git.git("checkout", "-q", "main")

        let all = try git.lint(["--history", "--format", "json"])
        #expect(all.status == 1, "\(all.diagnostics)")
        #expect(all.locations == [
            "alpaca-paper-key-id experiment.py:1", "alpaca-paper-key-id feature.py:1", "alpaca-paper-key-id main.py:2",
        ], "\(all.diagnostics)")
        let byPath = Dictionary(uniqueKeysWithValues: all.findings.map { ($0["path"] as? String ?? "?", $0) })
        #expect(byPath["feature.py"]?["commit"] as? String == featureCommit)
        #expect(byPath["main.py"]?["commit"] as? String == mergeCommit)
        #expect(byPath["experiment.py"]?["commit"] as? String == experimentCommit)
        let featureMessage: String = byPath["feature.py"]?["message"] as? String ?? ""
        let experimentMessage: String = byPath["experiment.py"]?["message"] as? String ?? ""
        #expect(featureMessage.contains(Self.stillInTree))
        #expect(experimentMessage.contains(Self.removed), "not in HEAD's tree")

        // One branch only: the unmerged experiment is out of it.
        let main = try git.lint(["--history", "--branch", "main", "--format", "json"])
        #expect(main.locations == ["alpaca-paper-key-id feature.py:1", "alpaca-paper-key-id main.py:2"], "\(main.diagnostics)")
        let experiment = try git.lint(["--history", "--branch", "experiment", "--format", "json"])
        #expect(experiment.locations.count == 3, "\(experiment.diagnostics)")
    }

    // MARK: - Where and what

    @Test("--history PATH from a folder outside the repository reports repository-relative paths and uses the repository's config")
    func historyOfAnotherFolder() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated([
            ".alpaca-lint.toml": "exclude = [\"vendor/**\"]\n",
            "src/bot.py": Self.keyLine,
            "vendor/lib.py": Self.otherKeyLine,
        ], message: "start", at: 1_600_000_000)
        let outside = git.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)

        for argument in [git.repo.path, "../repo", git.repo.appendingPathComponent("src").path] {
            let result = try git.lint(["--history", argument, "--format", "json"], in: outside)
            #expect(result.status == 1, "\(argument): \(result.diagnostics)")
            #expect(result.locations == ["alpaca-paper-key-id src/bot.py:1"], "\(argument): \(result.diagnostics)")
        }
        let missing = try git.lint(["--history", git.root.appendingPathComponent("nowhere").path], in: outside)
        #expect(missing.status == 2, "\(missing.diagnostics)")
        #expect(missing.stderr.contains("nowhere"), "\(missing.diagnostics)")
        let notRepository = try git.lint(["--history", outside.path], in: git.root)
        #expect(notRepository.status == 2, "\(notRepository.diagnostics)")
        #expect(notRepository.stderr.contains("not a git repository"), "\(notRepository.diagnostics)")
    }

    @Test("--range A..B, --branch NAME and --since REV each read only their commits")
    func rangesNarrow() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        let start = try git.sha()
        try git.commitDated(["a.py": Self.keyLine], message: "a", at: 1_600_000_600)
        try git.git("tag", "v1")
        try git.commitDated(["b.py": Self.otherKeyLine], message: "b", at: 1_600_001_200)
        let b = try git.sha()
        try git.commitDated(["c.py": Self.thirdKeyLine], message: "c", at: 1_600_001_800)
        let c = try git.sha()
        try git.git("checkout", "-q", "-b", "side", "v1")
        try git.commitDated(["side.py": "SIDE_KEY_ID = \"PKH4T9CW2N7ZR5MB8XQ3\"\n"], message: "side", at: 1_600_002_400)
        try git.git("checkout", "-q", "main")

        func paths(_ arguments: [String]) throws -> [String] {
            let result = try git.lint(["--history", "--format", "json"] + arguments)
            #expect(result.status == (result.findings.isEmpty ? 0 : 1), "\(arguments): \(result.diagnostics)")
            return result.findings.map { $0["path"] as? String ?? "?" }.sorted()
        }
        #expect(try paths([]) == ["a.py", "b.py", "c.py", "side.py"])
        #expect(try paths(["--range", "v1..main"]) == ["b.py", "c.py"])
        #expect(try paths(["--range", "\(start)..\(b)"]) == ["a.py", "b.py"])
        #expect(try paths(["--range", "v1..\(b)"]) == ["b.py"])
        #expect(try paths(["--range", "\(c)..\(c)"]) == [])
        #expect(try paths(["--range", "main...side"]) == ["b.py", "c.py", "side.py"])
        #expect(try paths(["--branch", "side"]) == ["a.py", "side.py"])
        #expect(try paths(["--branch", "main"]) == ["a.py", "b.py", "c.py"])
        #expect(try paths(["--since", "v1"]) == ["b.py", "c.py"])
        #expect(try paths(["--since", b]) == ["c.py"])
    }

    @Test("a range does not re-report a secret its commits only carried along (edited around, never added)")
    func rangeDoesNotReportCarriedSecrets() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["bot.py": "import os\n\(Self.keyLine)"], message: "start", at: 1_600_000_000)
        let start = try git.sha()
        // Later commits edit the file around the old key and add a new key elsewhere in it.
        try git.commitDated(["bot.py": "import os\n\(Self.keyLine)print('more')\n"], message: "edit", at: 1_600_000_600)
        try git.commitDated(["bot.py": "import os\n\(Self.keyLine)print('more')\n\(Self.otherKeyLine)"], message: "new key", at: 1_600_001_200)
        let newKey = try git.sha()

        let since = try git.lint(["--history", "--since", start, "--format", "json", "--no-redact"])
        #expect(since.status == 1, "\(since.diagnostics)")
        #expect(since.locations == ["alpaca-paper-key-id bot.py:4"], "\(since.diagnostics)")
        #expect(since.findings.first?["commit"] as? String == newKey)
        #expect(since.findings.first?["secret"] as? String == FakeKeys.otherPaperKeyID)

        let full = try git.lint(["--history", "--format", "json"])
        #expect(full.locations == ["alpaca-paper-key-id bot.py:2", "alpaca-paper-key-id bot.py:4"], "\(full.diagnostics)")
        #expect(full.findings.first?["commit"] as? String == start)
    }

    @Test("bad ranges and revisions exit 2 with a message naming what was wrong")
    func badRanges() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["README.md": "# bot\n"], message: "start", at: 1_600_000_000)
        let cases: [([String], String)] = [
            (["--range", "nope..HEAD"], "nope"),
            (["--range", "HEAD..nope"], "nope"),
            (["--range", "HEAD"], "A..B"),
            (["--range", "a..b..c"], "a..b..c"),
            (["--range", ".."], ".."),
            (["--range=--all..HEAD"], "--all"),
            (["--branch", "no-such-branch"], "no-such-branch"),
            (["--since", "no-such-rev"], "no-such-rev"),
            (["--since", "HEAD~5"], "HEAD~5"),
        ]
        for (arguments, named) in cases {
            let result = try git.lint(["--history"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.diagnostics)")
            #expect(result.stderr.contains(named), "\(arguments): \(result.diagnostics)")
            #expect(!result.stderr.contains("failed with exit status"), "a clear message, not git's: \(result.diagnostics)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.diagnostics)")
        }
        let withoutHistory = try git.lint(["--range", "HEAD..HEAD"])
        #expect(withoutHistory.status == 2)
        #expect(withoutHistory.stderr.contains("--history"), "\(withoutHistory.diagnostics)")
    }

    // MARK: - Configuration, baseline, inline allows, limits

    @Test("config excludes: a blob only under an excluded path is not reported; under both, it is reported at the included path")
    func configExcludesPerIntroduction() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        let shared = "# shared\n\(Self.otherKeyLine)"
        try git.commitDated([
            ".alpaca-lint.toml": "exclude = [\"fixtures/**\"]\n",
            "fixtures/only.py": Self.keyLine,
            // The same blob at an excluded path (met first: paths are sorted) and an included one.
            "fixtures/copy.py": shared,
            "src/copy.py": shared,
        ], message: "start", at: 1_600_000_000)
        // A large blob only under the excluded path: not read for the scan's sake, so no warning.
        try git.commitDated(["fixtures/big.txt": String(repeating: "x", count: 4000) + "\n"], message: "big", at: 1_600_000_600)

        let result = try git.lint(["--history", "--format", "json", "--max-file-size", "2000"])
        #expect(result.locations == ["alpaca-paper-key-id src/copy.py:2"], "\(result.diagnostics)")
        #expect(result.findings.first?["commit"] as? String == (try git.sha("HEAD~1")))
        let noWarnings: [Any] = result.json?["warnings"] as? [Any] ?? []
        #expect(noWarnings.isEmpty, "\(result.diagnostics)")
        #expect(result.status == 1, "\(result.diagnostics)")
        #expect(!result.stderr.contains("fixtures/"), "\(result.diagnostics)")

        // The same large blob under both: named at the included path only.
        let big = String(repeating: "y", count: 4000) + "\n"
        try git.commitDated(["fixtures/big2.txt": big, "src/big2.txt": big], message: "big twice", at: 1_600_001_200)
        let both = try git.lint(["--history", "--format", "json", "--max-file-size", "2000"])
        #expect(both.status == 2, "\(both.diagnostics)")
        let warnings = both.json?["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.map { $0["path"] as? String } == ["src/big2.txt"], "\(both.diagnostics)")
        #expect(!both.stderr.contains("fixtures/"), "\(both.diagnostics)")
    }

    @Test("config allow, inline allows and a baseline written from a history report apply as in tree scans")
    func allowsAndBaseline() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated([
            ".alpaca-lint.toml": "allow = ['^\(FakeKeys.thirdPaperKeyID)$']\n",
            "allowed.py": Self.thirdKeyLine,
            "inline.py": "ALPACA_KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"  # alpaca-lint:allow test fixture\n",
            "bot.py": Self.keyLine,
        ], message: "start", at: 1_600_000_000)
        try git.git("rm", "-q", "bot.py")
        try git.git("commit", "-q", "-m", "remove bot")

        let first = try git.lint(["--history", "--format", "json"])
        #expect(first.status == 1, "\(first.diagnostics)")
        #expect(first.locations == ["alpaca-paper-key-id bot.py:1", "alpaca-paper-key-id inline.py:1"], "\(first.diagnostics)")
        let suppressed = first.findings.filter { $0["suppressed"] as? Bool == true }.map { $0["path"] as? String }
        #expect(suppressed == ["inline.py"], "\(first.diagnostics)")
        let audit = try git.lint(["--history", "--format", "json", "--no-inline-allow"])
        #expect(audit.findings.allSatisfy { $0["suppressed"] as? Bool == false }, "\(audit.diagnostics)")

        // A baseline written from the history report hides the same findings next run.
        let baseline = git.root.appendingPathComponent("baseline.json")
        try Data(first.stdout.utf8).write(to: baseline)
        let second = try git.lint(["--history", "--format", "json", "--baseline", baseline.path])
        #expect(second.status == 0, "\(second.diagnostics)")
        #expect(second.findings.allSatisfy { $0["suppressed"] as? Bool == true }, "\(second.diagnostics)")
        #expect(second.findings.count == 2)

        // A new leak is still reported.
        try git.commitDated(["new.py": "NEW_KEY_ID = \"PKH4T9CW2N7ZR5MB8XQ3\"\n"], message: "new", at: 1_600_001_200)
        let third = try git.lint(["--history", "--format", "json", "--baseline", baseline.path])
        #expect(third.status == 1, "\(third.diagnostics)")
        #expect(third.findings.filter { $0["suppressed"] as? Bool == false }.map { $0["path"] as? String } == ["new.py"], "\(third.diagnostics)")
    }

    @Test("a blob over --max-file-size is named in the JSON warnings and on stderr, and the exit status is 2")
    func oversizedBlobIsNamed() throws {
        var git = try GitSandbox(name: "history")
        defer { git.remove() }
        try git.commitDated(["bot.py": Self.keyLine], message: "start", at: 1_600_000_000)
        try git.commitDated(["data/big.csv": String(repeating: "1,2,3\n", count: 500)], message: "big", at: 1_600_000_600)

        let result = try git.lint(["--history", "--format", "json", "--max-file-size", "1000"])
        #expect(result.status == 2, "\(result.diagnostics)")
        let warnings = result.json?["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.count == 1, "\(result.diagnostics)")
        #expect(warnings.first?["path"] as? String == "data/big.csv")
        let firstMessage: String = warnings.first?["message"] as? String ?? ""
        #expect(firstMessage.contains("size limit"))
        #expect(warnings.first?["incomplete"] as? Bool == true)
        #expect(result.stderr.contains("data/big.csv"), "\(result.diagnostics)")
        // The rest was still scanned.
        #expect(result.locations == ["alpaca-paper-key-id bot.py:1"], "\(result.diagnostics)")

        let tolerated = try git.lint(["--history", "--format", "json", "--max-file-size", "1000", "--incomplete-exit-code", "0"])
        #expect(tolerated.status == 1, "\(tolerated.diagnostics)")
        let roomy = try git.lint(["--history", "--format", "json"])
        let roomyWarnings: [Any] = roomy.json?["warnings"] as? [Any] ?? []
        #expect(roomyWarnings.isEmpty, "\(roomy.diagnostics)")
    }
}

extension GitSandbox {
    /// Writes and commits `files` with author and committer dates `at` (Unix seconds) and an
    /// optional author, so that reports can be compared with fixed dates and names.
    mutating func commitDated(_ files: [String: String], message: String, at timestamp: Int, author: (name: String, email: String)? = nil) throws {
        for (path, text) in files { try write(text, to: path) }
        try git("add", "-A")
        var dated = self
        dated.environment["GIT_AUTHOR_DATE"] = "@\(timestamp) +0000"
        dated.environment["GIT_COMMITTER_DATE"] = "@\(timestamp) +0000"
        if let author {
            dated.environment["GIT_AUTHOR_NAME"] = author.name
            dated.environment["GIT_AUTHOR_EMAIL"] = author.email
        }
        try dated.git("commit", "-q", "--no-verify", "-m", message)
    }
}
