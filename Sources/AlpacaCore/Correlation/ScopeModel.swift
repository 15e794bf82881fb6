/// The structure of one file as far as pairing needs it, from brackets and indentation rather than
/// a parser per language: which bytes are code (not comments, prose or docstrings), the nested
/// scopes (bracket pairs, indented blocks, Markdown fences), which scopes hold declarations (the
/// file itself, class and similar bodies), and the constants bound there with the places that use
/// them by name.
///
/// It answers one question for the correlator: do two places belong to the same setup?
struct ScopeModel {
    /// A scope: a byte range, its parent, and whether it holds declarations rather than a setup.
    struct Node {
        let start: Int
        var end: Int
        var parent: Int
        /// The file, or a class, struct, interface, enum, object, impl, module, namespace or extension body.
        let isDeclaration: Bool
        var depth: Int
        /// Part of one statement rather than a block of statements: an argument list, a subscript
        /// or list, an object literal or initializer, or an indented continuation inside one.
        let isExpression: Bool
        /// The opening bracket, or 0 for an indented block, a fence or a section.
        var bracket: UInt8 = 0
    }

    private(set) var nodes: [Node] = []
    /// Per line (0-based), where code stops on that line: a comment's start; 0 for a line that is
    /// all comment, prose or docstring; nil when the whole line is code.
    private var codeEnd: [Int?] = []
    /// String literals on code lines (sorted, disjoint): identifiers inside them are not references.
    private var strings: [Range<Int>] = []
    private let lines: LineIndex
    private let buffer: UnsafeRawBufferPointer
    private let flavour: Flavour
    /// A YAML file: its `- name:` / `- key:` list entries are parts of one list, not blocks.
    private let isYAML: Bool
    /// A Bruno request (`.bru`): its blocks (`get { url: … }`, `headers { … }`) describe one request.
    private let isBruno: Bool
    /// A PHP file: `$name` is a use of the variable `name`.
    private let isPHP: Bool
    /// A TOML or INI file: each `[section]` header starts a scope that lasts until the next one.
    private let hasSections: Bool
    /// A Postman collection: everything inside one request object (its headers, URL and auth)
    /// configures that request.
    private let isPostman: Bool

    /// What kind of text the file is, from its name: prose formats mark their non-code parts.
    enum Flavour {
        case code, markdown, restructuredText, notebook

        /// Formats whose text is prose except for marked code blocks.
        var isProse: Bool { self == .markdown || self == .restructuredText }
    }

    init(buffer: UnsafeRawBufferPointer, lines: LineIndex, path: String) {
        self.buffer = buffer
        self.lines = lines
        let lower = path.lowercased()
        let flavour: Flavour
        if [".md", ".markdown", ".mdx", ".adoc"].contains(where: { lower.hasSuffix($0) }) {
            flavour = .markdown
        } else if lower.hasSuffix(".rst") {
            flavour = .restructuredText
        } else if lower.hasSuffix(".ipynb") {
            flavour = .notebook
        } else {
            flavour = .code
        }
        self.flavour = flavour
        isYAML = lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
        isBruno = lower.hasSuffix(".bru")
        isPHP = lower.hasSuffix(".php")
        hasSections = [".toml", ".ini", ".cfg"].contains { lower.hasSuffix($0) }
        isPostman = lower.contains("postman_collection") || lower.hasSuffix(".postman.json")
        codeEnd = Array(repeating: nil, count: lines.lineCount)
        var spans = scanCode(flavour: flavour)
        spans += indentationBlocks(flavour: flavour)
        if isYAML { spans += yamlDocuments() }
        if hasSections { spans += sections() }
        build(spans)
    }

    // MARK: - Questions

    /// Whether byte `offset` is code: not in a comment, in prose of a Markdown-like file, or in a
    /// docstring spanning lines.
    func isCode(_ offset: Int) -> Bool {
        let line = lines.line(of: offset) - 1
        guard line < codeEnd.count, let end = codeEnd[line] else { return true }
        return offset < end
    }

