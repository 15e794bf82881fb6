@testable import AlpacaFix
import AlpacaIgnore
import Foundation
import Testing

@Suite("Fixer details")
struct DetailTests {
    @Test("a missing checker leaves the edit applied with a 'not checked' note")
    func missingChecker() throws {
        let repo = try TempRepo()
        try repo.write("package main\n\nvar k = \"\(Fake.paperKey)\"\n", to: "m.go")
        let checker = ProcessSyntaxChecker(searchPath: "/nonexistent")
        let plan = FixPlanner(repositoryRoot: repo.path, checker: checker).plan([repo.finding("alpaca-paper-key-id", "m.go", Fake.paperKey)])
        #expect(plan.outcomes[0].fixable)
        #expect(plan.changes.first { $0.relativePath == "m.go" }?.verification == "not checked: gofmt is not installed")
    }

    @Test("checker complaints lose the temporary folder and any secret", .enabled(if: onPath("gofmt")))
    func complaint() {
        let verdict = ProcessSyntaxChecker().check(Array("package main\nvar x = \"\(Fake.paperKey)\" \"y\"\n".utf8), fileName: "bad.go", language: .go)
        guard case .fails(_, let message) = verdict else {
            Issue.record("gofmt accepted a broken file: \(verdict)")
            return
        }
        #expect(message.hasPrefix("bad.go:"), "\(message)")
        #expect(FixPlanner.scrub(message, secrets: [Fake.paperKey]).contains(Fake.paperKey) == false)
    }

    @Test("the real parsers reject what they should", .enabled(if: onPath("python3") && onPath("sh")))
    func realParsers() {
        let checker = ProcessSyntaxChecker()
        #expect(checker.check(Array("x = (\n".utf8), fileName: "a.py", language: .python) != .parses(checker: "python3 compile"))
        #expect(checker.check(Array("x = 1\n".utf8), fileName: "a.py", language: .python) == .parses(checker: "python3 compile"))
        #expect(checker.check(Array("if then\n".utf8), fileName: "a.sh", language: .shell) != .parses(checker: "sh -n"))
    }

    @Test("import os detection: import os.path and import sys, os count; import os as o does not")
    func pythonBindsOs() {
        #expect(ImportPlanner.pythonBindsOs("import os"))
        #expect(ImportPlanner.pythonBindsOs("import os.path"))
        #expect(ImportPlanner.pythonBindsOs("import sys, os  # both"))
        #expect(!ImportPlanner.pythonBindsOs("import os as o"))
        #expect(!ImportPlanner.pythonBindsOs("from os import environ"))
        #expect(!ImportPlanner.pythonBindsOs("import osmium"))
    }

    @Test("Go imports: after a single import, after the package clause, before a third-party group")
    func goImports() throws {
        let repo = try TempRepo()
        try repo.write("package a\n\nimport \"fmt\"\n\nvar k = \"\(Fake.paperKey)\"\n", to: "a.go")
        try repo.write("package b\r\n\r\nvar k = \"\(Fake.paperKey)\"\r\n", to: "b.go")
        try repo.write("package c\n\nimport (\n\t\"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca\"\n)\n\nvar k = alpaca.ClientOpts{APIKey: \"\(Fake.paperKey)\"}\n", to: "c.go")
        let plan = FixPlanner(repositoryRoot: repo.path).plan(["a.go", "b.go", "c.go"].map { repo.finding("alpaca-paper-key-id", $0, Fake.paperKey) })
        #expect(plan.outcomes.allSatisfy { $0.fixable }, "\(plan.outcomes.map(\.reason))")
        #expect(plan.updatedText("a.go") == "package a\n\nimport \"fmt\"\nimport \"os\"\n\nvar k = os.Getenv(\"APCA_API_KEY_ID\")\n")
        #expect(plan.updatedText("b.go") == "package b\r\n\r\nimport \"os\"\r\n\r\nvar k = os.Getenv(\"APCA_API_KEY_ID\")\r\n")
        #expect(plan.updatedText("c.go") == "package c\n\nimport (\n\t\"os\"\n\n\t\"github.com/alpacahq/alpaca-trade-api-go/v3/alpaca\"\n)\n\nvar k = alpaca.ClientOpts{APIKey: os.Getenv(\"APCA_API_KEY_ID\")}\n")
    }

