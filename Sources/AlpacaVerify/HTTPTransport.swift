import CCurlShim
import Foundation

/// One GET request as the verifier builds it.
struct HTTPGetRequest: Sendable {
    /// The full URL, on an official host or its loopback override.
    var url: String
    /// Header lines as (name, value); values may hold secrets and are never logged.
    var headers: [(name: String, value: String)]
    /// The limit for the whole request, connection included, in seconds.
    var timeout: Double
    /// Whether http:// is allowed (loopback overrides only); otherwise https only.
    var allowPlainHTTP: Bool
}

/// How a request ended, short of an HTTP status.
enum TransportFailure: Equatable, Sendable {
    /// No usable HTTP library on this system.
    case unavailable
    /// DNS, connect, send or receive failed before any status arrived: worth one retry.
    case connection
    /// The time limit passed.
    case timeout
    /// The TLS handshake or certificate check failed.
    case tls
    /// Anything else.
    case other
}

/// What came back from one request.
enum HTTPOutcome: Equatable, Sendable {
    /// An HTTP status arrived (redirects are reported, never followed) with at most the first
    /// `maximumBodyBytes` of its body; `truncated` when the body was longer.
    case response(status: Int, body: [UInt8], truncated: Bool = false)
    /// No status arrived; the message comes from the HTTP library and holds no header.
    case failure(TransportFailure, message: String)
}

/// Sends one request. The real implementation is `CurlTransport`; tests substitute their own.
protocol HTTPTransport: Sendable {
    /// Performs `request` once: no redirect, no retry, no proxy.
    func get(_ request: HTTPGetRequest) -> HTTPOutcome
    /// Nil when requests can be sent; otherwise why not (asked once per run, before any request).
    func unavailableReason() -> String?
}

extension HTTPTransport {
    func unavailableReason() -> String? { nil }
}

/// GET through the system's libcurl, loaded at run time by the CCurlShim C target.
struct CurlTransport: HTTPTransport {
    /// A trading account object is well under 4 KiB; a larger answer is not one and is cut off.
    static let maximumBodyBytes = 64 * 1024

    /// Whether libcurl can be used here, and the library's description or the reason it cannot.
    static func availability() -> (usable: Bool, description: String) {
        var message = [CChar](repeating: 0, count: 256)
        let usable = ccurl_load(&message, message.count) == 1
        return (usable, String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    func get(_ request: HTTPGetRequest) -> HTTPOutcome {
        let lines = request.headers.map { "\($0.name): \($0.value)" }
        var body = [UInt8](repeating: 0, count: Self.maximumBodyBytes)
        var response = ccurl_response()
        let timeoutMilliseconds = max(1, Int(request.timeout * 1000))
        // strdup'd copies: C needs NUL-terminated strings that outlive the nested closures below.
        let cLines = lines.map { strdup($0) }
        defer { cLines.forEach { free($0) } }
        let headerPointers = cLines.map { UnsafePointer($0) }
        request.url.withCString { url in
            headerPointers.withUnsafeBufferPointer { headers in
                body.withUnsafeMutableBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bodyPointer in
                        var cRequest = ccurl_request(
                            url: url, headers: headers.baseAddress, header_count: headers.count,
                            timeout_ms: timeoutMilliseconds, allow_plain_http: request.allowPlainHTTP ? 1 : 0,
                            body: bodyPointer, body_capacity: buffer.count)
                        ccurl_get(&cRequest, &response)
                    }
                }
            }
        }
        let message = withUnsafeBytes(of: response.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch Int(response.outcome) {
        case Int(CCURL_OUTCOME_RESPONSE.rawValue):
            return .response(
                status: response.http_status, body: Array(body.prefix(response.body_length)), truncated: response.body_truncated != 0)
        case Int(CCURL_OUTCOME_UNAVAILABLE.rawValue): return .failure(.unavailable, message: message)
        case Int(CCURL_OUTCOME_CONNECT.rawValue): return .failure(.connection, message: message)
        case Int(CCURL_OUTCOME_TIMEOUT.rawValue): return .failure(.timeout, message: message)
        case Int(CCURL_OUTCOME_TLS.rawValue): return .failure(.tls, message: message)
        default: return .failure(.other, message: message)
        }
    }
}
