import AlpacaCore
import Foundation
import Testing

/// The release tarball that `make dist` left in `dist/`, if any.
struct DistArtifact {
    /// `dist/alpaca-lint-VERSION-linux-x86_64.tar.gz`.
    let tarball: URL
    /// The file name without `.tar.gz`; also the folder inside the tarball.
    let name: String
    /// VERSION, from the file name.
    let version: String

    static let folder = CLI.packageRoot.appendingPathComponent("dist")

    /// The tarball that `dist/SHA256SUMS` names, or nil when `make dist` has not run.
    static let current: DistArtifact? = {
        guard let sums = try? String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8) else { return nil }
        for line in sums.split(separator: "\n") {
            let file = line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? ""
            let prefix = "alpaca-lint-", suffix = "-linux-x86_64.tar.gz"
            guard file.hasPrefix(prefix), file.hasSuffix(suffix) else { continue }
            let version = String(file.dropFirst(prefix.count).dropLast(suffix.count))
            return DistArtifact(tarball: folder.appendingPathComponent(file), name: String(file.dropLast(".tar.gz".count)), version: version)
        }
        return nil
    }()
}

/// Proves the release is self-contained: it runs with the Swift toolchain and PCRE2's shared
/// library hidden, and links no Swift, Foundation, C++ or PCRE2 shared library.
@Suite("Release tarball (make dist)", .enabled(if: DistArtifact.current != nil, "dist/SHA256SUMS not found: `make dist` builds the release tarball (`make test` and `make dist-check` run it first)"))
struct DistTests {
    /// Shared objects that belong to the C library (and the compiler's unwinder), present on every glibc system.
    static let allowedNeeded = ["libc.so.", "libm.so.", "libdl.so.", "libpthread.so.", "librt.so.", "libutil.so.", "ld-linux-", "libgcc_s.so."]

    /// Unpacks the tarball (after checking SHA256SUMS) into a new temporary folder; returns that folder and the binary.
    static func unpack(_ artifact: DistArtifact) throws -> (folder: URL, binary: URL) {
        let folder = try CLI.temporaryDirectory("alpaca-lint-dist")
        let environment = ProcessInfo.processInfo.environment
        let check = try CLI.runProcess("/usr/bin/env", ["sha256sum", "-c", "SHA256SUMS"], in: DistArtifact.folder, environment: environment)
        #expect(check.status == 0, "SHA256SUMS does not match the tarball: \(check.diagnostics)")
        let untar = try CLI.runProcess("/usr/bin/env", ["tar", "-xzf", artifact.tarball.path, "-C", folder.path], in: folder, environment: environment)
        try #require(untar.status == 0, "\(untar.diagnostics)")
        return (folder, folder.appendingPathComponent(artifact.name).appendingPathComponent("alpaca-lint"))
    }

