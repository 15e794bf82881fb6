import Testing
@testable import AlpacaVerify

@Suite("ALPACA_LINT_VERIFY_OVERRIDE parsing")
struct HostOverrideTests {
    @Test("the documented example maps both trading hosts and leaves the others alone")
    func documentedExample() throws {
        let map = try HostMap(parsing: "api.alpaca.markets=http://127.0.0.1:8101,paper-api.alpaca.markets=http://127.0.0.1:8102")
        #expect(map.baseURL(for: .live) == "http://127.0.0.1:8101")
        #expect(map.baseURL(for: .paper) == "http://127.0.0.1:8102")
        #expect(map.baseURL(for: .brokerLive) == "https://broker-api.alpaca.markets")
        #expect(map.baseURL(for: .brokerSandbox) == "https://broker-api.sandbox.alpaca.markets")
        #expect(map.allowsPlainHTTP(for: .live))
        #expect(!map.allowsPlainHTTP(for: .brokerLive))
    }

    @Test("without an override every host is its official name over https")
    func official() throws {
        #expect(try HostMap.fromEnvironment([:]) == .official)
        for host in OfficialHost.allCases {
            #expect(HostMap.official.baseURL(for: host) == "https://\(host.rawValue)")
            #expect(!HostMap.official.allowsPlainHTTP(for: host))
        }
        #expect(try HostMap(parsing: "") == .official)
        #expect(try HostMap(parsing: " , ") == .official)
    }

    @Test("loopback targets are accepted", arguments: [
        ("http://127.0.0.1:8101", "http://127.0.0.1:8101"),
        ("https://127.0.0.1:8101/", "https://127.0.0.1:8101"),
        ("http://127.255.3.4", "http://127.255.3.4"),
        ("http://localhost:9", "http://localhost:9"),
        ("HTTP://LocalHost:9", "http://localhost:9"),
        ("http://[::1]:8101", "http://[::1]:8101"),
        ("http://[::1]", "http://[::1]"),
    ])
    func loopbackAccepted(target: String, expected: String) throws {
        let map = try HostMap(parsing: " api.alpaca.markets = \(target) ")
        #expect(map.baseURL(for: .live) == expected)
    }

    @Test("anything that is not plainly loopback is refused", arguments: [
        "http://10.0.0.1:8101", "http://192.168.1.10", "http://example.com", "https://api.alpaca.markets",
        "http://127.0.0.1.evil.example", "http://127.1", "http://0x7f.0.0.1", "http://0177.0.0.1",
        "http://127.0.0.256", "http://[::ffff:127.0.0.1]", "http://[::2]", "http://0.0.0.0:8101",
        "http://127.0.0.1@evil.example", "http://evil.example#@127.0.0.1", "http://127.0.0.1:8101/path",
        "http://127.0.0.1:8101?x=1", "http://localhost.evil.example", "http://127.0.0.1%2eevil",
        "http://", "http://[::1]x",
    ])
    func nonLoopbackRefused(target: String) {
        #expect(throws: HostOverrideError.nonLoopbackTarget(host: "api.alpaca.markets", target: target)) {
            try HostMap(parsing: "api.alpaca.markets=\(target)")
        }
    }

    @Test("only the official hosts that verification contacts may be overridden")
    func unknownHosts() {
        #expect(throws: HostOverrideError.unknownHost("data.alpaca.markets")) {
            try HostMap(parsing: "data.alpaca.markets=http://127.0.0.1:1")
        }
        #expect(throws: HostOverrideError.unknownHost("evil.example")) {
            try HostMap(parsing: "evil.example=http://127.0.0.1:1")
        }
    }

    @Test("malformed entries, schemes, ports and duplicates are refused")
    func malformed() {
        #expect(throws: HostOverrideError.malformedEntry("api.alpaca.markets")) { try HostMap(parsing: "api.alpaca.markets") }
        #expect(throws: HostOverrideError.malformedEntry("api.alpaca.markets=127.0.0.1:1")) {
            try HostMap(parsing: "api.alpaca.markets=127.0.0.1:1")
        }
        #expect(throws: HostOverrideError.unsupportedScheme(host: "api.alpaca.markets", target: "ftp://127.0.0.1")) {
            try HostMap(parsing: "api.alpaca.markets=ftp://127.0.0.1")
        }
        for port in ["0", "65536", "", "80a", "999999"] {
            #expect(throws: HostOverrideError.invalidPort(host: "api.alpaca.markets", target: "http://127.0.0.1:\(port)")) {
                try HostMap(parsing: "api.alpaca.markets=http://127.0.0.1:\(port)")
            }
        }
        #expect(throws: HostOverrideError.duplicateHost("api.alpaca.markets")) {
            try HostMap(parsing: "api.alpaca.markets=http://127.0.0.1:1,API.alpaca.markets=http://127.0.0.1:2")
        }
    }

    @Test("the error message names the variable and the refused target")
    func message() {
        let error = HostOverrideError.nonLoopbackTarget(host: "api.alpaca.markets", target: "http://10.0.0.1")
        #expect(error.description.contains("ALPACA_LINT_VERIFY_OVERRIDE"))
        #expect(error.description.contains("http://10.0.0.1"))
        #expect(error.description.contains("loopback"))
    }

    @Test("the environment variable is read by name")
    func fromEnvironment() throws {
        let map = try HostMap.fromEnvironment(["ALPACA_LINT_VERIFY_OVERRIDE": "broker-api.alpaca.markets=http://localhost:7"])
        #expect(map.baseURL(for: .brokerLive) == "http://localhost:7")
        #expect(throws: HostOverrideError.self) {
            try HostMap.fromEnvironment(["ALPACA_LINT_VERIFY_OVERRIDE": "api.alpaca.markets=http://8.8.8.8"])
        }
    }

    @Test("the signature changes with the targets, so caches do not mix fake and real answers")
    func signature() throws {
        let overridden = try HostMap(parsing: "api.alpaca.markets=http://127.0.0.1:1")
        #expect(overridden.signature != HostMap.official.signature)
        #expect(HostMap.official.signature.contains("api.alpaca.markets=https://api.alpaca.markets"))
    }
}
