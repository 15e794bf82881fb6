/// What a finding is, as far as fixing goes; derived from its rule id (and, for header literals, the value).
enum CredentialKind: Hashable, Sendable {
    /// A key ID of the given environment.
    case keyID(CredentialEnvironment)
    /// An API secret key.
    case secretKey
    /// An OAuth client secret.
    case oauthSecret
    /// An OAuth access token.
    case oauthToken
    /// Broker Basic credentials (base64 of `key:secret`).
    case basicAuth
    /// A literal `APCA-*` / Authorization header value; the value is found after the reported name.
    case headerLiteral
    /// A `.env`-style file git would commit.
    case envNotIgnored
    /// A `.env`-style file git already tracks.
    case envTracked
    /// A paper/live endpoint mix-up (BP8): never fixed mechanically.
    case environmentMixup
    /// A rule the fixer does not know.
    case unknown

    /// The kind behind `ruleId`.
    init(ruleId: String) {
        switch ruleId {
        case "alpaca-live-key-id": self = .keyID(.live)
        case "alpaca-paper-key-id": self = .keyID(.paper)
        case "alpaca-broker-key-id": self = .keyID(.broker)
        case "alpaca-secret-key": self = .secretKey
        case "alpaca-oauth-secret": self = .oauthSecret
        case "alpaca-oauth-token": self = .oauthToken
        case "alpaca-basic-auth-literal": self = .basicAuth
        case "alpaca-header-literal": self = .headerLiteral
        case "alpaca-env-not-ignored": self = .envNotIgnored
        case "alpaca-env-tracked": self = .envTracked
        case "alpaca-live-url-paper-key", "alpaca-paper-url-live-key": self = .environmentMixup
        default: self = .unknown
        }
    }

    /// The kind a header value's shape tells: a key ID by its prefix, else a secret key.
    static func headerValue(_ value: String, headerText: String) -> CredentialKind {
        if isKeyIDShaped(value), let environment = CredentialEnvironment(keyID: value) { return .keyID(environment) }
        if value.hasPrefix("Bearer ") { return .oauthToken }
        if value.hasPrefix("Basic ") { return .basicAuth }
        return .secretKey
    }

    /// `PK`/`AK`/`CK` followed by 14 or more upper-case letters and digits.
    static func isKeyIDShaped(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 16 else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
