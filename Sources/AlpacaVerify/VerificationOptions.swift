import Foundation

/// How the verifier may talk to Alpaca. Every limit here is a ceiling the caller cannot raise.
public struct VerificationOptions: Sendable {
    /// The most requests in flight at once.
    public static let maximumConcurrency = 4
    /// The longest time one request may take, in seconds.
    public static let maximumTimeout: Double = 10

    /// Where each official host is reached (the real hosts unless a loopback override is given).
    public var hosts: HostMap
    /// Seconds allowed for one request, connection included; clamped to 0.1...10.
    public var timeout: Double {
        didSet { timeout = Self.clampTimeout(timeout) }
    }
    /// Requests in flight at once; clamped to 1...4.
    public var concurrency: Int {
        didSet { concurrency = Self.clampConcurrency(concurrency) }
    }
    /// The `User-Agent` header, "alpaca-lint/VERSION".
    public var userAgent: String
    /// The cache file (`--verify-cache FILE`); nil keeps nothing on disk.
    public var cachePath: String?
    /// Seconds a cached active/inactive result is trusted before the credential is asked again.
    public var cacheMaxAge: Double

    /// Options for alpaca-lint `version`, with the defaults the command line uses: the real hosts,
    /// 10 s, 4 at once, no cache, cached results trusted for 24 hours.
    public init(version: String, hosts: HostMap = .official, timeout: Double = 10, concurrency: Int = 4,
                cachePath: String? = nil, cacheMaxAge: Double = 24 * 60 * 60) {
        self.hosts = hosts
        self.timeout = Self.clampTimeout(timeout)
        self.concurrency = Self.clampConcurrency(concurrency)
        self.userAgent = "alpaca-lint/\(version)"
        self.cachePath = cachePath
        self.cacheMaxAge = max(0, cacheMaxAge)
    }

    private static func clampTimeout(_ value: Double) -> Double {
        value.isFinite ? min(max(value, 0.1), maximumTimeout) : maximumTimeout
    }

    private static func clampConcurrency(_ value: Int) -> Int {
        min(max(value, 1), maximumConcurrency)
    }
}
