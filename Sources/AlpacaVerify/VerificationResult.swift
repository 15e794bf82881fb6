import Foundation

/// What verification found out about one credential. It holds no account data beyond the
/// account's `status` field: no account number, no balance, no identifier.
public struct VerificationResult: Equatable, Sendable {
    /// Whether Alpaca accepted the credential.
    public enum Status: Equatable, Sendable {
        /// Alpaca answered 200: the credential works now.
        case active
        /// Every host tried answered 401 or 403.
        case inactive
        /// No answer could be had (timeout, TLS failure, 429, redirect, unexpected status…); the
        /// reason names the host and never holds a secret.
        case error(String)
        /// Nothing was sent: a key ID without its secret cannot be checked.
        case unverifiable

        /// The status as the reports spell it: "active", "inactive", "error" or "unverifiable".
        public var name: String {
            switch self {
            case .active: "active"
            case .inactive: "inactive"
            case .error: "error"
            case .unverifiable: "unverifiable"
            }
        }

        /// The reason of an `error`; nil for the other statuses.
        public var reason: String? {
            if case .error(let reason) = self { return reason }
            return nil
        }
    }

    /// The Alpaca environment whose host accepted the credential.
    public enum Environment: String, Codable, Sendable, CaseIterable {
        /// Live trading, `api.alpaca.markets`: real money.
        case live
        /// Paper trading, `paper-api.alpaca.markets`.
        case paper
        /// Broker API production, `broker-api.alpaca.markets`: real customer accounts.
        case brokerLive = "broker-live"
        /// Broker API sandbox, `broker-api.sandbox.alpaca.markets`.
        case brokerSandbox = "broker-sandbox"
    }

    /// Whether Alpaca accepted the credential.
    public var status: Status
    /// Where it was accepted; nil unless `status` is `active`.
    public var environment: Environment?
    /// The `status` field of the trading account (e.g. "ACTIVE") when a trading key or OAuth token
    /// is active; nil otherwise (broker credentials are checked without reading any account).
    public var accountStatus: String?
    /// When Alpaca answered (kept from the first check when the result comes from the cache); nil
    /// for `unverifiable`, which sends nothing.
    public var checkedAt: Date?
    /// True when a trading key works on the host its prefix does not name: a `PK` (paper) key
    /// accepted by the live host, or an `AK` (live) key accepted by the paper host.
    public var onUnexpectedHost: Bool

    /// Creates a result; `onUnexpectedHost` defaults to false.
    public init(status: Status, environment: Environment? = nil, accountStatus: String? = nil,
                checkedAt: Date? = nil, onUnexpectedHost: Bool = false) {
        self.status = status
        self.environment = environment
        self.accountStatus = accountStatus
        self.checkedAt = checkedAt
        self.onUnexpectedHost = onUnexpectedHost
    }

    /// True for an active credential that reaches real money: live trading or Broker production.
    public var isActiveLive: Bool {
        status == .active && (environment == .live || environment == .brokerLive)
    }

    /// `checkedAt` as ISO 8601 in UTC with whole seconds ("2026-11-20T15:04:05Z").
    public var checkedAtISO8601: String? { checkedAt.map(ISO8601.string(from:)) }

    /// The words after "verified:" in text output: "ACTIVE LIVE", "ACTIVE PAPER, UNEXPECTED HOST",
    /// "ACTIVE LIVE, ACCOUNT_CLOSED", "INACTIVE", "ERROR: …", "UNVERIFIABLE".
    public var summary: String {
        switch status {
        case .active:
            var words = "ACTIVE"
            if let environment { words += " " + environment.rawValue.uppercased() }
            if onUnexpectedHost { words += ", UNEXPECTED HOST" }
            if let accountStatus, accountStatus != "ACTIVE" { words += ", " + accountStatus }
            return words
        case .inactive: return "INACTIVE"
        case .error(let reason): return "ERROR: " + reason
        case .unverifiable: return "UNVERIFIABLE"
        }
    }

    /// The text reporter's suffix, e.g. "[verified: ACTIVE LIVE]".
    public var textSuffix: String { "[verified: \(summary)]" }
}

extension VerificationResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, reason, environment, accountStatus, checkedAt, onUnexpectedHost
    }

    /// Decodes the flat shape written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .status)
        switch name {
        case "active": status = .active
        case "inactive": status = .inactive
        case "unverifiable": status = .unverifiable
        case "error": status = .error(try container.decodeIfPresent(String.self, forKey: .reason) ?? "unknown")
        default:
            throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "unknown status \(name)")
        }
        environment = try container.decodeIfPresent(Environment.self, forKey: .environment)
        accountStatus = try container.decodeIfPresent(String.self, forKey: .accountStatus)
        if let text = try container.decodeIfPresent(String.self, forKey: .checkedAt) {
            guard let date = ISO8601.date(from: text) else {
                throw DecodingError.dataCorruptedError(forKey: .checkedAt, in: container, debugDescription: "not ISO 8601")
            }
            checkedAt = date
        }
        onUnexpectedHost = try container.decodeIfPresent(Bool.self, forKey: .onUnexpectedHost) ?? false
    }

    /// Encodes the report shape: `status`, `reason` (errors only), `environment`, `accountStatus`,
    /// `checkedAt` (ISO 8601 UTC) and `onUnexpectedHost`; absent values are written as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.name, forKey: .status)
        if let reason = status.reason { try container.encode(reason, forKey: .reason) }
        try container.encode(environment, forKey: .environment)
        try container.encode(accountStatus, forKey: .accountStatus)
        try container.encode(checkedAtISO8601, forKey: .checkedAt)
        try container.encode(onUnexpectedHost, forKey: .onUnexpectedHost)
    }
}

/// ISO 8601 in UTC with whole seconds; a new formatter per call because formatters are not
/// thread-safe and results are made on several threads.
enum ISO8601 {
    static func string(from date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(from text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
