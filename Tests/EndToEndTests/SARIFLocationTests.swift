import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SARIF that lands right on GitHub code scanning (issue 12, part 5), checked on the real binary:
/// URIs relative to the repository root whatever the working folder, no local path, related
/// locations linked from the message, history commits, the 25,000-result cap, and `fixes`. Every
/// document is validated against the OASIS schema (skipped, with a message, without ../shared).
@Suite("SARIF locations: repository-relative URIs, links, history, cap, fixes")
struct SARIFLocationTests {
    static let pairLine = "client = TradingClient(\"\(FakeKeys.paperKeyID)\", \"\(FakeKeys.secretKey)\", paper=True)\n"
    static let bot = "from alpaca.trading.client import TradingClient\n\n" + pairLine

    /// A repository with `src/bot.py` (a key and secret in one call) and `bot.py` (a key), committed.
    static func repository(_ name: String) throws -> GitSandbox {
        let git = try GitSandbox(name: name)
        try git.commit([
            "src/bot.py": bot,
            "bot.py": "KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n",
            "README.md": "# trading bot\n",
        ], message: "start")
        return git
    }

    // MARK: - Reading SARIF

    struct Log {
        let text: String
        let run: [String: Any]
        var results: [[String: Any]] { run["results"] as? [[String: Any]] ?? [] }
        var invocation: [String: Any] { (run["invocations"] as? [[String: Any]])?.first ?? [:] }

        init(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
            text = result.stdout
            let document = try #require(result.json, "not JSON: \(result.diagnostics)", sourceLocation: sourceLocation)
            run = try #require((document["runs"] as? [[String: Any]])?.first, sourceLocation: sourceLocation)
        }

        /// Every artifact location in the run (results, related locations, fixes, notifications).
        var artifactLocations: [[String: Any]] {
            var found: [[String: Any]] = []
            func visit(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let artifact = object["artifactLocation"] as? [String: Any] { found.append(artifact) }
                    object.values.forEach(visit)
                } else if let array = value as? [Any] {
                    array.forEach(visit)
                }
            }
            visit(run)
            return found
        }

        /// The URI of a result's first location.
        static func uri(_ result: [String: Any]) -> String? {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }

        /// `ruleId uri:line` of every result, sorted.
        var places: [String] {
            results.map { result in
                let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                let line = (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
                return "\(result["ruleId"] as? String ?? "?") \(Self.uri(result) ?? "?"):\(line)"
            }.sorted()
        }
    }

    /// The checks every SARIF of this suite must pass: schema-valid, each artifact location
    /// relative to %SRCROOT% without `..`, no local path and no secret anywhere in the text.
    static func expectPortable(_ log: Log, _ git: GitSandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let artifacts = log.artifactLocations
        #expect(!artifacts.isEmpty, sourceLocation: sourceLocation)
        for artifact in artifacts {
            let uri = artifact["uri"] as? String ?? ""
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%", "\(artifact)", sourceLocation: sourceLocation)
            #expect(!uri.hasPrefix("/") && !uri.contains("://") && !uri.split(separator: "/").contains(".."), "\(uri)", sourceLocation: sourceLocation)
        }
        #expect(!log.text.contains(git.root.path), "the local path of the repository is in the SARIF", sourceLocation: sourceLocation)
        #expect(!log.text.contains("file://"), sourceLocation: sourceLocation)
        for secret in [FakeKeys.paperKeyID, FakeKeys.otherPaperKeyID, FakeKeys.thirdPaperKeyID, FakeKeys.secretKey] {
            #expect(!log.text.contains(secret), "a secret is in the SARIF", sourceLocation: sourceLocation)
        }
        try SARIFCheck.validate(log.text, sourceLocation: sourceLocation)
    }

    // MARK: - Where the scan starts

