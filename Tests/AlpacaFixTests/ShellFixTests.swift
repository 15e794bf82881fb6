import AlpacaFix
import Foundation
import Testing

@Suite("Shell fixes")
struct ShellFixTests {
    @Test("export NAME=literal is removed; curl -H values in double quotes become ${NAME}")
    func exportAndCurl() throws {
        let repo = try TempRepo()
        let source = """
            #!/usr/bin/env bash
            export APCA_API_KEY_ID="\(Fake.paperKey)"
            curl -s https://paper-api.alpaca.markets/v2/account \\
              -H "APCA-API-KEY-ID: $APCA_API_KEY_ID" \\
              -H "APCA-API-SECRET-KEY: \(Fake.paperSecret)" | jq .

            """
        try repo.write(source, to: "scripts/account.sh", mode: 0o755)
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-paper-key-id", "scripts/account.sh", Fake.paperKey),
            repo.finding("alpaca-header-literal", "scripts/account.sh", "APCA-API-SECRET-KEY", secret: Fake.paperSecret),
            repo.finding("alpaca-secret-key", "scripts/account.sh", Fake.paperSecret),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        let expected = """
            #!/usr/bin/env bash
            # APCA_API_KEY_ID now comes from the environment (.env); set by alpaca-lint --fix
            curl -s https://paper-api.alpaca.markets/v2/account \\
              -H "APCA-API-KEY-ID: $APCA_API_KEY_ID" \\
              -H "APCA-API-SECRET-KEY: ${APCA_API_SECRET_KEY}" | jq .

            """
        #expect(plan.updatedText("scripts/account.sh") == expected)
        _ = FixApplier().apply(plan)
        #expect(repo.mode("scripts/account.sh") == 0o755)
        if onPath("bash") { #expect(try repo.run("bash", ["-n", "scripts/account.sh"]).status == 0) }
    }

    @Test("unquoted -u key:secret, single quotes, an unquoted here-document; a quoted one is left alone")
    func quotingForms() throws {
        let repo = try TempRepo()
        let source = """
            curl -u \(Fake.brokerKey):\(Fake.paperSecret) https://broker-api.sandbox.alpaca.markets/v1/accounts
            echo 'key \(Fake.liveKey) here'
            cat > live.yaml <<EOF
            key_id: \(Fake.otherPaperKey)
            EOF
            cat > quoted.yaml <<'EOF'
            secret: \(Fake.liveSecret)
            EOF

            """
        try repo.write(source, to: "run.sh")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-broker-key-id", "run.sh", Fake.brokerKey),
            repo.finding("alpaca-secret-key", "run.sh", Fake.paperSecret),
            repo.finding("alpaca-live-key-id", "run.sh", Fake.liveKey),
            repo.finding("alpaca-paper-key-id", "run.sh", Fake.otherPaperKey),
            repo.finding("alpaca-secret-key", "run.sh", Fake.liveSecret),
        ])
        #expect(plan.outcomes.prefix(4).allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(!plan.outcomes[4].fixable)
        #expect(plan.outcomes[4].reason.contains("here-document"))
        let updated = try #require(plan.updatedText("run.sh"))
        #expect(updated.contains("curl -u \"${ALPACA_BROKER_API_KEY}\":\"${ALPACA_BROKER_API_SECRET}\" https://"))
        #expect(updated.contains("echo 'key '\"${APCA_API_KEY_ID_LIVE}\"' here'"))
        #expect(updated.contains("key_id: ${APCA_API_KEY_ID}\n"))
        #expect(updated.contains("secret: \(Fake.liveSecret)\n"))
        if onPath("sh") { #expect(plan.changes.first { $0.relativePath == "run.sh" }?.verification?.contains("sh -n") == true) }
    }

    @Test("two scripts exporting the same name: paper keeps the removal, live reads APCA_API_KEY_ID_LIVE")
    func conflictingExports() throws {
        let repo = try TempRepo()
        try repo.write("export APCA_API_KEY_ID=\(Fake.liveKey)\n", to: "deploy/live.sh")
        try repo.write("export APCA_API_KEY_ID='\(Fake.paperKey)'\n", to: "scripts/paper.sh")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([
            repo.finding("alpaca-live-key-id", "deploy/live.sh", Fake.liveKey),
            repo.finding("alpaca-paper-key-id", "scripts/paper.sh", Fake.paperKey),
        ])
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(plan.updatedText("deploy/live.sh") == "export APCA_API_KEY_ID=\"${APCA_API_KEY_ID_LIVE}\"\n")
        #expect(plan.updatedText("scripts/paper.sh") == "# APCA_API_KEY_ID now comes from the environment (.env); set by alpaca-lint --fix\n")
        let environment = try #require(plan.updatedText(".env"))
        #expect(environment.contains("APCA_API_KEY_ID=\(Fake.paperKey)\n") && environment.contains("APCA_API_KEY_ID_LIVE=\(Fake.liveKey)\n"))
    }

    @Test("${NAME:-literal} loses its default")
    func defaultValue() throws {
        let repo = try TempRepo()
        try repo.write("KEY=\"${ALPACA_KEY:-\(Fake.paperKey)}\"\necho \"$KEY\"\n", to: "d.sh")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "d.sh", Fake.paperKey)])
        #expect(plan.updatedText("d.sh") == "KEY=\"${ALPACA_KEY}\"\necho \"$KEY\"\n")
        #expect(plan.updatedText(".env")?.contains("ALPACA_KEY=\(Fake.paperKey)") == true)
    }

    @Test("language detection by shebang for files without an extension")
    func shebang() {
        #expect(SourceLanguage.detect(path: "bin/deploy", contents: Array("#!/bin/sh\n".utf8)) == .shell)
        #expect(SourceLanguage.detect(path: "bin/tool", contents: Array("#!/usr/bin/env python3\n".utf8)) == .python)
        #expect(SourceLanguage.detect(path: "bin/x", contents: Array("#!/usr/bin/env -S node --no-warnings\n".utf8)) == .javaScript)
        #expect(SourceLanguage.detect(path: "README", contents: Array("hello".utf8)) == nil)
        #expect(SourceLanguage.detect(path: "a.rb", contents: []) == nil)
    }
}
