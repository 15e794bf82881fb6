import AlpacaFix
import AlpacaIgnore
import Foundation
import Testing

@Suite("Environment files, ignore rules and writing")
struct EnvironmentFileTests {
    @Test(".env is created with mode 0600; .env.example gets names and empty placeholders only")
    func createsEnvironmentFiles() throws {
        let repo = try TempRepo()
        try repo.write("KEY = \"\(Fake.paperKey)\"\nSECRET = \"\(Fake.paperSecret)\"\n", to: "a.py")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-paper-key-id", "a.py", Fake.paperKey),
            repo.finding("alpaca-secret-key", "a.py", Fake.paperSecret),
        ])
        let result = FixApplier().apply(plan)
        #expect(result.complete, "\(result.notWritten)")
        #expect(repo.mode(".env") == 0o600)
        let environment = try #require(repo.read(".env"))
        #expect(environment.contains("\nAPCA_API_KEY_ID=\(Fake.paperKey)\nAPCA_API_SECRET_KEY=\(Fake.paperSecret)\n"))
        let example = try #require(repo.read(".env.example"))
        #expect(example.contains("\nAPCA_API_KEY_ID=\nAPCA_API_SECRET_KEY=\n"))
        #expect(!example.contains(Fake.paperKey) && !example.contains(Fake.paperSecret))
        // The root .env was not ignored: a /.env rule makes it so, checked by git itself too.
        #expect(repo.read(".gitignore")?.contains("/.env\n") == true)
        #expect(try repo.run("git", ["check-ignore", "-q", ".env"]).status == 0)
        #expect(try repo.run("git", ["check-ignore", "-q", ".env.example"]).status == 1)
    }

    @Test("existing .env entries are never overwritten; a value already there keeps its name; .env loses group bits")
    func existingEnvironment() throws {
        let repo = try TempRepo()
        try repo.write("# mine\r\nALPACA_API_KEY=\(Fake.paperKey)\r\nAPCA_API_SECRET_KEY=\"something-else-entirely-0123456789abcdef\"", to: ".env", mode: 0o640)
        try repo.write(".env\n", to: ".gitignore")
        try repo.write("k = '\(Fake.paperKey)'\ns = '\(Fake.paperSecret)'\n", to: "b.py")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-paper-key-id", "b.py", Fake.paperKey),
            repo.finding("alpaca-secret-key", "b.py", Fake.paperSecret),
        ])
        #expect(plan.outcomes[0].variableName == "ALPACA_API_KEY")
        #expect(plan.outcomes[1].variableName == "APCA_API_SECRET_KEY_2")
        #expect(plan.reusedVariables == ["ALPACA_API_KEY"])
        #expect(plan.movedVariables == ["APCA_API_SECRET_KEY_2"])
        _ = FixApplier().apply(plan)
        // Appended after an EOL in the file's own CRLF style; the old lines are untouched.
        #expect(repo.read(".env") == "# mine\r\nALPACA_API_KEY=\(Fake.paperKey)\r\nAPCA_API_SECRET_KEY=\"something-else-entirely-0123456789abcdef\"\r\nAPCA_API_SECRET_KEY_2=\(Fake.paperSecret)\r\n")
        #expect(repo.mode(".env") == 0o600)
        #expect(repo.read(".gitignore") == ".env\n")
        #expect(repo.read("b.py") == "import os\nk = os.environ[\"ALPACA_API_KEY\"]\ns = os.environ[\"APCA_API_SECRET_KEY_2\"]\n")
    }

    @Test("an .env.example that a .env* rule ignores is still written, and the summary says how to commit it")
    func ignoredExample() throws {
        let repo = try TempRepo()
        try repo.write(".env*\n", to: ".gitignore")
        try repo.write("k = '\(Fake.paperKey)'\n", to: "e.py")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "e.py", Fake.paperKey)])
        #expect(plan.exampleIgnored)
        #expect(plan.changes.contains { $0.relativePath == ".env.example" })
        #expect(!plan.changes.contains { $0.relativePath == ".gitignore" })
        #expect(FixReport.summary(plan, applied: nil).contains("!/.env.example"))
    }

    @Test("paper keeps the plain names, live takes _LIVE, a second paper key takes _2")
    func naming() throws {
        let repo = try TempRepo()
        try repo.write("a = '\(Fake.liveKey)'\nb = '\(Fake.liveSecret)'\nc = '\(Fake.paperKey)'\nd = '\(Fake.paperSecret)'\ne = '\(Fake.otherPaperKey)'\nf = '\(Fake.brokerKey)'\n", to: "n.py")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([
            repo.finding("alpaca-live-key-id", "n.py", Fake.liveKey),
            repo.finding("alpaca-secret-key", "n.py", Fake.liveSecret),
            repo.finding("alpaca-paper-key-id", "n.py", Fake.paperKey),
            repo.finding("alpaca-secret-key", "n.py", Fake.paperSecret),
            repo.finding("alpaca-paper-key-id", "n.py", Fake.otherPaperKey),
            repo.finding("alpaca-broker-key-id", "n.py", Fake.brokerKey),
        ])
        #expect(plan.outcomes.map(\.variableName) == [
            "APCA_API_KEY_ID_LIVE", "APCA_API_SECRET_KEY_LIVE", "APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "APCA_API_KEY_ID_2",
            "ALPACA_BROKER_API_KEY",
        ])
    }

    @Test("a nested .env gets the narrowest anchored rule in its own folder's .gitignore, verified by the ignore engine")
    func nestedIgnoreRule() throws {
        let repo = try TempRepo()
        try repo.write("*.log\n!keep.log", to: "config/.gitignore")
        try repo.write("APCA_API_KEY_ID=\(Fake.paperKey)\n", to: "config/.env.production")
        try repo.write("x", to: "config/debug.log")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.fileFinding("alpaca-env-not-ignored", "config/.env.production"),
            repo.finding("alpaca-paper-key-id", "config/.env.production", Fake.paperKey),
        ])
        #expect(plan.outcomes[0].fixable)
        #expect(plan.outcomes[1].fixable, "\(plan.outcomes[1].reason)")
        let result = FixApplier().apply(plan)
        #expect(result.complete)
        // The file had no trailing newline: the rule must not be glued to "!keep.log".
        #expect(repo.read("config/.gitignore") == "*.log\n!keep.log\n# local environment files (added by alpaca-lint --fix)\n/.env.production\n")
        #expect(result.ignoreChecks.contains { $0.contains("config/.env.production is now ignored") })
        #expect(IgnoreMatcher(root: repo.path).isIgnored(relativePath: "config/.env.production", isDirectory: false))
        #expect(IgnoreMatcher(root: repo.path).isIgnored(relativePath: "config/debug.log", isDirectory: false))
        #expect(!repo.exists(".gitignore"))
        #expect(try repo.run("git", ["check-ignore", "-q", "config/.env.production"]).status == 0)
    }

    @Test("a tracked .env gets the rule plus the git rm --cached command, which is never run; code values stay put")
    func trackedEnvironment() throws {
        let repo = try TempRepo()
        try repo.write("APCA_API_KEY_ID=\(Fake.otherPaperKey)\n", to: ".env")
        try repo.write("k = '\(Fake.paperKey)'\n", to: "c.py")
        try repo.run("git", ["add", ".env"])
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.fileFinding("alpaca-env-tracked", ".env"),
            repo.finding("alpaca-paper-key-id", "c.py", Fake.paperKey),
        ])
        #expect(plan.untrackCommands == ["git rm --cached -- '.env'"])
        #expect(plan.outcomes[0].fixable)
        #expect(!plan.outcomes[1].fixable)
        #expect(plan.outcomes[1].reason.contains("tracked"))
        _ = FixApplier().apply(plan)
        #expect(try repo.run("git", ["ls-files", ".env"]).output == ".env\n")
        #expect(repo.read(".gitignore")?.contains("/.env") == true)
    }

    @Test("a template with real values stays committed: its values become empty and move to .env")
    func template() throws {
        let repo = try TempRepo()
        try repo.write("# copy me\nAPCA_API_KEY_ID=\(Fake.paperKey)\nAPCA_API_SECRET_KEY=\"\(Fake.paperSecret)\"\nAPCA_API_BASE_URL=https://paper-api.alpaca.markets\n", to: ".env.example")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.fileFinding("alpaca-env-not-ignored", ".env.example"),
            repo.finding("alpaca-paper-key-id", ".env.example", Fake.paperKey),
            repo.finding("alpaca-secret-key", ".env.example", Fake.paperSecret),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(plan.updatedText(".env.example") == "# copy me\nAPCA_API_KEY_ID=\nAPCA_API_SECRET_KEY=\nAPCA_API_BASE_URL=https://paper-api.alpaca.markets\n")
        #expect(plan.changes.filter { $0.relativePath == ".env.example" }.count == 1)
        #expect(plan.updatedText(".env")?.contains("APCA_API_SECRET_KEY=\(Fake.paperSecret)\n") == true)
        #expect(plan.updatedText(".gitignore")?.contains(".env.example") != true)
        #expect(plan.updatedText(".gitignore")?.contains("/.env\n") == true)
    }

    @Test("BP8 mix-ups are never fixed and explain both options")
    func mixup() throws {
        let repo = try TempRepo()
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.fileFinding("alpaca-live-url-paper-key", "x.py")])
        #expect(!plan.outcomes[0].fixable)
        #expect(plan.outcomes[0].reason.contains("key is wrong") && plan.outcomes[0].reason.contains("URL is wrong"))
    }

    @Test("a stale finding (file edited since the scan) is not fixed; applying twice changes nothing")
    func idempotence() throws {
        let repo = try TempRepo()
        try repo.write("k = '\(Fake.paperKey)'\n", to: "i.py")
        let findings = [repo.finding("alpaca-paper-key-id", "i.py", Fake.paperKey)]
        let first = FixPlanner(repositoryRoot: repo.path).plan(findings)
        #expect(FixApplier().apply(first).complete)
        let snapshot = ["i.py", ".env", ".env.example", ".gitignore"].map { repo.bytes($0) }
        let second = FixPlanner(repositoryRoot: repo.path).plan(findings)
        #expect(second.changes.isEmpty)
        #expect(second.outcomes[0].reason.contains("edited since the scan"))
        // Applying the old plan again is refused file by file: nothing on disk changes.
        let again = FixApplier().apply(first)
        #expect(again.written.isEmpty)
        #expect(["i.py", ".env", ".env.example", ".gitignore"].map { repo.bytes($0) } == snapshot)
    }

    @Test("writes are atomic and keep the mode; no temporary file is left behind")
    func atomicWrite() throws {
        let repo = try TempRepo()
        try repo.write("#!/bin/sh\nexport TOKEN=\(Fake.paperKey)\n", to: "bin/run.sh", mode: 0o750)
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "bin/run.sh", Fake.paperKey)])
        #expect(FixApplier().apply(plan).complete)
        #expect(repo.mode("bin/run.sh") == 0o750)
        #expect(repo.read("bin/run.sh") == "#!/bin/sh\n# TOKEN now comes from the environment (.env); set by alpaca-lint --fix\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.root.appendingPathComponent("bin").path)
        #expect(leftovers == ["run.sh"])
    }
}
