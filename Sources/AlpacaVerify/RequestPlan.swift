import Foundation

/// Which hosts to ask about one credential, in which order, with which path and headers.
///
/// Sources, checked for this module:
/// - Trading keys: Alpaca's API reference, "Authentication" (docs.alpaca.markets/reference):
///   `GET https://{host}/v2/account` with the `APCA-API-KEY-ID` and `APCA-API-SECRET-KEY` headers;
///   paper keys work only on paper-api.alpaca.markets, live keys only on api.alpaca.markets
///   ("you cannot use your live account's credentials with the paper API, or vice versa",
///   docs.alpaca.markets/docs/authentication). Same request in alpacahq/alpaca-trade-api-go
///   `alpaca/rest.go` (`GetAccount`, `defaultDo`) and alpaca-py `alpaca/common/rest.py`
///   (`_get_auth_headers`) with `alpaca/trading/client.py` (`get_account` → "/account").
/// - Broker keys: HTTP Basic with the key ID as user and the secret as password (alpaca-py
///   `_get_auth_headers` with `use_basic_auth`; alpaca-trade-api-go `req.SetBasicAuth(BrokerKey,
///   BrokerSecret)`), on broker-api.sandbox.alpaca.markets or broker-api.alpaca.markets (alpaca-py
///   `BaseURL.BROKER_SANDBOX`/`BROKER_PRODUCTION`). The request is `GET /v1/clock` (alpaca-py
///   `BrokerClient.get_clock`, API version "v1"): it needs the correspondent's credentials but
///   returns only market hours. `GET /v1/accounts` would also prove the credentials, but its answer
///   lists end customers' accounts, which alpaca-lint has no business receiving.
/// - OAuth tokens: `Authorization: Bearer TOKEN` on the Trading API (alpaca-py `_get_auth_headers`
///   with `oauth_token`; alpaca-trade-api-go `defaultDo`). One token may authorize a live account,
///   a paper account or both (docs.alpaca.markets/docs/using-oauth2-and-trading-api), so the live
///   host, where a leak costs real money, is asked first.
/// - 401 and 403 both mean "not accepted": alpaca-py raises `APIError` for any non-2xx status and
///   retries only 429 (`DEFAULT_RETRY_EXCEPTION_CODES`); we never retry 429 (see `Verifier`).
struct RequestPlan: Equatable, Sendable {
    /// Hosts in the order they are asked; the next one only after a 401 or 403.
    var hosts: [OfficialHost]
    /// The path on every host.
    var path: String
    /// The authentication headers (values are secrets).
    var headers: [Header]
    /// The environment the credential's prefix promises; nil when it promises none.
    var expected: VerificationResult.Environment?
    /// Whether a 200 answer carries a trading account whose `status` field is read.
    var readsAccountStatus: Bool

    /// A header line; a struct rather than a tuple so that plans compare in tests.
    struct Header: Equatable, Sendable {
        var name: String
        var value: String
    }

    /// Why a credential cannot be sent: a value that would break the HTTP request.
    enum Refusal: Error, Equatable {
        case unsendable(String)
    }

    /// The plan for `credential`; nil for a key ID alone (nothing to send).
    static func make(for credential: Credential) throws(Refusal) -> RequestPlan? {
        switch credential {
        case .keyIDOnly:
            return nil
        case .tradingKeyPair(let keyID, let secret):
            try requireHeaderSafe(keyID, "key ID")
            try requireHeaderSafe(secret, "secret")
            let headers = [Header(name: "APCA-API-KEY-ID", value: keyID), Header(name: "APCA-API-SECRET-KEY", value: secret)]
            // The prefix names the environment (PK paper, AK live; see alpaca-credentials notes and
            // the Go SDK's authn package). Ask the expected host first; the other only after 401/403.
            if keyID.hasPrefix("AK") {
                return RequestPlan(hosts: [.live, .paper], path: "/v2/account", headers: headers, expected: .live, readsAccountStatus: true)
            }
            let expected: VerificationResult.Environment? = keyID.hasPrefix("PK") ? .paper : nil
            return RequestPlan(hosts: [.paper, .live], path: "/v2/account", headers: headers, expected: expected, readsAccountStatus: true)
        case .brokerBasic(let keyID, let secret):
            try requireHeaderSafe(keyID, "key ID")
            try requireHeaderSafe(secret, "secret")
            guard !keyID.contains(":") else { throw .unsendable("a Basic user name cannot contain ':'") }
            let token = Data("\(keyID):\(secret)".utf8).base64EncodedString()
            // Sandbox first: most broker keys in code are sandbox keys, so one request usually decides.
            return RequestPlan(hosts: [.brokerSandbox, .brokerLive], path: "/v1/clock",
                               headers: [Header(name: "Authorization", value: "Basic \(token)")],
                               expected: nil, readsAccountStatus: false)
        case .oauthToken(let token):
            try requireHeaderSafe(token, "token")
            guard !token.contains(" ") else { throw .unsendable("the token contains a space") }
            return RequestPlan(hosts: [.live, .paper], path: "/v2/account",
                               headers: [Header(name: "Authorization", value: "Bearer \(token)")],
                               expected: nil, readsAccountStatus: true)
        }
    }

    /// Printable ASCII only: a CR or LF in a scanned value must never become a header of its own.
    private static func requireHeaderSafe(_ value: String, _ what: String) throws(Refusal) {
        guard !value.isEmpty else { throw .unsendable("the \(what) is empty") }
        guard value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .unsendable("the \(what) contains characters that cannot be sent in an HTTP header")
        }
    }
}

/// Reads the `status` field of a trading account object and nothing else.
enum AccountStatusReader {
    /// Reported instead of a status when the answer was longer than `CurlTransport.maximumBodyBytes`
    /// (an account object is well under 4 KiB) and was not read in full.
    static let unreadOverLimit = "UNREAD_RESPONSE_OVER_\(CurlTransport.maximumBodyBytes / 1024)_KIB"

    /// The account's status ("ACTIVE", "ACCOUNT_UPDATED", …) when `body` is a JSON object whose
    /// `status` is an upper-case word; nil otherwise. The body itself is not kept.
    static func status(in body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let status = object["status"] as? String,
              (1...40).contains(status.count),
              status.utf8.allSatisfy({ (0x41...0x5A).contains($0) || $0 == 0x5F })
        else { return nil }
        return status
    }
}
