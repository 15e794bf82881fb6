import PCRE2Kit

/// The `.env` rules: a `.env`-style file that git would commit, or already has.
///
/// These rules look at a file's name and git state, not its contents; the contents are scanned
/// by the credential rules like any other file.
public struct EnvFileCheck {
    /// The rules of the run.
    public let ruleSet: RuleSet
    /// Per-run choices (disabled rules, severities).
    public let policy: ScanPolicy
    private let scratch = PCRE2MatchScratch()

    /// Creates the check.
    public init(ruleSet: RuleSet, policy: ScanPolicy = ScanPolicy()) {
        self.ruleSet = ruleSet
        self.policy = policy
    }

    /// Findings for one file that the scan would include.
    ///
    /// - Parameters:
    ///   - displayPath: the path shown in reports.
    ///   - repoRelativePath: the path relative to the repository (or scan) root, for the advice.
    ///   - isTracked: git tracks the file.
    ///   - isIgnored: an ignore rule covers it.
    ///   - holdsCredentials: the credential rules found something in it (templates then count too).
    ///   - isStaged: the file is in the index of a `--staged` scan (about to be committed).
    public func findings(
        displayPath: String, repoRelativePath: String, isTracked: Bool, isIgnored: Bool, holdsCredentials: Bool,
        isStaged: Bool = false
    ) -> [Finding] {
        var result: [Finding] = []
        let name = Array(repoRelativePath.utf8)
        for index in ruleSet.fileRuleIndexes {
            let rule = ruleSet.rules[index]
            guard policy.isEnabled(rule.id), let names = rule.fileNamePattern,
                (try? names.matches(name, using: scratch)) == true
            else { continue }
            if let templates = rule.templatePattern, (try? templates.matches(name, using: scratch)) == true, !holdsCredentials {
                continue
            }
            let message: String
            switch rule.kind {
            case .envFileTracked where isTracked && isStaged:
                message = ".env file staged for commit: once committed, every clone and the history hold its keys. Unstage it with: git restore --staged -- '\(repoRelativePath)', then add '/\(repoRelativePath)' to .gitignore."
            case .envFileTracked where isTracked:
                message = rule.metadata.message + " Untrack it with: git rm --cached -- '\(repoRelativePath)', then add '/\(repoRelativePath)' to .gitignore."
            case .envFileNotIgnored where !isTracked && !isIgnored:
                message = rule.metadata.message + " Add this line to .gitignore: /\(repoRelativePath)"
            default:
                continue
            }
            result.append(Finding(
                ruleId: rule.id, practice: rule.metadata.practice, relatedPractices: rule.metadata.relatedPractices,
                severity: policy.severity(for: rule.metadata), path: displayPath, line: 1, column: 1, endLine: 1, endColumn: 1,
                message: message, secret: "", fingerprintPath: repoRelativePath))
        }
        return result
    }
}
