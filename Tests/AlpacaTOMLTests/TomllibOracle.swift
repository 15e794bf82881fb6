import Foundation

/// Runs tomllib_oracle.py (Python's tomllib) over a batch of documents.
enum TomllibOracle {
    /// One document's reference verdict.
    enum Verdict: Equatable {
        /// Accepted, with the canonical form of the value.
        case accepted(String)
        /// Rejected.
        case rejected(String)
        /// tomllib accepts, but TOML 1.0 requires rejection (see the script's header).
        case specRejects(String)
        /// tomllib cannot answer for TOML 1.0; not compared.
        case skipped(String)
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("tomllib_oracle.py").path

    /// Why the oracle cannot run (python3 or tomllib missing), or nil when it can.
    static let unavailableReason: String? = {
        guard let python = python3 else { return "python3 is not on PATH" }
        guard (try? run(python, ["-c", "import tomllib"]).status) == 0 else { return "python3 has no tomllib (needs Python 3.11+)" }
        return nil
    }()

    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Verdicts for `documents`, in order.
    static func verdicts(for documents: [[UInt8]]) throws -> [Verdict] {
        guard let python = python3 else { throw CocoaError(.executableNotLoadable) }
        var framed = Data()
        for document in documents {
            var length = UInt32(document.count).bigEndian
            framed.append(Data(bytes: &length, count: 4))
            framed.append(contentsOf: document)
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("toml-oracle-\(UUID().uuidString).bin")
        try framed.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let (status, output) = try run(python, [script, input.path])
        guard status == 0 else { throw CocoaError(.fileReadCorruptFile) }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.map { line in
            let body = String(line.dropFirst(2))
            switch line.first {
            case "A": return .accepted(body)
            case "X": return .specRejects(body)
            case "S": return .skipped(body)
            default: return .rejected(body)
            }
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