    @Test("Swift without imports: import Foundation goes after the header comment")
    func swiftHeader() throws {
        let repo = try TempRepo()
        try repo.write("//\n//  Keys.swift\n//\n\nlet key = \"\(Fake.paperKey)\"\n", to: "Keys.swift")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.finding("alpaca-paper-key-id", "Keys.swift", Fake.paperKey)])
        #expect(plan.updatedText("Keys.swift") == "//\n//  Keys.swift\n//\n\nimport Foundation\nlet key = ProcessInfo.processInfo.environment[\"APCA_API_KEY_ID\"] ?? \"\"\n")
    }

    @Test("ignore rules escape glob characters and are confirmed by the ignore engine")
    func escapedRule() throws {
        let repo = try TempRepo()
        try repo.write("X=1\n", to: "cfg/a[1]*.env")
        try repo.write("X=1\n", to: "cfg/a1x.env")
        let plan = FixPlanner(repositoryRoot: repo.path).plan([repo.fileFinding("alpaca-env-not-ignored", "cfg/a[1]*.env")])
        #expect(plan.updatedText(".gitignore")?.hasSuffix("/cfg/a\\[1]\\*.env\n") == true, "\(plan.updatedText(".gitignore") ?? "")")
        #expect(FixApplier().apply(plan).complete)
        let matcher = IgnoreMatcher(root: repo.path)
        #expect(matcher.isIgnored(relativePath: "cfg/a[1]*.env", isDirectory: false))
        #expect(!matcher.isIgnored(relativePath: "cfg/a1x.env", isDirectory: false))
    }

    @Test("a finding whose position no longer holds its value is refused")
    func staleFinding() throws {
        let repo = try TempRepo()
        try repo.write("k = 'x'\n", to: "s.py")
        var finding = repo.finding("alpaca-paper-key-id", "s.py", "'x'")
        finding.secret = Fake.paperKey
        let plan = FixPlanner(repositoryRoot: repo.path).plan([finding])
        #expect(!plan.outcomes[0].fixable)
        #expect(plan.changes.isEmpty)
    }
}

@Suite("Lexers on truncated input")
struct LexerRobustnessTests {
    static let samples: [(SourceLanguage, String)] = [
        (.python, "s = r'a\\'b' + f\"{x['k']}\" + \"\"\"doc\n\"\"\" # c\nb'\\\\'\n"),
        (.javaScript, "const a = `x${ {b: \"}\"}.b }y` / 2; const r = /[/\"]+/g; // c\n'\\\n"),
        (.typeScript, "let t: string = `a${`b${c}`}`; /* x */ \"e\\\\\"\n"),
        (.swift, "let s = #\"a\\#(b)\"# + \"\\(f(\")\"))\" /* /* */ */ \"\"\"\nx\n\"\"\"\n"),
        (.go, "x := `raw\n` + \"a\\\"\" + 'r' // c\n/* b */\n"),
        (.shell, "echo \"$(cat \"$f\")\" 'a' $'b\\'' # c\ncat <<-'EOF'\n\tx\n\tEOF\nv=\\\n"),
    ]

    @Test("every prefix of tricky input lexes with ranges inside the input")
    func truncated() {
        for (language, sample) in Self.samples {
            let bytes = Array(sample.utf8)
            for length in 0...bytes.count {
                let prefix = Array(bytes[..<length])
                if language == .shell {
                    for region in ShellLexer.regions(prefix) {
                        #expect(region.range.upperBound <= length && region.content.upperBound <= length)
                    }
                } else {
                    for region in CodeLexer.regions(prefix, language: language) {
                        #expect(region.range.upperBound <= length && region.content.lowerBound >= region.range.lowerBound)
                    }
                }
            }
        }
    }

    @Test("regions are found where they should be")
    func regions() {
        let python = CodeLexer.regions(Array("a = rb'x' # 'no'\nf\"{y}\"\n".utf8), language: .python)
        #expect(python.count == 3)
        #expect(python[0].typedPrefix && !python[0].interpolated)
        #expect(python[1].kind == .comment)
        #expect(python[2].interpolated)
        let js = CodeLexer.regions(Array("x = a / b / c; y = /re\"/; z = \"s\"".utf8), language: .javaScript)
        #expect(js.map(\.kind) == [.regex, .string])
        let shell = ShellLexer.regions(Array("cat <<EOF\nk: v\nEOF\necho '#x' # real\nx=$((1 << 2))\necho \"a\"\n".utf8))
        #expect(shell.map(\.kind) == [.hereDocument(expands: true), .singleQuoted, .comment, .doubleQuoted])
    }
}
