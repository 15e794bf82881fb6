/// The POSIX-sh pre-commit hook that `alpaca-lint install-hook` writes.
public enum HookScript {
    /// The comment line that marks a hook as ours; a hook without it is someone else's and is never overwritten silently.
    public static let marker = "# alpaca-lint pre-commit hook"

    /// The full script text (starts with `#!/bin/sh`, carries `marker`, ends with a newline).
    ///
    /// It never passes a commit it did not check: a missing `alpaca-lint`, one that cannot start
    /// (126/127) or a scan that fails (2) stops the commit with a message saying what happened and
    /// how to skip the check once.
    public static let text = """
        #!/bin/sh
        \(marker)
        # Installed by `alpaca-lint install-hook`; run it again to update, delete this file to remove.
        # Scans only what is staged for this commit (the index), added lines only.

        if ! command -v alpaca-lint >/dev/null 2>&1; then
            cat >&2 <<'ALPACA_LINT_MISSING'
        alpaca-lint pre-commit hook: `alpaca-lint` is not on PATH, so this commit was not checked and was stopped.
          - Install alpaca-lint or put its folder on PATH, then commit again
            (`alpaca-lint install-hook` prints where the binary is). Git GUIs and IDEs may use another PATH than your shell.
          - To commit once without the check: git commit --no-verify
        ALPACA_LINT_MISSING
            exit 1
        fi

        alpaca-lint --staged
        status=$?
        case "$status" in
        0)
            exit 0
            ;;
        1)
            cat >&2 <<'ALPACA_LINT_HELP'

        alpaca-lint stopped this commit (see above).
          - Move the key out of the code: read it from the environment or a secrets manager.
          - A false positive? Add the comment `alpaca-lint:allow` on that line (e.g. `# alpaca-lint:allow`),
            or record current findings in a baseline and pass it with `--baseline FILE`.
          - To bypass this hook once: git commit --no-verify
        ALPACA_LINT_HELP
            ;;
        *)
            echo "" >&2
            echo "alpaca-lint could not check this commit (exit status $status; see the message above), so it was stopped." >&2
            echo "  - Fix what the message names (126/127: the alpaca-lint on PATH cannot start), then commit again." >&2
            echo "  - To commit once without the check: git commit --no-verify" >&2
            ;;
        esac
        exit "$status"

        """

    /// True when `content` is a hook written by alpaca-lint (any version): it carries the marker line.
    public static func isOurs(_ content: String) -> Bool {
        content.split(separator: "\n", omittingEmptySubsequences: false)
            .contains { $0.trimmingTrailingCarriageReturn() == marker }
    }
}

extension Substring {
    fileprivate func trimmingTrailingCarriageReturn() -> Substring {
        hasSuffix("\r") ? dropLast() : self
    }
}
