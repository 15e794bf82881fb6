/// Everything that can go wrong when alpaca-lint asks git for something; messages never quote file contents.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No executable named `git` in any directory of PATH (the searched PATH value is kept).
    case gitNotFound(searchedPath: String)
    /// The directory is not inside a git repository (or cannot be entered).
    case notARepository(directory: String)
    /// The directory is inside a repository's git directory (e.g. `.git/`), which has no working tree or index of its own.
    case noWorkTree(directory: String)
    /// The repository has no commit yet, so there is no history to read.
    case noCommits
    /// The repository is bare: it has no index or working tree, so nothing is staged or committed there.
    case bareRepository(gitDir: String)
    /// A revision given by the user (for example `--since REV`) does not name a commit.
    case invalidRevision(String)
    /// A revision range given by the user is not of the form `A..B` or `A...B`.
    case invalidRange(String)
    /// git could not find an object alpaca-lint asked for (a blob id or `:path`).
    case badObject(String)
    /// git could not be started at all (the reason comes from the operating system).
    case launchFailed(executable: String, reason: String)
    /// git ran and exited with a failure status; `stderr` is git's own message, trimmed.
    case commandFailed(arguments: [String], status: Int32, stderr: String)
    /// git's output did not have the shape alpaca-lint expects (only the command and a short reason are kept).
    case unexpectedOutput(command: String, reason: String)
    /// Reading or writing a file (the hook, its backup) failed.
    case fileAccess(path: String, reason: String)

    /// A one-paragraph message for the user.
    public var description: String {
        switch self {
        case .gitNotFound(let searchedPath):
            return
                "git not found on PATH (\(searchedPath.isEmpty ? "PATH is empty" : searchedPath)); install git or fix PATH"
        case .notARepository(let directory):
            return "not a git repository: \(directory)"
        case .noWorkTree(let directory):
            return "\(directory) is inside a git directory, not a working tree; run alpaca-lint from the working tree"
        case .noCommits:
            return "repository has no commits"
        case .bareRepository(let gitDir):
            return
                "\(gitDir) is a bare repository: it has no working tree or index, so nothing is staged or committed there (--history works)"
        case .invalidRevision(let revision):
            return "invalid revision '\(revision)': it does not name a commit in this repository"
        case .invalidRange(let text):
            return "invalid revision range '\(text)': expected A..B or A...B (an empty side means HEAD)"
        case .badObject(let name):
            return "git has no object '\(name)'"
        case .launchFailed(let executable, let reason):
            return "could not run \(executable): \(reason)"
        case .commandFailed(let arguments, let status, let stderr):
            let command = (["git"] + arguments).joined(separator: " ")
            let detail = stderr.isEmpty ? "" : ": \(stderr)"
            return "`\(command)` failed with exit status \(status)\(detail)"
        case .unexpectedOutput(let command, let reason):
            return "unexpected output from `git \(command)`: \(reason)"
        case .fileAccess(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
