import AlpacaIgnore

/// Plans the `.gitignore` rules that keep `.env` files out of git: the narrowest rule (the file's own
/// path, anchored) in the `.gitignore` nearest to it.
struct IgnorePlanner {
    /// Canonical repository root.
    let root: String

    /// A `.env` file to cover, and whether git already tracks it.
    struct Target: Hashable {
        /// Repository-relative path.
        let path: String
        /// True for `alpaca-env-tracked`.
        let tracked: Bool
    }

    /// What happens for one target.
    struct TargetOutcome: Hashable {
        /// Whether it will be ignored after the plan is applied.
        let fixable: Bool
        /// What is done or why not.
        let reason: String
        /// The `git rm --cached` command to print (tracked targets).
        let untrackCommand: String?
        /// True when an existing rule already covers the path (nothing to add).
        var alreadyIgnored = false
    }

    /// The `.gitignore` changes and one outcome per target path.
    func plan(_ targets: [Target]) -> (changes: [FileChange], outcomes: [String: TargetOutcome]) {
        let matcher = IgnoreMatcher(root: root)
        var rulesByFile: [String: [String]] = [:]
        var coveredByFile: [String: [String]] = [:]
        var fileOrder: [String] = []
        var outcomes: [String: TargetOutcome] = [:]
        for target in targets where outcomes[target.path] == nil {
            let command = target.tracked ? Self.untrackCommand(target.path) : nil
            let untrackNote = target.tracked ? "; it stays in the index until you run \(command!) (never run by --fix)" : ""
            if matcher.isIgnored(relativePath: target.path, isDirectory: false) {
                outcomes[target.path] = TargetOutcome(fixable: target.tracked, reason: target.tracked
                    ? "already covered by an ignore rule" + untrackNote
                    : "already ignored", untrackCommand: command, alreadyIgnored: true)
                continue
            }
            let (ignoreFile, folder) = nearestIgnoreFile(for: target.path)
            let relativeToFolder = folder.isEmpty ? target.path : String(target.path.dropFirst(folder.count + 1))
            let rule = "/" + Self.escape(relativeToFolder)
            if FixFileSystem.kind(absolute(ignoreFile)) == .other {
                outcomes[target.path] = TargetOutcome(fixable: false, reason: "\(ignoreFile) is not a regular file; add \(rule) to an ignore file by hand", untrackCommand: command)
                continue
            }
            let existing = FixFileSystem.read(absolute(ignoreFile)).map { DotEnvLines.lines($0) } ?? []
            if existing.contains(rule) {
                outcomes[target.path] = TargetOutcome(fixable: false, reason: "\(ignoreFile) already has \(rule) but the file is still not ignored (a later rule or a parent folder re-includes it): fix the ignore rules by hand", untrackCommand: command)
                continue
            }
            if rulesByFile[ignoreFile] == nil { fileOrder.append(ignoreFile) }
            rulesByFile[ignoreFile, default: []].append(rule)
            coveredByFile[ignoreFile, default: []].append(target.path)
            outcomes[target.path] = TargetOutcome(fixable: true, reason: "\(rule) added to \(ignoreFile)" + untrackNote, untrackCommand: command)
        }
        var changes: [FileChange] = []
        for file in fileOrder {
            let path = absolute(file)
            let original = FixFileSystem.read(path)
            let lines = ["# local environment files (added by alpaca-lint --fix)"] + (rulesByFile[file] ?? [])
            let updated = DotEnvFile.appending(lines, to: original, header: nil)
            changes.append(FileChange(
                role: .ignoreFile(covering: coveredByFile[file] ?? []), absolutePath: path, relativePath: file,
                original: original, updated: updated, creationMode: 0o644, verification: nil))
        }
        return (changes, outcomes)
    }

    /// The `.gitignore` in the file's own folder if present, else the nearest one above, else the root's.
    private func nearestIgnoreFile(for path: String) -> (file: String, folder: String) {
        var components = path.split(separator: "/").map(String.init)
        components.removeLast()
        while !components.isEmpty {
            let folder = components.joined(separator: "/")
            if FixFileSystem.kind(absolute(folder + "/.gitignore")) != .missing { return (folder + "/.gitignore", folder) }
            components.removeLast()
        }
        return (".gitignore", "")
    }

    private func absolute(_ relative: String) -> String { root + "/" + relative }

    /// A path made literal for gitignore: glob specials and a trailing space escaped.
    static func escape(_ path: String) -> String {
        var result = ""
        for character in path {
            if "*?[\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        if result.hasSuffix(" ") { result = String(result.dropLast()) + "\\ " }
        return result
    }

    /// `git rm --cached -- 'path'`, single-quoted for POSIX shells.
    static func untrackCommand(_ path: String) -> String {
        "git rm --cached -- '" + path.replacingOccurrencesOf("'", with: "'\\''") + "'"
    }
}

/// Line splitting for ignore files (CR dropped).
enum DotEnvLines {
    /// The lines of `bytes` without line endings.
    static func lines(_ bytes: [UInt8]) -> [String] {
        // Bytes, not Characters: Swift reads "\r\n" as one Character, which would hide the line feed.
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }
}

extension String {
    /// Every occurrence of the one-character `target` replaced (no Foundation needed).
    func replacingOccurrencesOf(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
