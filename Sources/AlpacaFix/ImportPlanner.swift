/// Adds the import an environment read needs (`import os`, `import Foundation`, `"os"`) without
/// touching anything else: the new line uses the file's line ending and, in Go, its indentation.
enum ImportPlanner {
    /// The insertion for `language` in `text`, or nil when the file already has what the read needs.
    /// Throws when the file binds the name differently (a Go `os` import under another name).
    static func importEdit(language: SourceLanguage, text: SourceText, regions: [LexRegion]) throws(ManualReason) -> TextEdit? {
        switch language {
        case .python: return pythonImport(text, regions)
        case .swift: return swiftImport(text, regions)
        case .go: return try goImport(text, regions)
        case .javaScript, .typeScript, .shell, .environmentTemplate: return nil
        }
    }

    /// Top-level lines that are code: not inside a string or comment region, with their text.
    private static func codeLines(_ text: SourceText, _ regions: [LexRegion]) -> [(line: Int, start: Int, content: String)] {
        var result: [(Int, Int, String)] = []
        var regionIndex = 0
        for line in 1...text.lineCount {
            guard let range = text.lineRange(line) else { continue }
            while regionIndex < regions.count, regions[regionIndex].range.upperBound <= range.lowerBound { regionIndex += 1 }
            let insideRegion = regionIndex < regions.count && regions[regionIndex].range.lowerBound < range.lowerBound
                && regions[regionIndex].kind != .comment
            if insideRegion { continue }
            result.append((line, range.lowerBound, text.text(range)))
        }
        return result
    }

    /// An insertion of `line` + EOL at `offset` (a line start), or at the end after an EOL when needed.
    private static func insertion(_ line: String, at offset: Int, _ text: SourceText) -> TextEdit {
        var bytes = Array(line.utf8) + text.lineEnding
        if offset == text.bytes.count, let last = text.bytes.last, last != 0x0A { bytes = text.lineEnding + Array(line.utf8) }
        return TextEdit(range: offset..<offset, replacement: bytes)
    }

    // MARK: Python

