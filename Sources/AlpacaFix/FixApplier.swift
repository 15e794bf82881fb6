import AlpacaIgnore

/// What applying a plan did.
public struct FixApplyResult: Sendable {
    /// Repository-relative paths written, in order.
    public var written: [String] = []
    /// Files left as they were, with the reason (stale since planning, a failed write, a failed ignore check).
    public var notWritten: [(path: String, reason: String)] = []
    /// What the ignore engine confirmed after the `.gitignore` writes.
    public var ignoreChecks: [String] = []

    /// True when every planned change was written.
    public var complete: Bool { notWritten.isEmpty }
}

/// Writes a `FixPlan`: ignore files first (then checks them with the ignore engine and rolls back on
/// failure), then `.env`, `.env.example`, and the code files last, so a value never leaves the code
/// before it is safe in an ignored `.env`. Every write is atomic and keeps the file's mode.
public struct FixApplier: Sendable {
    /// An applier.
    public init() {}

    /// Applies `plan`; files changed on disk since planning are left alone.
    public func apply(_ plan: FixPlan) -> FixApplyResult {
        var result = FixApplyResult()
        var stopCode: String?
        let ignoreChanges = plan.changes.filter { if case .ignoreFile = $0.role { return true } else { return false } }
        if !ignoreChanges.isEmpty {
            if let failure = applyIgnoreChanges(ignoreChanges, plan: plan, result: &result) { stopCode = failure }
        }
        for change in plan.changes {
            switch change.role {
            case .ignoreFile:
                continue
            case .environmentFile, .exampleFile:
                if let stopCode {
                    result.notWritten.append((change.relativePath, stopCode))
                    continue
                }
                if let failure = write(change) {
                    result.notWritten.append((change.relativePath, failure))
                    if change.role == .environmentFile { stopCode = "not written because .env could not be written (\(failure))" }
                } else {
                    result.written.append(change.relativePath)
                }
            case .code:
                if let stopCode {
                    result.notWritten.append((change.relativePath, stopCode))
                } else if let failure = write(change) {
                    result.notWritten.append((change.relativePath, failure))
                } else {
                    result.written.append(change.relativePath)
                }
            }
        }
        return result
    }

    /// Writes one change unless the file changed since planning; returns why not, or nil.
    private func write(_ change: FileChange) -> String? {
        let current = FixFileSystem.kind(change.absolutePath) == .missing ? nil : FixFileSystem.read(change.absolutePath)
        guard current == change.original else { return "the file changed since it was planned; run --fix again" }
        do {
            try FixFileSystem.writeAtomically(
                change.updated, to: change.absolutePath, creationMode: change.creationMode, restrictToOwner: change.restrictToOwner)
            return nil
        } catch {
            return error.description
        }
    }

    /// Writes the ignore files, then confirms with a fresh ignore engine that each covered path is
    /// ignored and that nothing ignored before became un-ignored; restores the old files otherwise.
    /// Returns a reason to stop the remaining writes when the root `.env` is not covered.
    private func applyIgnoreChanges(_ changes: [FileChange], plan: FixPlan, result: inout FixApplyResult) -> String? {
        let folders = changes.map { NSStringLike(path: $0.relativePath).deletingLastPathComponent }
        let before = Set(folders.flatMap { ignoredPaths(under: $0, root: plan.repositoryRoot) })
        var written: [FileChange] = []
        for change in changes {
            if let failure = write(change) {
                result.notWritten.append((change.relativePath, failure))
            } else {
                written.append(change)
            }
        }
        let matcher = IgnoreMatcher(root: plan.repositoryRoot)
        var failures: [String] = []
        for change in written {
            guard case .ignoreFile(let covering) = change.role else { continue }
            for path in covering {
                if matcher.isIgnored(relativePath: path, isDirectory: false) {
                    let rule = matcher.match(relativePath: path, isDirectory: false)?.description ?? change.relativePath
                    result.ignoreChecks.append("\(path) is now ignored (\(rule))")
                } else {
                    failures.append("\(path) is still not ignored after the change to \(change.relativePath)")
                }
            }
        }
        let after = Set(folders.flatMap { ignoredPaths(under: $0, root: plan.repositoryRoot) })
        let lost = before.subtracting(after)
        if !lost.isEmpty {
            failures.append("\(lost.count) path(s) ignored before are not any more, e.g. \(lost.sorted()[0])")
        }
        guard !failures.isEmpty else { return nil }
        // Roll back: the ignore files return to their old bytes (or go away if created).
        for change in written {
            if let original = change.original {
                try? FixFileSystem.writeAtomically(original, to: change.absolutePath, creationMode: change.creationMode)
            } else {
                FixFileSystem.remove(change.absolutePath)
            }
            result.written.removeAll { $0 == change.relativePath }
            result.notWritten.append((change.relativePath, "rolled back: " + failures.joined(separator: "; ")))
        }
        let rootCovered = changes.contains { change in
            if case .ignoreFile(let covering) = change.role { return covering.contains(".env") } else { return false }
        }
        return rootCovered ? "not written because the root .env could not be ignored (" + failures.joined(separator: "; ") + ")" : nil
    }

    /// Repository-relative paths below `folder` that git ignores, by the project's own ignore engine.
    private func ignoredPaths(under folder: String, root: String) -> [String] {
        let scanPath = folder.isEmpty ? root : root + "/" + folder
        let walker = Walker(scanPath: scanPath, options: WalkOptions(respectIgnore: false))
        guard let entries = try? walker.entries() else { return [] }
        return entries.filter(\.isIgnored).map(\.repoRelativePath)
    }
}

/// `deletingLastPathComponent` for '/'-separated relative paths, without Foundation.
private struct NSStringLike {
    let path: String
    var deletingLastPathComponent: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
