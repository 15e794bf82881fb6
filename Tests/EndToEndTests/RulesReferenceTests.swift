import Foundation
import Testing

/// docs/rules.md is generated from the rules compiled into the binary; SARIF's helpUri points into it.
@Suite("Rules reference (docs/rules.md)")
struct RulesReferenceTests {
    static let referenceFile = CLI.packageRoot.appendingPathComponent("docs/rules.md")
    static let helpBase = "https://github.com/alpaca-lint/alpaca-lint/blob/main/docs/rules.md#"

    /// The anchors GitHub gives a Markdown file's headings: lower-cased, punctuation other than `-`
    /// and `_` removed, spaces turned into `-`, and `-1`, `-2`, … added to repeats.
    static func githubAnchors(_ markdown: String) -> Set<String> {
        var anchors = Set<String>()
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            let base = String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
                if scalar == " " { return "-" }
                let character = Character(scalar)
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
            var anchor = base
            var repeatCount = 0
            while anchors.contains(anchor) {
                repeatCount += 1
                anchor = "\(base)-\(repeatCount)"
            }
            anchors.insert(anchor)
        }
        return anchors
    }

    @Test("docs/rules.md is exactly what `alpaca-lint rules --format markdown` prints")
    func committedReferenceIsCurrent() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try CLI.run(["rules", "--format", "markdown"], in: directory)
        try #require(generated.status == 0, "\(generated.diagnostics)")
        let committed = (try? String(contentsOf: Self.referenceFile, encoding: .utf8)) ?? "(docs/rules.md is missing)"
        #expect(committed == generated.stdout, "docs/rules.md is stale: the rules changed. Regenerate it with `make docs` and commit it.")
    }

    @Test("every rule has a `## <id>` section, and each SARIF helpUri points at an anchor of docs/rules.md")
    func helpURIsResolve() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let markdown = try CLI.run(["rules", "--format", "markdown"], in: directory).stdout
        let anchors = Self.githubAnchors(markdown)
        let list = try CLI.run(["rules", "--format", "json"], in: directory)
        let rules = (list.json?["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        try #require(rules.count >= 10, "\(list.diagnostics)")
        for id in rules {
            #expect(markdown.contains("\n## \(id)\n"), "no section for \(id)")
            #expect(anchors.contains(id), "GitHub would not give \(id)'s section the anchor #\(id)")
        }

        let sarif = try CLI.run(["--format", "sarif", "."], in: directory)
        #expect(sarif.status == 0, "\(sarif.diagnostics)")
        let runs = sarif.json?["runs"] as? [[String: Any]] ?? []
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let descriptors = driver?["rules"] as? [[String: Any]] ?? []
        #expect(Set(descriptors.compactMap { $0["id"] as? String }) == Set(rules), "\(sarif.diagnostics)")
        for descriptor in descriptors {
            let id = descriptor["id"] as? String ?? "?"
            let uri = descriptor["helpUri"] as? String ?? ""
            #expect(uri == Self.helpBase + id, "\(id): helpUri \(uri)")
            #expect(anchors.contains(String(uri.dropFirst(Self.helpBase.count))), "\(id): \(uri) names no heading of docs/rules.md")
        }
    }
}
