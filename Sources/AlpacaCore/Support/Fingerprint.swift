/// Content-based identity of a finding, used by baselines and SARIF `partialFingerprints`.
///
/// Built from the rule id, the secret and the path — never from line numbers — so moving code
/// keeps a finding's identity and a different secret on the same line gets a new one.
/// It is a SHA-256, so it reveals nothing of the secret.
public enum Fingerprint {
    /// Hex fingerprint (32 characters) of one finding's identity.
    public static func of(ruleId: String, secret: String, path: String) -> String {
        var bytes = Array(ruleId.utf8)
        bytes.append(0)
        bytes.append(contentsOf: secret.utf8)
        bytes.append(0)
        bytes.append(contentsOf: path.utf8)
        return String(SHA256.hex(bytes).prefix(32))
    }

    /// Identity of a rule's value whatever the path: relates findings within one file.
    public static func ofValue(ruleId: String, secret: String) -> String { of(ruleId: ruleId, secret: secret, path: "") }
}
