/// One unit of text for the scanner, whatever its source: a file of the working tree, a staged
/// blob, a blob of the history, standard input. Sources emit fragments; the engine scans them.
public struct Fragment: Sendable {
    /// Where the bytes come from.
    public enum Content: Sendable {
        /// A file to read (by the worker that scans it), named by the exact bytes of its path.
        case file(path: [UInt8])
        /// Bytes already in memory.
        case bytes([UInt8])
    }

    /// What produced the fragment; reports and post-passes may depend on it.
    public enum Origin: Sendable, Equatable, Hashable {
        /// A file in the working tree.
        case workingTree
        /// A blob staged for the next commit.
        case index
        /// Standard input.
        case standardInput
        /// A blob of the history, by object id.
        case blob(String)
    }

    /// What git says about the file, for the `.env` rules; nil when they do not apply.
    public struct GitState: Sendable, Equatable {
        /// git tracks the file (or, in a staged scan, is about to).
        public var isTracked: Bool
        /// An ignore rule covers it.
        public var isIgnored: Bool
        /// It is in the index of a `--staged` scan.
        public var isStaged: Bool

        /// Creates a state.
        public init(isTracked: Bool, isIgnored: Bool, isStaged: Bool = false) {
            self.isTracked = isTracked
            self.isIgnored = isIgnored
            self.isStaged = isStaged
        }
    }

    /// The bytes.
    public var content: Content
    /// The path shown in reports (as the user named it).
    public var displayPath: String
    /// The path relative to the repository root ('/' separators): fingerprints, path filters,
    /// configuration excludes and SARIF URIs use it.
    public var repoPath: String
    /// For a buffer made of selected lines: the real 1-based line number of each buffer line;
    /// nil when the buffer is the whole file.
    public var lineNumbers: [Int]?
    /// Only findings that start on these real lines are kept (a staged scan's added lines); nil keeps all.
    public var keepLines: Set<Int>?
    /// What produced it.
    public var origin: Origin
    /// git's view of the file, for the `.env` rules.
    public var gitState: GitState?

    /// Creates a fragment.
    public init(
        content: Content, displayPath: String, repoPath: String? = nil, lineNumbers: [Int]? = nil, keepLines: Set<Int>? = nil,
        origin: Origin = .workingTree, gitState: GitState? = nil
    ) {
        self.content = content
        self.displayPath = displayPath
        self.repoPath = repoPath ?? displayPath
        self.lineNumbers = lineNumbers
        self.keepLines = keepLines
        self.origin = origin
        self.gitState = gitState
    }

    /// The fragment without its bytes: what is kept after scanning.
    public var info: FragmentInfo {
        FragmentInfo(displayPath: displayPath, repoPath: repoPath, origin: origin, gitState: gitState)
    }
}

/// A fragment's identity after its bytes are gone.
public struct FragmentInfo: Sendable, Equatable {
    /// The path shown in reports.
    public var displayPath: String
    /// The path relative to the repository root.
    public var repoPath: String
    /// What produced it.
    public var origin: Fragment.Origin
    /// git's view of the file, for the `.env` rules.
    public var gitState: Fragment.GitState?

    /// Creates an identity.
    public init(displayPath: String, repoPath: String, origin: Fragment.Origin, gitState: Fragment.GitState?) {
        self.displayPath = displayPath
        self.repoPath = repoPath
        self.origin = origin
        self.gitState = gitState
    }
}

/// What the engine keeps of one scanned (or skipped) fragment.
public struct FragmentReport: Sendable {
    /// Which fragment.
    public var info: FragmentInfo
    /// Its findings, before the post-passes.
    public var findings: [Finding]
    /// Problems that kept part of it from being checked, or notes about it.
    public var warnings: [ScanWarning]
    /// Bytes scanned, or nil when it was skipped.
    public var bytesScanned: Int?
    /// Why it was skipped, when it was.
    public var skipped: SkipReason?
    /// Emission order, for deterministic results.
    public var sequence: Int
    /// What the `.env` rules learned from the file's contents.
    public var envContent = EnvContent()

    /// Creates a report.
    public init(info: FragmentInfo, findings: [Finding], warnings: [ScanWarning], bytesScanned: Int?, skipped: SkipReason?, sequence: Int) {
        self.info = info
        self.findings = findings
        self.warnings = warnings
        self.bytesScanned = bytesScanned
        self.skipped = skipped
        self.sequence = sequence
    }
}

/// What the `.env` rules learn from a file's contents, by rule id.
public struct EnvContent: Sendable, Equatable {
    /// Rules for which every setting in the file is public by design (`publicSettings`).
    public var publicSettingsOnly: Set<String> = []
    /// Rules whose `secretSettings` pattern occurs in the file.
    public var holdsSecretSettings: Set<String> = []

    /// Nothing learned.
    public init() {}
}
