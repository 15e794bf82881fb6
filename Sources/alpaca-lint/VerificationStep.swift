import AlpacaCore
import AlpacaVerify
import Foundation

/// `--verify`: pairs each credential finding with what it needs (a key ID with its secret), asks
/// Alpaca once per distinct credential, and records the answer on every finding of that credential.
///
/// Never turned on by repository configuration: only the command line or `ALPACA_LINT_VERIFY=1`.
enum VerificationStep {
    static let keyIDRules: Set<String> = ["alpaca-live-key-id", "alpaca-paper-key-id", "alpaca-broker-key-id"]
    static let secretRule = "alpaca-secret-key"

    /// The host map from `ALPACA_LINT_VERIFY_OVERRIDE`, validated whenever it is set (a bad value is a
    /// usage error, exit 2, even without --verify).
    static func hosts(environment: [String: String]) throws -> HostMap {
        do {
            return try HostMap.fromEnvironment(environment)
        } catch {
            throw ValidationErrorMessage("\(error)")
        }
    }

    /// Verifies the credentials of `findings` and records the results on them.
    static func apply(to findings: inout [Finding], warnings: inout [ScanWarning], options: VerificationOptions) {
        var credentials: [String: Credential] = [:]
        var owners: [String: [Int]] = [:]
        let byPlace = Dictionary(findings.indices.map { (place(findings[$0].path, findings[$0].line, findings[$0].column), $0) }, uniquingKeysWith: { a, _ in a })
        func add(_ credential: Credential, for index: Int) {
            let id = identity(credential)
            credentials[id] = credential
            owners[id, default: []].append(index)
        }
        for (index, finding) in findings.enumerated() where !finding.isSuppressed {
            let partners = finding.related.compactMap { byPlace[place($0.path, $0.line, $0.column)] }.map { findings[$0] }
            if keyIDRules.contains(finding.ruleId) {
                let secrets = partners.filter { $0.ruleId == secretRule }.map(\.secret)
                if secrets.isEmpty { add(.keyIDOnly(finding.secret), for: index) }
                for secret in secrets { add(pair(keyID: finding.secret, secret: secret), for: index) }
            } else if finding.ruleId == secretRule {
                for keyID in partners.filter({ keyIDRules.contains($0.ruleId) }).map(\.secret) {
                    add(pair(keyID: keyID, secret: finding.secret), for: index)
                }
            } else if finding.ruleId == "alpaca-basic-auth-literal", let basic = Credential.brokerBasic(base64: finding.secret) {
                if case .brokerBasic(let keyID, let secret) = basic, !keyID.hasPrefix("CK") {
                    add(.tradingKeyPair(keyID: keyID, secret: secret), for: index)
                } else {
                    add(basic, for: index)
                }
            } else if finding.ruleId == "alpaca-oauth-token" {
                add(.oauthToken(finding.secret), for: index)
            }
        }
        guard !credentials.isEmpty else { return }
        let ids = credentials.keys.sorted()
        let report = Verifier(options: options).verify(ids.map { ($0, credentials[$0]!) })
        for message in report.warnings { warnings.append(ScanWarning(path: nil, message: "verification: \(message)", isIncomplete: false)) }
        for id in ids {
            guard let result = report.results[id] else { continue }
            for index in owners[id] ?? [] {
                // A finding tied to several credentials keeps the most alarming answer.
                if let known = findings[index].verification, rank(known) >= rank(result) { continue }
                findings[index].verification = FindingVerification(
                    status: result.status.name, environment: result.environment?.rawValue, accountStatus: result.accountStatus,
                    checkedAt: result.checkedAtISO8601, reason: result.status.reason, onUnexpectedHost: result.onUnexpectedHost,
                    isActiveLive: result.isActiveLive, textSuffix: result.textSuffix)
                if result.isActiveLive { findings[index].severity = .error }
            }
        }
    }

    private static func pair(keyID: String, secret: String) -> Credential {
        keyID.hasPrefix("CK") ? .brokerBasic(keyID: keyID, secret: secret) : .tradingKeyPair(keyID: keyID, secret: secret)
    }

    /// A stable id that reveals nothing: a hash of the credential's kind and values.
    private static func identity(_ credential: Credential) -> String {
        switch credential {
        case .tradingKeyPair(let keyID, let secret): Fingerprint.ofValue(ruleId: "verify-trading", secret: keyID + ":" + secret)
        case .brokerBasic(let keyID, let secret): Fingerprint.ofValue(ruleId: "verify-broker", secret: keyID + ":" + secret)
        case .oauthToken(let token): Fingerprint.ofValue(ruleId: "verify-oauth", secret: token)
        case .keyIDOnly(let keyID): Fingerprint.ofValue(ruleId: "verify-key-id", secret: keyID)
        }
    }

    private static func place(_ path: String, _ line: Int, _ column: Int) -> String { "\(path)\u{0}\(line)\u{0}\(column)" }

    private static func rank(_ v: FindingVerification) -> Int {
        switch v.status {
        case "active": v.isActiveLive ? 4 : 3
        case "inactive": 2
        case "error": 1
        default: 0
        }
    }

    private static func rank(_ r: VerificationResult) -> Int {
        switch r.status {
        case .active: r.isActiveLive ? 4 : 3
        case .inactive: 2
        case .error: 1
        case .unverifiable: 0
        }
    }
}

/// A usage problem found after parsing (exit 2).
struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
