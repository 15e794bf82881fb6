import Foundation
import AlpacaVerify

/// Starts Tests/Support/fake_alpaca_server.py on ephemeral loopback ports and reads what it saw.
/// The process is stopped when the value is released.
public final class FakeAlpacaServer {
    /// One request as the server recorded it.
    public struct Request {
        /// The listener (official host stand-in) that received it.
        public let listener: String
        /// HTTP method.
        public let method: String
        /// Request path.
        public let path: String
        /// Request headers.
        public let headers: [String: String]
        /// The most requests the server was answering at once so far.
        public let maxInFlight: Int
    }

    /// The server script, next to the test targets.
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/fake_alpaca_server.py")

    /// python3 on PATH, which the fake server needs; nil skips the network tests with a message.
    public static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The four official hosts' listeners, in every configuration so that no test can reach a real host.
    public static let hostListeners: [OfficialHost: String] = [
        .live: "live", .paper: "paper", .brokerLive: "broker-live", .brokerSandbox: "broker-sandbox",
    ]

    /// Scratch folder of this server.
    public let directory: URL
    /// Port of each listener.
    public let ports: [String: Int]
    private let process: Process
    private let logURL: URL

    /// Starts a server whose listeners answer as `responses` says (listener → credential → answer).
    /// `extraListeners` adds ports that stand for no official host (a redirect's target);
    /// `tlsListeners` are served over TLS with a fresh self-signed certificate.
    public init(responses: [String: [String: [String: Any]]], extraListeners: [String] = [], tlsListeners: [String] = []) throws {
        guard let python = Self.python else { throw SetupError(message: "python3 not found on PATH") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-alpaca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logURL = directory.appendingPathComponent("requests.jsonl")
        var config: [String: Any] = [
            "listeners": Array(Self.hostListeners.values).sorted() + extraListeners,
            "responses": responses,
        ]
        if !tlsListeners.isEmpty {
            try Self.makeSelfSignedCertificate(in: directory)
            config["tls"] = ["listeners": tlsListeners,
                             "cert": directory.appendingPathComponent("cert.pem").path,
                             "key": directory.appendingPathComponent("key.pem").path]
        }
        let configURL = directory.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: config).write(to: configURL)

        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.script.path, configURL.path, logURL.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line is {"ports": {...}}, printed once every listener is bound.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw SetupError(message: "fake server exited: \(message)")
            }
            line.append(chunk)
        }
        let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
        ports = object?["ports"] as? [String: Int] ?? [:]
    }

    deinit {
        // SIGKILL: it cannot be blocked, unlike the SIGTERM of terminate() (see the script's main()).
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The override that sends every official host to this server's listeners.
    public func hostMap(scheme: [String: String] = [:]) throws -> HostMap {
        let text = Self.hostListeners.map { host, listener in
            "\(host.rawValue)=\(scheme[listener] ?? "http")://127.0.0.1:\(ports[listener]!)"
        }.joined(separator: ",")
        return try HostMap(parsing: text)
    }

    /// Every request so far, in arrival order.
    public func requests() -> [Request] {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Request(listener: object["listener"] as? String ?? "", method: object["method"] as? String ?? "",
                           path: object["path"] as? String ?? "", headers: object["headers"] as? [String: String] ?? [:],
                           maxInFlight: object["maxInFlight"] as? Int ?? 0)
        }
    }

    private static func makeSelfSignedCertificate(in directory: URL) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                             "-keyout", directory.appendingPathComponent("key.pem").path,
                             "-out", directory.appendingPathComponent("cert.pem").path]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SetupError(message: "openssl could not make a certificate") }
    }

    /// The server could not start.
    public struct SetupError: Error, CustomStringConvertible {
        let message: String
        /// The reason.
        public var description: String { message }
    }
}

/// Made-up credentials with real shapes (20-character IDs, 40-character secrets).
public enum FakeKeys {
    public static let paperID = "PKQ3H8ZK2W6N0RTVLV4B"
    public static let paperSecret = "q8Wd2LmZr5TnB7vXk3YhJ0pFa9GsCe4NuR6tHiQo"
    public static let liveID = "AKW5N2QX8RT3ZP7LM4HV"
    public static let liveSecret = "Vx3Kp9Lm2Qr7Ts5Wn8Yb4Cd6Fg1Hj0Zk2Xa7Qe9"
    public static let brokerID = "CKM8R3TZ5QW2XN7PL4VH"
    public static let brokerSecret = "Bn4Hm8Qs2Wv6Xz0Pk5Lr9Tc3Yd7Fj1Ga6Ne8Ku2"
    public static let oauthToken = "3f9c2b7e-8a41-4d6e-9b53-c0e7a1f2d845"

    /// A distinct paper key pair per number, for tests that need many.
    public static func paperPair(_ number: Int) -> Credential {
        let digits = String(number)
        let id = "PKZ9TEST" + String(repeating: "0", count: 12 - digits.count) + digits
        return .tradingKeyPair(keyID: id, secret: "s3cr3tZ9" + String(repeating: "x", count: 32 - digits.count) + digits)
    }
}
