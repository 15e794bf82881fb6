import Foundation
import Testing

/// Scans large bodies of real code that contain no Alpaca credentials and expects zero findings:
/// the false-positive guard that the hand-written trap fixtures cannot be.
///
/// Corpora (each test is skipped, with the reason in its name, when its corpus is absent):
/// - the Swift package checkouts of this build (`<scratch>/checkouts/*`), each scanned as the
///   repository it is;
/// - Python's standard library (without `site-packages`): crypto test vectors, base64 blobs,
///   email and HTTP fixtures, documentation examples.
///
/// Both scans use `--no-ignore` so that ignored files are read too. Runtime is about 15 s in a
/// debug build; set `ALPACA_LINT_CLEAN_CORPUS=0` to skip them.
struct CleanCorpusTests {
    static let enabled = ProcessInfo.processInfo.environment["ALPACA_LINT_CLEAN_CORPUS"] != "0"

    /// The package checkouts next to the built binary (`.build/checkouts/<package>`), if any.
    static let checkouts: [URL] = {
        var directory = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("checkouts")
            if let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path), !names.isEmpty {
                return names.filter { !$0.hasPrefix(".") }.sorted().map { candidate.appendingPathComponent($0) }
            }
            directory = directory.deletingLastPathComponent()
        }
        return []
    }()

    /// The top-level entries of Python's standard library, without `site-packages` (third-party
    /// code, which may hold anything), or nil when no Python 3 is installed.
    static let pythonStdlib: (root: URL, entries: [String])? = {
        let environment = ProcessInfo.processInfo.environment
        guard let result = try? CLI.runProcess(
            "/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
            in: URL(fileURLWithPath: NSTemporaryDirectory()), environment: environment),
            result.status == 0
        else { return nil }
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        let entries = names.filter { $0 != "site-packages" && $0 != "dist-packages" && !$0.hasPrefix(".") }.sorted()
        guard entries.count >= 20 else { return nil }
        return (URL(fileURLWithPath: path), entries)
    }()

    @Test(
        "no findings in the Swift package checkouts of this build (skipped when there are none)",
        .enabled(if: enabled && !checkouts.isEmpty, "no .build/checkouts next to the built binary"))
    func swiftPackageCheckouts() throws {
        try expectNoFindings(arguments: Self.checkouts.map(\.lastPathComponent), in: Self.checkouts[0].deletingLastPathComponent(), minimumFiles: 50)
    }

    @Test(
        "no findings in Python's standard library (skipped without python3)",
        .enabled(if: enabled && pythonStdlib != nil, "python3 and its standard library are not installed"))
    func pythonStandardLibrary() throws {
        let stdlib = try #require(Self.pythonStdlib)
        try expectNoFindings(arguments: stdlib.entries, in: stdlib.root, minimumFiles: 500)
    }

    private func expectNoFindings(arguments: [String], in directory: URL, minimumFiles: Int) throws {
        let home = try CLI.temporaryDirectory("clean-corpus-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CLI.run(
            ["--format", "json", "--no-ignore"] + arguments, in: directory, environment: CLI.isolatedEnvironment(home: home))
        #expect(result.status == 0 || result.status == 1, "alpaca-lint failed: \(result.stderr)")
        let summary = result.json?["summary"] as? [String: Any]
        let scanned = summary?["filesScanned"] as? Int ?? 0
        #expect(scanned >= minimumFiles, "only \(scanned) files were scanned in \(directory.path)")
        let findings = result.findings.map { finding in
            "\(finding["path"] as? String ?? "?"):\(finding["line"] as? Int ?? 0) \(finding["ruleId"] as? String ?? "?")"
        }
        #expect(findings.isEmpty, "false positives in \(directory.path):\n\(findings.prefix(50).joined(separator: "\n"))")
    }
}
