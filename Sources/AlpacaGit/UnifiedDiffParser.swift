/// Parses git's unified diff output (`git diff-index -p -U0`, `git log -p -U0`) into one `FilePatch` per file.
///
/// Hunk bodies are read by the line counts of their `@@` headers, so an added line whose text
/// starts with `++ ` or `-- ` is never mistaken for a header. Any byte sequence is accepted:
/// malformed parts are skipped, never trapped on.
public enum UnifiedDiffParser {
    /// Every file patch in `bytes`, in order of appearance.
    public static func parse(_ bytes: [UInt8]) -> [FilePatch] {
        parse(bytes[...])
    }

    /// Every file patch in `bytes`, in order of appearance.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> [FilePatch] {
        var state = State()
        var lines = LineCursor(bytes)
        while let line = lines.peek() {
            lines.advance()
            if line.starts(with: Prefix.diffGit) {
                state.begin(FilePatch())
                if let names = DiffPathDecoder.gitLineNames(line.dropFirst(Prefix.diffGit.count)) {
                    state.current?.oldPath = names.old
                    state.current?.newPath = names.new
                }
            } else if line.starts(with: Prefix.combined) || line.starts(with: Prefix.diffCombined) {
                // Merge diffs use `@@@` headers and two-column prefixes; they are never scanned.
                state.finish()
                state.skippingCombined = true
            } else if state.skippingCombined {
                continue
            } else if line.starts(with: Prefix.hunk) {
                guard state.current != nil, let header = HunkHeader(line) else { continue }
                state.sawHunk = true
                readHunk(header, from: &lines, into: &state)
            } else {
                readHeader(line, into: &state)
            }
        }
        state.finish()
        return state.patches
    }

    private static func readHeader(_ line: ArraySlice<UInt8>, into state: inout State) {
        if line.starts(with: Prefix.oldName) {
            // A plain (non-git) unified diff starts each file with `---`; after hunks it must be a new file.
            if state.current == nil || state.sawHunk { state.begin(FilePatch()) }
            switch DiffPathDecoder.headerName(line.dropFirst(Prefix.oldName.count), stripping: Prefix.oldSide) {
            case .devNull:
                state.current?.oldPath = nil
                state.current?.isNew = true
            case .path(let name):
                state.current?.oldPath = name
            }
            return
        }
        guard state.current != nil else { return }
        if line.starts(with: Prefix.newName) {
            switch DiffPathDecoder.headerName(line.dropFirst(Prefix.newName.count), stripping: Prefix.newSide) {
            case .devNull:
                state.current?.newPath = nil
                state.current?.isDeleted = true
            case .path(let name):
                state.current?.newPath = name
            }
        } else if line.starts(with: Prefix.newFileMode) {
            state.current?.isNew = true
            state.current?.oldPath = nil
            applyNewMode(line.dropFirst(Prefix.newFileMode.count), to: &state)
        } else if line.starts(with: Prefix.deletedFileMode) {
            state.current?.isDeleted = true
            state.current?.newPath = nil
        } else if line.starts(with: Prefix.newMode) {
            applyNewMode(line.dropFirst(Prefix.newMode.count), to: &state)
        } else if line.starts(with: Prefix.index) {
            // `index abc..def 100644`: the trailing mode, when present, is the unchanged mode of both sides.
            if let space = line.lastIndex(of: UInt8(ascii: " ")), space > line.startIndex + Prefix.index.count {
                applyNewMode(line[(space + 1)...], to: &state)
            }
        } else if line.starts(with: Prefix.renameFrom) {
            state.current?.isRename = true
            state.current?.oldPath = DiffPathDecoder.plainName(line.dropFirst(Prefix.renameFrom.count))
        } else if line.starts(with: Prefix.renameTo) {
            state.current?.isRename = true
            state.current?.newPath = DiffPathDecoder.plainName(line.dropFirst(Prefix.renameTo.count))
        } else if line.starts(with: Prefix.copyFrom) {
            state.current?.isCopy = true
            state.current?.oldPath = DiffPathDecoder.plainName(line.dropFirst(Prefix.copyFrom.count))
        } else if line.starts(with: Prefix.copyTo) {
            state.current?.isCopy = true
            state.current?.newPath = DiffPathDecoder.plainName(line.dropFirst(Prefix.copyTo.count))
        } else if line.starts(with: Prefix.binaryFiles) || line.starts(with: Prefix.binaryPatch) {
            state.current?.isBinary = true
        }
    }

    private static func applyNewMode(_ mode: ArraySlice<UInt8>, to state: inout State) {
        if mode.elementsEqual(Prefix.gitlinkMode) { state.current?.isSubmodule = true }
        if mode.elementsEqual(Prefix.symlinkMode) { state.current?.isSymlink = true }
    }

    /// Consumes the hunk body: exactly `oldCount` old-side and `newCount` new-side lines (plus `\` markers).
    private static func readHunk(_ header: HunkHeader, from lines: inout LineCursor, into state: inout State) {
        var oldLeft = header.oldCount
        var newLeft = header.newCount
        var lineNumber = header.newStart
        var added: [AddedLine] = []
        body: while oldLeft > 0 || newLeft > 0, let line = lines.peek() {
            switch line.first {
            case UInt8(ascii: "+"):
                guard newLeft > 0 else { break body }
                added.append(AddedLine(line: lineNumber, bytes: Array(line.dropFirst())))
                lineNumber += 1
                newLeft -= 1
            case UInt8(ascii: "-"):
                guard oldLeft > 0 else { break body }
                oldLeft -= 1
            case UInt8(ascii: " "), nil:
                // Context (only with -U1 and up, or diff.interHunkContext); an empty line is a context
                // line whose lone space was dropped (diff.suppressBlankEmpty).
                guard oldLeft > 0, newLeft > 0 else { break body }
                oldLeft -= 1
                newLeft -= 1
                lineNumber += 1
            case UInt8(ascii: "\\"):
                // "\ No newline at end of file": the previous line simply had no newline.
                break
            default:
                break body
            }
            lines.advance()
        }
        state.current?.addedLines.append(contentsOf: added)
    }

    /// The patch being built and the finished ones.
    private struct State {
        var patches: [FilePatch] = []
        var current: FilePatch?
        var sawHunk = false
        var skippingCombined = false

        mutating func begin(_ patch: FilePatch) {
            finish()
            current = patch
            skippingCombined = false
        }

        mutating func finish() {
            if let current { patches.append(current) }
            current = nil
            sawHunk = false
        }
    }

    /// Header prefixes as bytes, so that matching never decodes a line.
    private enum Prefix {
        static let diffGit = Array("diff --git ".utf8)
        static let combined = Array("diff --cc ".utf8)
        static let diffCombined = Array("diff --combined ".utf8)
        static let hunk = Array("@@ ".utf8)
        static let oldName = Array("--- ".utf8)
        static let newName = Array("+++ ".utf8)
        static let oldSide = Array("a/".utf8)
        static let newSide = Array("b/".utf8)
        static let newFileMode = Array("new file mode ".utf8)
        static let deletedFileMode = Array("deleted file mode ".utf8)
        static let newMode = Array("new mode ".utf8)
        static let index = Array("index ".utf8)
        static let renameFrom = Array("rename from ".utf8)
        static let renameTo = Array("rename to ".utf8)
        static let copyFrom = Array("copy from ".utf8)
        static let copyTo = Array("copy to ".utf8)
        static let binaryFiles = Array("Binary files ".utf8)
        static let binaryPatch = Array("GIT binary patch".utf8)
        static let gitlinkMode = Array("160000".utf8)
        static let symlinkMode = Array("120000".utf8)
    }
}
