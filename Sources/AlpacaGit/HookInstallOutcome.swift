/// What `HookInstaller.install` did, or why it did nothing; `description` is the message for the user.
public enum HookInstallOutcome: Sendable, Equatable, CustomStringConvertible {
    /// A new hook was written at `path` (absolute).
    case installed(path: String)
    /// Our own hook was already at `path`; it was rewritten with the current script.
    case updated(path: String)
    /// Our own hook was already at `path` with the current script; nothing was written.
    case unchanged(path: String)
    /// With `force`, someone else's hook at `path` was moved to `backup` and ours written in its place.
    case replaced(path: String, backup: String)
    /// Someone else's hook is at `path`; nothing was written. `chainLine` can be added to that hook instead.
    case refusedForeignHook(path: String, chainLine: String)
    /// A hook manager owns the hooks; nothing was written. Put `snippet` into `file` (relative to the root) at `placement`.
    case useHookManager(HookManager, file: String, snippet: String, placement: SnippetPlacement)
    /// `alpaca-lint` is not on the PATH the hook will see, so a hook at `path` would stop every commit; nothing was written.
    case commandNotOnPath(path: String)

    /// True when alpaca-lint now runs before each commit: our hook is in place, or the manager's config already runs it.
    public var hookIsActive: Bool {
        switch self {
        case .installed, .updated, .unchanged, .replaced: return true
        case .useHookManager(_, _, _, let placement): return placement == .alreadyPresent
        case .refusedForeignHook, .commandNotOnPath: return false
        }
    }

    /// A message for the user saying what happened and, when nothing was written, what to do.
    public var description: String {
        switch self {
        case .installed(let path):
            return "installed the alpaca-lint pre-commit hook at \(path)"
        case .updated(let path):
            return "updated the alpaca-lint pre-commit hook at \(path)"
        case .unchanged(let path):
            return "the alpaca-lint pre-commit hook at \(path) is already up to date"
        case .replaced(let path, let backup):
            return "replaced the existing pre-commit hook at \(path) (the old one was moved to \(backup))"
        case .refusedForeignHook(let path, let chainLine):
            return """
                a pre-commit hook that alpaca-lint did not write already exists at \(path); it was left alone.
                Either add this line to it to run both:
                    \(chainLine)
                or run `alpaca-lint install-hook --force` to replace it (the old hook is kept as a backup).
                """
        case .useHookManager(let manager, let file, let snippet, let placement):
            let head = "this repository's hooks are managed by \(manager.rawValue); no hook file was written."
            let after = manager.afterEditing.map { "\n\($0)" } ?? ""
            switch placement {
            case .alreadyPresent:
                return "\(head)\n\(file) already runs alpaca-lint; nothing to add."
            case .append:
                return "\(head)\nAdd these lines at the end of \(file) (create it if it does not exist):\n\n\(snippet)\(after)"
            case .insertAfter(let line, let text):
                return """
                    \(head)
                    Insert these lines into \(file) right after line \(line) (`\(text.drop { $0 == " " })`), keeping their indentation:

                    \(snippet)\(after)
                    """
            case .mergeByHand(let section):
                return """
                    \(head)
                    \(file) writes `\(section)` in a form this command does not place lines in (flow style or an anchor).
                    Merge this into the existing `\(section)` by hand; do not add a second `\(section.split(separator: ".").first ?? "")` key:

                    \(snippet)\(after)
                    """
            }
        case .commandNotOnPath(let path):
            return """
                `alpaca-lint` is not on PATH, so a hook at \(path) would stop every commit; nothing was written.
                """
        }
    }
}
