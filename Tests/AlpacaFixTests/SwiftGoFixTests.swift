import AlpacaFix
import Foundation
import Testing

@Suite("Swift and Go fixes")
struct SwiftGoFixTests {
    @Test("URLRequest.setValue: the value on the next line is found from the setValue finding")
    func swiftSetValue() throws {
        let repo = try TempRepo()
        let source = """
            func accountRequest() -> URLRequest {
                var request = URLRequest(url: URL(string: "https://paper-api.alpaca.markets/v2/account")!)
                request.setValue("\(Fake.paperKey)", forHTTPHeaderField: "APCA-API-KEY-ID")
                request.setValue(
                    "\(Fake.paperSecret)",
                    forHTTPHeaderField: "APCA-API-SECRET-KEY"
                )
                return request
            }

            """
        try repo.write(source, to: "Sources/Bot/Account.swift")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-header-literal", "Sources/Bot/Account.swift", "setValue", secret: "\"\(Fake.paperKey)\""),
            repo.finding("alpaca-header-literal", "Sources/Bot/Account.swift", "setValue", occurrence: 2, secret: "\"\(Fake.paperSecret)\""),
            repo.finding("alpaca-secret-key", "Sources/Bot/Account.swift", Fake.paperSecret),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        let updated = try #require(plan.updatedText("Sources/Bot/Account.swift"))
        #expect(updated.hasPrefix("import Foundation\nfunc accountRequest()"))
        #expect(updated.contains("request.setValue(ProcessInfo.processInfo.environment[\"APCA_API_KEY_ID\"] ?? \"\", forHTTPHeaderField: \"APCA-API-KEY-ID\")"))
        #expect(updated.contains("        ProcessInfo.processInfo.environment[\"APCA_API_SECRET_KEY\"] ?? \"\",\n"))
        if onPath("swiftc") { #expect(plan.changes.first { $0.relativePath.hasSuffix(".swift") }?.verification?.contains("swiftc") == true) }
    }

    @Test("Swift: an existing Foundation import is reused; an enum raw value is left alone")
    func swiftImportAndEnum() throws {
        let repo = try TempRepo()
        try repo.write("import Foundation\n\nlet key = \"\(Fake.paperKey)\"\nenum K: String { case live = \"\(Fake.liveKey)\" }\n", to: "K.swift")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([
            repo.finding("alpaca-paper-key-id", "K.swift", Fake.paperKey),
            repo.finding("alpaca-live-key-id", "K.swift", Fake.liveKey),
        ])
        #expect(plan.outcomes[0].fixable)
        #expect(!plan.outcomes[1].fixable)
        #expect(plan.updatedText("K.swift") == "import Foundation\n\nlet key = ProcessInfo.processInfo.environment[\"APCA_API_KEY_ID\"] ?? \"\"\nenum K: String { case live = \"\(Fake.liveKey)\" }\n")
    }

    @Test("Go: req.Header.Set values become os.Getenv and \"os\" joins the import block in order")
    func goHeader() throws {
        let repo = try TempRepo()
        let source = "package alpaca\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\nfunc req(ctx context.Context, r *http.Request) {\n\tr.Header.Set(\"APCA-API-KEY-ID\", \"\(Fake.paperKey)\")\n\tr.Header.Add(\"APCA-API-SECRET-KEY\", \"\(Fake.paperSecret)\")\n}\n"
        try repo.write(source, to: "orders.go")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-header-literal", "orders.go", "APCA-API-KEY-ID", secret: "\"\(Fake.paperKey)\""),
            repo.finding("alpaca-paper-key-id", "orders.go", Fake.paperKey),
            repo.finding("alpaca-header-literal", "orders.go", "APCA-API-SECRET-KEY", secret: "\"\(Fake.paperSecret)\""),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(plan.updatedText("orders.go") == "package alpaca\n\nimport (\n\t\"context\"\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc req(ctx context.Context, r *http.Request) {\n\tr.Header.Set(\"APCA-API-KEY-ID\", os.Getenv(\"APCA_API_KEY_ID\"))\n\tr.Header.Add(\"APCA-API-SECRET-KEY\", os.Getenv(\"APCA_API_SECRET_KEY\"))\n}\n")
        if onPath("gofmt") { #expect(plan.changes.first { $0.relativePath == "orders.go" }?.verification?.contains("gofmt") == true) }
    }

    @Test("Go: const becomes var; os.Setenv(NAME, literal) is removed, and so is an import it leaves unused")
    func goConstAndSetenv() throws {
        let repo = try TempRepo()
        try repo.write("package main\n\nconst apiKey = \"\(Fake.paperKey)\"\n", to: "key.go")
        try repo.write("package setup\n\nimport \"os\"\n\nfunc init() {\n\tos.Setenv(\"APCA_API_SECRET_KEY\", \"\(Fake.paperSecret)\")\n}\n", to: "env.go")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-paper-key-id", "key.go", Fake.paperKey),
            repo.finding("alpaca-secret-key", "env.go", Fake.paperSecret),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(plan.updatedText("key.go") == "package main\n\nimport \"os\"\n\nvar apiKey = os.Getenv(\"APCA_API_KEY_ID\")\n")
        #expect(plan.updatedText("env.go") == "package setup\n\n\nfunc init() {\n\t// APCA_API_SECRET_KEY now comes from the environment (.env); set by alpaca-lint --fix\n}\n")
    }

    @Test("Go: a constant inside a const block needs a manual fix")
    func goConstBlock() throws {
        let repo = try TempRepo()
        let source = "package main\n\nconst (\n\tkey = \"\(Fake.paperKey)\"\n)\n"
        try repo.write(source, to: "c.go")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: AcceptingChecker()).plan([repo.finding("alpaca-paper-key-id", "c.go", Fake.paperKey)])
        #expect(!plan.outcomes[0].fixable)
        #expect(plan.outcomes[0].reason.contains("const"))
    }
}
