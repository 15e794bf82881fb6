import AlpacaFix
import Foundation
import Testing

@Suite("Diff, summary and SARIF fixes")
struct ReportTests {
    private func samplePlan() throws -> (TempRepo, FixPlan) {
        let repo = try TempRepo()
        try repo.write("import os\nKEY = \"\(Fake.paperKey)\"\nSECRET = \"\(Fake.paperSecret)\"\n", to: "src/é bot.py")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-paper-key-id", "src/é bot.py", Fake.paperKey, inHistory: true),
            repo.finding("alpaca-secret-key", "src/é bot.py", Fake.paperSecret),
            repo.fileFinding("alpaca-paper-url-live-key", "src/é bot.py"),
        ])
        return (repo, plan)
    }

    @Test("the diff redacts every secret, marks .env as a new 0600 file and writes nothing")
    func diff() throws {
        let (repo, plan) = try samplePlan()
        let diff = FixReport.diff(plan, redact: { String($0.prefix(4)) + "…" })
        #expect(!diff.contains(Fake.paperKey) && !diff.contains(Fake.paperSecret))
        #expect(diff.contains(" import os\n-KEY = \"PKQ3…\"\n-SECRET = \"q8Wd…\"\n+KEY = os.environ[\"APCA_API_KEY_ID\"]\n"))
        #expect(diff.contains("diff --git a/.env b/.env\nnew file mode 100600\n--- /dev/null\n+++ b/.env\n"))
        #expect(diff.contains("+APCA_API_KEY_ID=PKQ3…\n"))
        #expect(diff.contains("@@ -1,3 +1,3 @@"))
        #expect(!repo.exists(".env") && !repo.exists(".gitignore"))
        #expect(repo.read("src/é bot.py")?.contains(Fake.paperKey) == true)
        let extra = "Xk3YhJ0pFa9GsCe4NuR6tHiQoq8Wd2LmZr5TnB7v"
        try repo.write("import os\nKEY = \"\(Fake.paperKey)\"  # was \(extra)\n", to: "ctx.py")
        let withContext = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "ctx.py", Fake.paperKey)])
        #expect(!FixReport.diff(withContext, extraSecrets: [extra], redact: { _ in "***" }).contains(extra))
        let unredacted = FixReport.diff(plan, redact: { $0 })
        #expect(unredacted.contains("+APCA_API_KEY_ID=\(Fake.paperKey)\n"))
    }

    @Test("the summary lists changes, manual fixes, the rotation reminder and history, without secrets")
    func summary() throws {
        let (_, plan) = try samplePlan()
        let text = FixReport.summary(plan, applied: nil)
        #expect(text.hasPrefix("alpaca-lint --fix would change 4 files"))
        #expect(text.contains("Not fixed automatically (1):"))
        #expect(text.contains("[alpaca-paper-url-live-key]"))
        #expect(text.contains("regenerate it in the Alpaca dashboard"))
        #expect(text.contains("Found in git history"))
        #expect(text.contains("src/é bot.py:2: [alpaca-paper-key-id]"))
        #expect(!text.contains(Fake.paperKey) && !text.contains(Fake.paperSecret))
    }

    @Test("SARIF fixes hold code replacements in scanner columns and never a secret; the JSON summary has fixable and reason")
    func sarif() throws {
        let (_, plan) = try samplePlan()
        let fix = try #require(plan.outcomes[0].sarifFix)
        let change = try #require(fix.artifactChanges.first)
        #expect(change.path == "src/é bot.py")
        #expect(change.replacements.count == 1)
        let replacement = change.replacements[0]
        #expect(replacement.deletedRegion == FixRegion(startLine: 2, startColumn: 7, endLine: 2, endColumn: 29))
        #expect(replacement.insertedContent == "os.environ[\"APCA_API_KEY_ID\"]")
        let object = fix.sarifObject(encodeURI: { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 })
        let data = try JSONSerialization.data(withJSONObject: object)
        let json = String(decoding: data, as: UTF8.self)
        #expect(!json.contains(Fake.paperKey) && !json.contains("APCA_API_KEY_ID="))
        #expect(json.contains("src\\/%C3%A9%20bot.py") || json.contains("src/%C3%A9%20bot.py"))
        #expect(plan.outcomes[2].sarifFix == nil)
        #expect(plan.outcomes[2].jsonSummary["fixable"] == .bool(false))
        #expect(plan.outcomes[0].jsonSummary["fixable"] == .bool(true))
    }

    @Test("an insertion is an empty deleted region; regions count Unicode scalars")
    func insertionRegion() throws {
        let repo = try TempRepo()
        try repo.write("from x import y\nk = {\"é\": \"\(Fake.paperKey)\"}\n", to: "u.py")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([repo.finding("alpaca-paper-key-id", "u.py", Fake.paperKey)])
        let replacements = try #require(plan.outcomes[0].sarifFix?.artifactChanges.first?.replacements)
        #expect(replacements.count == 2)
        #expect(replacements[0].deletedRegion == FixRegion(startLine: 1, startColumn: 1, endLine: 1, endColumn: 1))
        #expect(replacements[0].insertedContent == "import os\n")
        #expect(replacements[1].deletedRegion == FixRegion(startLine: 2, startColumn: 11, endLine: 2, endColumn: 33))
    }
}

@Suite("SARIF fixes against the schema")
struct SARIFSchemaTests {
    /// ../shared/schemas/sarif-schema-2.1.0.json beside the package (or ALPACA_LINT_SHARED_DIR).
    static let schema: String? = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path,
                       packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path]
        if let explicit = ProcessInfo.processInfo.environment["ALPACA_LINT_SHARED_DIR"] { folders.insert(explicit, at: 0) }
        return folders.map { $0 + "/schemas/sarif-schema-2.1.0.json" }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static let validatorAvailable: Bool = {
        guard schema != nil, onPath("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("a result carrying the planned fixes validates against SARIF 2.1.0",
          .enabled(if: validatorAvailable, "needs ../shared/schemas/sarif-schema-2.1.0.json and python3 with jsonschema"))
    func validates() throws {
        let repo = try TempRepo()
        try repo.write("from x import y\nKEY = \"\(Fake.paperKey)\"\n", to: "a b.py")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([repo.finding("alpaca-paper-key-id", "a b.py", Fake.paperKey)])
        let fix = try #require(plan.outcomes[0].sarifFix)
        let document: [String: Any] = [
            "version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [[
                "tool": ["driver": ["name": "alpaca-lint", "rules": [["id": "alpaca-paper-key-id"]]]],
                "results": [[
                    "ruleId": "alpaca-paper-key-id", "ruleIndex": 0, "message": ["text": "paper key"],
                    "locations": [["physicalLocation": ["artifactLocation": ["uri": "a%20b.py", "uriBaseId": "%SRCROOT%"],
                                                        "region": ["startLine": 2, "startColumn": 8]]]],
                    "fixes": [fix.sarifObject(encodeURI: { $0.replacingOccurrences(of: " ", with: "%20") })],
                ]],
            ]],
        ]
        let file = repo.root.appendingPathComponent("out.sarif")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let script = "import json, sys, jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
        let result = try repo.run("python3", ["-c", script, try #require(Self.schema), file.path])
        #expect(result.status == 0)
    }
}
