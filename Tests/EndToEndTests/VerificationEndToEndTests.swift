import AlpacaVerify
import Foundation
import TestSupport
import Testing

/// `--verify` through the real binary, against the fake Alpaca server reached with
/// ALPACA_LINT_VERIFY_OVERRIDE: one request per distinct credential, the right host for each kind,
/// nothing sent without the flag or for a key ID alone, statuses in every format, no account data.
@Suite("Verification end to end", .enabled(if: FakeAlpacaServer.python != nil, "needs python3 for Tests/Support/fake_alpaca_server.py"))
struct VerificationEndToEndTests {
    static let unpairedID = "PKN4W7ZQ2R8TX3MV6LB9"
    // 40 characters, the real shape (the shared fake secrets are one short).
    static let liveSecret = "Vn3Kd8QpLx2RmT7wYb5HjZc9FsGa4NeUq6tPiMo1"
    static let brokerSecret = "Zq7TnW3xKp9LmR2vBc8YhD4sGf6JaE1uNo5QiXt0"

    /// A tree with a paper pair (twice, in two files), a live pair, a broker pair, an OAuth token
    /// and a key ID without its secret.
    static func tree() throws -> URL {
        let root = try CLI.temporaryDirectory("verify-e2e")
        try CLI.write("""
            APCA_API_KEY_ID = "\(TestSupport.FakeKeys.paperID)"
            APCA_API_SECRET_KEY = "\(TestSupport.FakeKeys.paperSecret)"
            """, to: "paper.py", in: root)
        try CLI.write("""
            APCA_API_KEY_ID = "\(TestSupport.FakeKeys.paperID)"
            APCA_API_SECRET_KEY = "\(TestSupport.FakeKeys.paperSecret)"
            """, to: "copy/paper_again.py", in: root)
        try CLI.write("""
            ALPACA_LIVE_KEY_ID=\(TestSupport.FakeKeys.liveID)
            ALPACA_LIVE_SECRET_KEY=\(liveSecret)
            """, to: "live/settings.ini", in: root)
        try CLI.write("""
            BROKER_API_KEY = "\(TestSupport.FakeKeys.brokerID)"
            BROKER_API_SECRET = "\(brokerSecret)"  # alpaca broker
            """, to: "broker.py", in: root)
        try CLI.write("""
            // alpaca oauth app
            const token = "Bearer \(TestSupport.FakeKeys.oauthToken)";
            fetch("https://api.alpaca.markets/v2/account", { headers: { Authorization: token } });
            """, to: "oauth.js", in: root)
        try CLI.write("key = \"\(unpairedID)\"\n", to: "lonely.py", in: root)
        return root
    }

    static func environment(_ server: FakeAlpacaServer, home: URL, verify: Bool = false) throws -> [String: String] {
        var environment = CLI.isolatedEnvironment(home: home)
        let hosts = FakeAlpacaServer.hostListeners.map { host, listener in "\(host.rawValue)=http://127.0.0.1:\(server.ports[listener]!)" }
        environment[HostMap.overrideVariable] = hosts.sorted().joined(separator: ",")
        if verify { environment["ALPACA_LINT_VERIFY"] = "1" }
        return environment
    }

    static var responses: [String: [String: [String: Any]]] { [
        "paper": [TestSupport.FakeKeys.paperID: ["status": 200, "accountStatus": "ACTIVE", "secret": TestSupport.FakeKeys.paperSecret], "*": ["status": 401]],
        "live": [TestSupport.FakeKeys.liveID: ["status": 200, "accountStatus": "ACTIVE"], TestSupport.FakeKeys.oauthToken: ["status": 200, "accountStatus": "ACTIVE"], "*": ["status": 401]],
        "broker-sandbox": [TestSupport.FakeKeys.brokerID: ["status": 200]],
    ] }

    func verification(_ finding: [String: Any]) -> [String: Any]? { finding["verification"] as? [String: Any] }

    @Test("one request per distinct credential, to the right host, statuses in JSON, no account data")
    func verifiesEachCredentialOnce() throws {
        let server = try FakeAlpacaServer(responses: Self.responses)
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["--verify", "--format", "json", "."], in: root, environment: try Self.environment(server, home: root.appendingPathComponent(".home")))
        #expect(result.status == 1, "\(result.stderr)")
        let requests = server.requests()
        // paper pair (found twice) once; live pair once; broker pair once; the token once; the lonely ID never.
        #expect(requests.count == 4, "\(requests.map { "\($0.listener) \($0.path)" })")
        #expect(Set(requests.map(\.listener)) == ["paper", "live", "broker-sandbox"])
        #expect(requests.filter { $0.listener == "paper" }.count == 1)
        #expect(!requests.contains { $0.headers["APCA-API-KEY-ID"] == Self.unpairedID })
        #expect(requests.allSatisfy { $0.headers["User-Agent"]?.hasPrefix("alpaca-lint/") == true })

