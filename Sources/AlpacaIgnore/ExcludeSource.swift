/// Where a repository-wide exclude file comes from (core.excludesFile or `$GIT_DIR/info/exclude`).
public enum ExcludeSource: Sendable, Hashable {
    /// Find it as git does (git config / XDG default for excludesFile, the repository's git dir for info/exclude).
    case automatic
    /// Use no such file.
    case none
    /// Use this file (tests inject paths this way).
    case path(String)
}
