import TestSupport
import Foundation
import Testing
@testable import AlpacaVerify

/// Verification against the fake Alpaca server, through the real libcurl transport.
@Suite("Verifier against a fake Alpaca server", .enabled(if: FakeAlpacaServer.python != nil, "needs python3 for Tests/Support/fake_alpaca_server.py"))
struct VerifierTests {
    static var ok: [String: Any] { ["status": 200, "accountStatus": "ACTIVE"] }

    func verifier(_ server: FakeAlpacaServer, timeout: Double = 5, cachePath: String? = nil) throws -> Verifier {
        Verifier(options: VerificationOptions(version: "9.9.9-test", hosts: try server.hostMap(), timeout: timeout, cachePath: cachePath))
    }

    @Test("an active paper key: one request, to paper, with the right headers, and no account data kept")
    func activePaper() throws {
        let server = try FakeAlpacaServer(responses: ["paper": [FakeKeys.paperID: ["status": 200, "accountStatus": "ACTIVE", "secret": FakeKeys.paperSecret]]])
        let report = try verifier(server).verify([("fp-paper", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret))])
        let result = try #require(report.results["fp-paper"])
        #expect(result.status == .active)
        #expect(result.environment == .paper)
        #expect(result.accountStatus == "ACTIVE")
        #expect(!result.onUnexpectedHost)
        #expect(result.checkedAt != nil)
        #expect(result.textSuffix == "[verified: ACTIVE PAPER]")

        let requests = server.requests()
        #expect(requests.count == 1)
        #expect(report.requestsSent == 1)
        let request = try #require(requests.first)
        #expect(request.listener == "paper")
        #expect(request.method == "GET")
        #expect(request.path == "/v2/account")
        #expect(request.headers["APCA-API-KEY-ID"] == FakeKeys.paperID)
        #expect(request.headers["APCA-API-SECRET-KEY"] == FakeKeys.paperSecret)
        #expect(request.headers["User-Agent"] == "alpaca-lint/9.9.9-test")
        #expect(request.headers["Authorization"] == nil)

