import AlpacaFix
import Foundation
import Testing

/// Runs the scan → plan → apply → rescan cycle over every scanner fixture (Fixtures/*/tree): whatever
/// the scanner reports, the fixer must not break a file, must clear what it says it fixed, and must
/// change nothing on a second run.
@Suite("--fix over every scanner fixture")
struct FixtureSweepTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixturesRoot = packageRoot.appendingPathComponent("Fixtures")

    /// Fixtures scanned with the default arguments (the others scan history or single files).
    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesRoot.path)) ?? []
        return names.filter { name in
            let expected = fixturesRoot.appendingPathComponent("\(name)/expected.json")
            guard let data = FileManager.default.contents(atPath: expected.path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return false }
            return ((object["args"] as? [String]) ?? ["."]) == ["."]
        }.sorted()
    }()

    @Test("the fixtures are there")
    func present() {
        #expect(Self.fixtureNames.count >= 50)
    }

    @Test("scan, fix, rescan", .enabled(if: FixEndToEndTests.binary != nil, "needs the built alpaca-lint binary"), arguments: fixtureNames)
    func fixture(_ name: String) throws {
        let repo = try TempRepo(git: false)
        let source = Self.fixturesRoot.appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("tree").path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent("tree/\(item)"), to: repo.root.appendingPathComponent(item))
        }
        let enumerator = FileManager.default.enumerator(at: repo.root, includingPropertiesForKeys: nil)
        var renames: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == "dot-gitignore" { renames.append(url) }
        }
        for url in renames { try FileManager.default.moveItem(at: url, to: url.deletingLastPathComponent().appendingPathComponent(".gitignore")) }
        let setup = source.appendingPathComponent("setup.sh")
        if FileManager.default.fileExists(atPath: setup.path) { try repo.run("sh", [setup.path]) }
        let exclude = repo.root.appendingPathComponent("dot-git-info-exclude")
        if FileManager.default.fileExists(atPath: exclude.path) {
            let target = repo.root.appendingPathComponent(".git/info/exclude")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: exclude, to: target)
        }

        let findings = try FixEndToEndTests.scan(repo)
        let plan = FixPlanner(repositoryRoot: repo.path).plan(findings)
        #expect(plan.outcomes.count == findings.count)
        for change in plan.changes {
            if case .code = change.role {
                let verification = change.verification ?? ""
                #expect(verification.hasPrefix("parses") || verification.hasPrefix("not checked"), "\(change.relativePath): \(verification)")
            }
        }
        let result = FixApplier().apply(plan)
        #expect(result.complete, "\(result.notWritten)")

        // A code file the plan edited holds no credential finding the plan called fixed.
        let rescan = try FixEndToEndTests.scan(repo)
        for (finding, outcome) in zip(plan.findings, plan.outcomes) where outcome.fixable && outcome.sarifFix != nil {
            let remaining = rescan.filter { $0.relativePath == finding.relativePath && $0.ruleId == finding.ruleId && $0.secret == finding.secret }
            #expect(remaining.isEmpty, "\(finding.relativePath):\(finding.line) \(finding.ruleId) is still reported")
        }
        let second = FixPlanner(repositoryRoot: repo.path).plan(rescan)
        #expect(second.changes.isEmpty, "second run would change \(second.changes.map(\.relativePath))")
    }
}