    @Test("a scan started in a subfolder writes URIs relative to the repository root, under %SRCROOT%")
    func subfolderScan() throws {
        let git = try Self.repository("sarif-subfolder")
        defer { git.remove() }
        let src = git.repo.appendingPathComponent("src")
        let log = try Log(try git.lint(["--format", "sarif", "."], in: src))
        #expect(log.places == ["alpaca-paper-key-id src/bot.py:3", "alpaca-secret-key src/bot.py:3"], "\(log.text)")
        let base = (log.run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base != nil && base?["uri"] == nil, "no local path for %SRCROOT% unless asked: \(String(describing: base))")
        try Self.expectPortable(log, git)
        // The same scan from the root, and of the root from the subfolder, name the file the same way.
        let fromRoot = try Log(try git.lint(["--format", "sarif", "src"]))
        #expect(fromRoot.places == log.places)
        let parent = try Log(try git.lint(["--format", "sarif", ".."], in: src))
        #expect(parent.places == ["alpaca-paper-key-id bot.py:1", "alpaca-paper-key-id src/bot.py:3", "alpaca-secret-key src/bot.py:3"])
        try Self.expectPortable(parent, git)
    }

    @Test("--staged from src/ gives src/new.py")
    func stagedFromSubfolder() throws {
        let git = try Self.repository("sarif-staged")
        defer { git.remove() }
        try git.write("x = 1\nKEY = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "src/new.py")
        try git.git("add", "src/new.py")
        let log = try Log(try git.lint(["--staged", "--format", "sarif"], in: git.repo.appendingPathComponent("src")))
        #expect(log.places == ["alpaca-paper-key-id src/new.py:2"], "\(log.text)")
        try Self.expectPortable(log, git)
    }

    @Test("scanning ../bot.py from a subfolder gives a URI without '..'")
    func parentFileFromSubfolder() throws {
        let git = try Self.repository("sarif-parent-file")
        defer { git.remove() }
        let result = try git.lint(["--format", "sarif", "../bot.py"], in: git.repo.appendingPathComponent("src"))
        #expect(result.status == 1, "\(result.diagnostics)")
        let log = try Log(result)
        #expect(log.places == ["alpaca-paper-key-id bot.py:1"], "\(log.text)")
        try Self.expectPortable(log, git)
    }

    /// Bug: standard input was placed at the name as given, so `--stdin-filename settings.py` from
    /// `src/` pointed GitHub at `settings.py` in the root, and `../bot.py` gave a `..` URI.
    @Test("bug: --stdin-filename from a subfolder is placed relative to the repository root")
    func stdinFromSubfolder() throws {
        let git = try Self.repository("sarif-stdin")
        defer { git.remove() }
        let src = git.repo.appendingPathComponent("src")
        let input = "KEY = \"\(FakeKeys.thirdPaperKeyID)\"\n"
        for (name, uri) in [("settings.py", "src/settings.py"), ("../bot.py", "bot.py"), ("./deep/../cfg.py", "src/cfg.py")] {
            let result = try CLI.runProcess(
                CLI.binary, ["--format", "sarif", "--stdin-filename", name, "-"], in: src, environment: git.environment, stdin: input)
            let log = try Log(result)
            #expect(log.places == ["alpaca-paper-key-id \(uri):1"], "\(name): \(log.text)")
            try Self.expectPortable(log, git)
            // Text and JSON keep the name the user gave.
            let text = try CLI.runProcess(CLI.binary, ["--stdin-filename", name, "-"], in: src, environment: git.environment, stdin: input)
            #expect(text.stdout.hasPrefix("\(name):1:8: error: "), "\(text.diagnostics)")
        }
    }

    /// Bug: the warning for a folder that cannot be read carried no repository path, so SARIF
    /// placed the notification at the folder's name relative to where the scan started.
    @Test("bug: a notification about an unreadable folder is placed relative to the repository root")
    func unreadableFolderNotification() throws {
        let asRoot = getuid() == 0
        let setpriv = "/usr/bin/setpriv"
        guard !asRoot || FileManager.default.isExecutableFile(atPath: setpriv) else {
            print("SKIPPED unreadable-folder notification test: running as root without \(setpriv)")
            return
        }
        let git = try Self.repository("sarif-unreadable")
        defer {
            chmod(git.repo.appendingPathComponent("src/locked").path, 0o755)
            git.remove()
        }
        try git.write("KEY = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "src/locked/inner.py")
        chmod(git.repo.appendingPathComponent("src/locked").path, 0)
        var environment = git.environment
        // Run as nobody in a repository owned by root: tell git that is fine.
        environment["GIT_CONFIG_COUNT"] = "1"
        environment["GIT_CONFIG_KEY_0"] = "safe.directory"
        environment["GIT_CONFIG_VALUE_0"] = "*"
        let arguments = ["--format", "sarif", "."]
        let result = asRoot
            ? try CLI.runProcess(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary] + arguments,
                in: git.repo.appendingPathComponent("src"), environment: environment)
            : try CLI.runProcess(CLI.binary, arguments, in: git.repo.appendingPathComponent("src"), environment: environment)
        #expect(result.status == 2, "incomplete: \(result.diagnostics)")
        let log = try Log(result)
        let notifications = log.invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        let uris = notifications.compactMap { notification -> String? in
            let location = (notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["src/locked"], "\(log.text)")
        #expect(log.invocation["executionSuccessful"] as? Bool == false)
        try Self.expectPortable(log, git)
    }

    // MARK: - %SRCROOT%

    @Test("--srcroot-uri URI is published as originalUriBaseIds.%SRCROOT%.uri, and only then")
    func sourceRootURI() throws {
        let git = try Self.repository("sarif-srcroot")
        defer { git.remove() }
        for (given, published) in [
            ("https://example.invalid/acme/bot", "https://example.invalid/acme/bot/"), ("file:///home/ci/work/", "file:///home/ci/work/"),
        ] {
            let result = try git.lint(["--format", "sarif", "--srcroot-uri", given, "."], in: git.repo.appendingPathComponent("src"))
            let log = try Log(result)
            let base = (log.run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
            #expect(base?["uri"] as? String == published, "\(given): \(String(describing: base))")
            #expect(log.places.allSatisfy { $0.contains(" src/bot.py:") }, "\(log.places)")
            #expect(!log.text.contains(git.root.path))
            try SARIFCheck.validate(log.text)
        }
    }

    /// Bug: --srcroot-uri was written verbatim, so a relative path or a path with a space gave an
    /// `originalUriBaseIds` entry that is not an absolute URI (invalid SARIF; GitHub cannot resolve it).
    @Test("bug: --srcroot-uri refuses what is not an absolute URI; an absolute path becomes a file:// URI")
    func sourceRootURIIsChecked() throws {
        let git = try Self.repository("sarif-srcroot-check")
        defer { git.remove() }
        for bad in ["relative/path", "my repo", "C:\\work", "C:/work", "https://example.invalid/a b"] {
            let result = try git.lint(["--format", "sarif", "--srcroot-uri", bad, "."])
            #expect(result.status == 2 && result.stdout.isEmpty, "\(bad): \(result.diagnostics)")
            #expect(result.stderr.contains("--srcroot-uri needs an absolute URI"), "\(bad): \(result.diagnostics)")
        }
        let path = try Log(try git.lint(["--format", "sarif", "--srcroot-uri", "/home/ci/my bot", "."]))
        let base = (path.run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///home/ci/my%20bot/")
        try SARIFCheck.validate(path.text)
    }

    // MARK: - Related locations, history

    @Test("related locations are linked from the message text ([text](id)) and have repository-relative URIs")
    func relatedLocationsAreLinked() throws {
        let git = try Self.repository("sarif-related")
        defer { git.remove() }
        let log = try Log(try git.lint(["--format", "sarif", "."], in: git.repo.appendingPathComponent("src")))
        let withRelated = log.results.filter { ($0["relatedLocations"] as? [Any])?.isEmpty == false }
        #expect(withRelated.count == 2, "the key and the secret point at each other: \(log.text)")
        for result in withRelated {
            let message = (result["message"] as? [String: Any])?["text"] as? String ?? ""
            let related = result["relatedLocations"] as? [[String: Any]] ?? []
            for (offset, location) in related.enumerated() {
                #expect(location["id"] as? Int == offset + 1)
                let text = (location["message"] as? [String: Any])?["text"] as? String ?? ""
                #expect(message.contains("[\(text)](\(offset + 1))"), "\(message)")
                let physical = location["physicalLocation"] as? [String: Any]
                #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/bot.py")
                #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == 3)
            }
        }
        try Self.expectPortable(log, git)
    }

    @Test("--history results name the commit in the message and carry it in properties")
    func historyCarriesTheCommit() throws {
        let git = try Self.repository("sarif-history")
        defer { git.remove() }
        let introduced = try git.sha()
        try git.commit(["src/bot.py": "import os\n", "bot.py": "import os\n"], message: "remove the keys")
        try git.commit(["src/copy.py": "KEY_ID = \"\(FakeKeys.otherPaperKeyID)\"\n"], message: "the same key again")
        let result = try git.lint(["--history", "--format", "sarif"], in: git.repo.appendingPathComponent("src"))
        #expect(result.status == 1, "\(result.diagnostics)")
        let log = try Log(result)
        #expect(log.places == ["alpaca-paper-key-id bot.py:1", "alpaca-paper-key-id src/bot.py:3", "alpaca-secret-key src/bot.py:3"], "\(log.text)")
        for item in log.results {
            let message = (item["message"] as? [String: Any])?["text"] as? String ?? ""
            #expect(message.contains("commit \(introduced.prefix(7))"), "\(message)")
            #expect((item["properties"] as? [String: Any])?["commit"] as? String == introduced)
        }
        // The copy committed later is a related location of the first introduction, linked too.
        let first = try #require(log.results.first { Log.uri($0) == "bot.py" })
        let related = first["relatedLocations"] as? [[String: Any]] ?? []
        let relatedURIs = related.compactMap { (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }
        #expect(relatedURIs == ["src/copy.py"], "\(log.text)")
        let firstMessage = (first["message"] as? [String: Any])?["text"] as? String ?? ""
        #expect(firstMessage.contains("](1)"), "\(firstMessage)")
        try Self.expectPortable(log, git)
    }

    // MARK: - The 25,000-result cap

    /// Also a bug: the cap cut in report order, so a file full of baselined or allowed findings
    /// that sorts first pushed out the new finding that failed the run, and GitHub showed nothing.
    /// Suppressed results now go first, then the lowest severities.
    @Test("more than 25,000 results: 25,000 are written, a notification says how many were left out, and (bug) unsuppressed results are never the ones left out")
    func resultCap() throws {
        let git = try GitSandbox(name: "sarif-cap")
        defer { git.remove() }
        // Made-up key IDs from a fixed-seed generator: the same file on every run. Every other
        // line is allowed inline, so about half the findings are suppressed.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var text = ""
        text.reserveCapacity(25_400 * 60)
        for index in 0..<25_400 {
            var key = "PK"
            for _ in 0..<18 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                key.append(alphabet[Int(state >> 59)])
            }
            text += "KEY_\(index) = \"\(key)\"" + (index % 2 == 0 ? "  # alpaca-lint:allow\n" : "\n")
        }
        try git.write(text, to: "data/keys.txt")
        // One more finding, in a file that sorts after the others in report order.
        try git.write("KEY = \"\(FakeKeys.thirdPaperKeyID)\"\n", to: "src/new.py")
        let started = Date()
        let result = try git.lint(["--format", "sarif", ".."], in: git.repo.appendingPathComponent("data"))
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1, "\(result.stderr)")
        // "alpaca-lint: N findings, M suppressed in ..." (N counts the unsuppressed ones)
        let words = result.stderr.split(separator: " ")
        let active = try #require(words.dropFirst().first.flatMap { Int($0) }, "\(result.stderr)")
        let suppressed = try #require(words.dropFirst(3).first.flatMap { Int($0) }, "\(result.stderr)")
        let total = active + suppressed
        #expect(total > 25_000 && suppressed > total - 25_000, "the fixture must produce more than 25,000 findings, enough of them suppressed: \(result.stderr)")
        let log = try Log(result)
        #expect(log.results.count == 25_000)
        let notifications = log.invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        let texts = notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains { $0.hasPrefix("\(total - 25_000) more results are not in this file") }, "\(texts)")
        #expect(notifications.first?["level"] as? String == "warning")
        #expect(Set(log.results.compactMap(Log.uri)) == ["data/keys.txt", "src/new.py"])
        let open = log.results.filter { $0["suppressions"] == nil }
        #expect(open.count == total - suppressed, "every unsuppressed result is kept")
        #expect(open.contains { Log.uri($0) == "src/new.py" }, "the finding that failed the run is in the SARIF")
        #expect(log.results.count - open.count == 25_000 - (total - suppressed))
        #expect(seconds < 120, "a capped SARIF report took \(Int(seconds)) s")
        try SARIFCheck.validate(log.text)
    }

    // MARK: - Fixes

    /// Bug: the fix records that JSON and SARIF reports carry were planned in quadratic time: each
    /// finding searched the committed file for its secret, scanned every earlier site for overlaps
    /// and every earlier name for a free one, and each site filtered every edit. 25,000 findings in
    /// one Python file took five minutes before a SARIF report was written; 3,000 committed ones
    /// took 23 s.
    @Test("bug: fix records for thousands of findings in one committed file take seconds, not minutes")
    func fixPlanningIsLinear() throws {
        let git = try GitSandbox(name: "sarif-fix-scale")
        defer { git.remove() }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var text = "import os\n"
        for index in 0..<8_000 {
            var key = "PK"
            for _ in 0..<18 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                key.append(alphabet[Int(state >> 59)])
            }
            text += "KEY_\(index) = \"\(key)\"\n"
        }
        try git.commit(["keys.py": text], message: "keys")
        let started = Date()
        let result = try git.lint(["--format", "json", "."])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(seconds < 40, "planning the fix records took \(Int(seconds)) s")
        let findings = result.findings
        #expect(findings.count > 7_900, "\(result.stderr)")
        let fixes = findings.compactMap { $0["fix"] as? [String: Any] }
        #expect(fixes.count == findings.count && fixes.allSatisfy { $0["fixable"] as? Bool == true })
        // Every value gets its own variable: APCA_API_KEY_ID, then APCA_API_KEY_ID_2, _3, ...
        let variables = fixes.compactMap { $0["variable"] as? String }
        #expect(Set(variables).count == findings.count)
        #expect(variables.first == "APCA_API_KEY_ID" && variables.contains("APCA_API_KEY_ID_\(findings.count)"))
    }

    @Test("SARIF fixes validate, carry no secret and replace exactly the literals; JSON findings carry fix records")
    func fixesPointAtTheLiterals() throws {
        let git = try Self.repository("sarif-fixes")
        defer { git.remove() }
        let src = git.repo.appendingPathComponent("src")
        let result = try git.lint(["--format", "sarif", "bot.py"], in: src)
        #expect(result.status == 1, "\(result.diagnostics)")
        let log = try Log(result)
        let line = Array(Self.pairLine.dropLast().unicodeScalars)
        let literals = ["alpaca-paper-key-id": FakeKeys.paperKeyID, "alpaca-secret-key": FakeKeys.secretKey]
        #expect(log.results.count == 2)
        for item in log.results {
            let rule = item["ruleId"] as? String ?? ""
            let secret = try #require(literals[rule])
            let fix = try #require((item["fixes"] as? [[String: Any]])?.first, "\(rule) has no fix: \(log.text)")
            let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
            #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/bot.py")
            let replacements = change["replacements"] as? [[String: Any]] ?? []
            let onLine = replacements.filter { (($0["deletedRegion"] as? [String: Any])?["startLine"] as? Int) == 3 }
            #expect(onLine.count == 1, "\(replacements)")
            let region = try #require(onLine.first?["deletedRegion"] as? [String: Any])
            let start = try #require(region["startColumn"] as? Int)
            let end = try #require(region["endColumn"] as? Int)
            #expect(region["endLine"] as? Int == 3)
            #expect(String(line[(start - 1)..<(end - 1)].map(Character.init)) == "\"\(secret)\"", "\(rule): \(region)")
            let inserted = ((onLine.first?["insertedContent"] as? [String: Any])?["text"] as? String) ?? ""
            #expect(inserted.hasPrefix("os.environ["), "\(inserted)")
            // The result's own region lies inside the literal that the fix replaces.
            let location = (item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let own = location?["region"] as? [String: Any]
            #expect((own?["startColumn"] as? Int) == start + 1 && (own?["endColumn"] as? Int) == end - 1, "\(String(describing: own))")
        }
        try Self.expectPortable(log, git)

        let json = try git.lint(["--format", "json", "bot.py"], in: src)
        let variables = ["alpaca-paper-key-id": "APCA_API_KEY_ID", "alpaca-secret-key": "APCA_API_SECRET_KEY"]
        #expect(json.findings.count == 2, "\(json.diagnostics)")
        for finding in json.findings {
            let fix = try #require(finding["fix"] as? [String: Any], "\(finding)")
            #expect(fix["fixable"] as? Bool == true, "\(fix)")
            #expect((fix["reason"] as? String)?.isEmpty == false)
            #expect(fix["variable"] as? String == variables[finding["ruleId"] as? String ?? ""], "\(fix)")
        }
        #expect(!json.stdout.contains(FakeKeys.paperKeyID) && !json.stdout.contains(FakeKeys.secretKey))
        // Planning a fix for a report writes nothing.
        #expect(try git.read("src/bot.py") == Self.bot)
        #expect(!FileManager.default.fileExists(atPath: git.repo.appendingPathComponent(".env").path))
    }
}

/// Validates SARIF against ../shared/schemas/sarif-schema-2.1.0.json with python3-jsonschema
/// (Draft 4), checking `uri` and `uri-reference` formats too (jsonschema skips formats whose
/// optional packages are missing). Prints why and returns when the schema or the module is absent.
enum SARIFCheck {
    static let script = #"""
        import json, re, sys
        try:
            import jsonschema
        except ImportError:
            print("SKIP: python3 jsonschema missing"); sys.exit(0)
        checker = jsonschema.FormatChecker()
        URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
        @checker.checks("uri-reference")
        def uri_reference(value):
            return not isinstance(value, str) or bool(URI_CHARS.match(value))
        @checker.checks("uri")
        def uri(value):
            return not isinstance(value, str) or (bool(URI_CHARS.match(value)) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value)))
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = list(jsonschema.Draft4Validator(schema, format_checker=checker).iter_errors(document))
        for e in errors[:10]: print("/" + "/".join(map(str, e.absolute_path)), e.message[:300])
        sys.exit(1 if errors else 0)
        """#

    static func validate(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let shared = CLI.sharedFolder else {
            print("SKIPPED SARIF schema validation: ../shared/schemas is not present next to the project")
            return
        }
        let schema = shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        let directory = try CLI.temporaryDirectory("sarif-check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.sarif")
        try Data(text.utf8).write(to: file)
        let result = try CLI.runProcess(
            "/usr/bin/env", ["python3", "-c", script, schema, file.path], in: directory, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "SARIF schema errors:\n\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        if result.stdout.hasPrefix("SKIP") { print("SKIPPED SARIF schema validation: \(result.stdout)") }
    }
}
