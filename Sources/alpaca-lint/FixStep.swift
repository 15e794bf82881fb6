import AlpacaCore
import AlpacaFix
import AlpacaGit
import AlpacaIgnore
import Foundation

/// `--fix`, `--diff` and the fix records of JSON and SARIF reports: maps findings of a tree scan to
/// the fix planner, per repository, and its outcomes back onto the findings.
enum FixStep {
    /// A plan per repository root, with the index of each planned finding in the scan's list.
    struct Plans {
        var plans: [(plan: FixPlan, indexes: [Int])] = []
    }

    /// Plans fixes for the unsuppressed findings of a working-tree scan and records each outcome on
    /// its finding (`Finding.fix`). With `checkSyntax` off (reports only: JSON `fix`, SARIF `fixes`)
    /// the edited files are not run through their language's parser, which only `--fix` and
    /// `--diff` need before anything is written or shown as a change.
    static func plan(_ findings: inout [Finding], directory: String, checkSyntax: Bool) -> Plans {
        var groups: [String: [Int]] = [:]
        var rootOfDirectory: [String: String] = [:]
        for (index, finding) in findings.enumerated() where !finding.isSuppressed && finding.commit == nil {
            let absolute = absolutePath(finding.path, in: directory)
            let folder = (absolute as NSString).deletingLastPathComponent
            let root = rootOfDirectory[folder] ?? findRepositoryRoot(startingAt: folder) ?? folder
            rootOfDirectory[folder] = root
            groups[root, default: []].append(index)
        }
        var plans = Plans()
        for root in groups.keys.sorted() {
            let indexes = groups[root]!
            let committed = committedFiles(indexes.map { findings[$0].repoPath }, root: root)
            var secretsByPath: [String: Set<String>] = [:]
            for index in indexes where committed[findings[index].repoPath] != nil && !findings[index].secret.isEmpty {
                secretsByPath[findings[index].repoPath, default: []].insert(findings[index].secret)
            }
            var committedSecrets: [String: Set<String>] = [:]
            for (path, secrets) in secretsByPath { committedSecrets[path] = occurring(secrets, in: committed[path] ?? []) }
            let fixFindings = indexes.map { index -> FixFinding in
                let f = findings[index]
                let inHistory = committedSecrets[f.repoPath]?.contains(f.secret) ?? false
                return FixFinding(
                    ruleId: f.ruleId, filePath: absolutePath(f.path, in: directory), relativePath: f.repoPath, line: f.line, column: f.column,
                    endLine: f.endLine, endColumn: f.endColumn, secret: f.secret, inHistory: inHistory)
            }
            let checker: any SyntaxChecking = checkSyntax ? ProcessSyntaxChecker() : ProposalOnly()
            let plan = FixPlanner(repositoryRoot: root, checker: checker).plan(fixFindings)
            for (position, index) in indexes.enumerated() where position < plan.outcomes.count {
                let outcome = plan.outcomes[position]
                findings[index].fix = FindingFix(
                    fixable: outcome.fixable, reason: outcome.reason, variable: outcome.variableName,
                    description: outcome.sarifFix?.description,
                    changes: (outcome.sarifFix?.artifactChanges ?? []).map { change in
                        FindingFix.Change(repoPath: change.path, replacements: change.replacements.map { r in
                            FindingFix.Replacement(
                                startLine: r.deletedRegion.startLine, startColumn: r.deletedRegion.startColumn,
                                endLine: r.deletedRegion.endLine, endColumn: r.deletedRegion.endColumn, insertedText: r.insertedContent)
                        })
                    })
            }
            plans.plans.append((plan, indexes))
        }
        return plans
    }

    /// Writes the plans; returns the summaries to print.
    static func apply(_ plans: Plans) -> [String] {
        plans.plans.map { entry in
            let applied = FixApplier().apply(entry.plan)
            return FixReport.summary(entry.plan, applied: applied)
        }
    }

    /// The unified diff of the plans (secrets redacted unless `redact` is false).
    static func diff(_ plans: Plans, findings: [Finding], redact: Bool) -> String {
        let hidden = findings.filter(\.isSuppressed).map(\.secret).filter { !$0.isEmpty }
        return plans.plans.map { entry in
            FixReport.diff(entry.plan, extraSecrets: hidden, redact: { redact ? Redaction.redact($0) : $0 })
        }.joined()
    }

    /// Parses nothing: reports propose fixes; `--fix` checks them before writing.
    struct ProposalOnly: SyntaxChecking {
        func check(_ contents: [UInt8], fileName: String, language: SourceLanguage) -> SyntaxVerdict {
            .unchecked("parse check left to --fix")
        }
    }

    private static func absolutePath(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    private static func committedFiles(_ paths: [String], root: String) -> [String: [UInt8]] {
        guard let runner = try? GitRunner(directory: root) else { return [:] }
        return (try? CommittedContent.atHead(Array(Set(paths)).sorted(), runner: runner)) ?? [:]
    }

    /// The `secrets` that occur in `haystack`, found in one pass per distinct secret length (a
    /// search per finding made thousands of findings in one committed file quadratic).
    static func occurring(_ secrets: Set<String>, in haystack: [UInt8]) -> Set<String> {
        var found = Set<String>()
        let byLength = Dictionary(grouping: secrets.map { Array($0.utf8) }.filter { !$0.isEmpty }, by: \.count)
        for (length, needles) in byLength where length <= haystack.count {
            let wanted = Set(needles.map { $0[...] })
            let firstBytes = Set(needles.map { $0[0] })
            var remaining = wanted.count
            var index = 0
            while index + length <= haystack.count && remaining > 0 {
                if firstBytes.contains(haystack[index]) {
                    let window = haystack[index..<(index + length)]
                    if wanted.contains(window), found.insert(String(decoding: window, as: UTF8.self)).inserted { remaining -= 1 }
                }
                index += 1
            }
        }
        return found
    }
}
