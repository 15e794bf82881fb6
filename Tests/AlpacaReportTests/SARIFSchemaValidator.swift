import Foundation

/// Validates SARIF documents against `../shared/schemas/sarif-schema-2.1.0.json` with Python's
/// `jsonschema` (Draft 4, the schema's dialect). Reusable by other test targets: copy or share it.
///
/// The schema declares `format: uri` / `uri-reference` but `jsonschema` only checks formats whose
/// optional packages are installed, so the script adds its own RFC 3986 character check for them.
public struct SARIFSchemaValidator: Sendable {
    /// The schema file used.
    public let schemaPath: String

    /// A validator for the schema at `schemaPath`.
    public init(schemaPath: String) {
        self.schemaPath = schemaPath
    }

    /// A validator for the shared schema, or nil when the schema, python3 or jsonschema is missing.
    public static let shared: SARIFSchemaValidator? = {
        guard let path = locateSchema(), pythonHasJSONSchema() else { return nil }
        return SARIFSchemaValidator(schemaPath: path)
    }()

    /// Why `shared` is nil (for skip messages), or nil when validation is available.
    public static var unavailableReason: String? {
        if locateSchema() == nil {
            return "../shared/schemas/sarif-schema-2.1.0.json not found (set ALPACA_LINT_SHARED_DIR)"
        }
        if !pythonHasJSONSchema() { return "python3 with the jsonschema module is not available" }
        return nil
    }

    /// The schema path: `$ALPACA_LINT_SHARED_DIR/schemas/...`, else `../shared` next to the package
    /// root, which is two levels above this file (`Tests/<target>/`). Symlinks are resolved first,
    /// so a scratch package that links to the real folders still finds the real root.
    public static func locateSchema(filePath: String = #filePath) -> String? {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["ALPACA_LINT_SHARED_DIR"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir))
        }
        let file = URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
        let packageRoot = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared"))
        for dir in candidates {
            let schema = dir.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
            if FileManager.default.isReadableFile(atPath: schema) { return schema }
        }
        return nil
    }

    /// Whether `python3 -c 'import jsonschema'` succeeds.
    public static func pythonHasJSONSchema() -> Bool {
        (try? run(["python3", "-c", "import jsonschema"], input: [])).map { $0.status == 0 } ?? false
    }

    /// The schema violations of `document` (empty when valid); throws when Python cannot run.
    public func validate(_ document: [UInt8]) throws -> [String] {
        let result = try SARIFSchemaValidator.run(["python3", "-c", Self.script, schemaPath], input: document)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        switch result.status {
        case 0: return []
        case 1: return lines.isEmpty ? ["invalid (no details)"] : lines
        default: throw ValidatorError.pythonFailed(status: result.status, output: lines.joined(separator: "\n"))
        }
    }

    /// Failure to run the validator itself (as opposed to an invalid document).
    public enum ValidatorError: Error, CustomStringConvertible {
        /// python3 exited with an unexpected status.
        case pythonFailed(status: Int32, output: String)

        /// A readable description.
        public var description: String {
            switch self {
            case .pythonFailed(let status, let output): "python3 exited with \(status): \(output)"
            }
        }
    }

    // Exit 0 valid, 1 invalid (one error per line), anything else: the script failed.
    private static let script = #"""
        import json, re, sys
        import jsonschema
        from jsonschema import Draft4Validator, FormatChecker
        checker = FormatChecker()
        URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
        @checker.checks("uri-reference")
        def uri_reference(value):
            return not isinstance(value, str) or bool(URI_CHARS.match(value))
        @checker.checks("uri")
        def uri(value):
            return not isinstance(value, str) or (bool(URI_CHARS.match(value)) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value)))
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        document = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        errors = sorted(Draft4Validator(schema, format_checker=checker).iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """#

    private static func run(_ arguments: [String], input: [UInt8]) throws -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        // Write from another thread: a large document could otherwise fill the pipe while Python
        // is still writing errors to its own full pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(output))
    }
}
