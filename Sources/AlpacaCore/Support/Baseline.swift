import Foundation

/// Fingerprints from an earlier JSON report; findings with one of them are listed as suppressed.
///
/// Fingerprints come from rule, secret and path, so a baseline survives edits that move lines,
/// while a new secret on a baselined line is reported.
public struct Baseline: Sendable {
    /// The fingerprints to hide.
    public let fingerprints: Set<String>

    /// Creates a baseline from fingerprints.
    public init(fingerprints: Set<String>) { self.fingerprints = fingerprints }

    /// Reads a report written by `--format json`.
    public static func load(path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, message: "cannot read the file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let findings = object["findings"] as? [[String: Any]]
        else {
            throw BaselineError(file: path, message: "not an alpaca-lint JSON report (expected an object with a \"findings\" array)")
        }
        var fingerprints = Set<String>()
        for finding in findings {
            guard let fingerprint = finding["fingerprint"] as? String else {
                throw BaselineError(file: path, message: "a finding has no \"fingerprint\"")
            }
            fingerprints.insert(fingerprint)
        }
        return Baseline(fingerprints: fingerprints)
    }
}

/// A baseline file that cannot be used: exit status 2.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// What is wrong.
    public var message: String
    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
