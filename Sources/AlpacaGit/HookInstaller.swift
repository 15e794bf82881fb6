import Foundation

/// Installs the pre-commit hook that runs `alpaca-lint --staged`, without ever clobbering someone else's hook.
///
/// Behaviour, in order:
/// 1. The hook file is where git looks for it: `git rev-parse --git-path hooks/pre-commit`, which
///    follows `core.hooksPath`, linked worktrees (hooks are shared) and submodules.
/// 2. Our own hook (it carries `HookScript.marker`) is rewritten: installing twice is harmless.
/// 3. A hook manager (husky, lefthook, pre-commit) owns the hooks: nothing is written, even with
///    `force`, because the manager would overwrite or bypass the file; the outcome carries the snippet
///    for the manager's own configuration.
/// 4. Someone else's hook: refused without `force`; with `force` it is moved to
///    `pre-commit.alpaca-lint-backup` (numbered if that exists) and ours is written.
///
/// Before any of this, when `commandSearchPath` is given and `alpaca-lint` is not found on it, nothing
/// is written without `force`: such a hook (or manager entry) would stop every commit.
public struct HookInstaller: Sendable {
    /// The runner for the directory the user ran `install-hook` in.
    public let runner: GitRunner
    /// The PATH the hook will search for `alpaca-lint` (the CLI passes its own); nil skips that check.
    public let commandSearchPath: String?

    /// Creates an installer for the repository containing `runner.directory`.
    public init(runner: GitRunner, commandSearchPath: String? = nil) {
        self.runner = runner
        self.commandSearchPath = commandSearchPath
    }

    /// Where `alpaca-lint` resolves on `searchPath`, as the hook's `command -v alpaca-lint` would find it; nil when it does not.
    public static func locateCommand(searchPath: String) -> String? {
        ExecutableLocator.find("alpaca-lint", searchPath: searchPath)
    }

    /// Absolute path of the file git runs as the pre-commit hook for this repository.
    public func hookPath() throws(GitError) -> String {
        let reported = try runner.text(["rev-parse", "--git-path", "hooks/pre-commit"])
        // git answers relative to the directory it ran in (`-C`), so resolve against that, not our cwd.
        let base = URL(fileURLWithPath: runner.directory, isDirectory: true)
        return URL(fileURLWithPath: reported, relativeTo: base).standardizedFileURL.path
    }

    /// Installs or updates the hook, or explains why not; `force` replaces a foreign hook (keeping a backup).
    public func install(force: Bool = false) throws(GitError) -> HookInstallOutcome {
        let info = try RepositoryInfo.load(runner)
        // git never runs pre-commit in a bare repository: nothing is committed there.
        if info.isBare { throw GitError.bareRepository(gitDir: info.gitDir) }
        let path = try hookPath()
        if let commandSearchPath, !force, Self.locateCommand(searchPath: commandSearchPath) == nil {
            return .commandNotOnPath(path: path)
        }
        let existing = try HookFileWriter.read(path)

        if let existing, HookScript.isOurs(existing) {
            if existing == HookScript.text { return .unchanged(path: path) }
            try HookFileWriter.write(HookScript.text, to: path)
            return .updated(path: path)
        }

        let hooksPath = try runner.run(["config", "--get", "core.hooksPath"], acceptedStatus: [0, 1])
        let configuredHooksPath = hooksPath.status == 0 ? hooksPath.text : nil
        let rootEntries = Self.entries(of: info.root)
        if let manager = HookManager.detect(hooksPath: configuredHooksPath, rootEntries: rootEntries, existingHook: existing) {
            let file = manager.configFile(rootEntries: rootEntries)
            let current = info.root.flatMap { root in try? HookFileWriter.read(URL(fileURLWithPath: root).appendingPathComponent(file).path) }
            let (placement, snippet) = manager.plan(existing: current)
            return .useHookManager(manager, file: file, snippet: snippet, placement: placement)
        }

        guard existing != nil else {
            try HookFileWriter.write(HookScript.text, to: path)
            return .installed(path: path)
        }
        guard force else {
            return .refusedForeignHook(path: path, chainLine: "alpaca-lint --staged || exit 1")
        }
        let backup = try HookFileWriter.moveToBackup(path)
        try HookFileWriter.write(HookScript.text, to: path)
        return .replaced(path: path, backup: backup)
    }

    /// Names in the root directory (only the few manager config files matter); empty without a working tree.
    private static func entries(of root: String?) -> Set<String> {
        guard let root, let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return Set(names)
    }
}
