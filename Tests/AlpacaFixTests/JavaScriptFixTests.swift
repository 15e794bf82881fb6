import AlpacaFix
import Foundation
import Testing

@Suite("JavaScript and TypeScript fixes")
struct JavaScriptFixTests {
    @Test("a fetch header literal and its key finding become one process.env read")
    func fetchHeader() throws {
        let repo = try TempRepo()
        let source = """
            export async function account() {
              return fetch("https://paper-api.alpaca.markets/v2/account", {
                headers: {
                  "APCA-API-KEY-ID": "\(Fake.paperKey)",
                  "APCA-API-SECRET-KEY": '\(Fake.paperSecret)',
                },
              });
            }

            """
        try repo.write(source, to: "src/account.mjs")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-header-literal", "src/account.mjs", "APCA-API-KEY-ID", secret: "\"\(Fake.paperKey)\""),
            repo.finding("alpaca-paper-key-id", "src/account.mjs", Fake.paperKey),
            repo.finding("alpaca-header-literal", "src/account.mjs", "APCA-API-SECRET-KEY", secret: "'\(Fake.paperSecret)'"),
            repo.finding("alpaca-secret-key", "src/account.mjs", Fake.paperSecret),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        let updated = try #require(plan.updatedText("src/account.mjs"))
        #expect(updated.contains("\"APCA-API-KEY-ID\": process.env.APCA_API_KEY_ID,\n"))
        #expect(updated.contains("\"APCA-API-SECRET-KEY\": process.env.APCA_API_SECRET_KEY,\n"))
        #expect(!updated.contains(Fake.paperKey))
        if onPath("node") { #expect(plan.changes.first { $0.relativePath == "src/account.mjs" }?.verification?.contains("node") == true) }
    }

    @Test("a template literal with ${…} is left alone; one without placeholders is replaced")
    func templates() throws {
        let repo = try TempRepo()
        try repo.write("const a = `key=\(Fake.paperKey)&n=${n}`;\nconst b = `\(Fake.liveKey)`;\n", to: "t.js")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([
            repo.finding("alpaca-paper-key-id", "t.js", Fake.paperKey),
            repo.finding("alpaca-live-key-id", "t.js", Fake.liveKey),
        ])
        #expect(!plan.outcomes[0].fixable)
        #expect(plan.outcomes[0].reason.contains("template literal"))
        #expect(plan.outcomes[1].fixable)
        #expect(plan.updatedText("t.js") == "const a = `key=\(Fake.paperKey)&n=${n}`;\nconst b = process.env.APCA_API_KEY_ID;\n")
    }

    @Test("process.env.X || literal keeps X and empties the fallback")
    func fallback() throws {
        let repo = try TempRepo()
        try repo.write("const keyId = process.env.APCA_API_KEY_ID || \"\(Fake.paperKey)\";\n", to: "env.js")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "env.js", Fake.paperKey)])
        #expect(plan.updatedText("env.js") == "const keyId = process.env.APCA_API_KEY_ID || \"\";\n")
    }

    @Test("process.env.X = literal is removed")
    func selfAssignment() throws {
        let repo = try TempRepo()
        try repo.write("  process.env.APCA_API_SECRET_KEY = \"\(Fake.paperSecret)\";\nrun();\n", to: "boot.js")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-secret-key", "boot.js", Fake.paperSecret)])
        #expect(plan.updatedText("boot.js") == "  // APCA_API_SECRET_KEY now comes from the environment (.env); set by alpaca-lint --fix\nrun();\n")
    }

    @Test("TypeScript reads keep a string type with ?? \"\" and are grouped where an operator follows")
    func typeScript() throws {
        let repo = try TempRepo()
        let source = "export const config: { keyId: string } = {\n  keyId: \"\(Fake.liveKey)\",\n};\nexport const header = \"\(Fake.liveSecret)\".trim();\n"
        try repo.write(source, to: "src/config.ts")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-live-key-id", "src/config.ts", Fake.liveKey),
            repo.finding("alpaca-secret-key", "src/config.ts", Fake.liveSecret),
        ])
        #expect(plan.updatedText("src/config.ts") == "export const config: { keyId: string } = {\n  keyId: process.env.APCA_API_KEY_ID ?? \"\",\n};\nexport const header = (process.env.APCA_API_SECRET_KEY ?? \"\").trim();\n")
        let verification = plan.changes.first { $0.relativePath == "src/config.ts" }?.verification ?? ""
        #expect(verification.contains("typescript") || verification.contains("not checked"))
    }
}

@Suite("Generated files")
struct GeneratedFileFixTests {
    @Test("bug: planning a fix in a minified 5 MB bundle lexed it for tens of seconds; it is now a manual fix with the reason")
    func minifiedBundleIsAManualFix() throws {
        let repo = try TempRepo()
        let line = String(repeating: "var a=function(b){return b+1};", count: 1_000) + "const k=\"\(Fake.paperKey)\";"
        try repo.write(line + "\n", to: "dist/app.min.js")
        let started = Date()
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([
            repo.finding("alpaca-paper-key-id", "dist/app.min.js", Fake.paperKey),
        ])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(plan.outcomes.first?.fixable == false)
        #expect(plan.outcomes.first?.reason.contains("minified or generated") == true, "\(plan.outcomes.map(\.reason))")
        #expect(plan.changes.isEmpty)
    }
}
