/// Where alpaca-lint's entry goes in a hook manager's existing configuration file.
public enum SnippetPlacement: Sendable, Equatable {
    /// Add the snippet at the end of the file (creating the file if there is none).
    case append
    /// Insert the snippet right after line `line` (1-based), whose text is `text`.
    case insertAfter(line: Int, text: String)
    /// A layout that is not edited line by line (flow style, anchors, …): merge the snippet into `section` by hand.
    case mergeByHand(section: String)
    /// The file already runs alpaca-lint; nothing to add.
    case alreadyPresent
}

/// Reads a hook manager's configuration as lines and finds where alpaca-lint's entry fits, so the
/// printed instructions leave a valid file (never a second `pre-commit:` or `repos:` key).
///
/// Only block-style YAML is placed line by line: that is what lefthook's and pre-commit's docs use.
/// Anything else (flow style `{…}`/`[…]`, anchors, a value on the section's own line) gets
/// `.mergeByHand`, which says what to merge instead of guessing. Comments and blank lines are kept
/// because nothing is rewritten: the user inserts lines.
public enum HookConfigPlan {
    /// One line of the file with what the planner needs.
    struct Line {
        /// 1-based line number.
        let number: Int
        /// The text without the line break (and without a trailing CR).
        let text: Substring
        /// Leading spaces.
        let indent: Int
        /// False for a blank line or a line that is only a comment.
        let isContent: Bool
    }

    /// Where to put `snippet` in a lefthook config, and the snippet indented to fit there.
    public static func lefthook(existing: String?) -> (placement: SnippetPlacement, snippet: String) {
        let command = "alpaca-lint --staged"
        let fresh = "pre-commit:\n  commands:\n    alpaca-lint:\n      run: \(command)\n"
        guard let existing, !existing.isEmpty else { return (.append, fresh) }
        let lines = split(existing)
        guard let section = topLevelKey("pre-commit", in: lines) else { return (.append, fresh) }
        let body = mappingBlock(after: section, in: lines)
        if body.contains(where: { $0.isContent && mentionsAlpacaLint($0.text) }) { return (.alreadyPresent, "") }
        guard !hasInlineValue(section.text) else { return (.mergeByHand(section: "pre-commit"), fresh) }

        let childIndent = body.first(where: \.isContent)?.indent ?? 2
        if let commands = body.first(where: { $0.indent == childIndent && key(of: $0.text) == "commands" }) {
            guard !hasInlineValue(commands.text) else { return (.mergeByHand(section: "pre-commit.commands"), fresh) }
            let entries = mappingBlock(after: commands, in: lines)
            let entryIndent = entries.first(where: \.isContent)?.indent ?? childIndent + 2
            let step = max(entryIndent - childIndent, 2)
            let snippet = spaces(entryIndent) + "alpaca-lint:\n" + spaces(entryIndent + step) + "run: \(command)\n"
            return (.insertAfter(line: commands.number, text: String(commands.text)), snippet)
        }
        if let jobs = body.first(where: { $0.indent == childIndent && key(of: $0.text) == "jobs" }) {
            guard !hasInlineValue(jobs.text) else { return (.mergeByHand(section: "pre-commit.jobs"), fresh) }
            // Follow the file's own item indentation (YAML allows it to equal the key's).
            let firstItem = sequenceBlock(after: jobs, in: lines).first(where: \.isContent)
            let itemIndent = firstItem.map { isSequenceItem($0) ? $0.indent : childIndent + 2 } ?? childIndent + 2
            let snippet = spaces(itemIndent) + "- name: alpaca-lint\n" + spaces(itemIndent + 2) + "run: \(command)\n"
            return (.insertAfter(line: jobs.number, text: String(jobs.text)), snippet)
        }
        let step = childIndent
        let snippet = spaces(step) + "commands:\n" + spaces(2 * step) + "alpaca-lint:\n" + spaces(3 * step) + "run: \(command)\n"
        return (.insertAfter(line: section.number, text: String(section.text)), snippet)
    }