        let encoded = String(decoding: try JSONEncoder().encode(report.results), as: UTF8.self)
        for accountData in ["PA3FAKE7ACCT", "98765.43", "197530.86", "123456.78", "0f1e2d3c", FakeKeys.paperSecret] {
            #expect(!encoded.contains(accountData), "result carries \(accountData)")
        }
    }

    @Test("an active live key is live, and raises the live flag")
    func activeLive() throws {
        let server = try FakeAlpacaServer(responses: ["live": [FakeKeys.liveID: ["status": 200, "accountStatus": "ACCOUNT_UPDATED"]]])
        let report = try verifier(server).verify([("fp-live", .tradingKeyPair(keyID: FakeKeys.liveID, secret: FakeKeys.liveSecret))])
        let result = try #require(report.results["fp-live"])
        #expect(result.status == .active && result.environment == .live && result.isActiveLive)
        #expect(result.accountStatus == "ACCOUNT_UPDATED")
        #expect(result.summary == "ACTIVE LIVE, ACCOUNT_UPDATED")
        #expect(server.requests().map(\.listener) == ["live"])
    }

    @Test("bug: an answer over the 64 KiB read limit is named, not parsed in part")
    func answerOverTheBodyLimitIsNamed() throws {
        let server = try FakeAlpacaServer(responses: ["live": [FakeKeys.liveID: ["status": 200, "padding": 100_000]]])
        let report = try verifier(server).verify([("fp-live", .tradingKeyPair(keyID: FakeKeys.liveID, secret: FakeKeys.liveSecret))])
        let result = try #require(report.results["fp-live"])
        #expect(result.status == .active && result.environment == .live)
        #expect(result.accountStatus == "UNREAD_RESPONSE_OVER_64_KIB")
        #expect(result.summary == "ACTIVE LIVE, UNREAD_RESPONSE_OVER_64_KIB")
    }

    @Test("401 and 403 on both hosts: inactive after exactly two requests, expected host first", arguments: [401, 403])
    func inactive(status: Int) throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": status]], "live": ["*": ["status": status]]])
        let report = try verifier(server).verify([("fp", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret))])
        let result = try #require(report.results["fp"])
        #expect(result.status == .inactive)
        #expect(result.environment == nil && result.accountStatus == nil)
        #expect(result.textSuffix == "[verified: INACTIVE]")
        #expect(server.requests().map(\.listener) == ["paper", "live"])
    }

    @Test("a paper key that works on live is active live on the unexpected host")
    func paperKeyOnLive() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 403]], "live": [FakeKeys.paperID: Self.ok]])
        let report = try verifier(server).verify([("fp", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret))])
        let result = try #require(report.results["fp"])
        #expect(result.status == .active && result.environment == .live)
        #expect(result.onUnexpectedHost)
        #expect(result.summary == "ACTIVE LIVE, UNEXPECTED HOST")
        #expect(server.requests().map(\.listener) == ["paper", "live"])
    }

    @Test("a live key that works on paper is flagged too")
    func liveKeyOnPaper() throws {
        let server = try FakeAlpacaServer(responses: ["live": ["*": ["status": 401]], "paper": [FakeKeys.liveID: Self.ok]])
        let report = try verifier(server).verify([("fp", .tradingKeyPair(keyID: FakeKeys.liveID, secret: FakeKeys.liveSecret))])
        let result = try #require(report.results["fp"])
        #expect(result.status == .active && result.environment == .paper && result.onUnexpectedHost)
        #expect(server.requests().map(\.listener) == ["live", "paper"])
    }

    @Test("429 is an error, not retried, and the other host is not asked")
    func rateLimited() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 429]]])
        let report = try verifier(server).verify([("fp", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret))])
        let result = try #require(report.results["fp"])
        #expect(result.status.name == "error")
        #expect(result.status.reason?.contains("429") == true)
        #expect(server.requests().count == 1)
    }

    @Test("an unexpected status such as 500 is an error naming it")
    func serverError() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 500]]])
        let result = try #require(try verifier(server).verify([("fp", FakeKeys.paperPair(1))]).results["fp"])
        #expect(result.status.reason?.contains("HTTP 500") == true)
    }

    @Test("a slow answer becomes a timeout error within the time limit, without a retry")
    func slow() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 200, "delay": 3]]])
        let started = Date()
        let report = try verifier(server, timeout: 1).verify([("fp", FakeKeys.paperPair(1))])
        let elapsed = Date().timeIntervalSince(started)
        let result = try #require(report.results["fp"])
        #expect(result.status.reason?.contains("no answer within 1 s") == true)
        #expect(elapsed < 2.5, "took \(elapsed) s")
        #expect(server.requests().count == 1)
    }

    @Test("a redirect is reported, never followed: its target receives nothing")
    func redirect() throws {
        let server = try FakeAlpacaServer(
            responses: ["paper": ["*": ["status": 302, "redirectTo": "trap"]], "trap": ["*": Self.ok]],
            extraListeners: ["trap"])
        let report = try verifier(server).verify([("fp", FakeKeys.paperPair(1))])
        let result = try #require(report.results["fp"])
        #expect(result.status.reason?.contains("redirect") == true)
        #expect(server.requests().map(\.listener) == ["paper"])
    }

    @Test("a 301 is not followed either")
    func permanentRedirect() throws {
        let server = try FakeAlpacaServer(
            responses: ["live": ["*": ["status": 301, "redirectTo": "trap"]], "trap": ["*": Self.ok]],
            extraListeners: ["trap"])
        let result = try #require(try verifier(server).verify([("fp", .oauthToken(FakeKeys.oauthToken))]).results["fp"])
        #expect(result.status.reason?.contains("301") == true)
        #expect(!server.requests().contains { $0.listener == "trap" })
    }

    @Test("a self-signed certificate fails with a TLS error and is never retried or bypassed")
    func selfSignedTLS() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": Self.ok]], tlsListeners: ["paper"])
        let hosts = try server.hostMap(scheme: ["paper": "https"])
        #expect(hosts.baseURL(for: .paper).hasPrefix("https://127.0.0.1:"))
        let verifier = Verifier(options: VerificationOptions(version: "test", hosts: hosts, timeout: 5))
        let report = verifier.verify([("fp", FakeKeys.paperPair(1))])
        let reason = try #require(report.results["fp"]?.status.reason)
        #expect(reason.contains("TLS"))
        #expect(reason.lowercased().contains("certificate"))
        #expect(report.requestsSent == 1)
        #expect(server.requests().isEmpty, "the request must not get past the handshake")
    }

    @Test("https is required unless the override says http: a plain server is not spoken to in clear")
    func httpsRequiredForHttpsTarget() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": Self.ok]])
        let hosts = try server.hostMap(scheme: ["paper": "https"])
        let report = Verifier(options: VerificationOptions(version: "test", hosts: hosts, timeout: 5)).verify([("fp", FakeKeys.paperPair(1))])
        #expect(report.results["fp"]?.status.reason?.contains("TLS") == true)
        #expect(server.requests().isEmpty)
    }

    @Test("a dropped connection is retried exactly once")
    func connectionRetry() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["drop": true]]])
        let report = try verifier(server).verify([("fp", FakeKeys.paperPair(1))])
        let result = try #require(report.results["fp"])
        #expect(result.status.reason?.contains("connection failed") == true)
        #expect(server.requests().map(\.listener) == ["paper", "paper"])
        #expect(report.requestsSent == 2)
    }

    @Test("a broker key: Basic auth on the sandbox's /v1/clock, production after a 401")
    func broker() throws {
        let server = try FakeAlpacaServer(responses: [
            "broker-sandbox": ["*": ["status": 401]],
            "broker-live": [FakeKeys.brokerID: ["status": 200, "secret": FakeKeys.brokerSecret]],
        ])
        let report = try verifier(server).verify([("fp", .brokerBasic(keyID: FakeKeys.brokerID, secret: FakeKeys.brokerSecret))])
        let result = try #require(report.results["fp"])
        #expect(result.status == .active && result.environment == .brokerLive && result.isActiveLive)
        #expect(result.accountStatus == nil)
        let requests = server.requests()
        #expect(requests.map(\.listener) == ["broker-sandbox", "broker-live"])
        #expect(requests.allSatisfy { $0.path == "/v1/clock" && $0.headers["Authorization"]?.hasPrefix("Basic ") == true })
        #expect(requests.allSatisfy { $0.headers["APCA-API-KEY-ID"] == nil })
    }

    @Test("a sandbox broker key takes one request")
    func brokerSandbox() throws {
        let server = try FakeAlpacaServer(responses: ["broker-sandbox": [FakeKeys.brokerID: ["status": 200]]])
        let result = try #require(try verifier(server).verify([("fp", .brokerBasic(keyID: FakeKeys.brokerID, secret: FakeKeys.brokerSecret))]).results["fp"])
        #expect(result.status == .active && result.environment == .brokerSandbox && !result.isActiveLive)
        #expect(server.requests().map(\.listener) == ["broker-sandbox"])
    }

    @Test("an OAuth token is sent as Bearer to live first, then paper")
    func oauth() throws {
        let server = try FakeAlpacaServer(responses: ["live": ["*": ["status": 403]], "paper": [FakeKeys.oauthToken: Self.ok]])
        let result = try #require(try verifier(server).verify([("fp", .oauthToken(FakeKeys.oauthToken))]).results["fp"])
        #expect(result.status == .active && result.environment == .paper && !result.onUnexpectedHost)
        let requests = server.requests()
        #expect(requests.map(\.listener) == ["live", "paper"])
        #expect(requests.allSatisfy { $0.headers["Authorization"] == "Bearer \(FakeKeys.oauthToken)" && $0.path == "/v2/account" })
    }

    @Test("a key ID without its secret is unverifiable and sends nothing")
    func keyIDOnly() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": Self.ok], "live": ["*": Self.ok]])
        let report = try verifier(server).verify([("a", .keyIDOnly(FakeKeys.paperID)), ("b", .keyIDOnly(FakeKeys.liveID))])
        #expect(report.results["a"]?.status == .unverifiable)
        #expect(report.results["b"]?.status == .unverifiable)
        #expect(report.results["a"]?.checkedAt == nil)
        #expect(report.results["a"]?.textSuffix == "[verified: UNVERIFIABLE]")
        #expect(report.requestsSent == 0)
        #expect(server.requests().isEmpty)
    }

    @Test("one request per distinct credential, whatever the number of findings")
    func deduplication() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": Self.ok]])
        var items: [(id: String, credential: Credential)] = []
        for finding in 0..<12 { items.append(("finding-\(finding)", FakeKeys.paperPair(finding % 3))) }
        let report = try verifier(server).verify(items)
        #expect(report.results.count == 12)
        #expect(report.results.values.allSatisfy { $0.status == .active })
        let requests = server.requests()
        #expect(requests.count == 3)
        #expect(Set(requests.compactMap { $0.headers["APCA-API-KEY-ID"] }).count == 3)
    }

    @Test("never more than four requests at once, and more than one when there is work")
    func concurrency() throws {
        let server = try FakeAlpacaServer(responses: ["paper": ["*": ["status": 200, "delay": 0.3]]])
        let items = (0..<12).map { (id: "fp-\($0)", credential: FakeKeys.paperPair($0)) }
        let report = Verifier(options: VerificationOptions(version: "test", hosts: try server.hostMap(), timeout: 5, concurrency: 99))
            .verify(items)
        #expect(report.results.values.allSatisfy { $0.status == .active })
        let requests = server.requests()
        #expect(requests.count == 12)
        let peak = requests.map(\.maxInFlight).max() ?? 0
        #expect(peak <= 4, "peak \(peak)")
        #expect(peak >= 2, "peak \(peak): requests ran one by one")
    }

    @Test("a mixed batch: every status in one run, each credential asked once")
    func mixed() throws {
        let server = try FakeAlpacaServer(responses: [
            "paper": [FakeKeys.paperID: Self.ok, "*": ["status": 403]],
            "live": [FakeKeys.liveID: ["status": 429], "*": ["status": 401]],
            "broker-sandbox": ["*": ["status": 200]],
        ])
        let report = try verifier(server).verify([
            ("paper", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret)),
            ("paper-again", .tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret)),
            ("live", .tradingKeyPair(keyID: FakeKeys.liveID, secret: FakeKeys.liveSecret)),
            ("dead", FakeKeys.paperPair(7)),
            ("broker", .brokerBasic(keyID: FakeKeys.brokerID, secret: FakeKeys.brokerSecret)),
            ("lonely", .keyIDOnly("AKX4N7QZ2RW8TP5LM3HV")),
        ])
        #expect(report.results.mapValues(\.status.name) == [
            "paper": "active", "paper-again": "active", "live": "error", "dead": "inactive", "broker": "active", "lonely": "unverifiable",
        ])
        // paper: 1, live: 1 (429 stops), dead: 2, broker: 1.
        #expect(server.requests().count == 5)
    }
}