    @Test("the tarball holds the binary, LICENSE and README.md, and the binary reports the source's version")
    func tarballContents() throws {
        let artifact = try #require(DistArtifact.current)
        let (folder, binary) = try Self.unpack(artifact)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(artifact.name).path).sorted()
        #expect(entries == ["LICENSE", "README.md", "alpaca-lint"])
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
        let license = try String(contentsOf: folder.appendingPathComponent(artifact.name).appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(license.contains("Apache License") && license.contains("Version 2.0"))

        let version = try CLI.runProcess(binary.path, ["--version"], in: folder, environment: ProcessInfo.processInfo.environment)
        #expect(version.status == 0, "\(version.diagnostics)")
        let printed = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed == artifact.version, "the tarball's name and the binary's --version disagree")
        #expect(printed == AlpacaLintVersion.current, "dist/ holds \(printed) but the source says \(AlpacaLintVersion.current): run `make dist` again")
    }

    @Test("the binary needs only the C library's shared objects (readelf NEEDED and ldd)")
    func linksNoSwiftOrPCRE2Library() throws {
        let artifact = try #require(DistArtifact.current)
        let (folder, binary) = try Self.unpack(artifact)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ProcessInfo.processInfo.environment

        let readelf = try CLI.runProcess("/usr/bin/env", ["readelf", "-d", binary.path], in: folder, environment: environment)
        try #require(readelf.status == 0, "\(readelf.diagnostics)")
        let needed = readelf.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains { $0.hasPrefix("libc.so.") }, "readelf output not understood: \(readelf.stdout)")
        for library in needed {
            #expect(Self.allowedNeeded.contains { library.hasPrefix($0) }, "the release binary needs \(library)")
        }

        let ldd = try CLI.runProcess("/usr/bin/env", ["ldd", binary.path], in: folder, environment: environment)
        #expect(ldd.status == 0, "\(ldd.diagnostics)")
        for forbidden in ["swift", "Foundation", "pcre2", "stdc++", "dispatch", "BlocksRuntime", "icu", "not found"] {
            #expect(!ldd.stdout.contains(forbidden), "ldd shows \(forbidden):\n\(ldd.stdout)")
        }
    }

    /// True when this process may create a mount namespace (root, and unshare allowed by the container).
    static let canHideLibraries: Bool = {
        guard getuid() == 0 else { return false }
        let probe = try? CLI.runProcess("/usr/bin/env", ["unshare", "-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs none /mnt && umount /mnt"],
                                        in: FileManager.default.temporaryDirectory, environment: ProcessInfo.processInfo.environment)
        return probe?.status == 0
    }()

    @Test(
        "with the Swift toolchain and libpcre2 hidden, the debug build cannot start and the release binary finds a key",
        .enabled(if: canHideLibraries, "needs root and `unshare -m` with mount permission to hide the toolchain folder (CI runs as root)"))
    func runsWithToolchainHidden() throws {
        let artifact = try #require(DistArtifact.current)
        let (folder, binary) = try Self.unpack(artifact)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ProcessInfo.processInfo.environment

        // What to hide: the folders and files the debug build loads its runtime and PCRE2 from.
        let ldd = try CLI.runProcess("/usr/bin/env", ["ldd", CLI.binary], in: folder, environment: environment)
        let paths = ldd.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let arrow = line.range(of: "=> ") else { return nil }
            return line[arrow.upperBound...].split(separator: " ").first.map(String.init)
        }
        let swiftCore = try #require(paths.first { $0.hasSuffix("/libswiftCore.so") }, "the debug build does not load libswiftCore.so:\n\(ldd.stdout)")
        // The toolchain's root (e.g. /opt/swift); a toolchain installed under /usr keeps its runtime
        // folder hidden instead, since hiding /usr would hide the shell too.
        let root = swiftCore.range(of: "/usr/lib/swift/").map { String(swiftCore[..<$0.lowerBound]) } ?? ""
        let toolchain = root.isEmpty ? URL(fileURLWithPath: swiftCore).deletingLastPathComponent().path : root
        let pcre2Files = paths.filter { $0.contains("libpcre2-8.so") }.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        #expect(!pcre2Files.isEmpty, "the debug build does not load libpcre2-8.so:\n\(ldd.stdout)")

        try CLI.write("import os\nALPACA_KEY_ID = \"\(FakeKeys.paperKeyID)\"\n", to: "project/bot.py", in: folder)
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let hide = (["mount -t tmpfs none \(quoted(toolchain))"]
            + pcre2Files.map { "mount --bind /dev/null \(quoted($0))" }).joined(separator: " && ")
        let script = """
            \(hide) || exit 90
            \(quoted(CLI.binary)) --version >/dev/null 2>control.err
            echo "control=$?"
            cd project && \(quoted(binary.path)) --format json --color never . >../report.json
            echo "release=$?"
            """
        let run = try CLI.runProcess("/usr/bin/env", ["unshare", "-m", "--propagation", "private", "sh", "-c", script], in: folder, environment: environment)
        try #require(run.status != 90, "could not hide the libraries: \(run.diagnostics)")

        // The control: a normal build needs the hidden libraries (exit 127 from the dynamic loader).
        #expect(run.stdout.contains("control=127"), "hiding did not take effect: \(run.diagnostics)")
        let controlError = (try? String(contentsOf: folder.appendingPathComponent("control.err"), encoding: .utf8)) ?? ""
        #expect(controlError.contains("error while loading shared libraries"), "\(controlError)")

        #expect(run.stdout.contains("release=1"), "\(run.diagnostics)")
        let json = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        let report = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["ruleId"] as? String == "alpaca-paper-key-id" && $0["path"] as? String == "bot.py" && $0["line"] as? Int == 2 },
                "\(run.diagnostics)")
    }
}
