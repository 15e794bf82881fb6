import TestSupport
import Foundation
import Testing
@testable import AlpacaVerify

/// A transport that answers from a script and counts calls; for behaviour that needs no server.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [HTTPOutcome]
    private(set) var seen: [HTTPGetRequest] = []
    let unavailable: String?

    init(_ answers: [HTTPOutcome], unavailable: String? = nil) {
        self.answers = answers
        self.unavailable = unavailable
    }

    func get(_ request: HTTPGetRequest) -> HTTPOutcome {
        lock.lock(); defer { lock.unlock() }
        seen.append(request)
        return answers.isEmpty ? .failure(.other, message: "script exhausted") : answers.removeFirst()
    }

    func unavailableReason() -> String? { unavailable }

    var count: Int { lock.lock(); defer { lock.unlock() }; return seen.count }
}

@Suite("Retry policy, missing libcurl, and the cache")
struct CacheAndTransportTests {
    static let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)
    let options = VerificationOptions(version: "1.2.3")

    func verifier(_ transport: ScriptedTransport, options: VerificationOptions? = nil, now: Date = fixedNow) -> Verifier {
        Verifier(options: options ?? self.options, transport: transport, now: { now })
    }

    @Test("only the real hosts over https, with the caller's user agent and the clamped limits")
    func requestShape() throws {
        let transport = ScriptedTransport([.response(status: 403, body: []), .response(status: 403, body: [])])
        _ = verifier(transport).verify([("fp", FakeKeys.paperPair(1))])
        #expect(transport.seen.map(\.url) == ["https://paper-api.alpaca.markets/v2/account", "https://api.alpaca.markets/v2/account"])
        #expect(transport.seen.allSatisfy { !$0.allowPlainHTTP && $0.timeout == 10 })
        #expect(transport.seen.first?.headers.first { $0.name == "User-Agent" }?.value == "alpaca-lint/1.2.3")
    }

    @Test("limits cannot be raised past 10 s and 4 at once")
    func clamps() {
        var options = VerificationOptions(version: "x", timeout: 60, concurrency: 16)
        #expect(options.timeout == 10 && options.concurrency == 4)
        options.timeout = .infinity
        options.concurrency = 0
        #expect(options.timeout == 10 && options.concurrency == 1)
    }

    @Test("one retry per credential after a connection failure, none after a timeout or TLS failure")
    func retries() {
        let connection = ScriptedTransport([.failure(.connection, message: "refused"), .response(status: 200, body: Array(#"{"status":"ACTIVE"}"#.utf8))])
        #expect(verifier(connection).verify([("fp", FakeKeys.paperPair(1))]).results["fp"]?.status == .active)
        #expect(connection.count == 2)

        let twice = ScriptedTransport([.failure(.connection, message: "refused"), .failure(.connection, message: "refused")])
        #expect(verifier(twice).verify([("fp", FakeKeys.paperPair(1))]).results["fp"]?.status.reason?.contains("connection failed") == true)
        #expect(twice.count == 2)

        // The retry is spent on the first host; a connection failure on the second host is final.
        let spent = ScriptedTransport([.failure(.connection, message: "x"), .response(status: 401, body: []), .failure(.connection, message: "y")])
        let reason = verifier(spent).verify([("fp", FakeKeys.paperPair(1))]).results["fp"]?.status.reason
        #expect(spent.count == 3)
        #expect(reason?.hasPrefix("paper-api.alpaca.markets rejected it (401); then api.alpaca.markets: connection failed") == true)

        for failure in [TransportFailure.timeout, .tls, .other] {
            let transport = ScriptedTransport([.failure(failure, message: "m")])
            #expect(verifier(transport).verify([("fp", FakeKeys.paperPair(1))]).results["fp"]?.status.name == "error")
            #expect(transport.count == 1)
        }
    }

    @Test("without libcurl every credential is an error, one warning, no request")
    func unavailable() {
        let transport = ScriptedTransport([], unavailable: "libcurl could not be loaded")
        let report = verifier(transport).verify([("a", FakeKeys.paperPair(1)), ("b", FakeKeys.paperPair(2)), ("c", .keyIDOnly("PKQ3H8ZK2W6N0RTVLV4C"))])
        #expect(report.results["a"]?.status.reason?.contains("libcurl could not be loaded") == true)
        #expect(report.results["c"]?.status == .unverifiable)
        #expect(report.warnings.count == 1)
        #expect(transport.count == 0)
    }

    @Test("the system's libcurl is found here (the static release relies on it at run time)")
    func libcurlPresent() {
        let availability = Verifier.httpClientAvailability()
        #expect(availability.usable, "\(availability.description)")
        #expect(availability.description.hasPrefix("libcurl/"))
    }

    @Test("a fresh cached result is used without a request; the cache holds no secret")
    func cacheHit() throws {
        let directory = Scratch.root.appendingPathComponent("verify-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.json").path
        let options = VerificationOptions(version: "t", cachePath: path)
        let credential = Credential.tradingKeyPair(keyID: FakeKeys.paperID, secret: FakeKeys.paperSecret)

        let first = ScriptedTransport([.response(status: 200, body: Array(#"{"status":"ACTIVE","account_number":"PA3FAKE7ACCT"}"#.utf8))])
        let firstReport = verifier(first, options: options).verify([("fp-1", credential)])
        #expect(first.count == 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(FakeKeys.paperSecret) && !text.contains(FakeKeys.paperID) && !text.contains("PA3FAKE7ACCT"))
        #expect(text.contains("fp-1") && text.contains("\"active\""))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = ScriptedTransport([])
        let secondReport = verifier(second, options: options, now: Self.fixedNow.addingTimeInterval(3600)).verify([("fp-1", credential)])
        #expect(second.count == 0)
        #expect(secondReport.results["fp-1"] == firstReport.results["fp-1"])
        #expect(secondReport.results["fp-1"]?.checkedAt == Self.fixedNow)

        // Past the maximum age the credential is asked again.
        let third = ScriptedTransport([.response(status: 403, body: []), .response(status: 403, body: [])])
        let thirdReport = verifier(third, options: options, now: Self.fixedNow.addingTimeInterval(2 * 86_400)).verify([("fp-1", credential)])
        #expect(third.count == 2)
        #expect(thirdReport.results["fp-1"]?.status == .inactive)
    }

    @Test("errors are not cached; a cache made for other hosts is not used")
    func cacheScope() throws {
        let directory = Scratch.root.appendingPathComponent("verify-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.json").path
        let options = VerificationOptions(version: "t", cachePath: path)

        _ = verifier(ScriptedTransport([.response(status: 429, body: [])]), options: options).verify([("fp", FakeKeys.paperPair(1))])
        let again = ScriptedTransport([.response(status: 200, body: [])])
        _ = verifier(again, options: options).verify([("fp", FakeKeys.paperPair(1))])
        #expect(again.count == 1)

        let overridden = VerificationOptions(version: "t", hosts: try HostMap(parsing: "paper-api.alpaca.markets=http://127.0.0.1:9"), cachePath: path)
        let elsewhere = ScriptedTransport([.response(status: 200, body: [])])
        _ = verifier(elsewhere, options: overridden).verify([("fp", FakeKeys.paperPair(1))])
        #expect(elsewhere.count == 1)
    }

    @Test("a corrupt cache is ignored with a warning and left as it was")
    func corruptCache() throws {
        let directory = Scratch.root.appendingPathComponent("verify-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.json").path
        let original = #"{"not": "a cache"}"#
        try original.write(toFile: path, atomically: true, encoding: .utf8)

        let transport = ScriptedTransport([.response(status: 200, body: [])])
        let report = verifier(transport, options: VerificationOptions(version: "t", cachePath: path)).verify([("fp", FakeKeys.paperPair(1))])
        #expect(report.results["fp"]?.status == .active)
        #expect(transport.count == 1)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("not a valid alpaca-lint cache") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["notes.json"])
    }

    @Test("an unwritable cache folder is a warning, not a failure")
    func unwritableCache() {
        let transport = ScriptedTransport([.response(status: 200, body: [])])
        let options = VerificationOptions(version: "t", cachePath: "/nonexistent-folder-for-alpaca-lint/cache.json")
        let report = verifier(transport, options: options).verify([("fp", FakeKeys.paperPair(1))])
        #expect(report.results["fp"]?.status == .active)
        #expect(report.warnings.first?.contains("could not be written") == true)
    }

    @Test("the JSON shape the reports use")
    func encoding() throws {
        let result = VerificationResult(status: .active, environment: .brokerSandbox, accountStatus: nil, checkedAt: Self.fixedNow)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        #expect(object?["status"] as? String == "active")
        #expect(object?["environment"] as? String == "broker-sandbox")
        #expect(object?["accountStatus"] is NSNull)
        #expect(object?["checkedAt"] as? String == "2026-11-18T11:06:40Z")
        #expect(object?["onUnexpectedHost"] as? Bool == false)
        #expect(object?["reason"] == nil)

        let error = VerificationResult(status: .error("api.alpaca.markets answered HTTP 500"), checkedAt: Self.fixedNow)
        let decoded = try JSONDecoder().decode(VerificationResult.self, from: JSONEncoder().encode(error))
        #expect(decoded == error)
    }
}
