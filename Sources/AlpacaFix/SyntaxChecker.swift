import Foundation

/// The result of checking that an edited file still parses.
public enum SyntaxVerdict: Sendable, Hashable {
    /// The checker accepted the file; the text names the checker.
    case parses(checker: String)
    /// The checker rejected it; the text is its first line of complaint.
    case fails(checker: String, message: String)
    /// No checker for this language on this machine; the text says which was missing.
    case unchecked(String)
}

/// Checks that a file parses. Injectable so tests can simulate missing or failing checkers.
public protocol SyntaxChecking: Sendable {
    /// Checks `contents` as the file named `fileName` (its extension matters) in `language`.
    func check(_ contents: [UInt8], fileName: String, language: SourceLanguage) -> SyntaxVerdict
}

/// Runs the language's own parser on a temporary copy: `python3` (`compile()`, which is what
/// `py_compile` does, without writing a .pyc), `node --check` (TypeScript and JSX through the
/// `typescript` package when node can load it), `swiftc -parse`, `gofmt -e`, `sh -n`/`bash -n`/`zsh -n`.
public struct ProcessSyntaxChecker: SyntaxChecking {
    /// How long one checker may run before the check counts as failed.
    public var timeoutSeconds: Double
    /// Where executables are looked up (default: `$PATH`).
    public var searchPath: String

    /// A checker using `$PATH`, with a 60-second limit per run.
    public init(timeoutSeconds: Double = 60, searchPath: String? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// Node loads the TypeScript compiler from these folders (Debian's node-typescript lives in the first).
    static let typeScriptModulePath = "/usr/share/nodejs:/usr/lib/nodejs:/usr/local/lib/node_modules:/usr/lib/node_modules"

    /// A node script that reports TypeScript's syntax errors and exits 3 when `typescript` is missing.
    static let typeScriptScript = """
        let ts; try { ts = require("typescript"); } catch (e) { process.exit(3); }
        const fs = require("fs"); const f = process.argv[1];
        const r = ts.transpileModule(fs.readFileSync(f, "utf8"), { reportDiagnostics: true, fileName: f });
        const d = r.diagnostics || [];
        for (const x of d) console.error(ts.flattenDiagnosticMessageText(x.messageText, "\\n"));
        process.exit(d.length ? 1 : 0);
        """

    /// Checks `contents` by writing it to a private temporary folder under its own file name.
    public func check(_ contents: [UInt8], fileName: String, language: SourceLanguage) -> SyntaxVerdict {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alpaca-fix-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return .unchecked("could not create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let safeName = fileName.isEmpty || fileName.hasPrefix("-") ? "file" + fileName : fileName
        let file = folder.appendingPathComponent(safeName)
        do {
            // The copy holds secrets only as long as the check runs, in a folder only we can read.
            try Data(contents).write(to: file)
        } catch {
            return .unchecked("could not write a temporary copy: \(error.localizedDescription)")
        }
        switch language {
        case .python:
            return run("python3", ["-c", "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec', dont_inherit=True)", file.path], name: "python3 compile")
        case .javaScript:
            if file.pathExtension.lowercased() == "jsx" { return typeScriptCheck(file) }
            let asScript = run("node", ["--check", file.path], name: "node --check")
            guard case .fails = asScript else { return asScript }
            // An ES module in a .js file fails as a script: accept it when it parses as a module.
            let module = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".mjs")
            guard (try? Data(contents).write(to: module)) != nil else { return asScript }
            if case .parses = run("node", ["--check", module.path], name: "node --check") { return .parses(checker: "node --check (as a module)") }
            return asScript
        case .typeScript:
            return typeScriptCheck(file)
        case .swift:
            return run("swiftc", ["-parse", file.path], name: "swiftc -parse")
        case .go:
            return run("gofmt", ["-e", "-l", file.path], name: "gofmt -e")
        case .shell:
            let shell = Self.shellName(contents: contents, fileName: fileName)
            return run(shell, ["-n", file.path], name: "\(shell) -n")
        case .environmentTemplate:
            return .parses(checker: "NAME=value lines")
        }
    }

    /// TypeScript (and JSX) through the `typescript` package's parser, when node can load it.
    private func typeScriptCheck(_ file: URL) -> SyntaxVerdict {
        let verdict = run("node", ["-e", Self.typeScriptScript, file.path], name: "typescript parser (node)",
                          environment: ["NODE_PATH": Self.typeScriptModulePath], missingStatus: 3)
        if case .unchecked = verdict {
            return .unchecked("no TypeScript parser: node cannot load the `typescript` package (Debian: node-typescript)")
        }
        return verdict
    }

    /// The shell whose `-n` fits the script: its shebang's, else bash for `.bash`, zsh for `.zsh`, else sh.
    static func shellName(contents: [UInt8], fileName: String) -> String {
        if contents.starts(with: Array("#!".utf8)) {
            let line = String(decoding: contents.prefix { $0 != 0x0A }, as: UTF8.self)
            for shell in ["bash", "zsh", "ksh", "dash"] where line.contains(shell) { return shell }
            return "sh"
        }
        if fileName.hasSuffix(".bash") { return "bash" }
        if fileName.hasSuffix(".zsh") { return "zsh" }
        if fileName.hasSuffix(".ksh") { return "ksh" }
        return "sh"
    }

    /// Runs `program` when it is on the search path; status 0 parses, `missingStatus` means unchecked.
    private func run(
        _ program: String, _ arguments: [String], name: String, environment: [String: String] = [:], missingStatus: Int32? = nil
    ) -> SyntaxVerdict {
        guard let executable = executable(program) else { return .unchecked("\(program) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var processEnvironment = ProcessInfo.processInfo.environment
        for (key, value) in environment { processEnvironment[key] = value }
        process.environment = processEnvironment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            return .unchecked("\(program) could not be started: \(error.localizedDescription)")
        }
        // Read stderr while it runs so a chatty checker cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let reader = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            reader.signal()
        }
        if done.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            done.wait()
            reader.wait()
            return .fails(checker: name, message: "the checker did not finish within \(Int(timeoutSeconds)) s")
        }
        reader.wait()
        let status = process.terminationStatus
        if status == 0 { return .parses(checker: name) }
        if let missingStatus, status == missingStatus { return .unchecked("\(name) is not available") }
        return .fails(checker: name, message: Self.complaint(String(decoding: errorData, as: UTF8.self), status: status))
    }

    /// The most telling line of a checker's output: the last one naming an error (Python and node
    /// print the code first), else the first; temporary folder names are cut to the file's name.
    static func complaint(_ output: String, status: Int32) -> String {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var line = lines.last(where: { $0.localizedCaseInsensitiveContains("error") }) ?? lines.first else {
            return "exit status \(status)"
        }
        let temporary = FileManager.default.temporaryDirectory.path
        while let range = line.range(of: temporary) {
            // Drop "<tmp>/alpaca-fix-<uuid>/" so the message names the file only.
            let tail = line[range.upperBound...]
            let afterFolder = tail.dropFirst().drop(while: { $0 != "/" }).dropFirst()
            line = String(line[..<range.lowerBound]) + afterFolder
        }
        return line
    }

    /// The first executable called `name` on the search path.
    private func executable(_ name: String) -> String? {
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
