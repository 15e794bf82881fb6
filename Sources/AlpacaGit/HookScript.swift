/// The POSIX-sh pre-commit hook that `alpaca-lint install-hook` writes.
public enum HookScript {
    /// The comment line that marks a hook as ours; a hook without it is someone else's and is never overwritten silently.
    public static let marker = "# alpaca-lint pre-commit hook"

    /// The full script text (starts with `#!/bin/sh`, carries `marker`, ends with a newline).
    public static let text = """
        #!/bin/sh
        \(marker)
        # Installed by `alpaca-lint install-hook`; run it again to update, delete this file to remove.
        # Scans only what is staged for this commit (the index), added lines only.

        if ! command -v alpaca-lint >/dev/null 2>&1; then
            echo "alpaca-lint not found on PATH; install it or run \\`git commit --no-verify\\` to skip once" >&2
            exit 1
        fi

        alpaca-lint --staged
        status=$?
        if [ "$status" -ne 0 ]; then
            cat >&2 <<'ALPACA_LINT_HELP'

        alpaca-lint stopped this commit (see above).
          - Move the key out of the code: read it from the environment or a secrets manager.
          - A false positive? Add the comment `alpaca-lint:allow` on that line (e.g. `# alpaca-lint:allow`),
            or record current findings in a baseline and pass it with `--baseline FILE`.
          - To bypass this hook once: git commit --no-verify
        ALPACA_LINT_HELP
            exit "$status"
        fi
        exit 0

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
