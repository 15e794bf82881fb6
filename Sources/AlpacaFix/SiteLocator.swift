/// Finds where a finding's value sits in a code file and decides how it is replaced.
struct SiteLocator {
    let text: SourceText
    let language: SourceLanguage
    let codeRegions: [LexRegion]
    let shellRegions: [ShellRegion]

    /// Lexes `text` once for all the findings of one file.
    init(text: SourceText, language: SourceLanguage) {
        self.text = text
        self.language = language
        if language == .shell {
            codeRegions = []
            shellRegions = ShellLexer.regions(text.bytes)
        } else if language == .environmentTemplate {
            codeRegions = []
            shellRegions = []
        } else {
            codeRegions = CodeLexer.regions(text.bytes, language: language)
            shellRegions = []
        }
    }

    /// The site for finding `index`, or why there is none.
    func site(for finding: FixFinding, index: Int, kind: CredentialKind) -> Result<Site, ManualReason> {
        let located: (range: Range<Int>, value: String, kind: CredentialKind)
        switch valueRange(of: finding, kind: kind) {
        case .success(let found): located = found
        case .failure(let reason): return .failure(reason)
        }
        switch located.kind {
        case .basicAuth:
            return .failure(ManualReason(Self.basicReason))
        case .oauthToken where located.value.hasPrefix("Bearer "):
            return .failure(ManualReason("the header value is \"Bearer <token>\" in one literal: build it from the environment variable by hand"))
        default:
            break
        }
        let environment: CredentialEnvironment?
        if case .keyID(let keyEnvironment) = located.kind { environment = keyEnvironment } else { environment = finding.environment }
        var site = Site(
            range: located.range, style: .read(grouped: false), value: located.value, kind: located.kind,
            environment: environment, fixedName: nil, needsImport: false, findings: [index], summary: "")
        let decided: Result<Void, ManualReason>
        switch language {
        case .shell: decided = shellSite(&site)
        case .environmentTemplate: decided = templateSite(&site)
        default: decided = codeSite(&site)
        }
        return decided.map { site }
    }

    /// Why Basic credentials are left to a person.
    static let basicReason = "HTTP Basic credentials encode the broker key and secret together (base64 of key:secret); "
        + "put ALPACA_BROKER_API_KEY and ALPACA_BROKER_API_SECRET in .env and let the HTTP client build the header "
        + "(e.g. requests' auth=(key, secret)), then rotate the pair"

    // MARK: - Locating the value

    /// The byte range of the value, its text and the kind it turned out to be (header values by shape).
    private func valueRange(of finding: FixFinding, kind: CredentialKind) -> Result<(range: Range<Int>, value: String, kind: CredentialKind), ManualReason> {
        guard let start = text.offset(line: finding.line, column: finding.column),
            let end = text.offset(line: finding.endLine, column: finding.endColumn), start <= end
        else {
            return .failure(ManualReason("the reported position is not in the file any more (was it edited since the scan?)"))
        }
        if kind != .headerLiteral {
            let found = text.text(start..<end)
            guard !finding.secret.isEmpty, found == finding.secret else {
                return .failure(ManualReason("the file no longer holds the reported value at the reported position (was it edited since the scan?)"))
            }
            return .success((start..<end, found, kind))
        }
        // A header literal reports the header name; the value literal follows it on this line or the next.
        guard !finding.secret.isEmpty else { return .failure(ManualReason("the header finding carries no value")) }
        let searchEnd = text.lineRange(finding.endLine + 1)?.upperBound ?? text.bytes.count
        let needle = Array(finding.secret.utf8)
        guard let hit = Self.firstIndex(of: needle, in: text.bytes, from: end, to: searchEnd) else {
            return .failure(ManualReason("the header value was not found after the header name on its line or the next"))
        }
        var range = hit..<(hit + needle.count)
        var value = finding.secret
        if let first = needle.first, needle.count >= 2, first == needle.last, [0x22, 0x27, 0x60].contains(first) {
            range = (hit + 1)..<(hit + needle.count - 1)
            value = text.text(range)
            if text.bytes[range].contains(first) {
                return .failure(ManualReason("the header value is built from several literals (a concatenation)"))
            }
        }
        let headerText = text.text(start..<end)
        return .success((range, value, CredentialKind.headerValue(value, headerText: headerText)))
    }

    /// Offset of the first occurrence of `needle` in `bytes[from..<to]`.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, to - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= to {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Code languages

