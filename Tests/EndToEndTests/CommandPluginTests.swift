import Foundation
import Testing

/// The SwiftPM command plugin, used the way a Swift developer would: a package that depends on
/// this checkout runs `swift package alpaca-lint`.
@Suite("SwiftPM command plugin")
struct CommandPluginTests {
    /// Build products of the throwaway package, kept between runs so that only the first run
    /// compiles alpaca-lint from scratch (about a minute on 2 cores; later runs take seconds).
    static let scratch = CLI.packageRoot.appendingPathComponent(".build/plugin-test")

    /// `swift package --scratch-path … ARGUMENTS` in `package`, with the real environment (SwiftPM
    /// needs its caches in HOME to resolve swift-argument-parser without a network).
    static func swiftPackage(_ arguments: [String], in package: URL) throws -> CLI.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try CLI.runProcess("/usr/bin/env", ["swift", "package", "--scratch-path", scratch.path] + arguments,
                                  in: package, environment: environment)
    }

    @Test(
        "`swift package alpaca-lint` scans the dependent package, passes arguments through and fails on a key (slow: builds alpaca-lint)",
        .timeLimit(.minutes(20)))
    func pluginScansTheDependentPackage() throws {
        let package = try CLI.temporaryDirectory("alpaca-lint-plugin-consumer")
        defer { try? FileManager.default.removeItem(at: package) }
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "bot",
                dependencies: [.package(path: \(String(reflecting: CLI.packageRoot.path)))],
                targets: [.executableTarget(name: "Bot")]
            )

            """
        try CLI.write(manifest, to: "Package.swift", in: package)
        try CLI.write(".build/\n.swiftpm/\n", to: ".gitignore", in: package)
        try CLI.write("let keyID = \"\(FakeKeys.paperKeyID)\"\nprint(keyID.count)\n", to: "Sources/Bot/main.swift", in: package)

        let listed = try Self.swiftPackage(["plugin", "--list"], in: package)
        #expect(listed.status == 0, "\(listed.diagnostics)")
        #expect(listed.stdout.contains("‘alpaca-lint’ (plugin ‘AlpacaLintCommandPlugin’"), "\(listed.diagnostics)")

        // `--format json` is alpaca-lint's option: it reaching the tool proves the pass-through.
        let blocked = try Self.swiftPackage(["alpaca-lint", "--format", "json"], in: package)
        #expect(blocked.status != 0, "\(blocked.diagnostics)")
        #expect(blocked.stderr.contains("exit code 1"), "alpaca-lint's status 1 (findings) is named: \(blocked.diagnostics)")
        #expect(blocked.stderr.contains("alpaca-lint: 1 finding in"), "the summary goes to stderr, not into the report: \(blocked.diagnostics)")
        let report = (try? JSONSerialization.jsonObject(with: Data(blocked.stdout.utf8))) as? [String: Any]
        #expect(report != nil, "stdout is alpaca-lint's JSON report and nothing else: \(blocked.diagnostics)")
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { "\($0["ruleId"] ?? "") \($0["path"] ?? ""):\($0["line"] ?? 0)" } == ["alpaca-paper-key-id Sources/Bot/main.swift:1"],
                "\(blocked.diagnostics)")
        #expect(!blocked.stdout.contains(FakeKeys.paperKeyID) && !blocked.stderr.contains(FakeKeys.paperKeyID), "the key is redacted")

        // Fixed: the key comes from the environment; the same command passes.
        try CLI.write("import Foundation\nlet keyID = ProcessInfo.processInfo.environment[\"APCA_API_KEY_ID\"] ?? \"\"\nprint(keyID.count)\n",
                      to: "Sources/Bot/main.swift", in: package)
        let clean = try Self.swiftPackage(["alpaca-lint"], in: package)
        #expect(clean.status == 0, "\(clean.diagnostics)")
        #expect(clean.stderr.contains("alpaca-lint: 0 findings"), "\(clean.diagnostics)")
    }
}