        let byPath = Dictionary(grouping: result.findings) { $0["path"] as? String ?? "" }
        for path in ["paper.py", "copy/paper_again.py"] {
            for finding in byPath[path] ?? [] {
                #expect(verification(finding)?["status"] as? String == "active")
                #expect(verification(finding)?["environment"] as? String == "paper")
                #expect(verification(finding)?["accountStatus"] as? String == "ACTIVE")
                #expect(verification(finding)?["checkedAt"] as? String != nil)
            }
        }
        let live = try #require(byPath["live/settings.ini"]?.first { $0["ruleId"] as? String == "alpaca-live-key-id" })
        #expect(verification(live)?["environment"] as? String == "live")
        let broker = try #require(byPath["broker.py"]?.first { $0["ruleId"] as? String == "alpaca-broker-key-id" })
        #expect(verification(broker)?["environment"] as? String == "broker-sandbox")
        let token = try #require(byPath["oauth.js"]?.first { $0["ruleId"] as? String == "alpaca-oauth-token" })
        #expect(verification(token)?["status"] as? String == "active")
        let lonely = try #require(byPath["lonely.py"]?.first)
        #expect(verification(lonely)?["status"] as? String == "unverifiable")
        // The fake account carries a number and balances: none of it may reach the report.
        for accountData in ["PA3FAKE7ACCT", "98765.43", "197530.86", "123456.78", "account_number", "buying_power"] {
            #expect(!result.stdout.contains(accountData), "the report carries \(accountData)")
        }
        #expect(!result.stdout.contains(TestSupport.FakeKeys.paperSecret), "a secret leaked into the redacted report")
    }

    @Test("no request leaves without --verify, even with the override set")
    func nothingSentWithoutVerify() throws {
        let server = try FakeAlpacaServer(responses: Self.responses)
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["--format", "json", "."], in: root, environment: try Self.environment(server, home: root.appendingPathComponent(".home")))
        #expect(result.status == 1)
        #expect(server.requests().isEmpty)
        #expect(!result.stdout.contains("\"verification\""))
        // A repository cannot turn it on: the config file has no such key.
        try CLI.write("verify = true\n", to: ".alpaca-lint.toml", in: root)
        let configured = try CLI.run(["--format", "json", "."], in: root, environment: try Self.environment(server, home: root.appendingPathComponent(".home")))
        #expect(configured.status == 2, "an unknown config key is refused: \(configured.stderr)")
        #expect(server.requests().isEmpty)
    }

    @Test("ALPACA_LINT_VERIFY=1 turns it on; --only-verified keeps active credentials only")
    func environmentVariableAndOnlyVerified() throws {
        let server = try FakeAlpacaServer(responses: Self.responses)
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent(".home")
        let viaEnvironment = try CLI.run(["--format", "json", "."], in: root, environment: try Self.environment(server, home: home, verify: true))
        #expect(viaEnvironment.findings.contains { verification($0) != nil })
        let only = try CLI.run(["--only-verified", "--format", "json", "."], in: root, environment: try Self.environment(server, home: home))
        #expect(!only.findings.isEmpty)
        #expect(only.findings.allSatisfy { verification($0)?["status"] as? String == "active" })
        #expect(!only.findings.contains { $0["path"] as? String == "lonely.py" })
    }

    @Test("text and SARIF carry the verdict; an active live credential is an error at the top severity")
    func textAndSARIF() throws {
        let server = try FakeAlpacaServer(responses: Self.responses)
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let environment = try Self.environment(server, home: root.appendingPathComponent(".home"))
        let text = try CLI.run(["--verify", "live"], in: root, environment: environment)
        #expect(text.stdout.contains("[verified: ACTIVE LIVE"), "\(text.stdout)")
        let sarif = try CLI.run(["--verify", "--format", "sarif", "live"], in: root, environment: environment)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = (((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]]) ?? []
        let key = try #require(results.first { $0["ruleId"] as? String == "alpaca-live-key-id" })
        #expect(key["level"] as? String == "error")
        let properties = key["properties"] as? [String: Any]
        #expect(properties?["security-severity"] as? String == "10.0")
        #expect((properties?["verification"] as? [String: Any])?["status"] as? String == "active")
    }

    @Test("verification failures never change the exit status of the scan")
    func failuresKeepTheExitStatus() throws {
        // Every host answers 429 (rate limited): verification errors, the scan still reports its findings.
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 429]], "live": ["*": ["status": 429]],
            "broker-sandbox": ["*": ["status": 429]], "broker-live": ["*": ["status": 429]]])
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["--verify", "--format", "json", "paper.py"], in: root, environment: try Self.environment(server, home: root.appendingPathComponent(".home")))
        #expect(result.status == 1)
        #expect(result.findings.allSatisfy { verification($0)?["status"] as? String == "error" })
        let clean = try CLI.temporaryDirectory("verify-clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        try CLI.write("print('hello')\n", to: "a.py", in: clean)
        let nothing = try CLI.run(["--verify", "."], in: clean, environment: try Self.environment(server, home: clean.appendingPathComponent(".home")))
        #expect(nothing.status == 0)
    }

    @Test("a non-loopback override is a usage error (exit 2), with or without --verify", arguments: [
        "api.alpaca.markets=http://10.1.2.3:8080", "api.alpaca.markets=https://evil.example", "example.com=http://127.0.0.1:9",
    ])
    func nonLoopbackOverrideIsRefused(_ override: String) throws {
        let root = try CLI.temporaryDirectory("verify-override")
        defer { try? FileManager.default.removeItem(at: root) }
        try CLI.write("x = 1\n", to: "a.py", in: root)
        var environment = CLI.isolatedEnvironment(home: root.appendingPathComponent(".home"))
        environment[HostMap.overrideVariable] = override
        for arguments in [["--verify", "."], ["."]] {
            let result = try CLI.run(arguments, in: root, environment: environment)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("ALPACA_LINT_VERIFY_OVERRIDE"))
        }
    }
}
