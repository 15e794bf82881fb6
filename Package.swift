// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "alpaca-lint",
    products: [
        .executable(name: "alpaca-lint", targets: ["alpaca-lint"]),
        // `swift package alpaca-lint` in a package that depends on this one scans that package.
        .plugin(name: "AlpacaLintPlugin", targets: ["AlpacaLintCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // PCRE2 from the system (Debian: libpcre2-dev; macOS: Homebrew pcre2), found through pkg-config.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // The only module with unsafe code: compiling, JIT and matching over raw bytes.
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        // TOML 1.0 reader: rule files and .alpaca-lint.toml (untrusted input; linear time, positions).
        .target(name: "AlpacaTOML"),
        // git's ignore semantics and the directory walk; knows nothing of rules.
        .target(name: "AlpacaIgnore"),
        // Rules, scanning, correlation, findings, redaction, fingerprints, baseline, config.
        .target(
            name: "AlpacaCore",
            dependencies: ["PCRE2Kit", "AlpacaTOML"],
            plugins: ["EmbedRulesPlugin"]
        ),
        // Staged and history sources: git processes and the unified-diff parser.
        .target(name: "AlpacaGit"),
        // Where fragments come from: the working tree, the index, the history, standard input.
        .target(name: "AlpacaSources", dependencies: ["AlpacaCore", "AlpacaGit", "AlpacaIgnore"]),
        // --fix: plans and applies the edits that move literal credentials into .env (no scanner types).
        .target(name: "AlpacaFix", dependencies: ["AlpacaIgnore"]),
        // One reporter per output format.
        .target(name: "AlpacaReport", dependencies: ["AlpacaCore"]),
        // Loads the system's libcurl with dlopen, only when --verify sends a request (docs/verification.md).
        .target(name: "CCurlShim"),
        // Opt-in credential verification against Alpaca's official hosts; knows nothing of findings.
        .target(name: "AlpacaVerify", dependencies: ["CCurlShim"]),
        .executableTarget(
            name: "alpaca-lint",
            dependencies: [
                "AlpacaCore", "AlpacaFix", "AlpacaGit", "AlpacaIgnore", "AlpacaReport", "AlpacaSources", "AlpacaVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns Rules/*.toml into Swift string literals so the binary carries them.
        .executableTarget(name: "EmbedRulesTool"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        // Command plugin: runs the alpaca-lint executable over the package that invokes it.
        .plugin(
            name: "AlpacaLintCommandPlugin",
            capability: .command(
                intent: .custom(verb: "alpaca-lint", description: "Scan this package for Alpaca API keys and unsafe Alpaca auth code")
            ),
            dependencies: ["alpaca-lint"]
        ),

        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "AlpacaTOMLTests", dependencies: ["AlpacaTOML", "TestSupport"], exclude: ["tomllib_oracle.py"]),
        .testTarget(name: "AlpacaIgnoreTests", dependencies: ["AlpacaIgnore", "TestSupport"]),
        .testTarget(name: "AlpacaCoreTests", dependencies: ["AlpacaCore", "AlpacaTOML", "PCRE2Kit", "TestSupport"]),
        .testTarget(name: "AlpacaGitTests", dependencies: ["AlpacaGit"]),
        // Depends on the executable so its end-to-end test can scan with the real binary.
        .testTarget(name: "AlpacaFixTests", dependencies: ["AlpacaFix", "AlpacaIgnore", "alpaca-lint", "TestSupport"]),
        .testTarget(name: "AlpacaReportTests", dependencies: ["AlpacaReport", "AlpacaCore"]),
        .testTarget(name: "AlpacaVerifyTests", dependencies: ["AlpacaVerify", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["alpaca-lint", "AlpacaCore", "AlpacaVerify", "TestSupport"]),
        // What several test targets share: the fake Alpaca server's launcher.
        .target(name: "TestSupport", dependencies: ["AlpacaVerify"], path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
