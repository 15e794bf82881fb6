// Build-time tool: reads the rule files named on the command line and writes a Swift source file
// that holds their text, so the alpaca-lint binary carries its built-in rules wherever it is copied.
// Usage: EmbedRulesTool OUTPUT.swift RULE.toml...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool OUTPUT.swift RULE.toml...\n".utf8))
    exit(2)
}

var source = """
// Generated at build time by EmbedRulesTool from Rules/*.toml. Do not edit.

/// The built-in rule files: (file name, TOML text), sorted by name.
let embeddedRuleFiles: [(name: String, text: String)] = [

"""
for path in arguments.dropFirst().sorted() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedRulesTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    let name = (path as NSString).lastPathComponent
    // Encode as a byte array literal: no escaping questions, whatever the rule text holds.
    let bytes = data.map { String($0) }.joined(separator: ",")
    source += "    (\"\(name)\", String(decoding: [\(bytes)] as [UInt8], as: UTF8.self)),\n"
}
source += "]\n"
do {
    // Unchanged rules leave the file (and its date) alone, so nothing recompiles when SwiftPM reruns
    // this command, as it does on every `swift package alpaca-lint` in a package that uses the plugin.
    if (try? String(contentsOfFile: output, encoding: .utf8)) == source { exit(0) }
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedRulesTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
