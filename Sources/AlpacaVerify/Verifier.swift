import Foundation

/// The results of one verification run.
public struct VerificationReport: Sendable {
    /// One result per id given to `Verifier.verify`.
    public var results: [String: VerificationResult]
    /// Things the user should hear about (an unreadable cache, no libcurl…); never a secret.
    public var warnings: [String]
    /// HTTP requests actually sent, retries and second hosts included.
    public var requestsSent: Int
}

/// Asks Alpaca whether credentials work, safely:
/// - secrets go only to the four official hosts (`OfficialHost`) over HTTPS with the system trust
///   store, or to loopback overrides; redirects are reported, never followed; proxies are not used;
/// - one request per distinct credential (ids sharing a credential share its result), a second host
///   only after a 401/403 from the first, and at most one retry per credential, only after a
///   connection failure (never after a timeout, a TLS failure or a 429);
/// - at most `options.concurrency` (≤ 4) requests at once, each limited to `options.timeout` (≤ 10 s);
/// - nothing thrown: every failure is an `error` result with a reason.
///
/// A credential therefore costs at most three requests (first host, its retry, second host) and
/// at most 3 × timeout seconds.
public struct Verifier: Sendable {
    /// The options this verifier was made with (limits already clamped).
    public let options: VerificationOptions
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    /// A verifier that sends requests through the system's libcurl.
    public init(options: VerificationOptions) {
        self.init(options: options, transport: CurlTransport(), now: { Date() })
    }

    /// A verifier with another transport and clock (tests).
    init(options: VerificationOptions, transport: any HTTPTransport, now: @escaping @Sendable () -> Date) {
        self.options = options
        self.transport = transport
        self.now = now
    }

    /// Whether this system can send verification requests: libcurl (libcurl.so.4 or
    /// libcurl-gnutls.so.4) is loaded on first use. `description` names the library or the reason.
    public static func httpClientAvailability() -> (usable: Bool, description: String) {
        CurlTransport.availability()
    }

    /// Verifies every credential once and returns a result for every id. Ids should be unique; an id
    /// given twice keeps the result of its last credential.
    public func verify(_ items: [(id: String, credential: Credential)]) -> VerificationReport {
        var order: [Credential] = []
        var ids: [Credential: [String]] = [:]
        for (id, credential) in items {
            if ids[credential] == nil { order.append(credential) }
            ids[credential, default: []].append(id)
        }

        var warnings: [String] = []
        let cache = options.cachePath.map {
            VerificationCache(path: $0, hostSignature: options.hosts.signature, warnings: &warnings)
        }
        let startedAt = now()
        var resolved: [Credential: VerificationResult] = [:]
        var pending: [Credential] = []
        for credential in order {
            if case .keyIDOnly = credential {
                resolved[credential] = VerificationResult(status: .unverifiable)
            } else if let cache, let hit = ids[credential]!.lazy.compactMap({ cache.fresh($0, now: startedAt, maxAge: options.cacheMaxAge) }).first {
                resolved[credential] = hit
            } else {
                pending.append(credential)
            }
        }

        let counter = RequestCounter()
        if !pending.isEmpty, let unavailable = transport.unavailableReason() {
            warnings.append("--verify: \(unavailable); \(pending.count) credential(s) not verified")
            for credential in pending {
                resolved[credential] = VerificationResult(status: .error("verification unavailable: \(unavailable)"), checkedAt: startedAt)
            }
        } else {
            let results = runConcurrently(pending) { check($0, counter: counter) }
            for (credential, result) in zip(pending, results) { resolved[credential] = result }
        }

        if var cache {
            for credential in pending {
                for id in ids[credential]! { cache.store(resolved[credential]!, for: id) }
            }
            if let warning = cache.save(now: now(), maxAge: options.cacheMaxAge) { warnings.append(warning) }
        }

        var results: [String: VerificationResult] = [:]
        for credential in order {
            for id in ids[credential]! { results[id] = resolved[credential]! }
        }
        return VerificationReport(results: results, warnings: warnings, requestsSent: counter.value)
    }

