import Foundation

/// Where each official host is reached: itself over HTTPS, or — for tests only — a loopback URL
/// given in `ALPACA_LINT_VERIFY_OVERRIDE`.
public struct HostMap: Equatable, Sendable {
    /// The environment variable that maps official hosts to loopback URLs.
    public static let overrideVariable = "ALPACA_LINT_VERIFY_OVERRIDE"

    /// The real hosts, over HTTPS; what every user gets.
    public static let official = HostMap(overrides: [:])

    /// A loopback target that stands in for an official host.
    public struct LoopbackTarget: Equatable, Sendable {
        /// "http" or "https".
        public let scheme: String
        /// "127.x.y.z", "[::1]" or "localhost", as written (brackets included for IPv6).
        public let host: String
        /// The port, when given.
        public let port: Int?

        /// The URL prefix requests are built on, e.g. "http://127.0.0.1:8101".
        public var baseURL: String { "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") }
    }

    /// The overridden hosts; the others are reached directly.
    public let overrides: [OfficialHost: LoopbackTarget]

    private init(overrides: [OfficialHost: LoopbackTarget]) {
        self.overrides = overrides
    }

    /// Parses an override such as
    /// `api.alpaca.markets=http://127.0.0.1:8101,paper-api.alpaca.markets=http://127.0.0.1:8102`.
    /// Only official hosts may appear on the left and only loopback targets (127.0.0.0/8, `[::1]`,
    /// `localhost`) on the right; anything else throws. An empty or blank value means no override.
    public init(parsing text: String) throws(HostOverrideError) {
        var overrides: [OfficialHost: LoopbackTarget] = [:]
        for rawEntry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = rawEntry.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "=") else { throw .malformedEntry(entry) }
            let left = entry[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let right = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let host = OfficialHost(rawValue: left) else { throw .unknownHost(left) }
            guard overrides[host] == nil else { throw .duplicateHost(left) }
            overrides[host] = try Self.loopbackTarget(right, for: left)
        }
        self.overrides = overrides
    }

    /// The map from `ALPACA_LINT_VERIFY_OVERRIDE` in `environment`, or `official` when it is unset.
    public static func fromEnvironment(_ environment: [String: String]) throws(HostOverrideError) -> HostMap {
        guard let text = environment[overrideVariable] else { return .official }
        return try HostMap(parsing: text)
    }

    /// The URL prefix for `host`, e.g. "https://api.alpaca.markets".
    public func baseURL(for host: OfficialHost) -> String {
        overrides[host]?.baseURL ?? "https://\(host.rawValue)"
    }

    /// Whether requests to `host` may use plain HTTP: only a loopback override written as http://.
    func allowsPlainHTTP(for host: OfficialHost) -> Bool {
        overrides[host]?.scheme == "http"
    }

    /// A stable text naming every target, so that a cache made against a fake server is not used
    /// against the real one (and the other way round).
    public var signature: String {
        OfficialHost.allCases.map { "\($0.rawValue)=\(baseURL(for: $0))" }.joined(separator: ",")
    }

    /// Parses `scheme://host[:port][/]` strictly: no user info, path, query or fragment, because each
    /// of them is a way to make a URL look local while naming another host.
    private static func loopbackTarget(_ url: String, for left: String) throws(HostOverrideError) -> LoopbackTarget {
        let refuse = HostOverrideError.nonLoopbackTarget(host: left, target: url)
        guard let schemeEnd = url.range(of: "://") else { throw .malformedEntry("\(left)=\(url)") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(host: left, target: url) }
        var authority = url[schemeEnd.upperBound...]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.isEmpty, !authority.contains(where: { "/?#@\\ %".contains($0) }) else { throw refuse }

        let hostPart: Substring
        let portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw refuse }
            hostPart = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { portPart = nil }
            else if rest.hasPrefix(":") { portPart = rest.dropFirst() }
            else { throw refuse }
        } else if let colon = authority.firstIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        } else {
            hostPart = authority
            portPart = nil
        }
        guard isLoopback(hostPart) else { throw refuse }
        var port: Int?
        if let portPart {
            guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(portPart), (1...65535).contains(value)
            else { throw .invalidPort(host: left, target: url) }
            port = value
        }
        return LoopbackTarget(scheme: scheme, host: String(hostPart).lowercased(), port: port)
    }

    /// 127.0.0.0/8 in four plain decimal octets, `[::1]` or `localhost`. Short forms ("127.1"), hex
    /// or octal octets and IPv4-mapped IPv6 are refused: resolvers read them differently.
    static func isLoopback(_ host: Substring) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "[::1]" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.first == "127" else { return false }
        return octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(octet), value <= 255
            else { return false }
            return octet == "0" || !octet.hasPrefix("0")
        }
    }
}

/// Why `ALPACA_LINT_VERIFY_OVERRIDE` was refused; the command line turns it into exit status 2.
public enum HostOverrideError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An entry is not `host=URL`.
    case malformedEntry(String)
    /// The left side is not a host alpaca-lint verifies against.
    case unknownHost(String)
    /// The same host is mapped twice.
    case duplicateHost(String)
    /// The target is not a loopback address.
    case nonLoopbackTarget(host: String, target: String)
    /// The target's scheme is not http or https.
    case unsupportedScheme(host: String, target: String)
    /// The target's port is not a number from 1 to 65535.
    case invalidPort(host: String, target: String)

    /// A message for the user that names the variable and the offending part.
    public var description: String {
        let variable = HostMap.overrideVariable
        switch self {
        case .malformedEntry(let entry):
            return "\(variable): '\(entry)' is not of the form host=URL"
        case .unknownHost(let host):
            let known = OfficialHost.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(variable): '\(host)' is not an Alpaca host that verification contacts (\(known))"
        case .duplicateHost(let host):
            return "\(variable): '\(host)' is mapped more than once"
        case .nonLoopbackTarget(let host, let target):
            return "\(variable): '\(host)' may only be mapped to a loopback URL (127.0.0.0/8, [::1] or localhost, with an optional port), not '\(target)'"
        case .unsupportedScheme(let host, let target):
            return "\(variable): '\(host)' target '\(target)' must start with http:// or https://"
        case .invalidPort(let host, let target):
            return "\(variable): '\(host)' target '\(target)' has a port outside 1-65535"
        }
    }
}
