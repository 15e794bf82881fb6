import AlpacaFix
import Foundation
import TestSupport
import Testing

/// The issue's acceptance scenario: a throwaway repository with leaked keys in five languages and an
/// un-ignored .env, scanned by the real alpaca-lint binary, fixed through the plan, and rescanned.
@Suite("--fix end to end (real scanner)")
struct FixEndToEndTests {
    /// The alpaca-lint executable built with the tests.
    static let binary: String? = {
        if let explicit = ProcessInfo.processInfo.environment["ALPACA_LINT_BINARY"] { return explicit }
        var candidates: [URL] = []
        for argument in [CommandLine.arguments.first, Bundle.main.executablePath].compactMap({ $0 }) {
            var url = URL(fileURLWithPath: argument).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(url.appendingPathComponent("alpaca-lint"))
                url = url.deletingLastPathComponent()
            }
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/alpaca-lint"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.isExecutableFile(atPath: url.path)
                && FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }?.path
    }()

    static let liveKey = "AKN4R7T2W9Q3X6Y1M8PZ"
    static let notebookKey = "PKM3V8Q1T6Z2R9W4N7XB"
    static let liveSecret = "Hq3Wm8Zt1Rk6Vn9Bx2Lc5Jd7Fg4Sa0Pe3Yu6Io1X"

    /// Writes the scenario; returns the repository.
    private func makeRepository() throws -> TempRepo {
        let repo = try TempRepo()
        try repo.write("""
            import alpaca_trade_api as tradeapi

            api = tradeapi.REST("\(Fake.paperKey)", "\(Fake.paperSecret)", "https://paper-api.alpaca.markets")

            """, to: "bot/legacy.py")
        try repo.write("""
            from alpaca.trading.client import TradingClient

            trading_client = TradingClient(
                "\(Fake.paperKey)",
                "\(Fake.paperSecret)",
                paper=True,
            )

            """, to: "bot/trading.py")
        try repo.write("""
            import os

            os.environ["APCA_API_KEY_ID"] = "\(Fake.paperKey)"
            os.environ["APCA_API_SECRET_KEY"] = "\(Fake.paperSecret)"

            """, to: "bot/setup_env.py")
        try repo.write("""
            export async function getAccount() {
              const res = await fetch("https://paper-api.alpaca.markets/v2/account", {
                headers: {
                  "APCA-API-KEY-ID": "\(Fake.paperKey)",
                  "APCA-API-SECRET-KEY": "\(Fake.paperSecret)",
                },
              });
              return res.json();
            }

            """, to: "web/account.mjs")
        try repo.write("""
            import axios from "axios";

            export const api = axios.create({
              baseURL: "https://paper-api.alpaca.markets/v2",
              headers: { "APCA-API-KEY-ID": "\(Fake.paperKey)", "APCA-API-SECRET-KEY": "\(Fake.paperSecret)" },
            });

            """, to: "web/client.ts")
        try repo.write("""
            import Foundation

            func accountRequest() -> URLRequest {
                var request = URLRequest(url: URL(string: "https://paper-api.alpaca.markets/v2/account")!)
                request.setValue("\(Fake.paperKey)", forHTTPHeaderField: "APCA-API-KEY-ID")
                request.setValue("\(Fake.paperSecret)", forHTTPHeaderField: "APCA-API-SECRET-KEY")
                return request
            }

            """, to: "ios/Account.swift")
        try repo.write("package orders\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc newRequest(ctx context.Context) (*http.Request, error) {\n\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, \"https://api.alpaca.markets/v2/orders\", nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treq.Header.Set(\"APCA-API-KEY-ID\", \"\(Self.liveKey)\")\n\treq.Header.Set(\"APCA-API-SECRET-KEY\", \"\(Self.liveSecret)\")\n\treturn req, nil\n}\n", to: "go/orders.go")
        try repo.write("""
            #!/usr/bin/env bash
            # source me: . scripts/env.sh
            export APCA_API_KEY_ID="\(Fake.paperKey)"
            export APCA_API_SECRET_KEY="\(Fake.paperSecret)"
            export APCA_API_BASE_URL="https://paper-api.alpaca.markets"

            """, to: "scripts/env.sh", mode: 0o755)
        // The construct --fix leaves to a person: the key inside an f-string.
        try repo.write("""
            import requests

            def bars(symbol):
                return requests.get(f"https://data.alpaca.markets/v2/stocks/{symbol}/bars?key=\(Self.notebookKey)")

            """, to: "bot/unsupported.py")
        try repo.write("APCA_API_BASE_URL=https://paper-api.alpaca.markets\n", to: ".env")
        try repo.run("git", ["add", "bot", "web", "ios", "go", "scripts"])
        try repo.run("git", ["commit", "-q", "-m", "leaky bot"])
        return repo
    }

    /// Scans the repository with the real binary and maps the JSON findings to the fixer's input.
    static func scan(_ repo: TempRepo) throws -> [FixFinding] {
        let binary = try #require(Self.binary, "alpaca-lint binary not found")
        let data = Data(try repo.run(binary, ["--format", "json", "--no-redact", "."]).output.utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return findings.map { object in
            let path = object["path"] as? String ?? ""
            return FixFinding(
                ruleId: object["ruleId"] as? String ?? "", filePath: repo.root.appendingPathComponent(path).path, relativePath: path,
                line: object["line"] as? Int ?? 1, column: object["column"] as? Int ?? 1, endLine: object["endLine"] as? Int ?? 1,
                endColumn: object["endColumn"] as? Int ?? 1, secret: object["secret"] as? String ?? "")
        }
    }

    /// Every file under the repository (except .git) with its bytes.
    private func snapshot(_ repo: TempRepo) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: repo.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative == ".git" || relative.hasPrefix(".git/") || relative.hasPrefix(".test-home") { continue }
            if let bytes = repo.bytes(relative), !(try! FileManager.default.attributesOfItem(atPath: repo.path + "/" + relative)[.type] as! FileAttributeType == .typeDirectory) {
                result[relative] = bytes
            }
        }
        return result
    }

    static let codeCredentialRules: Set<String> = [
        "alpaca-live-key-id", "alpaca-paper-key-id", "alpaca-broker-key-id", "alpaca-secret-key", "alpaca-oauth-secret",
        "alpaca-oauth-token", "alpaca-basic-auth-literal", "alpaca-header-literal",
    ]

    @Test("fix, verify, rescan, and a second run changes nothing", .enabled(if: binary != nil, "needs the built alpaca-lint binary"))
    func scenario() throws {
        let repo = try makeRepository()
        let unsupportedBefore = repo.bytes("bot/unsupported.py")
        let findings = try Self.scan(repo)
        #expect(findings.contains { $0.ruleId == "alpaca-env-not-ignored" && $0.relativePath == ".env" })
        #expect(findings.contains { $0.ruleId == "alpaca-header-literal" && $0.relativePath == "ios/Account.swift" })

        // --diff: the plan and its diff write nothing.
        let before = snapshot(repo)
        let plan = FixPlanner(repositoryRoot: repo.path).plan(findings)
        let diff = FixReport.diff(plan, redact: { _ in "[REDACTED]" })
        #expect(diff.contains("+++ b/bot/legacy.py"))
        #expect(!diff.contains(Fake.paperSecret))
        #expect(snapshot(repo) == before)

        for (finding, outcome) in zip(plan.findings, plan.outcomes) where finding.relativePath != "bot/unsupported.py" && Self.codeCredentialRules.contains(finding.ruleId) {
            #expect(outcome.fixable, "\(finding.relativePath):\(finding.line) \(finding.ruleId): \(outcome.reason)")
        }
        let unsupported = plan.outcomes.enumerated().filter { plan.findings[$0.offset].relativePath == "bot/unsupported.py" }
        #expect(!unsupported.isEmpty && unsupported.allSatisfy { !$0.element.fixable && $0.element.reason.contains("f-string") })

        // SARIF results for this repository carry the fixes, valid against the schema, with no secret.
        if SARIFSchemaTests.validatorAvailable, let schema = SARIFSchemaTests.schema {
            let results: [[String: Any]] = zip(plan.findings, plan.outcomes).compactMap { finding, outcome in
                guard let fix = outcome.sarifFix else { return nil }
                return [
                    "ruleId": finding.ruleId, "message": ["text": outcome.reason],
                    "locations": [["physicalLocation": [
                        "artifactLocation": ["uri": finding.relativePath, "uriBaseId": "%SRCROOT%"],
                        "region": ["startLine": finding.line, "startColumn": finding.column, "endLine": finding.endLine, "endColumn": finding.endColumn],
                    ]]],
                    "fixes": [fix.sarifObject(encodeURI: { $0 })],
                ]
            }
            #expect(results.count >= 14)
            let document: [String: Any] = ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "alpaca-lint"]], "results": results]]]
            let data = try JSONSerialization.data(withJSONObject: document)
            #expect(!String(decoding: data, as: UTF8.self).contains(Fake.paperKey))
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.liveSecret))
            let file = Scratch.root.appendingPathComponent("fix-e2e-\(UUID().uuidString).sarif")
            defer { try? FileManager.default.removeItem(at: file) }
            try data.write(to: file)
            let script = "import json, sys, jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
            #expect(try repo.run("python3", ["-c", script, schema, file.path]).status == 0)
        }

        // --fix.
        let result = FixApplier().apply(plan)
        #expect(result.complete, "\(result.notWritten)")
        let summary = FixReport.summary(plan, applied: result)
        #expect(summary.contains("Rotate the keys (BP2)"))
        #expect(!summary.contains(Fake.paperKey) && !summary.contains(Fake.paperSecret))

        // The rescan finds no credential or header literal in the code files (only the f-string).
        let after = try Self.scan(repo)
        let left = after.filter { Self.codeCredentialRules.contains($0.ruleId) }
        #expect(left.allSatisfy { $0.relativePath == "bot/unsupported.py" }, "\(left.map { "\($0.relativePath):\($0.line) \($0.ruleId)" })")
        #expect(!after.contains { $0.ruleId == "alpaca-env-not-ignored" || $0.ruleId == "alpaca-env-tracked" })
        #expect(repo.bytes("bot/unsupported.py") == unsupportedBefore)

        // Each fixed file parses, by the language's own checker where it is installed.
        let checks: [(String, [String], String)] = [
            ("python3", ["-m", "py_compile"], "bot/legacy.py"), ("python3", ["-m", "py_compile"], "bot/trading.py"),
            ("python3", ["-m", "py_compile"], "bot/setup_env.py"), ("node", ["--check"], "web/account.mjs"),
            ("swiftc", ["-parse"], "ios/Account.swift"), ("gofmt", ["-e", "-l"], "go/orders.go"), ("bash", ["-n"], "scripts/env.sh"),
        ]
        for (program, arguments, file) in checks where onPath(program) {
            #expect(try repo.run(program, arguments + [file]).status == 0, "\(program) rejects \(file)")
        }
        for change in plan.changes where { if case .code = change.role { return true } else { return false } }() {
            #expect(change.verification?.hasPrefix("parses") == true || change.verification?.hasPrefix("not checked") == true)
        }
        #expect(repo.read("web/client.ts")?.contains("\"APCA-API-KEY-ID\": process.env.APCA_API_KEY_ID ?? \"\"") == true)
        #expect(repo.read("go/orders.go")?.contains("os.Getenv(\"APCA_API_KEY_ID_LIVE\")") == true)
        #expect(repo.mode("scripts/env.sh") == 0o755)

        // .env: ignored (git agrees), mode 0600, holds the values; .env.example holds names only.
        #expect(try repo.run("git", ["check-ignore", "-q", ".env"]).status == 0)
        // It existed with 0644; holding secrets now, it lost the group and other bits.
        #expect(repo.mode(".env") == 0o600)
        let environment = try #require(repo.read(".env"))
        for line in ["APCA_API_BASE_URL=https://paper-api.alpaca.markets", "APCA_API_KEY_ID=\(Fake.paperKey)",
                     "APCA_API_SECRET_KEY=\(Fake.paperSecret)", "APCA_API_KEY_ID_LIVE=\(Self.liveKey)",
                     "APCA_API_SECRET_KEY_LIVE=\(Self.liveSecret)"] {
            #expect(environment.contains(line + "\n"), "missing \(line)")
        }
        let example = try #require(repo.read(".env.example"))
        for line in DotEnvLinesForTest.lines(example) where !line.hasPrefix("#") && !line.isEmpty {
            #expect(line.hasSuffix("="), "a value in .env.example: \(line)")
        }

        // A second run changes nothing.
        try repo.run("git", ["add", "-A"])
        let status = try repo.run("git", ["status", "--porcelain"]).output
        let diffBefore = try repo.run("git", ["diff", "--cached"]).output
        let secondFindings = try Self.scan(repo)
        let second = FixPlanner(repositoryRoot: repo.path).plan(secondFindings)
        #expect(second.changes.isEmpty, "\(second.changes.map(\.relativePath))")
        _ = FixApplier().apply(second)
        try repo.run("git", ["add", "-A"])
        #expect(try repo.run("git", ["status", "--porcelain"]).output == status)
        #expect(try repo.run("git", ["diff", "--cached"]).output == diffBefore)
    }
}

/// Line splitting for assertions.
enum DotEnvLinesForTest {
    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }
}
