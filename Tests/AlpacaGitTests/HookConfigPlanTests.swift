import Foundation
import Testing

@testable import AlpacaGit

/// Two JSON-compatible documents compared as sorted JSON; top-level keys whose value is null count as absent.
func sameDocument(_ a: [String: Any], _ b: [String: Any]) -> Bool {
    func canonical(_ document: [String: Any]) -> Data? {
        let present = document.filter { !($0.value is NSNull) }
        return try? JSONSerialization.data(withJSONObject: present, options: [.sortedKeys])
    }
    return canonical(a) != nil && canonical(a) == canonical(b)
}

/// PyYAML through python3: the judge of whether a merged config is still valid YAML.
enum PyYAML {
    static let available: Bool = (try? parse("a: 1\n")) != nil

    /// The document as JSON-compatible Foundation values; throws with PyYAML's message when invalid.
    static func parse(_ yaml: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, json, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(yaml.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw YAMLError(message: String(decoding: message, as: UTF8.self))
        }
        return try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
    }

    struct YAMLError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

@Suite("Hook manager config placement", .enabled(if: PyYAML.available, "python3 with PyYAML is needed (pip install pyyaml)"))
struct HookConfigPlanTests {
    /// `existing` with `snippet` put at `placement`, as a user following the printed instructions would.
    static func apply(_ placement: SnippetPlacement, _ snippet: String, to existing: String) -> String {
        var lines = existing.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var added = snippet.components(separatedBy: "\n")
        if added.last == "" { added.removeLast() }
        switch placement {
        case .insertAfter(let line, let text):
            #expect(lines[line - 1] == text, "the instruction names line \(line) as `\(text)`")
            lines.insert(contentsOf: added, at: line)
        case .append:
            lines += added
        case .mergeByHand, .alreadyPresent:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lefthook config after the merge: valid YAML that runs `alpaca-lint --staged` before each
    /// commit and, without our entry, equals the original document.
    static func checkLefthook(_ existing: String, expectJobs: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (placement, snippet) = HookConfigPlan.lefthook(existing: existing)
        let merged = apply(placement, snippet, to: existing)
        let document = try PyYAML.parse(merged) as? [String: Any] ?? [:]
        var section = document["pre-commit"] as? [String: Any] ?? [:]
        if expectJobs {
            var jobs = section["jobs"] as? [[String: Any]] ?? []
            let ours = jobs.firstIndex { $0["name"] as? String == "alpaca-lint" }
            #expect(ours.map { jobs[$0]["run"] as? String } == "alpaca-lint --staged", "\(merged)", sourceLocation: sourceLocation)
            if let ours { jobs.remove(at: ours) }
            section["jobs"] = jobs
        } else {
            var commands = section["commands"] as? [String: Any] ?? [:]
            #expect((commands["alpaca-lint"] as? [String: Any])?["run"] as? String == "alpaca-lint --staged", "\(merged)",
                    sourceLocation: sourceLocation)
            commands["alpaca-lint"] = nil
            section["commands"] = commands.isEmpty ? nil : commands
        }
        var withoutOurs = document
        withoutOurs["pre-commit"] = section.isEmpty ? nil : section
        let original = (try PyYAML.parse(existing) as? [String: Any]) ?? [:]
        #expect(sameDocument(withoutOurs, original), "the rest of the file changed:\n\(merged)", sourceLocation: sourceLocation)
        // Comments survive: nothing is rewritten, lines are only added.
        for line in existing.split(separator: "\n") where line.contains("#") {
            #expect(merged.contains(line), "lost the comment line `\(line)`", sourceLocation: sourceLocation)
        }
        // Following the instructions twice is not needed: the merged file already has our entry.
        #expect(HookConfigPlan.lefthook(existing: merged).placement == .alreadyPresent, sourceLocation: sourceLocation)
    }

    @Test func lefthookWithPreCommitCommands() throws {
        try Self.checkLefthook("""
            # lefthook config
            pre-commit:
              parallel: true
              commands:
                eslint:
                  glob: "*.{js,ts}"
                  run: npx eslint {staged_files}  # keep fast

            pre-push:
              commands:
                test:
                  run: make test

            """)
    }

    @Test func lefthookWithFourSpaceIndentation() throws {
        try Self.checkLefthook("pre-commit:\n    commands:\n        lint:\n            run: make lint\n")
    }

    @Test func lefthookWithoutPreCommitGetsTheWholeSection() throws {
        let existing = "pre-push:\n  commands:\n    test:\n      run: make test\n"
        #expect(HookConfigPlan.lefthook(existing: existing).placement == .append)
        try Self.checkLefthook(existing)
    }

    @Test func lefthookWithoutAFinalNewline() throws {
        try Self.checkLefthook("pre-push:\n  commands:\n    test:\n      run: make test")
    }

    @Test func lefthookPreCommitWithoutCommandsGetsACommandsKey() throws {
        try Self.checkLefthook("pre-commit:\n  parallel: true\n\npost-checkout:\n  commands:\n    deps:\n      run: npm ci\n")
    }

    @Test func lefthookEmptyPreCommitSection() throws {
        try Self.checkLefthook("pre-commit:\n# nothing yet\npre-push:\n  commands:\n    t:\n      run: make test\n")
    }

    @Test func lefthookJobsList() throws {
        try Self.checkLefthook("pre-commit:\n  jobs:\n    - name: lint\n      run: make lint\n    - run: make fmt\n", expectJobs: true)
    }

    @Test func lefthookJobsListAtTheKeysIndentation() throws {
        try Self.checkLefthook("pre-commit:\n  jobs:\n  - name: lint\n    run: make lint\nskip_output:\n  - meta\n", expectJobs: true)
    }

    @Test func lefthookAlreadyRunningAlpacaLint() {
        let existing = "pre-commit:\n  commands:\n    secrets:\n      run: alpaca-lint --staged\n"
        #expect(HookConfigPlan.lefthook(existing: existing).placement == .alreadyPresent)
    }

    @Test func lefthookFlowStyleIsLeftToTheUser() {
        let existing = "pre-commit: {commands: {lint: {run: make lint}}}\n"
        #expect(HookConfigPlan.lefthook(existing: existing).placement == .mergeByHand(section: "pre-commit"))
        let commandsFlow = "pre-commit:\n  commands: {lint: {run: make lint}}\n"
        #expect(HookConfigPlan.lefthook(existing: commandsFlow).placement == .mergeByHand(section: "pre-commit.commands"))
    }

    @Test func lefthookCommentMentioningAlpacaLintIsNotAnEntry() throws {
        try Self.checkLefthook("# TODO: add alpaca-lint\npre-commit:\n  commands:\n    lint:\n      run: make lint\n")
    }

    /// The pre-commit config after the merge: valid YAML with our local hook and, without it, the original document.
    static func checkPreCommit(_ existing: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (placement, snippet) = HookConfigPlan.preCommit(existing: existing)
        let merged = apply(placement, snippet, to: existing)
        let document = try PyYAML.parse(merged) as? [String: Any] ?? [:]
        var repos = document["repos"] as? [[String: Any]] ?? []
        let ours = repos.firstIndex { repo in
            (repo["hooks"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "alpaca-lint" }
        }
        let hook = ours.flatMap { (repos[$0]["hooks"] as? [[String: Any]])?.first }
        #expect(ours.map { repos[$0]["repo"] as? String } == "local", "\(merged)", sourceLocation: sourceLocation)
        #expect(hook?["entry"] as? String == "alpaca-lint scan", "\(merged)", sourceLocation: sourceLocation)
        #expect(hook?["language"] as? String == "system", sourceLocation: sourceLocation)
        #expect(hook?["pass_filenames"] == nil, "files mode: pre-commit passes the file names", sourceLocation: sourceLocation)
        if let ours { repos.remove(at: ours) }
        var withoutOurs = document
        withoutOurs["repos"] = repos
        var original = (try PyYAML.parse(existing) as? [String: Any]) ?? [:]
        if original["repos"] == nil { original["repos"] = [[String: Any]]() }
        #expect(sameDocument(withoutOurs, original), "the rest of the file changed:\n\(merged)", sourceLocation: sourceLocation)
        #expect(HookConfigPlan.preCommit(existing: merged).placement == .alreadyPresent, sourceLocation: sourceLocation)
    }

    @Test func preCommitConfigWithIndentedRepos() throws {
        try Self.checkPreCommit("""
            default_stages: [pre-commit]
            repos:
              # formatters
              - repo: https://github.com/psf/black
                rev: 24.1.0
                hooks:
                  - id: black
            exclude: ^vendor/

            """)
    }

    @Test func preCommitConfigWithReposAtColumnZero() throws {
        try Self.checkPreCommit("repos:\n-   repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.5.0\n    hooks:\n    -   id: trailing-whitespace\n")
    }

    @Test func preCommitConfigWithoutRepos() throws {
        try Self.checkPreCommit("fail_fast: true\n")
    }

    @Test func preCommitEmptyFlowListIsLeftToTheUser() {
        #expect(HookConfigPlan.preCommit(existing: "repos: []\n").placement == .mergeByHand(section: "repos"))
    }

    @Test func huskyAppendsUnlessPresent() {
        #expect(HookConfigPlan.husky(existing: nil) == (.append, "alpaca-lint --staged\n"))
        #expect(HookConfigPlan.husky(existing: "npx lint-staged\n").placement == .append)
        #expect(HookConfigPlan.husky(existing: "npx lint-staged\nalpaca-lint --staged\n").placement == .alreadyPresent)
    }
}
