import AlpacaCore

/// Standard input as one fragment, named `--stdin-filename` (or `-`) so that path-based rules
/// such as the `.env` checks still apply.
public struct StdinSource: FragmentSource {
    /// The bytes read from standard input.
    public let bytes: [UInt8]
    /// The name the user gave the input.
    public let name: String
    /// No warnings of its own.
    public let warnings: [ScanWarning] = []
    /// Nothing left out.
    public let skipped = 0

    /// Creates the source.
    public init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    public mutating func produce(_ emit: (Fragment) -> Void) throws(ScanFailure) {
        // Piped text is not known to git: it is checked as an untracked, unignored file.
        emit(Fragment(
            content: .bytes(bytes), displayPath: name, repoPath: name, origin: .standardInput,
            gitState: Fragment.GitState(isTracked: false, isIgnored: false)))
    }
}
