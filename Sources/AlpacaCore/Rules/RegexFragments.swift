/// Named pieces of regex, defined once and interpolated into patterns as `{{name}}`.
///
/// Names are letters, digits and dots (`keyId.paper`), so other double-brace text in a pattern is
/// left alone. A fragment that starts with `(?x)` is written in free-spacing mode with comments;
/// each fragment keeps its own mode wherever it is used, so a free-spacing fragment can sit inside
/// a compact pattern and the other way round. Unknown names and cycles are load errors.
struct RegexFragments: Sendable {
    private struct Definition: Sendable {
        let text: String
        let file: String
        let line: Int?
    }

    private var definitions: [String: Definition] = [:]

    /// The defined names, sorted.
    var names: [String] { definitions.keys.sorted() }

    /// Defines `name`; a name may be defined only once across all rule files.
    mutating func define(_ name: String, as text: String, file: String, line: Int?) throws(RuleLoadError) {
        guard Self.isValidName(name) else {
            throw RuleLoadError(file: file, line: line, ruleId: nil, message: "fragment name '\(name)' must start with a letter and hold only letters, digits and dots")
        }
        if let previous = definitions[name] {
            throw RuleLoadError(
                file: file, line: line, ruleId: nil,
                message: "fragment '\(name)' is already defined in \(previous.file)\(previous.line.map { ":\($0)" } ?? "")")
        }
        definitions[name] = Definition(text: text, file: file, line: line)
    }

    /// `pattern` with every `{{name}}` replaced by its (recursively expanded) fragment.
    func expand(_ pattern: String, file: String, line: Int?, ruleId: String?) throws(RuleLoadError) -> String {
        var cache: [String: String] = [:]
        return try expand(pattern, stack: [], cache: &cache, file: file, line: line, ruleId: ruleId)
    }

    private func expand(
        _ pattern: String, stack: [String], cache: inout [String: String], file: String, line: Int?, ruleId: String?
    ) throws(RuleLoadError) -> String {
        let bytes = Array(pattern.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = Self.closingBraces(bytes, from: index + 2)
            {
                let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                if Self.isValidName(name) {
                    guard let definition = definitions[name] else {
                        throw RuleLoadError(
                            file: file, line: line, ruleId: ruleId,
                            message: "unknown regex fragment {{\(name)}} (known: \(names.joined(separator: ", ")))")
                    }
                    if stack.contains(name) {
                        throw RuleLoadError(
                            file: definition.file, line: definition.line, ruleId: ruleId,
                            message: "regex fragments refer to each other in a cycle: \((stack + [name]).joined(separator: " → "))")
                    }
                    let expanded: String
                    if let known = cache[name] {
                        expanded = known
                    } else {
                        expanded = Self.wrap(try expand(
                            definition.text, stack: stack + [name], cache: &cache, file: definition.file, line: definition.line, ruleId: ruleId))
                        cache[name] = expanded
                    }
                    output.append(contentsOf: expanded.utf8)
                    index = close + 2
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A group that keeps the fragment's own spacing mode: `(?x)`-fragments stay free-spacing (the
    /// newline ends a trailing comment before the group closes), others are read literally.
    static func wrap(_ text: String) -> String {
        if text.hasPrefix("(?x)") { return "(?x:" + text.dropFirst(4) + "\n)" }
        return "(?-x:" + text + ")"
    }

    private static func closingBraces(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count, index - start <= 64 {
            if bytes[index] == UInt8(ascii: "}") { return bytes[index + 1] == UInt8(ascii: "}") ? index : nil }
            index += 1
        }
        return nil
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (first >= 65 && first <= 90) || (first >= 97 && first <= 122) else { return false }
        return name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
    }
}