    /// Decides the site for Python, JS/TS, Go and Swift from the literal around the value.
    private func codeSite(_ site: inout Site) -> Result<Void, ManualReason> {
        let value = site.range
        guard let region = enclosingCodeRegion(value) else {
            return .failure(ManualReason("the value is not inside a string literal"))
        }
        switch region.kind {
        case .regex:
            return .failure(ManualReason("the value is inside a regular expression literal"))
        case .comment:
            if value.lowerBound > 0, value.upperBound < text.bytes.count, text.bytes[value.lowerBound - 1] == text.bytes[value.upperBound],
                [0x22, 0x27, 0x60].contains(text.bytes[value.upperBound])
            {
                site.range = (value.lowerBound - 1)..<(value.upperBound + 1)
                site.style = .read(grouped: false)
            } else {
                site.style = .bareName
            }
            site.summary = "in a comment"
            return .success(())
        case .string:
            break
        }
        if region.interpolated {
            switch language {
            case .python: return .failure(ManualReason("the value is inside an f-string; move it to a variable read from the environment by hand"))
            case .javaScript, .typeScript: return .failure(ManualReason("the value is inside a template literal with ${…} placeholders"))
            default: return .failure(ManualReason("the value is inside an interpolated string"))
            }
        }
        if region.typedPrefix {
            return .failure(ManualReason("the value is in a prefixed string literal (bytes or f-string) that an environment read cannot replace as is"))
        }
        if region.content != value {
            if language == .python, region.multiLine, linePrefix(upTo: region.range.lowerBound).trimmingCharactersInSet(" \t").isEmpty {
                // A triple-quoted string standing alone is documentation, like a comment: name the variable instead.
                site.style = .bareName
                site.summary = "in a docstring"
                return .success(())
            }
            return .failure(ManualReason("the value is part of a longer string literal; build that string from the environment variable by hand"))
        }
        let literal = region.range
        let before = linePrefix(upTo: literal.lowerBound)
        let after = lineSuffix(from: literal.upperBound)
        site.range = literal
        site.needsImport = true
        site.style = .read(grouped: language.readNeedsGrouping && needsGrouping(literal))
        site.summary = "literal replaced by an environment read"
        switch language {
        case .python:
            if let name = ContextPatterns.pythonSelfAssignment.name(in: before), ContextPatterns.pythonAssignmentEnd.matches(after) {
                return removal(&site, name: name, statementEnd: literal.upperBound)
            }
            if let name = ContextPatterns.pythonSetCall.name(in: before), let groups = ContextPatterns.pythonCallEnd.match(after) {
                return removal(&site, name: name, statementEnd: literal.upperBound + (groups[1]?.utf8.count ?? 0))
            }
            if let name = ContextPatterns.pythonFallback.name(in: before) { return fallback(&site, name: name, literal: literal) }
        case .javaScript, .typeScript:
            if let name = ContextPatterns.jsSelfAssignment.name(in: before), let groups = ContextPatterns.jsAssignmentEnd.match(after) {
                return removal(&site, name: name, statementEnd: literal.upperBound + (groups[1]?.utf8.count ?? 0))
            }
            if let name = ContextPatterns.jsFallback.name(in: before) { return fallback(&site, name: name, literal: literal) }
        case .go:
            if let name = ContextPatterns.goSetenv.name(in: before), let groups = ContextPatterns.goCallEnd.match(after) {
                return removal(&site, name: name, statementEnd: literal.upperBound + (groups[1]?.utf8.count ?? 0))
            }
            if ContextPatterns.goConst.matches(before) {
                // A constant cannot hold a function call: the declaration becomes a variable.
                let lineStart = text.lineStarts[text.lineNumber(at: literal.lowerBound) - 1]
                guard let keyword = SiteLocator.firstIndex(of: Array("const".utf8), in: text.bytes, from: lineStart, to: literal.lowerBound) else {
                    return .failure(ManualReason("could not find the const keyword"))
                }
                site.companionEdits = [TextEdit(range: keyword..<(keyword + 5), replacement: Array("var".utf8))]
                site.summary = "const literal replaced by a var holding an environment read"
            } else if insideGoConstBlock(literal.lowerBound) {
                return .failure(ManualReason("the value is a constant in a Go const ( … ) block; a constant cannot hold os.Getenv: move it to a var by hand"))
            }
        case .swift:
            if let name = ContextPatterns.swiftSetenv.name(in: before), let groups = ContextPatterns.swiftSetenvEnd.match(after) {
                return removal(&site, name: name, statementEnd: literal.upperBound + (groups[1]?.utf8.count ?? 0))
            }
            if let name = ContextPatterns.swiftFallback.name(in: before) { return fallback(&site, name: name, literal: literal) }
            if ContextPatterns.swiftEnumCase.matches(before) {
                return .failure(ManualReason("the value is an enum case's raw value, which must stay a literal"))
            }
        case .shell, .environmentTemplate:
            break
        }
        return .success(())
    }

