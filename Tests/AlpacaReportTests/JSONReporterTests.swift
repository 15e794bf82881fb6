import AlpacaCore
import AlpacaReport
import Foundation
import Testing

@Suite("JSON reporter")
struct JSONReporterTests {
    static let findingKeys = [
        "ruleId", "practice", "severity", "path", "line", "column", "endLine", "endColumn", "message",
        "secret", "fingerprint", "commit", "suppressed", "related",
    ]

    @Test("has every contract field, with the right values")
    func contractFields() throws {
        let text = try Fixtures.render(.json, Fixtures.report())
        let root = try Fixtures.jsonObject(text)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "alpaca-lint")
        #expect(tool["version"] as? String == "1.2.3")
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == [
            "filesScanned": 120, "bytesScanned": 1_234_567, "filesSkipped": 4, "findings": 5, "suppressed": 0, "durationMs": 35,
        ])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        for f in findings {
            for key in Self.findingKeys { #expect(f[key] != nil, "missing \(key)") }
        }
        let live = findings[0]
        #expect(live["ruleId"] as? String == "alpaca-live-key-id")
        #expect(live["practice"] as? Int == 1)
        #expect(live["relatedPractices"] == nil)
        #expect(live["severity"] as? String == "error")
        #expect(live["line"] as? Int == 2 && live["column"] as? Int == 12)
        #expect(live["endLine"] as? Int == 2 && live["endColumn"] as? Int == 32)
        #expect(live["commit"] is NSNull)
        #expect(live["commitDate"] == nil)
        #expect(live["suppressed"] as? Bool == false)
        #expect(live["suppression"] == nil)
        #expect(live["fingerprint"] as? String == Fixtures.findings[0].fingerprint)
        #expect((live["related"] as? [Any])?.isEmpty == true)

        let suppressed = findings[1]
        #expect(suppressed["path"] as? String == Fixtures.awkwardPath)
        #expect(suppressed["message"] as? String == Fixtures.awkwardMessage)
        #expect(suppressed["suppressed"] as? Bool == true)
        #expect(suppressed["suppression"] as? String == "inline")
        #expect(findings[4]["suppression"] as? String == "baseline")

        let history = findings[2]
        #expect(history["commit"] as? String == Fixtures.historySHA)
        #expect(history["commitDate"] as? String == "2024-05-01T12:00:00Z")
        #expect(history["relatedPractices"] as? [Int] == [2])

        let related = try #require(findings[3]["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["path"] as? String == Fixtures.awkwardPath)
        #expect(related[0]["line"] as? Int == 3 && related[0]["column"] as? Int == 5)
        #expect(related[0]["message"] as? String == "the paper key")

        let warnings = try #require(root["warnings"] as? [[String: Any]])
        #expect(warnings.first?["path"] as? String == "data/locked.env")
    }

    @Test("keys in the contract's order, two-space indent, trailing newline")
    func layout() throws {
        let text = try Fixtures.render(.json, Fixtures.report())
        #expect(text.hasPrefix("{\n  \"tool\": {\n    \"name\": \"alpaca-lint\",\n"))
        #expect(text.hasSuffix("}\n"))
        let order = ["\"tool\"", "\"findings\"", "\"ruleId\"", "\"practice\"", "\"severity\"", "\"path\"",
                     "\"line\"", "\"column\"", "\"endLine\"", "\"endColumn\"", "\"message\"", "\"secret\"",
                     "\"fingerprint\"", "\"commit\"", "\"suppressed\"", "\"related\"", "\"summary\""]
        var cursor = text.startIndex
        for key in order {
            let found = try #require(text.range(of: key, range: cursor..<text.endIndex), "\(key) out of order")
            cursor = found.upperBound
        }
        #expect(text.contains("\"relatedPractices\": [2],"))
        #expect(text.contains(#""message": "Paper key: 100% hard-coded, rotate it\nnow""#))
    }

    @Test("deterministic output")
    func deterministic() throws {
        #expect(try Fixtures.render(.json, Fixtures.report()) == Fixtures.render(.json, Fixtures.report()))
    }

    @Test("an empty run still has the whole shape")
    func empty() throws {
        let report = Report(toolVersion: "0.1.0", rules: [], findings: [], summary: ScanSummary())
        let text = try Fixtures.render(.json, report)
        let root = try Fixtures.jsonObject(text)
        #expect((root["findings"] as? [Any])?.isEmpty == true)
        #expect((root["warnings"] as? [Any])?.isEmpty == true, "an empty list says everything was checked")
        #expect(text.contains("\"findings\": [],"))
    }
}
