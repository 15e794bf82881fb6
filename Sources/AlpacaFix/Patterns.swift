import Foundation

/// Small regular-expression helper over Strings (NSRegularExpression, compiled once per pattern).
struct Pattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable and documented as thread-safe.
    private let expression: NSRegularExpression

    /// Compiles `pattern`; the patterns are constants of this module, so failure is a programming error.
    init(_ pattern: String) {
        do {
            expression = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            preconditionFailure("bad built-in pattern \(pattern): \(error)")
        }
    }

    /// The capture groups of the first match in `text` (group 0 first; nil for groups that did not take part).
    func match(_ text: String) -> [String?]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let result = expression.firstMatch(in: text, options: [], range: range) else { return nil }
        return (0..<result.numberOfRanges).map { index in
            let group = result.range(at: index)
            guard group.location != NSNotFound, let swiftRange = Range(group, in: text) else { return nil }
            return String(text[swiftRange])
        }
    }

    /// The name in the first non-nil capture group after group 0, if the pattern matches.
    func name(in text: String) -> String? {
        guard let groups = match(text) else { return nil }
        return groups.dropFirst().compactMap { $0 }.first(where: { !$0.isEmpty && $0 != "\"" && $0 != "'" })
    }

    /// Whether `text` matches.
    func matches(_ text: String) -> Bool { match(text) != nil }
}

/// The context patterns, per language, that change how a literal is fixed.
enum ContextPatterns {
    /// Python `os.environ["N"] = ` / `os.environ.setdefault("N", ` / `os.putenv("N", ` before the literal.
    static let pythonSelfAssignment = Pattern(#"^\s*os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]\s*=\s*$"#)
    /// Python call forms that set the variable.
    static let pythonSetCall = Pattern(#"^\s*os\.(?:environ\.setdefault|putenv)\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*,\s*$"#)
    /// What may follow a Python assignment for it to be a whole statement.
    static let pythonAssignmentEnd = Pattern(#"^\s*(?:#.*)?$"#)
    /// What may follow a Python call that sets the variable.
    static let pythonCallEnd = Pattern(#"^(\s*\))\s*(?:#.*)?$"#)
    /// Python `os.environ.get("N", ` / `os.getenv("N", ` right before the literal (a fallback).
    static let pythonFallback = Pattern(#"os\.(?:environ\.get|getenv)\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*,\s*$"#)

    /// JS/TS `process.env.N = ` before the literal.
    static let jsSelfAssignment = Pattern(#"^\s*process\.env(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\])\s*=\s*$"#)
    /// What may follow a JS assignment for it to be a whole statement.
    static let jsAssignmentEnd = Pattern(#"^(\s*;)?\s*(?://.*)?$"#)
    /// JS/TS `process.env.N || ` / `?? ` / `import.meta.env.N ?? ` right before the literal.
    static let jsFallback = Pattern(#"(?:process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]|import\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*))\s*(?:\|\||\?\?)\s*$"#)

    /// Go `os.Setenv("N", ` before the literal.
    static let goSetenv = Pattern(#"^\s*os\.Setenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*,\s*$"#)
    /// What may follow a Go call that sets the variable.
    static let goCallEnd = Pattern(#"^(\s*\))\s*(?://.*)?$"#)
    /// Go `const name [type] = ` before the literal.
    static let goConst = Pattern(#"^\s*(const)\s+[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_.]*)?\s*=\s*$"#)
    /// Go `const (` opening a block.
    static let goConstBlock = Pattern(#"^\s*const\s*\(\s*(?://.*)?$"#)

    /// Swift `setenv("N", ` before the literal.
    static let swiftSetenv = Pattern(#"^\s*(?:_\s*=\s*)?setenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*,\s*$"#)
    /// What may follow a Swift setenv call.
    static let swiftSetenvEnd = Pattern(#"^(\s*,\s*[0-9]+\s*\))\s*(?://.*)?$"#)
    /// Swift `environment["N"] ?? ` right before the literal.
    static let swiftFallback = Pattern(#"environment\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]\s*\?\?\s*$"#)
    /// Swift `case name = ` (an enum raw value, which must stay a literal).
    static let swiftEnumCase = Pattern(#"\bcase\s+`?[A-Za-z_][A-Za-z0-9_]*`?\s*=\s*$"#)

    /// Shell `[export] N=` before the literal, as a whole statement.
    static let shellAssignment = Pattern(#"^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_]*)=$"#)
    /// What may follow a shell assignment for it to be a whole statement.
    static let shellAssignmentEnd = Pattern(#"^(\s*;)?\s*(?:#.*)?$"#)
    /// Shell `${N:-` / `${N-` / `${N:=` / `${N=` right before the value (a default).
    static let shellFallback = Pattern(#"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=])$"#)
    /// `[export] NAME=` at the start of a template line, before the value.
    static let templateEntry = Pattern(#"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*$"#)
    /// An environment-style (upper-case) variable name.
    static let upperCaseName = Pattern(#"^[A-Z][A-Z0-9_]*$"#)
}