    /// The innermost scope holding byte `offset`.
    func innermost(_ offset: Int) -> Int {
        // Nodes are sorted by start (parents before children); the containing node with the
        // greatest start is the innermost one.
        var low = 0
        var high = nodes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if nodes[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        var node = low
        while node != 0 && !(nodes[node].start <= offset && offset < nodes[node].end) { node = nodes[node].parent }
        return node
    }

    /// Whether `ancestor` is `node` or encloses it.
    func encloses(_ ancestor: Int, _ node: Int) -> Bool {
        var current = node
        while true {
            if current == ancestor { return true }
            if current == 0 { return false }
            current = nodes[current].parent
        }
    }

    /// Whether two places belong to one setup: the same scope, or nested scopes where the outer one
    /// is a setup (a function body, a call, an object), not a declaration scope such as the file or
    /// a class body (what is declared there is shared by every setup below it, so it pairs only
    /// with the setups that use it by name: see `binding(at:)`).
    ///
    /// Sibling expressions of one block also pair: two argument lists or literals of one function
    /// body (`session.headers.update({…key…})` and `session.get(URL)`, an OkHttp builder's `.url(…)`
    /// and `.addHeader(…)`) configure the same client. Sibling blocks (an `if` and its `else`) do not.
    func sameSetup(_ a: Int, _ b: Int) -> Bool {
        let na = innermost(a)
        let nb = innermost(b)
        if nested(na, nb) { return true }
        let la = statementBlock(na)
        let lb = statementBlock(nb)
        if isPostman, let common = bracketedAncestor(commonAncestor(na, nb)), common != 0, nodes[common].bracket == UInt8(ascii: "{") {
            return true
        }
        if la == na && lb == nb { return false }
        return la == lb ? !nodes[la].isDeclaration : nested(la, lb)
    }

    /// `node`, or its nearest ancestor that is a bracket pair (indented blocks sit inside them).
    private func bracketedAncestor(_ node: Int) -> Int? {
        var current = node
        while current != 0 && nodes[current].bracket == 0 { current = nodes[current].parent }
        return current
    }

    /// The innermost scope that holds both nodes (0 when only the file does).
    private func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var ancestors = Set<Int>()
        var current = a
        while true {
            ancestors.insert(current)
            if current == 0 { break }
            current = nodes[current].parent
        }
        current = b
        while !ancestors.contains(current) { current = nodes[current].parent }
        return current
    }

    /// The same scope, or nested scopes whose outer one is not a declaration scope.
    private func nested(_ na: Int, _ nb: Int) -> Bool {
        if na == nb { return true }
        if encloses(na, nb) { return !nodes[na].isDeclaration }
        if encloses(nb, na) { return !nodes[nb].isDeclaration }
        return false
    }

    /// The block of statements that holds `node`: out of argument lists, literals and continuations.
    private func statementBlock(_ node: Int) -> Int {
        var current = node
        while current != 0 && nodes[current].isExpression { current = nodes[current].parent }
        return current
    }

    /// A name bound to the literal at `offset`, and the scope where the name lives: `NAME = "…"`
    /// (`const NAME =`, `static final String NAME =`, `NAME := `, `let NAME: String =`), or a name
    /// bound to the object or call that holds the literal (`let auth = TradingAuth { key_id: "…" }`).
    func binding(at offset: Int) -> (name: String, scope: Int)? {
        guard isCode(offset) else { return nil }
        let node = innermost(offset)
        if let name = assignedName(before: offset) {
            // A notebook's cells share one namespace: a name bound at a cell's top level is seen by
            // every cell, like a module constant.
            if flavour == .notebook && isCellTopLevel(offset) { return (name, 0) }
            return (name, node)
        }
        // YAML: a mapping under an anchor (`x-alpaca: &alpaca` above `APCA_API_KEY_ID: …`) is used
        // by name wherever an alias merges it (`<<: *alpaca`).
        if isYAML, let anchor = yamlAnchor(enclosing: node) { return (anchor, 0) }
        // The literal sits in an object or call that is itself assigned to a name (an indented
        // block inside the object's braces counts as the object).
        var current = node
        for _ in 0..<3 where current != 0 && !nodes[current].isDeclaration {
            if let name = assignedName(before: nodes[current].start, allowingConstructor: true) { return (name, nodes[current].parent) }
            current = nodes[current].parent
        }
        return nil
    }

    /// The anchor (`&name`, ending the header line) of the innermost YAML block around `node` that
    /// carries one, at most three blocks up.
    private func yamlAnchor(enclosing node: Int) -> String? {
        var current = node
        for _ in 0..<3 where current != 0 {
            let headerLine = lines.line(of: nodes[current].start) - 1
            if headerLine >= 1 {
                let text = lineText(headerLine)
                var end = text.count
                while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x09 || text[end - 1] == 0x0D { end -= 1 }
                var start = end
                while start > 0, Self.isIdentifierByte(text[start - 1]) || text[start - 1] == UInt8(ascii: "-") || text[start - 1] == UInt8(ascii: ".") { start -= 1 }
                if start < end, start > 0, text[start - 1] == UInt8(ascii: "&") {
                    return "*" + String(decoding: text[start..<end], as: UTF8.self)
                }
            }
            current = nodes[current].parent
        }
        return nil
    }

