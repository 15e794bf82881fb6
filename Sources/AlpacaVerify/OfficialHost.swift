/// The only hosts a secret is ever sent to. The list comes from Alpaca's authentication guide
/// (docs.alpaca.markets/docs/authentication: "api.alpaca.markets" for live, "paper-api…" for paper,
/// "broker-api[.sandbox].alpaca.markets" for broker partners) and matches alpaca-py's
/// `alpaca/common/enums.py` (`BaseURL.TRADING_LIVE`, `TRADING_PAPER`, `BROKER_PRODUCTION`,
/// `BROKER_SANDBOX`).
public enum OfficialHost: String, CaseIterable, Sendable {
    /// Trading API, live.
    case live = "api.alpaca.markets"
    /// Trading API, paper.
    case paper = "paper-api.alpaca.markets"
    /// Broker API, production.
    case brokerLive = "broker-api.alpaca.markets"
    /// Broker API, sandbox.
    case brokerSandbox = "broker-api.sandbox.alpaca.markets"

    /// The environment a credential accepted by this host belongs to.
    public var environment: VerificationResult.Environment {
        switch self {
        case .live: .live
        case .paper: .paper
        case .brokerLive: .brokerLive
        case .brokerSandbox: .brokerSandbox
        }
    }
}
