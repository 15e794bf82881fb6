import Foundation

/// A credential found by the scanner, in the form Alpaca accepts it. Its secrets never appear in
/// `description`, `debugDescription` or a reflection dump.
public enum Credential: Hashable, Sendable {
    /// A Trading API key pair: `PK…` (paper) or `AK…` (live) with its secret.
    case tradingKeyPair(keyID: String, secret: String)
    /// A Broker API key pair, sent as HTTP Basic credentials (`CK…` and its secret).
    case brokerBasic(keyID: String, secret: String)
    /// An OAuth access token, sent as `Authorization: Bearer` to the Trading API.
    case oauthToken(String)
    /// A key ID whose secret was not found: reported `unverifiable`, never sent anywhere.
    case keyIDOnly(String)

    /// The broker key pair inside the base64 value of a `Basic` header; nil unless it decodes to
    /// `ID:SECRET` with both parts non-empty.
    public static func brokerBasic(base64 value: String) -> Credential? {
        guard let data = Data(base64Encoded: value.trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let keyID = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        guard !keyID.isEmpty, !secret.isEmpty else { return nil }
        return .brokerBasic(keyID: keyID, secret: secret)
    }

    /// The kind of credential, as words for messages ("trading key pair", …).
    public var kindName: String {
        switch self {
        case .tradingKeyPair: "trading key pair"
        case .brokerBasic: "broker key pair"
        case .oauthToken: "OAuth token"
        case .keyIDOnly: "key ID without secret"
        }
    }

    /// The key ID's first four characters: enough to tell credentials apart in a message.
    var redactedLabel: String {
        switch self {
        case .tradingKeyPair(let keyID, _), .brokerBasic(let keyID, _), .keyIDOnly(let keyID):
            "\(kindName) \(keyID.prefix(4))…"
        case .oauthToken:
            kindName
        }
    }
}

extension Credential: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The kind and a key ID prefix; never a secret.
    public var description: String { redactedLabel }
    /// Same as `description`: debug output must not reveal secrets either.
    public var debugDescription: String { redactedLabel }
    /// A mirror without the secrets, so that `dump` and test failure messages stay redacted.
    public var customMirror: Mirror { Mirror(self, children: ["credential": redactedLabel]) }
}
