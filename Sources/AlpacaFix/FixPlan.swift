/// One replacement in a file: `range` (byte offsets of the original) becomes `replacement`.
struct TextEdit: Sendable, Hashable {
    /// Byte range of the original file to replace (empty for an insertion).
    var range: Range<Int>
    /// The bytes that take its place.
    var replacement: [UInt8]
}

/// A region in the scanner's coordinates: 1-based lines, 1-based Unicode-scalar columns, end exclusive.
public struct FixRegion: Sendable, Hashable, Codable {
    /// First line.
    public let startLine: Int
    /// First column.
    public let startColumn: Int
    /// Last line.
    public let endLine: Int
    /// Column after the last scalar (equal to `startColumn` on the same line for an insertion).
    public let endColumn: Int

    /// A region from its four coordinates.
    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// One SARIF `replacement`: the region of the original file that is deleted and the text inserted there.
public struct FixReplacement: Sendable, Hashable, Codable {
    /// The deleted region (empty for a pure insertion).
    public let deletedRegion: FixRegion
    /// The inserted text (code only: an environment read, an import, a comment; never a secret).
    public let insertedContent: String
}

/// One SARIF `artifactChange`: a file and its replacements, in file order.
public struct FixArtifactChange: Sendable, Hashable, Codable {
    /// Repository-relative path, '/'-separated.
    public let path: String
    /// The replacements; they never overlap.
    public let replacements: [FixReplacement]
}

/// What SARIF `fixes[]` needs for one finding: a description and the code changes. It never includes
/// `.env` content, so a SARIF file that carries it holds no secret.
public struct SARIFFix: Sendable, Hashable, Codable {
    /// `fix.description.text`.
    public let description: String
    /// `fix.artifactChanges`.
    public let artifactChanges: [FixArtifactChange]
}

/// The fixer's verdict on one finding.
public struct FindingOutcome: Sendable, Hashable {
    /// True when the plan removes the finding's cause.
    public let fixable: Bool
    /// What the fix does, or why there is none ("needs a manual fix: …").
    public let reason: String
    /// The environment variable the value moves to, when there is one.
    public let variableName: String?
    /// The code changes for SARIF `fixes`, for fixable findings in code files.
    public let sarifFix: SARIFFix?

    /// The JSON report's `fix` object: `{"fixable": …, "reason": …}`.
    public var jsonSummary: [String: FixJSONValue] {
        var object: [String: FixJSONValue] = ["fixable": .bool(fixable), "reason": .string(reason)]
        if let variableName { object["variable"] = .string(variableName) }
        return object
    }
}

/// A scalar for `FindingOutcome.jsonSummary`, so the reporter needs no knowledge of this module's types.
public enum FixJSONValue: Sendable, Hashable {
    /// A JSON boolean.
    case bool(Bool)
    /// A JSON string.
    case string(String)
}

/// A whole-file change the plan makes: the new bytes of a code file, `.env`, `.env.example` or a `.gitignore`.
public struct FileChange: Sendable, Hashable {
    /// What kind of file it is, which decides the write order and what may be shown.
    public enum Role: Sendable, Hashable {
        /// A source file whose literals become environment reads.
        case code(SourceLanguage)
        /// The repository's `.env` (holds secrets: never shown unredacted, never in SARIF).
        case environmentFile
        /// `.env.example` (names and placeholders only).
        case exampleFile
        /// A `.gitignore` gaining rules for the listed repository-relative paths.
        case ignoreFile(covering: [String])
    }

    /// What kind of file it is.
    public let role: Role
    /// Absolute path on disk.
    public let absolutePath: String
    /// Repository-relative path, '/'-separated.
    public let relativePath: String
    /// The bytes read when planning; nil when the file does not exist yet.
    public let original: [UInt8]?
    /// The bytes to write.
    public let updated: [UInt8]
    /// Permission bits for a file that is created (existing files keep theirs).
    public let creationMode: UInt32
    /// True for `.env`: an existing file loses its group and other permission bits (0644 becomes
    /// 0600), because it now holds the moved secrets.
    public var restrictToOwner: Bool { role == .environmentFile }
    /// How the new content was checked: "python3 compile", "not checked: …", or nil for non-code files.
    public let verification: String?
}

/// Everything `--fix` would do to a repository; building it writes nothing.
public struct FixPlan: Sendable {
    /// Canonical repository root.
    public let repositoryRoot: String
    /// The findings as given, in order.
    public let findings: [FixFinding]
    /// One outcome per finding, same order.
    public let outcomes: [FindingOutcome]
    /// The file changes, in the order they must be written (ignore files, .env, .env.example, code).
    public let changes: [FileChange]
    /// `git rm --cached -- 'path'` commands for tracked `.env` files: printed, never run.
    public let untrackCommands: [String]
    /// Names appended to `.env`, in order (values are in the `.env` change only).
    public let movedVariables: [String]
    /// Names reused from an existing `.env` entry holding the same value.
    public let reusedVariables: [String]
    /// True when the planned `.env.example` is itself ignored by git (e.g. by a `.env*` rule), so it
    /// would not be committed; the summary suggests `!/.env.example`.
    public var exampleIgnored = false

    /// True when the plan changes no file.
    public var isEmpty: Bool { changes.isEmpty }
}