    /// Whether a top-level line binds the name `os`: `import os`, `import os.path`, `import sys, os`
    /// (not `import os as o`, not `from os import environ`).
    static func pythonBindsOs(_ line: String) -> Bool {
        guard line.hasPrefix("import ") else { return false }
        var body = Substring(line.dropFirst("import ".count))
        if let comment = body.firstIndex(of: "#") { body = body[..<comment] }
        if let semicolon = body.firstIndex(of: ";") { body = body[..<semicolon] }
        return body.split(separator: ",").contains { item in
            let name = item.trimmingCharacters(in: .whitespaces)
            return name == "os" || (name.hasPrefix("os.") && !name.contains(" "))
        }
    }
    private static let pythonImportLine = Pattern(#"^(?:import\s|from\s+(?!__future__\b)[\w.]+\s+import\b)"#)
    private static let pythonFutureLine = Pattern(#"^from\s+__future__\s+import\b"#)

    /// `import os` before the first top-level import, else after the shebang, comments, docstring
    /// and `from __future__` lines.
    private static func pythonImport(_ text: SourceText, _ regions: [LexRegion]) -> TextEdit? {
        let lines = codeLines(text, regions)
        if lines.contains(where: { pythonBindsOs($0.content) }) { return nil }
        if let first = lines.first(where: { pythonImportLine.matches($0.content) }) {
            return insertion("import os", at: first.start, text)
        }
        // No import: skip the header (comments, blank lines, a docstring, __future__ imports).
        var offset = 0
        var line = 1
        while line <= text.lineCount, let range = text.lineRange(line) {
            let content = text.text(range).trimmingCharactersInSet(" \t")
            if content.isEmpty || content.hasPrefix("#") || pythonFutureLine.matches(content) {
                offset = line < text.lineCount ? text.lineStarts[line] : text.bytes.count
                line += 1
                continue
            }
            let leading = text.bytes[range].prefix(while: { $0 == 0x20 || $0 == 0x09 }).count
            if let docstring = regions.first(where: { $0.range.lowerBound == range.lowerBound + leading && $0.kind == .string }) {
                let endLine = text.lineNumber(at: max(docstring.range.upperBound - 1, 0))
                offset = endLine < text.lineCount ? text.lineStarts[endLine] : text.bytes.count
                line = endLine + 1
                continue
            }
            break
        }
        return insertion("import os", at: offset, text)
    }

    // MARK: Swift

    private static let swiftHasFoundation = Pattern(#"^\s*(?:@[\w.()]+\s+)*import\s+(?:Foundation|UIKit|AppKit|SwiftUI|Cocoa|WatchKit)\s*(?://.*)?$"#)
    private static let swiftImportLine = Pattern(#"^\s*(?:@[\w.()]+\s+)*import\s"#)

    /// `import Foundation` before the first import, else before the first code line.
    private static func swiftImport(_ text: SourceText, _ regions: [LexRegion]) -> TextEdit? {
        let lines = codeLines(text, regions)
        if lines.contains(where: { swiftHasFoundation.matches($0.content) }) { return nil }
        if let first = lines.first(where: { swiftImportLine.matches($0.content) }) {
            return insertion("import Foundation", at: first.start, text)
        }
        // Skip the leading comment header and blank lines, then insert before the first code line.
        for (number, start, content) in lines {
            let trimmed = content.trimmingCharactersInSet(" \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#!") { continue }
            let leading = content.utf8.prefix(while: { $0 == 0x20 || $0 == 0x09 }).count
            if let comment = regions.first(where: { $0.kind == .comment && $0.range.lowerBound <= start + leading && $0.range.upperBound > start + leading }) {
                if text.lineNumber(at: max(comment.range.upperBound - 1, 0)) >= number { continue }
            }
            return insertion("import Foundation", at: start, text)
        }
        return insertion("import Foundation", at: text.bytes.count, text)
    }

    // MARK: Go

    private static let goSingleImport = Pattern(#"^import\s+(?:([A-Za-z_.][\w]*)\s+)?"([^"]+)"\s*(?://.*)?$"#)
    private static let goBlockOpen = Pattern(#"^import\s*\(\s*(?://.*)?$"#)
    private static let goBlockSpec = Pattern(#"^(\s*)(?:([A-Za-z_.][\w]*)\s+)?"([^"]+)"\s*(?://.*)?$"#)
    private static let goPackage = Pattern(#"^package\s+\w+"#)

    /// `"os"` in the first import block (sorted among its first group), or `import "os"` after
    /// the single-line imports or the package clause.
    private static func goImport(_ text: SourceText, _ regions: [LexRegion]) throws(ManualReason) -> TextEdit? {
        let lines = codeLines(text, regions)
        var firstBlock: (openIndex: Int, specs: [(start: Int, indent: String, path: String)], closeStart: Int)?
        var lastSingle: Int?
        var packageLine: Int?
        var index = 0
        while index < lines.count {
            let (_, _, content) = lines[index]
            if packageLine == nil, goPackage.matches(content) { packageLine = index }
            if let groups = goSingleImport.match(content) {
                if groups[2] == "os" {
                    if let alias = groups[1], alias != "os", alias != "_" { throw ManualReason("the file imports \"os\" as \(alias)") }
                    if groups[1] != "_" { return nil }
                }
                lastSingle = index
            } else if goBlockOpen.matches(content) {
                var specs: [(Int, String, String)] = []
                var cursor = index + 1
                var group: [(Int, String, String)] = []
                var groupEnded = false
                while cursor < lines.count, lines[cursor].content.trimmingCharactersInSet(" \t") != ")" {
                    let line = lines[cursor]
                    if let spec = goBlockSpec.match(line.content), let path = spec[3] {
                        if path == "os" {
                            if let alias = spec[2], alias != "os", alias != "_" { throw ManualReason("the file imports \"os\" as \(alias)") }
                            if spec[2] != "_" { return nil }
                        }
                        if !groupEnded { group.append((line.start, spec[1] ?? "\t", path)) }
                        specs.append((line.start, spec[1] ?? "\t", path))
                    } else if line.content.trimmingCharactersInSet(" \t").isEmpty, !group.isEmpty {
                        groupEnded = true
                    }
                    cursor += 1
                }
                if firstBlock == nil, cursor < lines.count {
                    firstBlock = (index, group.isEmpty ? specs : group, lines[cursor].start)
                }
                index = cursor
            }
            index += 1
        }
        if let block = firstBlock {
            let indent = block.specs.first?.indent ?? "\t"
            let isStandardGroup = block.specs.allSatisfy { !($0.path.split(separator: "/").first ?? "").contains(".") }
            if isStandardGroup, let after = block.specs.first(where: { $0.path > "os" }) {
                return insertion("\(indent)\"os\"", at: after.start, text)
            }
            if isStandardGroup, let last = block.specs.last {
                let nextLine = text.lineNumber(at: last.start)
                return insertion("\(indent)\"os\"", at: nextLine < text.lineCount ? text.lineStarts[nextLine] : text.bytes.count, text)
            }
            // The first group is third-party (or empty): a standard-library group of its own goes first.
            let at = block.specs.first?.start ?? block.closeStart
            return TextEdit(range: at..<at, replacement: Array("\(indent)\"os\"".utf8) + text.lineEnding + (block.specs.isEmpty ? [] : text.lineEnding))
        }
        if let lastSingle {
            let nextLine = lines[lastSingle].line
            return insertion("import \"os\"", at: nextLine < text.lineCount ? text.lineStarts[nextLine] : text.bytes.count, text)
        }
        guard let packageLine else { throw ManualReason("no package clause found") }
        let nextLine = lines[packageLine].line
        let offset = nextLine < text.lineCount ? text.lineStarts[nextLine] : text.bytes.count
        var bytes = text.lineEnding + Array("import \"os\"".utf8) + text.lineEnding
        if offset == text.bytes.count, text.bytes.last != 0x0A { bytes = text.lineEnding + bytes.dropLast(text.lineEnding.count) }
        return TextEdit(range: offset..<offset, replacement: bytes)
    }

    /// Go: the edit deleting the `"os"` import when the planned edits leave no `os.` use, else nil.
    static func unusedGoOsImport(text: SourceText, regions: [LexRegion], removedRanges: [Range<Int>], addsRead: Bool) -> TextEdit? {
        guard !addsRead else { return nil }
        let needle = Array("os.".utf8)
        var uses = 0
        var index = 0
        let bytes = text.bytes
        var regionIndex = 0
        while let hit = SiteLocator.firstIndex(of: needle, in: bytes, from: index, to: bytes.count) {
            index = hit + 1
            while regionIndex < regions.count, regions[regionIndex].range.upperBound <= hit { regionIndex += 1 }
            if regionIndex < regions.count, regions[regionIndex].range.contains(hit) { continue }
            if hit > 0, bytes[hit - 1] == 0x5F || bytes[hit - 1] == 0x2E || (bytes[hit - 1] | 0x20 >= 0x61 && bytes[hit - 1] | 0x20 <= 0x7A) || (bytes[hit - 1] >= 0x30 && bytes[hit - 1] <= 0x39) { continue }
            if removedRanges.contains(where: { $0.contains(hit) }) { continue }
            uses += 1
        }
        guard uses == 0 else { return nil }
        for line in 1...text.lineCount {
            guard let range = text.lineRange(line) else { continue }
            let content = text.text(range)
            let isSingle = goSingleImport.match(content).map { $0[2] == "os" && $0[1] == nil } ?? false
            let isSpec = goBlockSpec.match(content).map { $0[3] == "os" && $0[2] == nil && !content.hasPrefix("import") } ?? false
            if isSingle || isSpec {
                let end = line < text.lineCount ? text.lineStarts[line] : text.bytes.count
                return TextEdit(range: text.lineStarts[line - 1]..<end, replacement: [])
            }
        }
        return nil
    }
}