    /// The code region holding `value`. Regions are top-level and in file order, so only the last
    /// one starting at or before `value` can hold it: a binary search, not a scan per finding.
    private func enclosingCodeRegion(_ value: Range<Int>) -> LexRegion? {
        var low = 0
        var high = codeRegions.count
        while low < high {
            let middle = (low + high) / 2
            if codeRegions[middle].range.lowerBound <= value.lowerBound { low = middle + 1 } else { high = middle }
        }
        // Regions starting at the same offset (an empty one clamped at the end of the file): the first that holds it.
        var index = low - 1
        while index > 0 && codeRegions[index - 1].range.lowerBound == codeRegions[index].range.lowerBound { index -= 1 }
        while index >= 0 && index < low {
            if value.upperBound <= codeRegions[index].range.upperBound { return codeRegions[index] }
            index += 1
        }
        return nil
    }

    /// Whether a TS/Swift read (which ends in `?? ""`) needs parentheses between its neighbours.
    private func needsGrouping(_ literal: Range<Int>) -> Bool {
        let bytes = text.bytes
        var before = literal.lowerBound - 1
        while before >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[before]) { before -= 1 }
        var after = literal.upperBound
        while after < bytes.count, [0x20, 0x09].contains(bytes[after]) { after += 1 }
        let previousSafe: Bool
        if before < 0 {
            previousSafe = true
        } else {
            let previous = bytes[before]
            if previous == 0x3D {
                // `=` of an assignment or `=>`, not `==`, `!=`, `<=`, `>=`.
                previousSafe = before == 0 || ![0x3D, 0x21, 0x3C, 0x3E].contains(bytes[before - 1])
            } else if previous == 0x3E {
                previousSafe = before > 0 && bytes[before - 1] == 0x3D
            } else {
                previousSafe = [0x28, 0x2C, 0x3A, 0x5B, 0x7B, 0x3F].contains(previous)
            }
        }
        let nextSafe = after >= bytes.count || [0x2C, 0x29, 0x7D, 0x5D, 0x3B, 0x0A, 0x0D].contains(bytes[after])
            || (bytes[after] == 0x2F && after + 1 < bytes.count && [0x2F, 0x2A].contains(bytes[after + 1]))
        return !(previousSafe && nextSafe)
    }

    /// Whether `offset` lies inside a Go `const ( … )` block.
    private func insideGoConstBlock(_ offset: Int) -> Bool {
        var line = text.lineNumber(at: offset) - 1
        while line >= 1 {
            guard let range = text.lineRange(line) else { return false }
            let content = text.text(range)
            if ContextPatterns.goConstBlock.matches(content) { return true }
            if content.trimmingCharactersInSet(" \t") == ")" || content.hasPrefix("func ") || content.hasPrefix("var ") { return false }
            line -= 1
        }
        return false
    }

    /// The statement that set variable `name` from the literal is replaced by a comment.
    private func removal(_ site: inout Site, name: String, statementEnd: Int) -> Result<Void, ManualReason> {
        site.literalAlternative = (site.range, site.style, site.needsImport)
        let lineStart = text.lineStarts[text.lineNumber(at: site.range.lowerBound) - 1]
        let statementStart = lineStart + text.indentation(ofLineAt: site.range.lowerBound).count
        site.range = statementStart..<statementEnd
        site.style = .removalComment
        site.fixedName = name
        site.needsImport = false
        site.summary = "assignment of \(name) from a literal removed (the value now comes from .env)"
        return .success(())
    }

    /// A literal used as a fallback for variable `name` becomes an empty string.
    private func fallback(_ site: inout Site, name: String, literal: Range<Int>) -> Result<Void, ManualReason> {
        let bytes = text.bytes
        var quote: UInt8 = 0x22
        if let first = bytes[literal].first(where: { [0x22, 0x27].contains($0) }) { quote = first }
        site.style = .fixed([quote, quote])
        site.fixedName = name
        site.needsImport = false
        site.summary = "fallback literal for \(name) emptied (the value now comes from .env)"
        return .success(())
    }

    // MARK: - Environment templates

    /// `NAME=value` in a committed template: the value (with its quotes) becomes empty and moves to .env.
    private func templateSite(_ site: inout Site) -> Result<Void, ManualReason> {
        var token = site.range
        let bytes = text.bytes
        if token.lowerBound > 0, token.upperBound < bytes.count, bytes[token.lowerBound - 1] == bytes[token.upperBound],
            [0x22, 0x27].contains(bytes[token.upperBound])
        {
            token = (token.lowerBound - 1)..<(token.upperBound + 1)
        }
        guard let name = ContextPatterns.templateEntry.name(in: linePrefix(upTo: token.lowerBound)),
            ContextPatterns.pythonAssignmentEnd.matches(lineSuffix(from: token.upperBound))
        else {
            return .failure(ManualReason("the value is not a whole NAME=value entry of the template; replace it with a placeholder by hand"))
        }
        site.range = token
        site.style = .fixed([])
        site.fixedName = name
        site.summary = "the template's value emptied (the value now comes from .env)"
        // When NAME already holds another value, the template is emptied all the same and the value kept under a new name.
        site.literalAlternative = (token, .fixed([]), false)
        return .success(())
    }

    // MARK: - Shell

    /// Decides the site for a shell script from the quoting around the value.
    private func shellSite(_ site: inout Site) -> Result<Void, ManualReason> {
        let value = site.range
        let region = shellRegions.first(where: { $0.range.lowerBound <= value.lowerBound && value.upperBound <= $0.range.upperBound })
        let before = linePrefix(upTo: value.lowerBound)
        site.summary = "value replaced by a variable expansion"
        switch region?.kind {
        case nil, .doubleQuoted:
            if let groups = ContextPatterns.shellFallback.match(before), let name = groups[1], lineSuffix(from: value.upperBound).hasPrefix("}") {
                let operatorLength = groups[2]?.utf8.count ?? 1
                site.range = (value.lowerBound - operatorLength)..<value.upperBound
                site.style = .fixed([])
                site.fixedName = name
                site.summary = "default value for \(name) removed (the value now comes from .env)"
                return .success(())
            }
            let token = region.map { $0.content == value ? $0.range : value } ?? value
            if let assignment = shellAssignment(token: token) { return assignment(&site) }
            site.style = .shell(region == nil ? "\"${NAME}\"" : "${NAME}")
        case .singleQuoted:
            guard let region else { break }
            if region.content == value {
                if let assignment = shellAssignment(token: region.range) { return assignment(&site) }
                site.range = region.range
                site.style = .shell("\"${NAME}\"")
            } else {
                site.style = .shell("'\"${NAME}\"'")
            }
        case .hereDocument(let expands):
            guard expands else {
                return .failure(ManualReason("the value is in a here-document with a quoted delimiter, where ${…} does not expand"))
            }
            site.style = .shell("${NAME}")
        case .comment:
            site.style = .shell("${NAME}")
            site.summary = "in a comment"
        case .ansiQuoted:
            return .failure(ManualReason("the value is in a $'…' string"))
        }
        return .success(())
    }

    /// For a whole-line `[export] NAME=value`: the removal (when exported or upper-case), else nil.
    private func shellAssignment(token: Range<Int>) -> ((inout Site) -> Result<Void, ManualReason>)? {
        let before = linePrefix(upTo: token.lowerBound)
        let after = lineSuffix(from: token.upperBound)
        guard let groups = ContextPatterns.shellAssignment.match(before), let name = groups[2],
            let end = ContextPatterns.shellAssignmentEnd.match(after)
        else { return nil }
        guard groups[1] != nil || ContextPatterns.upperCaseName.matches(name) else { return nil }
        let statementEnd = token.upperBound + (end[1]?.utf8.count ?? 0)
        return { site in
            site.range = token
            site.style = .shell("\"${NAME}\"")
            return self.removal(&site, name: name, statementEnd: statementEnd)
        }
    }

    // MARK: - Line helpers

    /// Text of the line holding `offset`, from its start up to `offset`.
    private func linePrefix(upTo offset: Int) -> String {
        let start = text.lineStarts[text.lineNumber(at: offset) - 1]
        return text.text(start..<offset)
    }

    /// Text from `offset` to the end of its line (line ending excluded).
    private func lineSuffix(from offset: Int) -> String {
        guard offset <= text.bytes.count else { return "" }
        var end = offset
        while end < text.bytes.count, text.bytes[end] != 0x0A { end += 1 }
        if end > offset, text.bytes[end - 1] == 0x0D { end -= 1 }
        return text.text(offset..<end)
    }
}

extension String {
    /// The string without leading and trailing characters from `set` (no Foundation needed).
    func trimmingCharactersInSet(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
