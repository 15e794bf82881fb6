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
    /// A hook manager owns the hooks; nothing was written. Add `snippet` to `file` (relative to the root).
    case useHookManager(HookManager, file: String, snippet: String)

    /// True when the hook file now runs alpaca-lint (installed, updated, unchanged or replaced).
    public var hookIsActive: Bool {
        switch self {
        case .installed, .updated, .unchanged, .replaced: return true
        case .refusedForeignHook, .useHookManager: return false
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
        case .useHookManager(let manager, let file, let snippet):
            return """
                this repository's hooks are managed by \(manager.rawValue); no hook file was written.
                Add this to \(file):

                \(snippet)
                """
        }
    }
}
