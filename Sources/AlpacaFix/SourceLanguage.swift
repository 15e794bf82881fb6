/// The languages `--fix` edits, with the idioms it writes in each.
public enum SourceLanguage: String, Sendable, Hashable, CaseIterable {
    /// Python (`.py`, `.pyw`, `.pyi`, or a python shebang).
    case python
    /// JavaScript (`.js`, `.mjs`, `.cjs`, `.jsx`, or a node shebang).
    case javaScript
    /// TypeScript (`.ts`, `.mts`, `.cts`, `.tsx`).
    case typeScript
    /// Swift (`.swift`).
    case swift
    /// Go (`.go`).
    case go
    /// POSIX sh, bash, zsh or ksh (`.sh`, `.bash`, `.zsh`, `.ksh`, or a shell shebang).
    case shell
    /// A committed `.env` template (`.env.example`, `.env.sample`, …): `NAME=value` lines whose values
    /// become empty placeholders. Never returned by `detect`; the planner picks it by file name.
    case environmentTemplate

    /// The language of a file, by extension first and then by its `#!` line; nil when unsupported.
    public static func detect(path: String, contents: [UInt8]) -> SourceLanguage? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            switch name[name.index(after: dot)...].lowercased() {
            case "py", "pyw", "pyi": return .python
            case "js", "mjs", "cjs", "jsx": return .javaScript
            case "ts", "mts", "cts", "tsx": return .typeScript
            case "swift": return .swift
            case "go": return .go
            case "sh", "bash", "zsh", "ksh": return .shell
            default: return nil
            }
        }
        return shebangLanguage(contents)
    }

    /// The language a `#!` first line names (`/usr/bin/env python3`, `/bin/bash`, …).
    static func shebangLanguage(_ contents: [UInt8]) -> SourceLanguage? {
        guard contents.starts(with: Array("#!".utf8)) else { return nil }
        let firstLine = contents.prefix { $0 != 0x0A }
        let text = String(decoding: firstLine, as: UTF8.self)
        let words = text.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard var program = words.first.map({ String($0.split(separator: "/").last ?? "") }) else { return nil }
        if program == "env" {
            // `env -S python3 -u` and `env python3`: the first word that is not an option.
            program = words.dropFirst().first(where: { !$0.hasPrefix("-") }).map(String.init) ?? ""
        }
        if program.hasPrefix("python") { return .python }
        if program == "node" || program == "nodejs" { return .javaScript }
        if ["sh", "bash", "dash", "zsh", "ksh", "ash"].contains(program) { return .shell }
        return nil
    }

    /// The expression that reads environment variable `name` in this language.
    /// TypeScript adds `?? ""` so the value stays a `string` where the code declared one.
    func environmentRead(_ name: String) -> String {
        switch self {
        case .python: return "os.environ[\"\(name)\"]"
        case .javaScript: return "process.env.\(name)"
        case .typeScript: return "process.env.\(name) ?? \"\""
        case .swift: return "ProcessInfo.processInfo.environment[\"\(name)\"] ?? \"\""
        case .go: return "os.Getenv(\"\(name)\")"
        case .shell: return "\"${\(name)}\""
        case .environmentTemplate: return ""
        }
    }

    /// Whether `environmentRead` contains a low-precedence operator and may need parentheses.
    var readNeedsGrouping: Bool { self == .typeScript || self == .swift }

    /// What starts a line comment.
    var lineComment: String {
        switch self {
        case .python, .shell, .environmentTemplate: return "#"
        case .javaScript, .typeScript, .swift, .go: return "//"
        }
    }

    /// The import the environment read needs, if any (shown in summaries).
    var requiredImport: String? {
        switch self {
        case .python: return "import os"
        case .swift: return "import Foundation"
        case .go: return "\"os\""
        case .javaScript, .typeScript, .shell, .environmentTemplate: return nil
        }
    }
}
