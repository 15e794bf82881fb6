import Foundation
import Testing

/// Runs the built binary over every mini repository in Fixtures/ and compares its JSON findings
/// with the fixture's expected.json (exact on rule, path and line; column and secret when given).
struct FixtureTests {
    static let fixturesRoot = CLI.packageRoot.appendingPathComponent("Fixtures")

    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesRoot.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: fixturesRoot.appendingPathComponent("\($0)/expected.json").path) }.sorted()
    }()

    struct Key: Hashable, CustomStringConvertible {
        let ruleId: String
        let path: String
        let line: Int
        var description: String { "\(path):\(line) \(ruleId)" }
    }

    @Test("fixtures are present")
    func fixturesPresent() {
        #expect(Self.fixtureNames.count >= 50)
    }

    @Test("fixture", arguments: fixtureNames)
    func fixture(_ name: String) throws {
        let source = Self.fixturesRoot.appendingPathComponent(name)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: source.appendingPathComponent("expected.json"))) as! [String: Any]
        let work = try CLI.temporaryDirectory("fixture-\(name)")
        defer { try? FileManager.default.removeItem(at: work) }
        let tree = work.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: source.appendingPathComponent("tree"), to: tree)
        try Self.renameSpecialNames(in: tree)
        let setup = source.appendingPathComponent("setup.sh")
        if FileManager.default.fileExists(atPath: setup.path) {
            try CLI.sh("sh '\(setup.path)'", in: tree)
        }
        let exclude = tree.appendingPathComponent("dot-git-info-exclude")
        if FileManager.default.fileExists(atPath: exclude.path) {
            let target = tree.appendingPathComponent(".git/info/exclude")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: exclude, to: target)
        }
        let args = (expected["args"] as? [String]) ?? ["."]
        let environment = CLI.isolatedEnvironment(home: work.appendingPathComponent("home"))
        let result = try CLI.run(["--format", "json", "--no-redact"] + args, in: tree, environment: environment)
        let wanted = (expected["findings"] as? [[String: Any]]) ?? []
        #expect(result.status == (wanted.isEmpty ? 0 : 1), "exit status; stderr: \(result.stderr)")
        let got = result.findings
        let gotKeys = Set(got.map { Key(ruleId: $0["ruleId"] as! String, path: $0["path"] as! String, line: $0["line"] as! Int) })
        let wantedKeys = Set(wanted.map { Key(ruleId: $0["ruleId"] as! String, path: $0["path"] as! String, line: $0["line"] as! Int) })
        let missing = wantedKeys.subtracting(gotKeys).sorted { $0.description < $1.description }
        let unexpected = gotKeys.subtracting(wantedKeys).sorted { $0.description < $1.description }
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(unexpected.isEmpty, "unexpected: \(unexpected)")
        for want in wanted {
            let key = Key(ruleId: want["ruleId"] as! String, path: want["path"] as! String, line: want["line"] as! Int)
            let matches = got.filter { Key(ruleId: $0["ruleId"] as! String, path: $0["path"] as! String, line: $0["line"] as! Int) == key }
            guard !matches.isEmpty else { continue }
            if let column = want["column"] as? Int {
                #expect(matches.contains { $0["column"] as? Int == column }, "\(key): column \(column)")
            }
            if let secret = want["secret"] as? String {
                #expect(matches.contains { $0["secret"] as? String == secret }, "\(key): secret")
            }
        }
    }

    /// `dot-gitignore` → `.gitignore` at any depth (fixture files must not act on this repository).
    static func renameSpecialNames(in tree: URL) throws {
        let enumerator = FileManager.default.enumerator(at: tree, includingPropertiesForKeys: nil)
        var renames: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == "dot-gitignore" { renames.append(url) }
        }
        for url in renames {
            try FileManager.default.moveItem(at: url, to: url.deletingLastPathComponent().appendingPathComponent(".gitignore"))
        }
    }
}
