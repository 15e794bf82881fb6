import Foundation
import Testing

/// Follows the instructions `install-hook` prints for a hook manager, the way a user would: insert
/// the printed lines after the named line, or add them at the end of the file.
enum HookInstructions {
    struct NotUnderstood: Error, CustomStringConvertible {
        let output: String
        var description: String { "install-hook printed no placement instruction:\n\(output)" }
    }

    /// `existing` with the printed lines put where `output` says.
    static func apply(_ output: String, to existing: String) throws -> String {
        let lines = output.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("right after line ") || $0.contains("at the end of ") }) else {
            throw NotUnderstood(output: output)
        }
        // The lines to add follow the instruction after one blank line and end at the next blank line.
        var snippet: [String] = []
        var cursor = index + 2
        while cursor < lines.count, !lines[cursor].isEmpty {
            snippet.append(lines[cursor])
            cursor += 1
        }
        guard !snippet.isEmpty else { throw NotUnderstood(output: output) }
        var fileLines = existing.components(separatedBy: "\n")
        if fileLines.last == "" { fileLines.removeLast() }
        if let range = lines[index].range(of: "right after line ") {
            let number = Int(lines[index][range.upperBound...].prefix { $0.isNumber }) ?? -1
            guard (1...fileLines.count).contains(number) else { throw NotUnderstood(output: output) }
            fileLines.insert(contentsOf: snippet, at: number)
        } else {
            fileLines += snippet
        }
        return fileLines.joined(separator: "\n") + "\n"
    }

    /// `yaml` parsed by PyYAML (`yaml.safe_load`) and returned as JSON objects; nil with the parser's message when it is invalid.
    static func parseYAML(_ yaml: String) throws -> (value: Any?, error: String?) {
        let script = "import sys, json, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))"
        let result = try CLI.runProcess("/usr/bin/env", ["python3", "-c", script], in: FileManager.default.temporaryDirectory,
                                        environment: ProcessInfo.processInfo.environment, stdin: yaml)
        guard result.status == 0 else { return (nil, result.stderr) }
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: .fragmentsAllowed), nil)
    }

    /// True when python3 has PyYAML.
    static let yamlAvailable: Bool = {
        let result = try? CLI.runProcess("/usr/bin/env", ["python3", "-c", "import yaml"], in: FileManager.default.temporaryDirectory,
                                         environment: ProcessInfo.processInfo.environment)
        return result?.status == 0
    }()
}
