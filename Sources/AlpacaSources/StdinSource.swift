import AlpacaCore
import AlpacaGit
import AlpacaIgnore
import Foundation

/// Standard input as one fragment, named `--stdin-filename` (or `-`) so that path-based rules
/// such as the `.env` checks still apply.
///
/// A given name is treated like the path of a file in the folder the scan started from: it is
/// placed relative to the repository root (SARIF URIs, fingerprints, excludes), and git's view of
/// that path (ignored? tracked?) decides the `.env` rules, as it would for the file itself.
public struct StdinSource: FragmentSource {
    /// The bytes read from standard input.
    public let bytes: [UInt8]
    /// The name the user gave the input.
    public let name: String
    /// The folder the scan was started from; a relative `name` is relative to it.
    public let directory: String
    /// A note when git could not say whether the named file is tracked.
    public private(set) var warnings: [ScanWarning] = []
    /// Nothing left out.
    public let skipped = 0

    /// Creates the source.
    public init(bytes: [UInt8], name: String, directory: String) {
        self.bytes = bytes
        self.name = name
        self.directory = directory
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        var repoPath = name
        // Unnamed piped text is not a file git knows about: untracked and unignored.
        var state = Fragment.GitState(isTracked: false, isIgnored: false)
        if name != "-", let placed = Self.place(name, directory: directory) {
            repoPath = placed.repoPath
            state.isIgnored = IgnoreMatcher(root: placed.root).isIgnored(relativePath: placed.repoPath, isDirectory: false)
            if placed.inRepository { state.isTracked = isTracked(placed.repoPath, root: placed.root) }
        }
        emit(Fragment(content: .bytes(bytes), displayPath: name, repoPath: repoPath, origin: .standardInput, gitState: state))
    }

    /// Where a file named `name` would be: the repository root holding it (else `directory`, as
    /// the walk does outside a repository) and its path below that root. A name that leads out of
    /// the root keeps only its last component, so that no `..` or absolute path reaches a report.
    static func place(_ name: String, directory: String) -> (root: String, repoPath: String, inRepository: Bool)? {
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        let lexical = URL(fileURLWithPath: name, relativeTo: base).standardizedFileURL
        // The file itself need not exist: resolve symlinks in the deepest folder that does.
        var existing = lexical.deletingLastPathComponent()
        var rest = [lexical.lastPathComponent]
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let folder = existing.resolvingSymlinksInPath().path
        let absolute = ([folder == "/" ? "" : folder] + rest).joined(separator: "/")
        let repositoryRoot = findRepositoryRoot(startingAt: folder)
        let root = repositoryRoot ?? base.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard absolute.hasPrefix(prefix), absolute.count > prefix.count else {
            return lexical.lastPathComponent.isEmpty ? nil : (root, lexical.lastPathComponent, false)
        }
        return (root, String(absolute.dropFirst(prefix.count)), repositoryRoot != nil)
    }

    /// Whether git tracks `repoPath`; false, with a note, when git cannot say.
    private mutating func isTracked(_ repoPath: String, root: String) -> Bool {
        do {
            let output = try GitRunner(directory: root).run(["ls-files", "-z", "--full-name", "--", ":(top,literal)" + repoPath])
            return !output.stdout.isEmpty
        } catch {
            warnings.append(ScanWarning(
                path: name, message: "cannot ask git whether \(repoPath) is tracked (\(error)); the .env checks treat it as untracked",
                isIncomplete: false, repoPath: repoPath))
            return false
        }
    }
}