    /// Where to put a local hook in a pre-commit framework config, and the item indented to fit there.
    public static func preCommit(existing: String?) -> (placement: SnippetPlacement, snippet: String) {
        func item(_ indent: Int) -> String {
            let dash = spaces(indent), inner = spaces(indent + 2)
            return """
                \(dash)- repo: local
                \(inner)hooks:
                \(inner)  - id: alpaca-lint
                \(inner)    name: alpaca-lint
                \(inner)    entry: alpaca-lint scan
                \(inner)    language: system
                \(inner)    require_serial: true

                """
        }
        let fresh = "repos:\n" + item(2)
        guard let existing, !existing.isEmpty else { return (.append, fresh) }
        let lines = split(existing)
        if lines.contains(where: { $0.isContent && mentionsAlpacaLint($0.text) }) { return (.alreadyPresent, "") }
        guard let repos = topLevelKey("repos", in: lines) else { return (.append, fresh) }
        guard !hasInlineValue(repos.text) else { return (.mergeByHand(section: "repos"), fresh) }
        let firstItem = sequenceBlock(after: repos, in: lines).first(where: \.isContent)
        let itemIndent = firstItem.map { isSequenceItem($0) ? $0.indent : 2 } ?? 2
        return (.insertAfter(line: repos.number, text: String(repos.text)), item(itemIndent))
    }

    /// Where to put the hook line in husky's `.husky/pre-commit` (a shell script: appending is always valid).
    public static func husky(existing: String?) -> (placement: SnippetPlacement, snippet: String) {
        let snippet = "alpaca-lint --staged\n"
        guard let existing else { return (.append, snippet) }
        let lines = split(existing)
        if lines.contains(where: { $0.isContent && mentionsAlpacaLint($0.text) }) { return (.alreadyPresent, "") }
        return (.append, snippet)
    }

    // MARK: - Lines

    static func split(_ text: String) -> [Line] {
        var result: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let indent = line.prefix(while: { $0 == " " }).count
            let rest = line.dropFirst(indent)
            result.append(Line(number: index + 1, text: line, indent: indent, isContent: !rest.isEmpty && !rest.hasPrefix("#")))
        }
        // A final newline does not start another line.
        if let last = result.last, last.text.isEmpty { result.removeLast() }
        return result
    }

    /// The line `name:` at indentation 0 (quoted or not), if any.
    static func topLevelKey(_ name: String, in lines: [Line]) -> Line? {
        lines.first { $0.isContent && $0.indent == 0 && key(of: $0.text) == name }
    }

    /// The lines of the mapping under `start`: up to the next content line indented no deeper than
    /// `start`. Trailing blank and comment lines are left out.
    static func mappingBlock(after start: Line, in lines: [Line]) -> [Line] {
        trimmed(Array(lines.dropFirst(start.number).prefix { !$0.isContent || $0.indent > start.indent }))
    }

    /// The lines of the sequence under `start`. YAML lets a sequence sit at its key's own indentation
    /// (`repos:` then `- repo: …` at column 0), so items at that indentation still belong to it.
    static func sequenceBlock(after start: Line, in lines: [Line]) -> [Line] {
        trimmed(Array(lines.dropFirst(start.number).prefix {
            !$0.isContent || $0.indent > start.indent || ($0.indent == start.indent && isSequenceItem($0))
        }))
    }

    static func isSequenceItem(_ line: Line) -> Bool {
        let rest = line.text.dropFirst(line.indent)
        return rest == "-" || rest.hasPrefix("- ")
    }

    private static func trimmed(_ lines: [Line]) -> [Line] {
        var result = lines
        while let last = result.last, !last.isContent { result.removeLast() }
        return result
    }

    /// The key of a `key:` or `key: value` mapping line, without quotes; nil for other lines.
    static func key(of text: Substring) -> String? {
        var rest = text.drop(while: { $0 == " " })
        if rest.hasPrefix("- ") { return nil }
        var quote: Character?
        if let first = rest.first, first == "\"" || first == "'" {
            quote = first
            rest = rest.dropFirst()
        }
        var name = ""
        while let character = rest.first {
            if let quote, character == quote {
                rest = rest.dropFirst()
                break
            }
            if quote == nil && character == ":" { break }
            name.append(character)
            rest = rest.dropFirst()
        }
        guard rest.first == ":" else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return quote == nil ? name.trimmingTrailingSpaces() : name
    }

    /// True when a `key:` line carries a value (anything but a comment) on the same line.
    static func hasInlineValue(_ text: Substring) -> Bool {
        guard let colon = valueStart(text) else { return false }
        let value = text[colon...].drop(while: { $0 == " " || $0 == "\t" })
        return !value.isEmpty && !value.hasPrefix("#")
    }

    private static func valueStart(_ text: Substring) -> Substring.Index? {
        var inQuote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let quote = inQuote {
                if character == quote { inQuote = nil }
            } else if character == "\"" || character == "'" {
                inQuote = character
            } else if character == ":" {
                return text.index(after: index)
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func mentionsAlpacaLint(_ text: Substring) -> Bool {
        let code = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? text
        return code.contains("alpaca-lint")
    }

    private static func spaces(_ count: Int) -> String { String(repeating: " ", count: max(count, 0)) }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " || copy.last == "\t" { copy.removeLast() }
        return copy
    }
}
