import AlpacaCore
import AlpacaReport
import Testing

@Suite("GitLab reporter")
struct GitLabReporterTests {
    @Test("secret-detection report essentials")
    func shape() throws {
        let root = try Fixtures.jsonObject(try Fixtures.render(.gitlab, Fixtures.report()))
        #expect(root["version"] as? String == GitLabReporter.schemaVersion)
        let scan = try #require(root["scan"] as? [String: Any])
        #expect(scan["type"] as? String == "secret_detection")
        #expect(scan["status"] as? String == "success")
        #expect(scan["start_time"] as? String == "2023-11-14T22:13:20")
        #expect(scan["end_time"] as? String == "2023-11-14T22:13:20")
        #expect((scan["analyzer"] as? [String: Any])?["id"] as? String == "alpaca-lint")
        #expect(((scan["scanner"] as? [String: Any])?["vendor"] as? [String: String])?["name"] != nil)

        let vulns = try #require(root["vulnerabilities"] as? [[String: Any]])
        #expect(vulns.count == 3, "suppressed findings are left out")
        let ids = vulns.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == 3)
        #expect(ids.allSatisfy { $0.count == 36 })
        #expect(vulns[0]["severity"] as? String == "Critical")
        #expect(vulns[0]["name"] as? String == "Alpaca live key ID in a file")
        #expect(vulns[2]["severity"] as? String == "Low")
        let location = try #require(vulns[0]["location"] as? [String: Any])
        #expect(location["file"] as? String == "src/bot.py")
        #expect(location["start_line"] as? Int == 2)
        #expect((location["commit"] as? [String: String])?["sha"] == "0000000")
        let history = try #require(vulns[1]["location"] as? [String: Any])
        #expect((history["commit"] as? [String: String])?["sha"] == Fixtures.historySHA)
        let identifiers = try #require(vulns[0]["identifiers"] as? [[String: Any]])
        #expect(identifiers.first?["value"] as? String == "alpaca-live-key-id")
        #expect(vulns[0]["raw_source_code_extract"] == nil)
    }

    @Test("failed runs say so")
    func failure() throws {
        let root = try Fixtures.jsonObject(try Fixtures.render(.gitlab, Fixtures.report(successful: false)))
        #expect((root["scan"] as? [String: Any])?["status"] as? String == "failure")
    }
}
