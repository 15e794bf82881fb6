import Foundation
import Testing

/// The user-facing contract (../shared/reference/contract.md) checked on the real binary:
/// exit codes, report shapes, redaction, rule listing, the binary working on its own.
struct ContractTests {
    static let paperKey = "PKR2W8ZQ4M6XT1NV3HCB"
    static let secret = "h4Jk9Qw2ZxR7mN3bV8tL1pYc6Gf5Ds0AeUiOoWq2"

    /// A tiny project with one hardcoded pair.
    static func leakyProject() throws -> URL {
        let directory = try CLI.temporaryDirectory("contract")
        try CLI.write("import alpaca_trade_api as tradeapi\napi = tradeapi.REST(\"\(paperKey)\", \"\(secret)\", \"https://paper-api.alpaca.markets\")\n", to: "bot.py", in: directory)
        return directory
    }

    @Test("exit 0 on a clean tree, with a summary on stderr")
    func cleanTreeExitsZero() throws {
        let directory = try CLI.temporaryDirectory("contract-clean")
        try CLI.write("import os\nkey = os.environ['APCA_API_KEY_ID']\n", to: "bot.py", in: directory)
        let result = try CLI.run(["."], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("0 findings"))
        #expect(result.stderr.contains("1 file"))
    }

    @Test("exit 1 with findings, text lines in the contract's format")
    func findingsExitOne() throws {
        let result = try CLI.run(["."], in: try Self.leakyProject())
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("bot.py:2:22: error: ") && $0.hasSuffix("[alpaca-paper-key-id] (BP 1)") }, "\(lines)")
        #expect(lines.contains { $0.contains("[alpaca-secret-key] (BP 1)") })
    }

    @Test("--exit-code sets the status used for findings")
    func customExitCode() throws {
        #expect(try CLI.run(["--exit-code", "7", "."], in: try Self.leakyProject()).status == 7)
    }

    @Test("usage errors exit 2, not swift-argument-parser's 64", arguments: [
        ["--format", "yaml", "."], ["--jobs", "0"], ["--no-such-flag"], ["--since", "HEAD"], ["explain", "no-such-rule"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try CLI.run(arguments, in: try CLI.temporaryDirectory("contract-usage"))
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("a missing scan path exits 2 with its name")
    func missingPathExitsTwo() throws {
        let result = try CLI.run(["does-not-exist"], in: try CLI.temporaryDirectory("contract-missing"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("does-not-exist"))
    }

    @Test("an invalid rule file exits 2 naming the file, the rule and PCRE2's error")
    func invalidRuleFileExitsTwo() throws {
        let directory = try CLI.temporaryDirectory("contract-rules")
        try CLI.write("""
            [[rules]]
            id = "acme-token"
            practice = 1
            severity = "error"
            title = "ACME token"
            regex = '''acme_([a-z0-9]{32}'''
            """, to: "rules/acme.toml", in: directory)
        let result = try CLI.run(["--rules", "rules", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("acme.toml"))
        #expect(result.stderr.contains("acme-token"))
        #expect(result.stderr.contains("offset"))
    }

    @Test("an unknown severity and a bad practice are rejected", arguments: [
        ("severity = \"critical\"\npractice = 1", "unknown severity"), ("severity = \"error\"\npractice = 9", "'practice' must be an integer from 1 to 8"),
    ])
    func invalidRuleValues(_ values: (String, String)) throws {
        let directory = try CLI.temporaryDirectory("contract-rules-values")
        try CLI.write("[[rules]]\nid = \"acme-token\"\n\(values.0)\ntitle = \"ACME\"\nregex = 'acme_[a-z]{8}'\n", to: "rules/acme.toml", in: directory)
        let result = try CLI.run(["--rules", "rules", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(values.1), "\(result.stderr)")
    }

    @Test("a user rule with only the documented keys works")
    func minimalUserRule() throws {
        let directory = try CLI.temporaryDirectory("contract-user-rule")
        try CLI.write("""
            [[rules]]
            id = "acme-internal-token"
            practice = 1
            severity = "error"
            title = "ACME token in source"
            regex = '''acme_[a-z0-9]{32}'''
            """, to: "rules/acme.toml", in: directory)
        try CLI.write("token = \"acme_0123456789abcdef0123456789abcdef\"\n", to: "src/app.py", in: directory)
        let result = try CLI.run(["--rules", "rules", "--format", "json", "src"], in: directory)
        #expect(result.status == 1)
        #expect(result.findings.first?["ruleId"] as? String == "acme-internal-token")
        #expect(result.findings.first?["path"] as? String == "src/app.py")
    }

    @Test("JSON findings carry every contract field")
    func jsonShape() throws {
        let result = try CLI.run(["--format", "json", "."], in: try Self.leakyProject())
        let json = try #require(result.json)
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "alpaca-lint")
        #expect(tool["version"] is String)
        let summary = try #require(json["summary"] as? [String: Any])
        for key in ["filesScanned", "bytesScanned", "filesSkipped", "findings", "durationMs"] {
            #expect(summary[key] is Int, "summary.\(key)")
        }
        let finding = try #require(result.findings.first { $0["ruleId"] as? String == "alpaca-paper-key-id" })
        for key in ["ruleId", "practice", "severity", "path", "line", "column", "endLine", "endColumn", "message", "secret", "fingerprint", "suppressed", "related"] {
            #expect(finding[key] != nil, "finding.\(key)")
        }
        #expect(finding["commit"] is NSNull)
        #expect(finding["line"] as? Int == 2)
        #expect(finding["column"] as? Int == 22)
        #expect(finding["endColumn"] as? Int == 42)
        #expect(finding["secret"] as? String == "PKR2…3HCB")
        let related = try #require(finding["related"] as? [[String: Any]])
        #expect(related.contains { $0["line"] as? Int == 2 }, "the key ID relates to its secret")
    }

    @Test("no secret appears in any format unless --no-redact", arguments: ["text", "json", "sarif", "github", "gitlab", "junit"])
    func redactedEverywhere(_ format: String) throws {
        let project = try Self.leakyProject()
        let redacted = try CLI.run(["--format", format, "."], in: project)
        #expect(redacted.status == 1)
        for value in [Self.paperKey, Self.secret] {
            #expect(!redacted.stdout.contains(value), "\(format) leaks a secret")
            #expect(!redacted.stderr.contains(value), "\(format) leaks a secret on stderr")
        }
        if format == "json" || format == "text" {
            let clear = try CLI.run(["--format", format, "--no-redact", "."], in: project)
            #expect(clear.stdout.contains(Self.paperKey))
            #expect(clear.stdout.contains(Self.secret))
        }
    }

    @Test("SARIF output is valid against the official 2.1.0 schema and well formed")
    func sarifValid() throws {
        let project = try Self.leakyProject()
        try CLI.write("KEY=1\n", to: "dir with space/.env", in: project)
        let result = try CLI.run(["--format", "sarif", "."], in: project)
        let sarif = try #require(result.json)
        #expect(sarif["version"] as? String == "2.1.0")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "each rule once")
        for rule in rules {
            let properties = try #require(rule["properties"] as? [String: Any])
            let severity = try #require(properties["security-severity"] as? String)
            #expect(Double(severity).map { (0...10).contains($0) } == true)
            #expect(rule["help"] != nil && rule["helpUri"] != nil && rule["fullDescription"] != nil)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count >= 3)
        for item in results {
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(ids[index] == item["ruleId"] as? String)
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(" "), "relative, percent-encoded: \(uri)")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect(item["partialFingerprints"] != nil)
        }
        #expect(results.contains { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } == "dir%20with%20space/.env" })
        try SchemaCheck.validateSARIF(result.stdout)
    }

    @Test("rules --format json lists every rule with its practice")
    func rulesJSON() throws {
        let result = try CLI.run(["rules", "--format", "json"], in: try CLI.temporaryDirectory("contract-list"))
        #expect(result.status == 0)
        let rules = try #require(result.json?["rules"] as? [[String: Any]])
        let ids = Set(rules.compactMap { $0["id"] as? String })
        for id in [
            "alpaca-live-key-id", "alpaca-paper-key-id", "alpaca-broker-key-id", "alpaca-secret-key", "alpaca-oauth-secret",
            "alpaca-oauth-token", "alpaca-basic-auth-literal", "alpaca-header-literal", "alpaca-live-url-paper-key",
            "alpaca-paper-url-live-key", "alpaca-env-not-ignored", "alpaca-env-tracked",
        ] {
            #expect(ids.contains(id), "\(id) listed")
        }
        #expect(rules.allSatisfy { ($0["practice"] as? Int).map { (1...8).contains($0) } == true })
    }

    @Test("explain knows rules and best practices")
    func explain() throws {
        let directory = try CLI.temporaryDirectory("contract-explain")
        let rule = try CLI.run(["explain", "alpaca-live-key-id"], in: directory)
        #expect(rule.status == 0)
        #expect(rule.stdout.contains("BP1"))
        let practice = try CLI.run(["explain", "BP8"], in: directory)
        #expect(practice.status == 0)
        #expect(practice.stdout.contains("alpaca-live-url-paper-key"))
    }

    @Test("the binary copied alone to another folder still has its rules")
    func binaryCopiedAlone() throws {
        let directory = try CLI.temporaryDirectory("contract-alone")
        let copy = directory.appendingPathComponent("alpaca-lint")
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: copy.path)
        let project = try Self.leakyProject()
        let result = try CLI.runProcess(copy.path, ["--format", "json", "."], in: project, environment: CLI.isolatedEnvironment(home: directory))
        #expect(result.status == 1)
        #expect(result.findings.contains { $0["ruleId"] as? String == "alpaca-paper-key-id" })
    }

    @Test("-o writes the whole report to the file and nothing to stdout")
    func outputFile() throws {
        let project = try Self.leakyProject()
        let result = try CLI.run(["--format", "json", "-o", "report.json", "."], in: project)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: project.appendingPathComponent("report.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((json?["findings"] as? [Any])?.isEmpty == false)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("--color always colours, NO_COLOR and pipes do not")
    func colour() throws {
        let project = try Self.leakyProject()
        let coloured = try CLI.run(["--color", "always", "."], in: project)
        #expect(coloured.stdout.contains("\u{1B}["))
        let plain = try CLI.run(["."], in: project)
        #expect(!plain.stdout.contains("\u{1B}["))
    }
}

/// Validates SARIF with the official schema through python3-jsonschema (Draft 4), when both the
/// schema (../shared) and the library are present; otherwise says why it was skipped.
enum SchemaCheck {
    static func validateSARIF(_ text: String) throws {
        guard let shared = CLI.sharedFolder else {
            print("SKIPPED SARIF schema validation: ../shared/schemas is not present next to the project")
            return
        }
        let schema = shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        let directory = try CLI.temporaryDirectory("sarif")
        let file = directory.appendingPathComponent("report.sarif")
        try Data(text.utf8).write(to: file)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("SKIP: python3 jsonschema missing"); sys.exit(0)
            schema = json.load(open(sys.argv[1]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors[:10]: print("/".join(map(str, e.path)), e.message[:300])
            sys.exit(1 if errors else 0)
            """
        let result = try CLI.runProcess("/usr/bin/env", ["python3", "-c", script, schema, file.path], in: directory, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "SARIF schema errors:\n\(result.stdout)\(result.stderr)")
        if result.stdout.hasPrefix("SKIP") { print("SKIPPED SARIF schema validation: \(result.stdout)") }
    }
}

/// Bug: `-o /dev/null` renamed a temporary file over the device node, turning /dev/null into a
/// regular file for the whole machine. Devices and FIFOs are now written in place.
struct OutputToDeviceTests {
    @Test("bug: -o to a FIFO or device writes in place instead of replacing the node")
    func outputToSpecialFileKeepsTheNode() throws {
        let directory = try CLI.temporaryDirectory("output-device")
        try CLI.write("key = 'PKR2W8ZQ4M6XT1NV3HCB'\n", to: "bot.py", in: directory)
        let fifo = directory.appendingPathComponent("report.fifo")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        // Read the FIFO concurrently so the writer does not block.
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo.path) { received = handle.readDataToEndOfFile() }
        }
        reader.start()
        let result = try CLI.run(["--format", "json", "-o", fifo.path, "bot.py"], in: directory)
        while reader.isExecuting { usleep(10_000) }
        #expect(result.status == 1)
        var status = stat()
        #expect(stat(fifo.path, &status) == 0)
        #expect((status.st_mode & S_IFMT) == S_IFIFO, "the FIFO must still be a FIFO")
        #expect(String(decoding: received, as: UTF8.self).contains("alpaca-paper-key-id"))
        let devNull = try CLI.run(["-o", "/dev/null", "bot.py"], in: directory)
        #expect(devNull.status == 1)
        #expect(stat("/dev/null", &status) == 0)
        #expect((status.st_mode & S_IFMT) == S_IFCHR, "/dev/null must stay a character device")
    }
}

/// Bug: fingerprints used the displayed path, so a baseline written at the repository root hid
/// nothing when alpaca-lint ran from a subfolder. They now use the repository-relative path.
struct BaselineFromSubfolderTests {
    @Test("bug: a baseline written at the root applies when scanning from a subfolder")
    func baselineWorksFromASubfolder() throws {
        let repository = try CLI.temporaryDirectory("baseline-subfolder")
        try CLI.sh("git init -q .", in: repository)
        try CLI.write("key = 'PKR2W8ZQ4M6XT1NV3HCB'\n", to: "src/bot.py", in: repository)
        let full = try CLI.run(["--format", "json", "-o", "baseline.json", "."], in: repository)
        #expect(full.status == 1)
        let fromSubfolder = try CLI.run(
            ["--format", "json", "--baseline", "../baseline.json", "."], in: repository.appendingPathComponent("src"),
            environment: CLI.isolatedEnvironment(home: repository.appendingPathComponent(".test-home")))
        #expect(fromSubfolder.status == 0, "\(fromSubfolder.stderr)")
        #expect(fromSubfolder.findings.first?["path"] as? String == "bot.py")
        #expect(fromSubfolder.findings.first?["suppressed"] as? Bool == true)
    }
}

/// Bug: the README's configuration example held a key-shaped value, so `make scan DIR=.` on a
/// fresh clone of this repository failed on alpaca-lint's own README.
struct SelfScanTests {
    @Test("bug: alpaca-lint's own repository scans clean with its own configuration")
    func ownRepositoryIsClean() throws {
        let result = try CLI.run(["--format", "json", "."], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.findings.map { "\($0["path"] ?? ""):\($0["line"] ?? "") \($0["ruleId"] ?? "")" })")
    }
}
