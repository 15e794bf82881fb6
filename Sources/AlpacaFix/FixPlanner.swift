import AlpacaIgnore
import Foundation

/// Builds a `FixPlan` from a scan's findings: reads the files, locates each value, names the
/// variables, edits the code in memory, checks that each edited file still parses, and plans
/// `.env`, `.env.example` and `.gitignore`. Writes nothing.
public struct FixPlanner: Sendable {
    /// The repository root (canonicalised when the plan is built).
    public let repositoryRoot: String
    /// Runs the parse checks.
    public let checker: any SyntaxChecking

    /// A planner for the repository at `repositoryRoot`, checking syntax with `checker`.
    public init(repositoryRoot: String, checker: any SyntaxChecking = ProcessSyntaxChecker()) {
        self.repositoryRoot = repositoryRoot
        self.checker = checker
    }

    /// Files larger than this many bytes are not edited (named in the finding's fix reason).
    public static let largestEditableFile = 4 * 1024 * 1024
    /// Files with a line longer than this many bytes are not edited (minified or generated).
    public static let longestEditableLine = 20_000

    /// The length of the longest line of `bytes`, or nil when it has none.
    static func longestLine(_ bytes: [UInt8]) -> Int? {
        var longest = 0
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            longest = max(longest, newline - start)
            start = newline + 1
        }
        longest = max(longest, bytes.count - start)
        return bytes.isEmpty ? nil : longest
    }

    /// The message for BP8 mix-ups, which are never fixed mechanically.
    public static let mixupReason = "needs a manual fix: a paper endpoint with a live key, or the reverse, has two possible "
        + "causes and --fix cannot tell which (BP8). If the key is wrong, use the key of the endpoint's environment; "
        + "if the URL is wrong, point the code at the key's environment. Best: choose both from one setting "
        + "(APCA_API_BASE_URL with APCA_API_KEY_ID and APCA_API_SECRET_KEY)"

    /// The plan for `findings` (in the scanner's order; outcomes come back in the same order).
    public func plan(_ findings: [FixFinding]) -> FixPlan {
        let root = URL(fileURLWithPath: repositoryRoot).standardizedFileURL.resolvingSymlinksInPath().path
        var state = PlanState(findings: findings)
        var ignoreTargets: [IgnorePlanner.Target] = []
        var environmentFileFindings: [Int] = []
        var templateFindings: [Int] = []
        var codeFindings: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            let kind = CredentialKind(ruleId: finding.ruleId)
            switch kind {
            case .environmentMixup:
                state.outcomes[index] = FindingOutcome(fixable: false, reason: Self.mixupReason, variableName: nil, sarifFix: nil)
            case .envNotIgnored, .envTracked:
                if Self.isTemplate(finding.relativePath) {
                    // A template stays committed: its fix is placeholders, decided once its values are handled.
                    templateFindings.append(index)
                } else {
                    ignoreTargets.append(IgnorePlanner.Target(path: finding.relativePath, tracked: kind == .envTracked))
                }
            case .unknown:
                state.manual(index, "no automatic fix exists for rule \(finding.ruleId)")
            default:
                if Self.isEnvironmentFile(finding.relativePath) && !Self.isTemplate(finding.relativePath) {
                    environmentFileFindings.append(index)
                } else {
                    codeFindings[finding.filePath, default: []].append(index)
                }
            }
        }

        // Locate every value, file by file, in a stable order.
        var files: [PlannedFile] = []
        for path in codeFindings.keys.sorted(by: { findings[codeFindings[$0]![0]].relativePath < findings[codeFindings[$1]![0]].relativePath }) {
            if let file = locate(path: path, indices: codeFindings[path]!, findings: findings, state: &state) { files.append(file) }
        }

        // Name the variables, seeded with what .env already holds.
        let environmentPath = root + "/.env"
        let environmentKind = FixFileSystem.kind(environmentPath)
        let environmentOriginal = FixFileSystem.read(environmentPath)
        let rootEnvironmentTracked = ignoreTargets.contains { $0.tracked && $0.path == ".env" } || Self.gitTracks(".env", root: root)
        var blocker: String?
        if environmentKind == .other {
            blocker = "the repository's .env is not a regular file, so the values have nowhere safe to go"
        } else if rootEnvironmentTracked {
            blocker = "the repository's .env is tracked by git, so values moved there would be committed: run "
                + IgnorePlanner.untrackCommand(".env") + " first, then --fix again"
        }
        var naming = EnvironmentNaming(existing: environmentKind == .other ? [] : DotEnvFile.entries(environmentOriginal ?? []))
        if let blocker {
            for file in files { for site in file.sites { state.manual(site.findings, blocker) } }
            files.removeAll()
        }
        // Names the code uses are claimed first, paper values before live ones, then in file order.
        let claims = files.indices.flatMap { fileIndex in files[fileIndex].sites.indices.map { (fileIndex, $0) } }
            .filter { files[$0.0].sites[$0.1].fixedName != nil }
            .enumerated().sorted { left, right in
                let leftRank = EnvironmentNaming.rank(files[left.element.0].sites[left.element.1].environment)
                let rightRank = EnvironmentNaming.rank(files[right.element.0].sites[right.element.1].environment)
                return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
            }.map(\.element)
        var rejected: [(Int, Int)] = []
        for (fileIndex, siteIndex) in claims {
            var site = files[fileIndex].sites[siteIndex]
            guard let name = site.fixedName, !naming.claim(name, for: site.value) else { continue }
            if site.useLiteralAlternative(instead: name) {
                files[fileIndex].sites[siteIndex] = site
            } else {
                state.manual(site.findings, "the code uses \(name), but \(name) already holds a different value (in .env or elsewhere in this fix)")
                rejected.append((fileIndex, siteIndex))
            }
        }
        for (fileIndex, siteIndex) in rejected.sorted(by: { $0.1 > $1.1 }) { files[fileIndex].sites.remove(at: siteIndex) }
        naming.assign(files.flatMap(\.sites))

        // Edit and verify each file.
        var codeChanges: [FileChange] = []
        var usedNames: [String] = []
        var usedNameSet = Set<String>()
        // Edit every file in memory, check them in parallel (each check is a process), then decide.
        let prepared = files.filter { !$0.sites.isEmpty }.compactMap { prepare($0, naming: naming, state: &state) }
        let verdicts = verify(prepared)
        for (edited, verdict) in zip(prepared, verdicts) {
            let file = edited.file
            if let change = finish(edited, verdict: verdict, naming: naming, state: &state) {
                codeChanges.append(change)
                for site in file.sites {
                    let name = site.fixedName ?? naming.nameForValue[site.value] ?? ""
                    if usedNameSet.insert(name).inserted { usedNames.append(name) }
                }
            }
        }

        // .env and .env.example.
        var changes: [FileChange] = []
        let moved = usedNames.filter { !naming.existingNames.contains($0) }
        let reused = usedNames.filter { naming.existingNames.contains($0) }
        var environmentChange: FileChange?
        if !moved.isEmpty {
            let lines = moved.map { DotEnvFile.line(name: $0, value: naming.valueForName[$0] ?? "") }
            let header = "# Secrets for local runs, moved out of the code by alpaca-lint --fix. Never commit this file."
            environmentChange = FileChange(
                role: .environmentFile, absolutePath: environmentPath, relativePath: ".env", original: environmentOriginal,
                updated: DotEnvFile.appending(lines, to: environmentOriginal, header: header), creationMode: 0o600, verification: nil)
        }
        let examplePath = root + "/.env.example"
        var exampleChange: FileChange?
        if !usedNames.isEmpty, FixFileSystem.kind(examplePath) != .other {
            let exampleOriginal = FixFileSystem.read(examplePath)
            // .env.example may itself have been a template with real values, emptied above: build on that.
            let emptied = codeChanges.firstIndex { $0.relativePath == ".env.example" }
            let base = emptied.map { codeChanges[$0].updated } ?? exampleOriginal
            let present = Set(DotEnvFile.entries(base ?? []).map(\.name))
            let missing = usedNames.filter { !present.contains($0) }
            if !missing.isEmpty {
                let header = "# Copy to .env and fill in the values. This file holds names only and is safe to commit."
                let updated = DotEnvFile.appending(missing.map { "\($0)=" }, to: base, header: header)
                if let emptied {
                    let change = codeChanges[emptied]
                    codeChanges[emptied] = FileChange(
                        role: change.role, absolutePath: change.absolutePath, relativePath: change.relativePath,
                        original: change.original, updated: updated, creationMode: change.creationMode, verification: change.verification)
                } else {
                    exampleChange = FileChange(
                        role: .exampleFile, absolutePath: examplePath, relativePath: ".env.example", original: exampleOriginal,
                        updated: updated, creationMode: 0o644, verification: nil)
                }
            }
        }

        // Ignore rules: the reported .env files, plus the root .env when values move there.
        if environmentChange != nil || !reused.isEmpty, !ignoreTargets.contains(where: { $0.path == ".env" }) {
            ignoreTargets.append(IgnorePlanner.Target(path: ".env", tracked: false))
        }
        let ignorePlan = IgnorePlanner(root: root).plan(ignoreTargets)
        var commands: [String] = []
        for (index, finding) in findings.enumerated() {
            let kind = CredentialKind(ruleId: finding.ruleId)
            guard kind == .envNotIgnored || kind == .envTracked, let outcome = ignorePlan.outcomes[finding.relativePath] else { continue }
            state.outcomes[index] = FindingOutcome(
                fixable: outcome.fixable, reason: outcome.fixable ? outcome.reason : "needs a manual fix: " + outcome.reason,
                variableName: nil, sarifFix: nil)
            if let command = outcome.untrackCommand, !commands.contains(command) { commands.append(command) }
        }
        for index in templateFindings {
            let path = findings[index].relativePath
            let values = findings.indices.filter { findings[$0].relativePath == path && Self.isCredential(findings[$0].ruleId) }
            if values.allSatisfy({ state.outcomes[$0]?.fixable == true }) {
                state.outcomes[index] = FindingOutcome(
                    fixable: true, reason: "\(path) is a template and stays committed; its values become empty placeholders and move to .env",
                    variableName: nil, sarifFix: nil)
            } else {
                state.manual(index, "\(path) is a template: replace its real values with placeholders (keep the real ones in .env)")
            }
        }
        for index in environmentFileFindings {
            let path = findings[index].relativePath
            if let outcome = ignorePlan.outcomes[path], outcome.fixable {
                state.outcomes[index] = FindingOutcome(
                    fixable: true, reason: "the value stays in \(path), which git will ignore: " + outcome.reason, variableName: nil, sarifFix: nil)
            } else {
                state.manual(index, "the value is in the environment file \(path); keep that file out of git (an ignore rule, and git rm --cached if tracked)")
            }
        }
        // If the root .env cannot be ignored, moving values into it would only move the leak.
        if environmentChange != nil, let outcome = ignorePlan.outcomes[".env"], !outcome.fixable, !outcome.alreadyIgnored {
            for change in codeChanges { state.manualAll(in: change.relativePath, "the repository's .env could not be covered by an ignore rule (\(outcome.reason))") }
            codeChanges.removeAll()
            environmentChange = nil
            exampleChange = nil
        }
        changes += ignorePlan.changes
        if let environmentChange { changes.append(environmentChange) }
        if let exampleChange { changes.append(exampleChange) }
        changes += codeChanges

        var exampleIgnored = false
        if exampleChange != nil || codeChanges.contains(where: { $0.relativePath == ".env.example" }) {
            exampleIgnored = IgnoreMatcher(root: root).isIgnored(relativePath: ".env.example", isDirectory: false)
        }
        let outcomes = findings.indices.map { state.outcomes[$0] ?? FindingOutcome(fixable: false, reason: "needs a manual fix: not handled", variableName: nil, sarifFix: nil) }
        var plan = FixPlan(
            repositoryRoot: root, findings: findings, outcomes: outcomes, changes: changes, untrackCommands: commands,
            movedVariables: environmentChange == nil ? [] : moved, reusedVariables: codeChanges.isEmpty ? [] : reused)
        plan.exampleIgnored = exampleIgnored
        return plan
    }

    // MARK: - Locating

    /// One code file with its located sites.
    struct PlannedFile: Sendable {
        let path: String
        let relativePath: String
        let text: SourceText
        let language: SourceLanguage
        let locator: SiteLocator
        var sites: [Site]
    }

    /// Reads a file and locates each finding's site; unfixable findings get their outcome here.
    private func locate(path: String, indices: [Int], findings: [FixFinding], state: inout PlanState) -> PlannedFile? {
        let relativePath = findings[indices[0]].relativePath
        if relativePath.lowercased().hasSuffix(".ipynb") {
            state.manual(indices, "the value is in a Jupyter notebook: edit the cell in Jupyter to read os.environ[…], clear the outputs that show the value, and save")
            return nil
        }
        guard case .regular = FixFileSystem.kind(path), let bytes = FixFileSystem.read(path) else {
            state.manual(indices, "the file could not be read as a regular file (a symlink or special file is left alone)")
            return nil
        }
        // Minified bundles and generated files are rebuilt from their sources: editing them is
        // pointless, and lexing megabytes per finding would make every JSON or SARIF report slow.
        if bytes.count > Self.largestEditableFile {
            state.manual(indices, "the file is larger than \(Self.largestEditableFile / 1024) KiB, most likely generated: fix its source, or edit it by hand")
            return nil
        }
        if let longest = Self.longestLine(bytes), longest > Self.longestEditableLine {
            state.manual(indices, "a line of \(longest) bytes says the file is minified or generated: fix its source, or edit it by hand")
            return nil
        }
        guard let language = Self.isTemplate(relativePath) && Self.isEnvironmentFile(relativePath)
            ? .environmentTemplate : SourceLanguage.detect(path: relativePath, contents: bytes)
        else {
            state.manual(indices, "--fix edits Python, JavaScript/TypeScript, Swift, Go and shell files only")
            return nil
        }
        let text = SourceText(bytes)
        let locator = SiteLocator(text: text, language: language)
        var sites: [Site] = []
        // Lookups by range instead of scans of `sites`, so that a file with thousands of findings
        // is not quadratic: accepted sites never overlap, so in start order only the neighbours of
        // a new range can overlap it.
        var siteIndexByRange: [Range<Int>: Int] = [:]
        var acceptedRanges: [Range<Int>] = []
        for index in indices {
            let finding = findings[index]
            switch locator.site(for: finding, index: index, kind: CredentialKind(ruleId: finding.ruleId)) {
            case .failure(let reason):
                state.manual(index, reason.text)
            case .success(let site):
                if let same = siteIndexByRange[site.range] {
                    if sites[same].style == site.style && sites[same].value == site.value {
                        sites[same].findings += site.findings
                        if sites[same].environment == nil { sites[same].environment = site.environment }
                    } else {
                        state.manual(index, "another finding changes the same text differently")
                    }
                } else {
                    let position = Self.insertionPoint(of: site.range, in: acceptedRanges)
                    let neighbours = [position - 1, position].filter { acceptedRanges.indices.contains($0) }
                    if neighbours.contains(where: { acceptedRanges[$0].overlaps(site.range) }) {
                        state.manual(index, "the value overlaps another finding's value")
                    } else {
                        // An empty range overlaps nothing: kept out, the neighbour argument holds.
                        if !site.range.isEmpty { acceptedRanges.insert(site.range, at: position) }
                        siteIndexByRange[site.range] = sites.count
                        sites.append(site)
                    }
                }
            }
        }
        inferSecretEnvironments(&sites, text: text)
        sites.sort { $0.range.lowerBound < $1.range.lowerBound }
        return PlannedFile(path: path, relativePath: relativePath, text: text, language: language, locator: locator, sites: sites)
    }

    /// Where `range` goes in `ranges` (sorted by start, none overlapping): the first index whose
    /// range starts after it, or at the same offset.
    static func insertionPoint(of range: Range<Int>, in ranges: [Range<Int>]) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A secret without a known environment takes that of the nearest key ID within 10 lines.
    private func inferSecretEnvironments(_ sites: inout [Site], text: SourceText) {
        // The first key ID (in site order) on each line: of the nearest keys, the first one wins.
        var keyByLine: [Int: (order: Int, environment: CredentialEnvironment)] = [:]
        for (order, site) in sites.enumerated() {
            guard case .keyID(let environment) = site.kind else { continue }
            let line = text.lineNumber(at: site.range.lowerBound)
            if keyByLine[line] == nil { keyByLine[line] = (order, environment) }
        }
        guard !keyByLine.isEmpty else { return }
        for index in sites.indices where sites[index].kind == .secretKey && sites[index].environment == nil {
            let line = text.lineNumber(at: sites[index].range.lowerBound)
            // Only lines within 10 count, so looking at each distance in turn stays linear.
            for distance in 0...10 {
                let candidates = [keyByLine[line - distance], keyByLine[line + distance]].compactMap { $0 }
                if let nearest = candidates.min(by: { $0.order < $1.order }) {
                    sites[index].environment = nearest.environment
                    break
                }
            }
        }
    }

    // MARK: - Editing

    /// One file edited in memory, waiting for its parse check.
    struct EditedFile: Sendable {
        let file: PlannedFile
        /// Every edit with the index of the site it belongs to (nil for the import edits).
        let edits: [(edit: TextEdit, site: Int?)]
        /// The import insertion or removal edits.
        let fileEdits: [TextEdit]
        /// The new bytes.
        let updated: [UInt8]
    }

    /// The checker's verdict on each edited file and, when it fails, on the original too; run in parallel.
    private func verify(_ files: [EditedFile]) -> [(edited: SyntaxVerdict, original: SyntaxVerdict?)] {
        let results = VerdictBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let fileName = (file.file.relativePath as NSString).lastPathComponent
            let edited = checker.check(file.updated, fileName: fileName, language: file.file.language)
            var original: SyntaxVerdict?
            if case .fails = edited { original = checker.check(file.file.text.bytes, fileName: fileName, language: file.file.language) }
            results.set(index, (edited, original))
        }
        return results.values
    }

    /// Applies one file's sites in memory and adds the import; nil (with outcomes set) when it cannot.
    private func prepare(_ file: PlannedFile, naming: EnvironmentNaming, state: inout PlanState) -> EditedFile? {
        let text = file.text
        var edits: [(edit: TextEdit, site: Int?)] = []
        for (siteIndex, site) in file.sites.enumerated() {
            let name = site.fixedName ?? naming.nameForValue[site.value] ?? EnvironmentNames.baseName(kind: site.kind, environment: site.environment)
            edits.append((TextEdit(range: site.range, replacement: Array(replacement(site.style, name: name, file: file).utf8)), siteIndex))
            for companion in site.companionEdits { edits.append((companion, siteIndex)) }
        }
        var fileEdits: [TextEdit] = []
        do {
            if file.sites.contains(where: \.needsImport),
                let importEdit = try ImportPlanner.importEdit(language: file.language, text: text, regions: file.locator.codeRegions)
            {
                fileEdits.append(importEdit)
            }
        } catch {
            state.manual(file.sites.flatMap(\.findings), "the environment read needs the \(file.language.requiredImport ?? "") import, but \(error.text)")
            return nil
        }
        if file.language == .go {
            let removed = file.sites.filter { $0.style == .removalComment }.map(\.range)
            if !removed.isEmpty, let unused = ImportPlanner.unusedGoOsImport(
                text: text, regions: file.locator.codeRegions, removedRanges: removed, addsRead: file.sites.contains(where: \.needsImport))
            {
                fileEdits.append(unused)
            }
        }
        let all = (fileEdits.map { ($0, Int?.none) } + edits).sorted {
            $0.0.range.lowerBound != $1.0.range.lowerBound ? $0.0.range.lowerBound < $1.0.range.lowerBound : $0.0.range.isEmpty && !$1.0.range.isEmpty
        }
        for (left, right) in zip(all, all.dropFirst()) where left.0.range.upperBound > right.0.range.lowerBound {
            state.manual(file.sites.flatMap(\.findings), "the planned edits overlap (e.g. a value inside the import block)")
            return nil
        }
        var updated: [UInt8] = []
        updated.reserveCapacity(text.bytes.count + 64)
        var cursor = 0
        for (edit, _) in all {
            updated += text.bytes[cursor..<edit.range.lowerBound]
            updated += edit.replacement
            cursor = edit.range.upperBound
        }
        updated += text.bytes[cursor...]
        return EditedFile(file: file, edits: all, fileEdits: fileEdits, updated: updated)
    }

    /// Records the outcomes of one edited file from its parse check; the change, or nil when the file stays untouched.
    private func finish(
        _ edited: EditedFile, verdict: (edited: SyntaxVerdict, original: SyntaxVerdict?), naming: EnvironmentNaming, state: inout PlanState
    ) -> FileChange? {
        let file = edited.file
        let text = file.text
        let all = edited.edits
        let fileEdits = edited.fileEdits
        let updated = edited.updated
        let secrets = file.sites.map(\.value)
        let verification: String
        switch verdict.edited {
        case .parses(let checker):
            verification = "parses (\(checker))"
        case .unchecked(let why):
            verification = "not checked: \(why)"
        case .fails(let checker, let message):
            let cleaned = Self.scrub(message, secrets: secrets)
            if case .fails = verdict.original {
                state.manual(file.sites.flatMap(\.findings), "the file does not parse even before the fix (\(checker): \(cleaned)); left untouched")
            } else {
                state.manual(file.sites.flatMap(\.findings), "the edited file would not parse (\(checker): \(cleaned)); left untouched")
            }
            return nil
        }

        // Outcomes and SARIF replacements: each finding gets its own site's edits plus the file-level ones.
        let fileLevel = fileEdits.map { Self.replacement($0, text: text) }
        var editsBySite: [Int: [TextEdit]] = [:]
        for (edit, site) in all { if let site { editsBySite[site, default: []].append(edit) } }
        for (siteIndex, site) in file.sites.enumerated() {
            let name = site.fixedName ?? naming.nameForValue[site.value] ?? ""
            let own = (editsBySite[siteIndex] ?? []).map { Self.replacement($0, text: text) }
            let replacements = (own + fileLevel).sorted {
                ($0.deletedRegion.startLine, $0.deletedRegion.startColumn) < ($1.deletedRegion.startLine, $1.deletedRegion.startColumn)
            }
            let description = site.style == .removalComment || site.fixedName != nil
                ? "\(name): \(site.summary)"
                : "Read \(name) from the environment instead of a literal (\(site.summary)); the value moves to .env"
            let sarif = SARIFFix(description: description, artifactChanges: [FixArtifactChange(path: file.relativePath, replacements: replacements)])
            for index in site.findings {
                state.outcomes[index] = FindingOutcome(
                    fixable: true, reason: "\(name): \(site.summary) — \(verification)", variableName: name, sarifFix: sarif)
            }
        }
        return FileChange(
            role: .code(file.language), absolutePath: file.path, relativePath: file.relativePath, original: text.bytes,
            updated: updated, creationMode: 0o644, verification: verification)
    }

    /// The text a site's style produces for variable `name`.
    private func replacement(_ style: ReplacementStyle, name: String, file: PlannedFile) -> String {
        switch style {
        case .read(let grouped):
            let read = file.language.environmentRead(name)
            return grouped ? "(\(read))" : read
        case .bareName:
            return name
        case .shell(let template):
            return template.replacingOccurrences(of: "NAME", with: name)
        case .fixed(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        case .removalComment:
            return "\(file.language.lineComment) \(name) now comes from the environment (.env); set by alpaca-lint --fix"
        }
    }

    /// An edit in the scanner's coordinates.
    static func replacement(_ edit: TextEdit, text: SourceText) -> FixReplacement {
        let start = text.position(of: edit.range.lowerBound)
        let end = text.position(of: edit.range.upperBound)
        return FixReplacement(
            deletedRegion: FixRegion(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column),
            insertedContent: String(decoding: edit.replacement, as: UTF8.self))
    }

    /// `message` with every secret value cut out (checkers may quote the offending token).
    static func scrub(_ message: String, secrets: [String]) -> String {
        var result = message
        for secret in secrets where !secret.isEmpty { result = result.replacingOccurrences(of: secret, with: "…") }
        return result
    }

    // MARK: - Environment files

    /// `.env`, `.env.<anything>` and `<anything>.env`, as the scanner's env rules name them.
    static func isEnvironmentFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env")
    }

    /// Whether a rule reports a credential value.
    static func isCredential(_ ruleId: String) -> Bool { FixReport.isCredential(ruleId) }

    /// A committed template of an environment file.
    static func isTemplate(_ path: String) -> Bool {
        let parts = (path as NSString).lastPathComponent.lowercased().split(separator: ".")
        return parts.contains { ["example", "sample", "template", "dist", "tpl", "defaults", "schema"].contains(String($0)) }
    }

    /// Whether git tracks `path` in the repository at `root` (false when git is unavailable).
    static func gitTracks(_ path: String, root: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "ls-files", "--error-unmatch", "--", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Results written by concurrent checks, one slot each.
private final class VerdictBox: @unchecked Sendable {
    // @unchecked: every slot is written once, by one iteration, under `lock`.
    private let lock = NSLock()
    private var slots: [(edited: SyntaxVerdict, original: SyntaxVerdict?)?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: (edited: SyntaxVerdict, original: SyntaxVerdict?)) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [(edited: SyntaxVerdict, original: SyntaxVerdict?)] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? (.unchecked("not run"), nil) }
    }
}

/// Outcomes collected while planning.
struct PlanState {
    let findings: [FixFinding]
    var outcomes: [Int: FindingOutcome] = [:]

    init(findings: [FixFinding]) { self.findings = findings }

    /// Marks finding `index` as needing a manual fix.
    mutating func manual(_ index: Int, _ reason: String) {
        outcomes[index] = FindingOutcome(fixable: false, reason: "needs a manual fix: " + reason, variableName: nil, sarifFix: nil)
    }

    /// Marks several findings.
    mutating func manual(_ indices: [Int], _ reason: String) {
        for index in indices { manual(index, reason) }
    }

    /// Marks every finding in a file (used when a whole file's change is dropped).
    mutating func manualAll(in relativePath: String, _ reason: String) {
        for (index, finding) in findings.enumerated() where finding.relativePath == relativePath && outcomes[index]?.fixable == true {
            manual(index, reason)
        }
    }
}