    /// Runs `work` over `jobs` on at most `options.concurrency` threads; results keep the jobs' order.
    /// Threads rather than tasks: each request blocks in libcurl, which would starve the small
    /// cooperative pool of Swift concurrency.
    private func runConcurrently(_ jobs: [Credential], _ work: @escaping @Sendable (Credential) -> VerificationResult) -> [VerificationResult] {
        let queue = JobQueue(count: jobs.count)
        let group = DispatchGroup()
        for _ in 0..<min(options.concurrency, jobs.count) {
            group.enter()
            Thread {
                while let index = queue.take() { queue.finish(index, with: work(jobs[index])) }
                group.leave()
            }.start()
        }
        group.wait()
        return queue.results()
    }

    /// Asks the plan's hosts in order until one accepts the credential or something goes wrong.
    private func check(_ credential: Credential, counter: RequestCounter) -> VerificationResult {
        let plan: RequestPlan
        do {
            guard let made = try RequestPlan.make(for: credential) else { return VerificationResult(status: .unverifiable) }
            plan = made
        } catch {
            switch error {
            case .unsendable(let reason): return VerificationResult(status: .error("not sent: \(reason)"))
            }
        }
        var retryLeft = true
        var rejections: [String] = []
        for host in plan.hosts {
            var outcome = send(plan, to: host, counter: counter)
            if case .failure(.connection, _) = outcome, retryLeft {
                retryLeft = false
                outcome = send(plan, to: host, counter: counter)
            }
            let checkedAt = now()
            let earlier = rejections.isEmpty ? "" : rejections.joined(separator: "; ") + "; then "
            switch outcome {
            case .response(let status, let body, let truncated) where (200..<300).contains(status):
                // A body over the read limit is not parsed in part: the report says the status was not read.
                let accountStatus = truncated ? AccountStatusReader.unreadOverLimit : AccountStatusReader.status(in: body)
                return VerificationResult(
                    status: .active, environment: host.environment,
                    accountStatus: plan.readsAccountStatus ? accountStatus : nil,
                    checkedAt: checkedAt, onUnexpectedHost: plan.expected.map { $0 != host.environment } ?? false)
            case .response(let status, _, _) where status == 401 || status == 403:
                rejections.append("\(host.rawValue) rejected it (\(status))")
            case .response(429, _, _):
                return VerificationResult(status: .error(earlier + "\(host.rawValue) answered 429 (rate limited); not retried"), checkedAt: checkedAt)
            case .response(let status, _, _) where (300..<400).contains(status):
                return VerificationResult(status: .error(earlier + "\(host.rawValue) answered \(status), a redirect, which is never followed"), checkedAt: checkedAt)
            case .response(let status, _, _):
                return VerificationResult(status: .error(earlier + "\(host.rawValue) answered HTTP \(status)"), checkedAt: checkedAt)
            case .failure(let failure, let message):
                return VerificationResult(status: .error(earlier + describe(failure, message, host)), checkedAt: checkedAt)
            }
        }
        return VerificationResult(status: .inactive, checkedAt: now())
    }

    private func send(_ plan: RequestPlan, to host: OfficialHost, counter: RequestCounter) -> HTTPOutcome {
        counter.increment()
        let headers = [(name: "User-Agent", value: printable(options.userAgent)), (name: "Accept", value: "application/json")]
            + plan.headers.map { (name: $0.name, value: $0.value) }
        return transport.get(HTTPGetRequest(
            url: options.hosts.baseURL(for: host) + plan.path, headers: headers,
            timeout: options.timeout, allowPlainHTTP: options.hosts.allowsPlainHTTP(for: host)))
    }

    private func describe(_ failure: TransportFailure, _ message: String, _ host: OfficialHost) -> String {
        let detail = message.isEmpty ? "" : " (\(message.prefix(200)))"
        switch failure {
        case .unavailable: return "verification unavailable\(detail)"
        case .connection: return "\(host.rawValue): connection failed, also on the one retry\(detail)"
        case .timeout: return "\(host.rawValue): no answer within \(formatSeconds(options.timeout)) s\(detail)"
        case .tls: return "\(host.rawValue): TLS failed, the certificate is not trusted or the handshake broke; not retried\(detail)"
        case .other: return "\(host.rawValue): request failed\(detail)"
        }
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    private func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { (0x20...0x7E).contains($0.value) }))
    }
}

extension CurlTransport {
    func unavailableReason() -> String? {
        let (usable, description) = Self.availability()
        return usable ? nil : description
    }
}

/// Hands out job indexes to worker threads and collects their results.
private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [VerificationResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
    }

    func finish(_ index: Int, with result: VerificationResult) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    func results() -> [VerificationResult] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Counts requests across worker threads.
private final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
