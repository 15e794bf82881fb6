import AlpacaFix
import Foundation
import TestSupport
import Testing

/// Made-up credentials, realistic in shape only.
enum Fake {
    static let paperKey = "PKQ3H8ZK2W6N0RTVLV4B"
    static let paperSecret = "q8Wd2LmZr5TnB7vXk3YhJ0pFa9GsCe4NuR6tHiQo"
    static let liveKey = "AKW7N2QX5R8T1YJ4M6PD"
    static let liveSecret = "Zt5Rk9Lm2Qw8Xn4Vb7Hc1Jd6Fg3Sa0Pe5Yu8Io2K"
    static let brokerKey = "CKR4T8N2W6Q0Y3M7P1ZX"
    static let otherPaperKey = "PKZ9Y8X7W6V5U4T3S2R1"
}

/// A temporary repository folder (optionally `git init`ed) with helpers to write and read files.
struct TempRepo {
    let root: URL

    init(git: Bool = true) throws {
        root = try Scratch.directory("alpaca-fix-test")
        if git { try run("git", ["init", "-q"]) }
    }

    var path: String { root.path }

    func write(_ text: String, to relative: String, mode: Int? = nil) throws {
        try writeBytes(Array(text.utf8), to: relative, mode: mode)
    }

    func writeBytes(_ bytes: [UInt8], to relative: String, mode: Int? = nil) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path) }
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: root.appendingPathComponent(relative).path).map { [UInt8]($0) }
    }

    func mode(_ relative: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(relative).path))?[.posixPermissions] as? Int
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    /// Runs a program in the repository with an isolated git configuration; returns stdout.
    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = root.appendingPathComponent(".test-home").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A finding for the `occurrence`-th appearance of `needle` in file `relative`, positioned
    /// the way the scanner positions it (Unicode-scalar columns).
    func finding(_ rule: String, _ relative: String, _ needle: String, occurrence: Int = 1, secret: String? = nil, inHistory: Bool = false) -> FixFinding {
        let text = read(relative) ?? ""
        let position = Self.position(of: needle, in: text, occurrence: occurrence)
        return FixFinding(
            ruleId: rule, filePath: root.appendingPathComponent(relative).path, relativePath: relative,
            line: position.line, column: position.column, endLine: position.endLine, endColumn: position.endColumn,
            secret: secret ?? needle, inHistory: inHistory)
    }

    /// A file-level finding (the env rules).
    func fileFinding(_ rule: String, _ relative: String) -> FixFinding {
        FixFinding(ruleId: rule, filePath: root.appendingPathComponent(relative).path, relativePath: relative,
                   line: 1, column: 1, endLine: 1, endColumn: 1, secret: "")
    }

    static func position(of needle: String, in text: String, occurrence: Int) -> (line: Int, column: Int, endLine: Int, endColumn: Int) {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: searchStart..<text.endIndex)
            if let found { searchStart = found.upperBound }
        }
        guard let range = found else {
            Issue.record("needle \(needle) not found")
            return (1, 1, 1, 1)
        }
        func lineColumn(_ index: String.Index) -> (Int, Int) {
            // Scalars, not Characters: "\r\n" is one Character but two scalars, as for the scanner.
            let before = text.unicodeScalars[..<index]
            let line = before.filter { $0 == "\n" }.count + 1
            let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.startIndex
            return (line, text.unicodeScalars[lineStart..<index].count + 1)
        }
        let start = lineColumn(range.lowerBound)
        let end = lineColumn(range.upperBound)
        return (start.0, start.1, end.0, end.1)
    }
}

/// A checker that accepts everything without running anything.
struct AcceptingChecker: SyntaxChecking {
    func check(_ contents: [UInt8], fileName: String, language: SourceLanguage) -> SyntaxVerdict { .parses(checker: "test") }
}

/// A checker that rejects every file.
struct RejectingChecker: SyntaxChecking {
    func check(_ contents: [UInt8], fileName: String, language: SourceLanguage) -> SyntaxVerdict {
        .fails(checker: "test", message: "rejected")
    }
}

/// Whether a program is on PATH (for tests that need a real parser).
func onPath(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
}

extension FixPlan {
    /// The planned new text of a code file.
    func updatedText(_ relative: String) -> String? {
        changes.first { $0.relativePath == relative }.map { String(decoding: $0.updated, as: UTF8.self) }
    }
}