    /// Whether the notebook source line holding `offset` starts its code at column 0 (right after the
    /// JSON string's opening quote).
    private func isCellTopLevel(_ offset: Int) -> Bool {
        let range = lines.range(ofLine: lines.line(of: offset))
        var index = range.lowerBound
        while index < range.upperBound, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        guard index + 1 < range.upperBound, buffer[index] == UInt8(ascii: "\"") else { return false }
        return Self.isIdentifierByte(buffer[index + 1])
    }

    /// The identifier assigned on this line to what starts at `offset`: back over string quotes and
    /// prefixes (or, with `allowingConstructor`, over a type or constructor name such as
    /// `new Foo.Bar`), then `=` or `:=`, an optional type annotation, and the name.
    private func assignedName(before offset: Int, allowingConstructor: Bool = false) -> String? {
        let lineStart = lines.range(ofLine: lines.line(of: offset)).lowerBound
        var index = offset - 1
        if allowingConstructor {
            while index >= lineStart, buffer[index] == 0x20 || buffer[index] == 0x09 { index -= 1 }
            while index >= lineStart, Self.isIdentifierByte(buffer[index]) || buffer[index] == UInt8(ascii: ".") || buffer[index] == UInt8(ascii: ":") { index -= 1 }
            while index >= lineStart, buffer[index] == 0x20 || buffer[index] == 0x09 { index -= 1 }
            // `new Foo(…)`: skip the keyword.
            if index >= lineStart + 2, buffer[(index - 2)...index].elementsEqual(Array("new".utf8)) {
                index -= 3
                while index >= lineStart, buffer[index] == 0x20 || buffer[index] == 0x09 { index -= 1 }
            }
        } else {
            // Back over the value's opening quote and string prefixes (@"…", r"…", f'…').
            while index >= lineStart, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "@")].contains(buffer[index]) { index -= 1 }
            while index >= lineStart, [UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "b"), UInt8(ascii: "u")].contains(buffer[index]),
                index > lineStart, !Self.isIdentifierByte(buffer[index - 1])
            {
                index -= 1
            }
            while index >= lineStart, buffer[index] == 0x20 || buffer[index] == 0x09 { index -= 1 }
        }
        guard index >= lineStart, buffer[index] == UInt8(ascii: "=") else { return nil }
        // Not a comparison or an arrow.
        if index > lineStart, [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(buffer[index - 1]) { return nil }
        index -= 1
        if index >= lineStart, buffer[index] == UInt8(ascii: ":") { index -= 1 }  // Go's :=
        while index >= lineStart, buffer[index] == 0x20 || buffer[index] == 0x09 { index -= 1 }
        // A type annotation after the name (`NAME: String`, `NAME: &'static str`): skip back to its colon.
        var end = index + 1
        var cursor = index
        while cursor >= lineStart, Self.isTypeByte(buffer[cursor]) { cursor -= 1 }
        if cursor >= lineStart, buffer[cursor] == UInt8(ascii: ":"), cursor < index {
            cursor -= 1
            while cursor >= lineStart, buffer[cursor] == 0x20 || buffer[cursor] == 0x09 { cursor -= 1 }
            end = cursor + 1
        }
        var start = end
        while start > lineStart, Self.isIdentifierByte(buffer[start - 1]) { start -= 1 }
        guard start < end, !(buffer[start] >= 48 && buffer[start] <= 57) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// Code places (outside string literals) inside scope `within` where `name` is used as a whole
    /// identifier, except on the line of `definition`.
    func references(to name: String, excluding definition: Int, within: Int = 0) -> [Int] {
        let needle = Array(name.utf8)
        var found: [Int] = []
        var from = 0
        let definitionLine = lines.line(of: definition)
        let scopeRange = nodes[within].start..<min(buffer.count, nodes[within].end)
        while let hit = firstOffset(of: needle, in: buffer, from: max(from, scopeRange.lowerBound)), hit < scopeRange.upperBound {
            from = hit + 1
            let before = hit == 0 ? 0x20 : buffer[hit - 1]
            let after = hit + needle.count < buffer.count ? buffer[hit + needle.count] : 0x20
            guard !Self.isIdentifierByte(before), !Self.isIdentifierByte(after), before != UInt8(ascii: "$") || isPHP else { continue }
            // Inside a string only as an interpolation: `${NAME}`, f"{NAME}", $"{Name}", "#{NAME}".
            guard lines.line(of: hit) != definitionLine, isCode(hit), !inString(hit) || before == UInt8(ascii: "{") else { continue }
            found.append(hit)
        }
        return found
    }

    /// `Type.name` for a name declared in the body of type (or namespace) `Type`, which code
    /// elsewhere in the file uses that way; nil when `scope` is the file or not a named declaration.
    func qualifiedName(_ name: String, declaredIn scope: Int) -> String? {
        // The header is on the scope's first line or the one above (a brace alone on its line); an
        // indented block inside the braces belongs to the same declaration.
        var node = scope
        while node != 0 && nodes[node].isDeclaration {
            let line = lines.line(of: nodes[node].start)
            for candidate in [line, line - 1] where candidate >= 1 {
                if let type = declaredType(onLine: candidate) { return type + "." + name }
            }
            node = nodes[node].parent
        }
        return nil
    }

    /// The identifier after a declaration word on `line`: `enum AlpacaConfig {`, `public static class Clients`.
    private func declaredType(onLine line: Int) -> String? {
        let text = lineText(line)
        for word in Self.declarationWords {
            guard let start = wordOffset(text, word) else { continue }
            var index = start + word.count
            while index < text.count, text[index] == 0x20 || text[index] == 0x09 { index += 1 }
            var end = index
            while end < text.count, Self.isIdentifierByte(text[end]) { end += 1 }
            return end > index ? String(decoding: text[index..<end], as: UTF8.self) : nil
        }
        return nil
    }

    /// The code text of scope `node` (comments left out), for "does this scope name its own …".
    func codeText(of node: Int) -> [UInt8] {
        let range = nodes[node].start..<nodes[node].end
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        for offset in range where isCode(offset) { out.append(buffer[offset]) }
        return out
    }

    private func inString(_ offset: Int) -> Bool {
        var low = 0
        var high = strings.count
        while low < high {
            let mid = (low + high) / 2
            if strings[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < strings.count && strings[low].contains(offset)
    }

    // MARK: - Building

    private struct Span {
        let start: Int
        let end: Int
        let header: Int  // a byte offset on the line that introduces the scope
        /// The opening bracket, or 0 for an indented block or a fence.
        var bracket: UInt8 = 0
    }

    /// One pass over the bytes: string literals, comments, prose and bracket pairs.
    private mutating func scanCode(flavour: Flavour) -> [Span] {
        var spans: [Span] = []
        var stack: [(byte: UInt8, offset: Int)] = []
        var index = 0
        let count = buffer.count
        var inFence = false
        // reStructuredText: the indentation of the line that opened a literal block (`::` or a code
        // directive), while its indented body lasts; whether the body's content has started (the
        // directive's `:option:` lines come first).
        var literalIndent: Int?
        var literalContent = false
        // Markdown: where the current table started, and where its last row ended.
        var table: (start: Int, end: Int)?
        var line = 0
        while line < lines.lineCount {
            let range = lines.range(ofLine: line + 1)
            index = range.lowerBound
            let end = range.upperBound
            // Leading blanks.
            var first = index
            while first < end, buffer[first] == 0x20 || buffer[first] == 0x09 { first += 1 }
            var inLiteralBlock = false
            if flavour == .restructuredText {
                let indent = first - range.lowerBound
                if let open = literalIndent, first < end, indent <= open { literalIndent = nil }
                if literalIndent != nil, first < end {
                    if buffer[first] == UInt8(ascii: ":") && !literalContent {
                        codeEnd[line] = range.lowerBound
                        line += 1
                        continue
                    }
                    literalContent = true
                    inLiteralBlock = true
                } else if first < end, opensLiteralBlock(first, end) {
                    literalIndent = indent
                    literalContent = false
                }
            }
            if flavour == .markdown && !inFence {
                // A table lists settings: its rows are code, and one table is one scope. Cells are
                // not lexed (prose quotes and brackets would open strings and scopes).
                if first < end && buffer[first] == UInt8(ascii: "|") {
                    table = (table?.start ?? range.lowerBound, end)
                    line += 1
                    continue
                }
                if let open = table {
                    spans.append(Span(start: open.start, end: open.end, header: open.start))
                    table = nil
                }
            }
            if flavour.isProse && !inLiteralBlock {
                if startsWith(first, "```") || startsWith(first, "~~~") {
                    if inFence, let open = stack.last, open.byte == 0 {
                        stack.removeLast()
                        spans.append(Span(start: open.offset, end: end, header: open.offset))
                    } else if !inFence {
                        stack.append((0, range.lowerBound))
                    }
                    inFence.toggle()
                    codeEnd[line] = range.lowerBound
                    line += 1
                    continue
                }
                // Prose: outside fences, unless indented as a code block.
                if !inFence && first - range.lowerBound < 4 && !(first < end && buffer[first] == 0x09) {
                    codeEnd[line] = range.lowerBound
                    line += 1
                    continue
                }
            }
            var contentStart = first
            if flavour == .notebook, first < end, buffer[first] == UInt8(ascii: "\"") { contentStart = first + 1 }
            // A whole-line comment.
            // In a notebook, `%env X=…` and other IPython magics are code, not TeX comments.
            let isMagic = flavour == .notebook && contentStart < end && buffer[contentStart] == UInt8(ascii: "%")
            if !isMagic && startsComment(contentStart, end) {
                codeEnd[line] = range.lowerBound
                line += 1
                continue
            }
            // Code: strings, trailing comments, brackets.
            var position = contentStart
            var quote: UInt8 = 0
            var stringStart = 0
            while position < end {
                let byte = buffer[position]
                if quote != 0 {
                    if byte == UInt8(ascii: "\\") {
                        position += 2
                        continue
                    }
                    if byte == quote {
                        quote = 0
                        strings.append(stringStart..<(position + 1))
                    }
                    position += 1
                    continue
                }
                if flavour != .notebook && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && position + 2 < count
                    && buffer[position + 1] == byte && buffer[position + 2] == byte
                {
                    // A triple-quoted string (a docstring): if it runs over lines, it is prose.
                    if let close = firstOffset(of: [byte, byte, byte], in: buffer, from: position + 3) {
                        let closeLine = lines.line(of: close) - 1
                        if closeLine > line {
                            codeEnd[line] = position
                            for inner in (line + 1)...closeLine { codeEnd[inner] = lines.range(ofLine: inner + 1).lowerBound }
                            // Code may follow the closing quotes on their line; treated as prose too (rare).
                            line = closeLine
                            break
                        }
                        strings.append(position..<(close + 3))
                        position = close + 3
                        continue
                    }
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                    // In a notebook the code sits inside JSON strings: its own quotes are escaped.
                    if flavour == .notebook { position += 1; continue }
                    // An apostrophe between letters is English, not a string.
                    if byte == UInt8(ascii: "'"), position > range.lowerBound, Self.isLetter(buffer[position - 1]),
                        position + 1 < end, Self.isLetter(buffer[position + 1])
                    {
                        position += 1
                        continue
                    }
                    quote = byte
                    stringStart = position
                    position += 1
                    continue
                }
                if flavour == .notebook && byte == UInt8(ascii: "\\") && position + 1 < end && buffer[position + 1] == UInt8(ascii: "\"") {
                    // An escaped quote inside notebook JSON: a string of the cell's code.
                    position += 2
                    continue
                }
                if startsTrailingComment(position, lineStart: range.lowerBound, end: end) {
                    codeEnd[line] = position
                    break
                }
                if byte == UInt8(ascii: "/"), position + 1 < end, buffer[position + 1] == UInt8(ascii: "*") {
                    // A block comment: to its end, possibly lines below.
                    if let close = firstOffset(of: Array("*/".utf8), in: buffer, from: position + 2) {
                        let closeLine = lines.line(of: close) - 1
                        if closeLine > line {
                            codeEnd[line] = position
                            for inner in (line + 1)...closeLine { codeEnd[inner] = lines.range(ofLine: inner + 1).lowerBound }
                            line = closeLine
                            break
                        }
                        position = close + 2
                        continue
                    }
                }
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    stack.append((byte, position))
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    let opener: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(") : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                    // Close the matching bracket; stray closers are ignored.
                    if let match = stack.lastIndex(where: { $0.byte == opener }), stack[match...].allSatisfy({ $0.byte != 0 }) {
                        let open = stack[match].offset
                        stack.removeSubrange(match...)
                        spans.append(Span(start: open, end: position + 1, header: open, bracket: opener))
                    }
                default:
                    break
                }
                position += 1
            }
            if quote != 0 && quote != UInt8(ascii: "`") {
                // An unclosed quote ends with its line (an apostrophe in a comment-like text).
                quote = 0
            }
            line += 1
        }
        if let open = table { spans.append(Span(start: open.start, end: open.end, header: open.start)) }
        return spans
    }

    /// Indented blocks: the lines below a line that are indented deeper than it.
    private func indentationBlocks(flavour: Flavour) -> [Span] {
        var spans: [Span] = []
        var open: [(indent: Int, start: Int, header: Int)] = []
        var previousIndent = 0
        var previousLineStart = 0
        var lastContentEnd = 0
        var continues = false
        for line in 0..<lines.lineCount {
            let range = lines.range(ofLine: line + 1)
            var index = range.lowerBound
            var width = 0
            while index < range.upperBound, buffer[index] == 0x20 || buffer[index] == 0x09 {
                width += buffer[index] == 0x09 ? 4 : 1
                index += 1
            }
            // Blank lines and whole-line comments do not open or close blocks; in Markdown-like
            // files a line of prose ends every indented (code) block.
            if index == range.upperBound { continue }
            if codeEnd[line] == range.lowerBound {
                if flavour.isProse && index - range.lowerBound < 4 {
                    while let top = open.popLast() { spans.append(Span(start: top.start, end: lastContentEnd, header: top.header)) }
                    previousIndent = 0
                    previousLineStart = range.lowerBound
                }
                continue
            }
            // A line continued with a backslash (shell, Dockerfile, Python) is one statement: the
            // lines that continue it open no block.
            let endsWithBackslash = range.upperBound > range.lowerBound && buffer[range.upperBound - 1] == UInt8(ascii: "\\")
            if continues {
                continues = endsWithBackslash
                lastContentEnd = range.upperBound
                continue
            }
            continues = endsWithBackslash
            // A line indented less than an open block closes it.
            while let top = open.last, width < top.indent {
                open.removeLast()
                spans.append(Span(start: top.start, end: lastContentEnd, header: top.header))
            }
            if width > previousIndent && line > 0 {
                open.append((width, range.lowerBound, previousLineStart))
            }
            previousIndent = width
            previousLineStart = range.lowerBound
            lastContentEnd = range.upperBound
        }
        for block in open.reversed() { spans.append(Span(start: block.start, end: lastContentEnd, header: block.header)) }
        return spans
    }

    /// The documents of a YAML stream: the text between `---` (or `...`) lines. Each is its own
    /// scope, so a Spring profile's flat keys never pair with the next profile's.
    private func yamlDocuments() -> [Span] {
        var spans: [Span] = []
        var start = 0
        for line in 0..<lines.lineCount {
            let range = lines.range(ofLine: line + 1)
            guard startsWith(range.lowerBound, "---") || startsWith(range.lowerBound, "...") else { continue }
            let rest = buffer[(range.lowerBound + 3)..<range.upperBound]
            guard rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) || rest.first == 0x20 else { continue }
            if spans.isEmpty && start == 0 && range.lowerBound == 0 {
                start = range.upperBound
                continue
            }
            spans.append(Span(start: start, end: range.lowerBound, header: start))
            start = range.upperBound
        }
        if !spans.isEmpty { spans.append(Span(start: start, end: buffer.count, header: start)) }
        return spans
    }

    /// TOML tables and INI sections: from each `[name]` / `[[name]]` header line to the next one
    /// (`[alpaca.paper]` and `[alpaca.live]` are two separate settings).
    private func sections() -> [Span] {
        var spans: [Span] = []
        var open: Int?
        for line in 0..<lines.lineCount {
            let range = lines.range(ofLine: line + 1)
            var first = range.lowerBound
            while first < range.upperBound, buffer[first] == 0x20 || buffer[first] == 0x09 { first += 1 }
            var last = range.upperBound
            while last > first, [0x20, 0x09, 0x0D].contains(buffer[last - 1]) { last -= 1 }
            guard first < last, buffer[first] == UInt8(ascii: "["), buffer[last - 1] == UInt8(ascii: "]") else { continue }
            if let start = open { spans.append(Span(start: start, end: range.lowerBound, header: start)) }
            open = range.lowerBound
        }
        if let start = open { spans.append(Span(start: start, end: buffer.count, header: start)) }
        return spans
    }

    /// Sorts the spans into a tree under the file's root; a span that crosses its parent's end is cut there.
    private mutating func build(_ spans: [Span]) {
        // The file declares what its setups share, except a Bruno file: it is one request.
        nodes = [Node(start: 0, end: buffer.count + 1, parent: 0, isDeclaration: !isBruno, depth: 0, isExpression: false)]
        let sorted = spans.filter { $0.end > $0.start }.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var stack = [0]
        for span in sorted {
            while stack.count > 1, nodes[stack.last!].end <= span.start { stack.removeLast() }
            let parent = stack.last!
            let end = min(span.end, nodes[parent].end)
            guard end > span.start else { continue }
            if nodes[parent].start == span.start && nodes[parent].end == end { continue }  // the same range twice
            let isDeclaration = isDeclarationHeader(span.header)
            let isExpression: Bool
            switch span.bracket {
            case UInt8(ascii: "("), UInt8(ascii: "["): isExpression = true
            case UInt8(ascii: "{"): isExpression = isBruno || (!isDeclaration && isLiteralBrace(span.start))
            // An indented block inside an argument list or literal continues it; in YAML, the
            // name/value entries of an environment list (`- name: X` / `value: …`, Kubernetes and
            // Render) are elements of one list.
            default: isExpression = (parent != 0 && nodes[parent].isExpression) || (isYAML && isNameValueEntry(span.header))
            }
            nodes.append(Node(
                start: span.start, end: end, parent: parent, isDeclaration: isDeclaration, depth: nodes[parent].depth + 1,
                isExpression: isExpression, bracket: span.bracket))
            stack.append(nodes.count - 1)
        }
    }

    /// Whether the line at `header` (or, for a bracket alone on its line, the line above) opens a
    /// class-like body.
    private func isDeclarationHeader(_ header: Int) -> Bool {
        let line = lines.line(of: header)
        var text = lineText(line)
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "{") }) && line > 1 { text = lineText(line - 1) }
        for word in Self.declarationWords where containsWord(text, word) { return true }
        return false
    }

    /// Whether the `{` at `offset` opens a value (an object literal, a dictionary, an initializer
    /// such as `new HttpClient { … }` or `Auth{…}`) rather than a block of statements: it follows
    /// `=`, `(`, `,`, `:`, `[`, `?` or `return`, or a type name that itself follows one of them or
    /// `new`, and its line does not start with a control keyword (`if let x = y {`).
    private func isLiteralBrace(_ offset: Int) -> Bool {
        if lineStartsWithControlWord(lines.line(of: offset)) { return false }
        var index = previousSignificant(offset - 1)
        // A brace that opens the file opens a data document (JSON): a value, not statements.
        guard index >= 0 else { return true }
        if Self.valueLeaders.contains(buffer[index]) { return isAssignmentOrPunctuation(index) }
        if endsWord(index, "return") { return true }
        // A type name: Foo, Foo.Bar, Foo<Bar>.
        guard Self.isIdentifierByte(buffer[index]) || buffer[index] == UInt8(ascii: ">") else { return false }
        while index >= 0, Self.isTypeByte(buffer[index]) && buffer[index] != 0x20 && buffer[index] != UInt8(ascii: ",") { index -= 1 }
        let typeStart = index + 1
        index = previousSignificant(index)
        guard index >= 0 else { return false }
        if endsWord(index, "new") { return true }
        guard typeStart < buffer.count, buffer[typeStart] >= 65 && buffer[typeStart] <= 90 || buffer[typeStart] >= 97 && buffer[typeStart] <= 122 else { return false }
        if endsWord(index, "return") { return true }
        return Self.valueLeaders.contains(buffer[index]) && isAssignmentOrPunctuation(index)
    }

    /// A YAML line `- name: …` or `- key: …`.
    private func isNameValueEntry(_ header: Int) -> Bool {
        let range = lines.range(ofLine: lines.line(of: header))
        var index = range.lowerBound
        while index < range.upperBound, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        return startsWith(index, "- name:") || startsWith(index, "- key:")
    }

    private static let valueLeaders: Set<UInt8> = Set("=(,:[?".utf8)
    private static let controlWords = ["if", "else", "elif", "for", "while", "switch", "match", "when", "guard", "do", "try", "catch", "finally", "loop", "select", "unless", "until"].map { Array($0.utf8) }

    /// `=` that assigns (not `==`, `!=`, `<=`, `>=`, `=>`'s `=`), or any other leader.
    private func isAssignmentOrPunctuation(_ index: Int) -> Bool {
        guard buffer[index] == UInt8(ascii: "=") else { return true }
        if index > 0, Set("=!<>".utf8).contains(buffer[index - 1]) { return false }
        return true
    }

    /// The offset of the last byte at or before `index` that is not white space (newlines included).
    private func previousSignificant(_ index: Int) -> Int {
        var index = index
        while index >= 0, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == 0x0A || buffer[index] == 0x0D { index -= 1 }
        return index
    }

    /// Whether the word ending at `index` is `word`.
    private func endsWord(_ index: Int, _ word: String) -> Bool {
        let bytes = Array(word.utf8)
        let start = index - bytes.count + 1
        guard start >= 0, buffer[start...index].elementsEqual(bytes) else { return false }
        return start == 0 || !Self.isIdentifierByte(buffer[start - 1])
    }

    private func lineStartsWithControlWord(_ line: Int) -> Bool {
        let range = lines.range(ofLine: line)
        var index = range.lowerBound
        while index < range.upperBound, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == UInt8(ascii: "}") { index += 1 }
        var end = index
        while end < range.upperBound, Self.isIdentifierByte(buffer[end]) { end += 1 }
        let word = buffer[index..<end]
        return Self.controlWords.contains { word.elementsEqual($0) }
    }

    private static let declarationWords = ["class", "struct", "interface", "enum", "object", "impl", "module", "namespace", "extension", "protocol", "trait", "record"].map { Array($0.utf8) }

    private func lineText(_ line: Int) -> [UInt8] {
        let range = lines.range(ofLine: line)
        let end = codeEnd[line - 1].map { min($0, range.upperBound) } ?? range.upperBound
        return Array(UnsafeRawBufferPointer(rebasing: buffer[range.lowerBound..<max(range.lowerBound, end)]))
    }

    private func containsWord(_ text: [UInt8], _ word: [UInt8]) -> Bool { wordOffset(text, word) != nil }

    /// Where `word` first occurs in `text` as a whole word.
    private func wordOffset(_ text: [UInt8], _ word: [UInt8]) -> Int? {
        guard text.count >= word.count else { return nil }
        for start in 0...(text.count - word.count) where text[start..<(start + word.count)].elementsEqual(word) {
            let before = start == 0 ? 0x20 : text[start - 1]
            let after = start + word.count < text.count ? text[start + word.count] : 0x20
            if !Self.isIdentifierByte(before) && !Self.isIdentifierByte(after) { return start }
        }
        return nil
    }

    /// A reStructuredText line that opens a literal block below it: a paragraph ending in `::`, or a
    /// code directive (`.. code-block:: python`, `.. code::`, `.. sourcecode::`, `.. ipython::`,
    /// `.. testcode::`, `.. doctest::`). Other directives (`.. note::`) hold prose.
    private func opensLiteralBlock(_ first: Int, _ end: Int) -> Bool {
        var last = end
        while last > first, buffer[last - 1] == 0x20 || buffer[last - 1] == 0x09 || buffer[last - 1] == 0x0D { last -= 1 }
        let text = Array(UnsafeRawBufferPointer(rebasing: buffer[first..<last]))
        if text.starts(with: Array(".. ".utf8)) {
            return Self.codeDirectives.contains { text.starts(with: Array(".. \($0)::".utf8)) }
        }
        return text.count >= 2 && text[text.count - 2] == UInt8(ascii: ":") && text[text.count - 1] == UInt8(ascii: ":")
    }

    private static let codeDirectives = ["code-block", "code", "sourcecode", "ipython", "testcode", "doctest"]

    private func startsWith(_ offset: Int, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard offset + bytes.count <= buffer.count else { return false }
        return buffer[offset..<(offset + bytes.count)].elementsEqual(bytes)
    }

    /// `#`, `//`, `--` (SQL, Lua, Haskell), `;` (INI), `*` (inside a block comment), `<!--`, `%` (TeX, MATLAB),
    /// `REM`/`::` (batch) at the start of a line's content.
    private func startsComment(_ offset: Int, _ end: Int) -> Bool {
        guard offset < end else { return false }
        let byte = buffer[offset]
        if byte == UInt8(ascii: "#") {
            // A C preprocessor line or a Markdown heading in code is still not configuration code.
            return true
        }
        if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "%") { return true }
        if startsWith(offset, "//") || startsWith(offset, "--") || startsWith(offset, "<!--") || startsWith(offset, "::") { return true }
        if byte == UInt8(ascii: "*"), offset + 1 == end || buffer[offset + 1] == 0x20 || buffer[offset + 1] == UInt8(ascii: "/") { return true }
        if startsWith(offset, "REM ") || startsWith(offset, "rem ") { return true }
        return false
    }

    /// A comment after code: ` #` or ` //` (not the `//` of a URL's `://`).
    private func startsTrailingComment(_ offset: Int, lineStart: Int, end: Int) -> Bool {
        let byte = buffer[offset]
        let before: UInt8 = offset > lineStart ? buffer[offset - 1] : 0x20
        if byte == UInt8(ascii: "#"), before == 0x20 || before == 0x09 { return true }
        if byte == UInt8(ascii: "/"), offset + 1 < end, buffer[offset + 1] == UInt8(ascii: "/"), before != UInt8(ascii: ":") { return true }
        return false
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }

    private static func isTypeByte(_ byte: UInt8) -> Bool {
        isIdentifierByte(byte) || [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "&"), UInt8(ascii: "'")].contains(byte)
    }
}
