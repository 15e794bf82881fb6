import PCRE2Kit

/// The `.env` rules: a `.env`-style file that git would commit, or already has.
///
/// These rules look at a file's name and git state, not its contents; the contents are scanned
/// by the credential rules like any other file.
public struct EnvFileCheck: Sendable {
    /// The rules of the run.
    public let ruleSet: RuleSet
    /// Per-run choices (disabled rules, severities).
    public let policy: ScanPolicy

    /// Creates the check.
    public init(ruleSet: RuleSet, policy: ScanPolicy = ScanPolicy()) {
        self.ruleSet = ruleSet
        self.policy = policy
    }

    /// Findings for one file the scan included, given git's view of it (`state`), whether the
    /// credential rules found something in it (a template then counts as a real `.env`), and what
    /// the rules learned from its contents: only public settings, or a setting holding a secret.
    /// Content the scan never read (nil) exempts nothing.
    public func findings(
        for info: FragmentInfo, state: Fragment.GitState, holdsCredentials: Bool, content: EnvContent? = nil
    ) -> [Finding] {
        let scratch = PCRE2MatchScratch()
        var result: [Finding] = []
        let name = Array(info.repoPath.utf8)
        for index in ruleSet.fileRuleIndexes {
            let rule = ruleSet.rules[index]
            guard policy.isEnabled(rule.id), let names = rule.fileNamePattern, (try? names.matches(name, using: scratch)) == true else { continue }
            if let templates = rule.templatePattern, (try? templates.matches(name, using: scratch)) == true, !holdsCredentials {
                continue
            }
            if let content, !holdsCredentials {
                if content.publicSettingsOnly.contains(rule.id) { continue }
                if rule.secretSettingsPattern != nil, !content.holdsSecretSettings.contains(rule.id) { continue }
            }
            let path = info.repoPath
            let message: String
            switch rule.kind {
            case .envFileTracked where state.isTracked && state.isStaged:
                message = ".env file staged for commit: once committed, every clone and the history hold its keys. Unstage it with: git restore --staged -- '\(path)', then add '/\(path)' to .gitignore."
            case .envFileTracked where state.isTracked:
                message = rule.metadata.message + " Untrack it with: git rm --cached -- '\(path)', then add '/\(path)' to .gitignore."
            case .envFileNotIgnored where !state.isTracked && !state.isIgnored:
                message = rule.metadata.message + " Add this line to .gitignore: /\(path)"
            default:
                continue
            }
            result.append(Finding(
                ruleId: rule.id, practice: rule.metadata.practice, relatedPractices: rule.metadata.relatedPractices,
                severity: policy.severity(for: rule.metadata), path: info.displayPath, line: 1, column: 1, endLine: 1, endColumn: 1,
                message: message, secret: "", repoPath: info.repoPath))
        }
        return result
    }
}
