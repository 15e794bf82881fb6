import Testing

@testable import AlpacaGit

@Suite("Unified diff parser")
struct UnifiedDiffParserTests {
    private func parse(_ text: String) -> [FilePatch] {
        UnifiedDiffParser.parse(Array(text.utf8))
    }

    private func lines(_ patch: FilePatch) -> [String] {
        patch.addedLines.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func newFileAddedLinesAreNumberedFromOne() {
        let patches = parse(
            """
            diff --git a/bot.py b/bot.py
            new file mode 100644
            index 0000000..1111111
            --- /dev/null
            +++ b/bot.py
            @@ -0,0 +1,2 @@
            +import os
            +KEY = "PKFAKEEXAMPLE0000000"

            """)
        #expect(patches.count == 1)
        #expect(patches[0].oldPath == nil)
        #expect(patches[0].newPath == "bot.py")
        #expect(patches[0].isNew)
        #expect(patches[0].addedLines.map(\.line) == [1, 2])
        #expect(lines(patches[0]) == ["import os", "KEY = \"PKFAKEEXAMPLE0000000\""])
    }

    @Test func multipleHunksUseTheNewSideLineNumbers() {
        let patches = parse(
            """
            diff --git a/a.txt b/a.txt
            index 1111111..2222222 100644
            --- a/a.txt
            +++ b/a.txt
            @@ -2 +2 @@
            -old two
            +new two
            @@ -10,0 +11,2 @@ def section():
            +eleven
            +twelve
            @@ -20,2 +21,0 @@
            -gone
            -gone too

            """)
        #expect(patches.count == 1)
        #expect(patches[0].addedLines.map(\.line) == [2, 11, 12])
        #expect(lines(patches[0]) == ["new two", "eleven", "twelve"])
    }

    @Test func addedLinesThatLookLikeHeadersStayContent() {
        // "++ x" and "-- y" as added text become "+++ x" / "+-- y" in the diff.
        let patches = parse(
            """
            diff --git a/notes.md b/notes.md
            index 1111111..2222222 100644
            --- a/notes.md
            +++ b/notes.md
            @@ -1 +1,3 @@
            --- removed
            +++ not a header
            +diff --git a/x b/x
            +@@ -1 +1 @@

            """)
        #expect(patches.count == 1)
        #expect(lines(patches[0]) == ["++ not a header", "diff --git a/x b/x", "@@ -1 +1 @@"])
    }

    @Test func renameTakesNamesFromRenameLines() {
        let patches = parse(
            """
            diff --git a/old name.py b/new name.py
            similarity index 90%
            rename from old name.py
            rename to new name.py
            index 1111111..2222222 100644
            --- a/old name.py\t
            +++ b/new name.py\t
            @@ -3,0 +4 @@
            +added during the move

            """)
        #expect(patches.count == 1)
        #expect(patches[0].isRename)
        #expect(patches[0].oldPath == "old name.py")
        #expect(patches[0].newPath == "new name.py")
        #expect(patches[0].addedLines == [AddedLine(line: 4, bytes: Array("added during the move".utf8))])
    }

    @Test func pureRenameWithoutHunksKeepsBothNames() {
        let patches = parse(
            """
            diff --git a/a.txt b/b.txt
            similarity index 100%
            rename from a.txt
            rename to b.txt

            """)
        #expect(patches.count == 1)
        #expect(patches[0].oldPath == "a.txt" && patches[0].newPath == "b.txt")
        #expect(patches[0].addedLines.isEmpty)
    }

    @Test func pathWithSpacesEndsAtTheTab() {
        let patches = parse(
            "diff --git a/my dir/x y.txt b/my dir/x y.txt\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/my dir/x y.txt\t\n@@ -0,0 +1 @@\n+a b\n"
        )
        #expect(patches.map(\.newPath) == ["my dir/x y.txt"])
        #expect(lines(patches[0]) == ["a b"])
    }

    @Test func quotedOctalEscapedNamesAreDecoded() {
        let patches = parse(
            """
            diff --git "a/caf\\303\\251 \\"q\\".txt" "b/caf\\303\\251 \\"q\\".txt"
            new file mode 100644
            index 0000000..1111111
            --- /dev/null
            +++ "b/caf\\303\\251 \\"q\\".txt"
            @@ -0,0 +1 @@
            +x

            """)
        #expect(patches.map(\.newPath) == ["café \"q\".txt"])
    }

    @Test func quotedNamesOnTheGitLineAloneAreDecodedForBinaryFiles() {
        let patches = parse(
            """
            diff --git "a/t\\303\\274r.png" "b/t\\303\\274r.png"
            new file mode 100644
            index 0000000..1111111
            Binary files /dev/null and "b/t\\303\\274r.png" differ

            """)
        #expect(patches.count == 1)
        #expect(patches[0].newPath == "tür.png")
        #expect(patches[0].isBinary)
        #expect(!patches[0].hasScannableText)
    }

    @Test func nonASCIINamesPassThroughWhenQuotePathIsOff() {
        let patches = parse(
            "diff --git a/ü dir/ß.txt b/ü dir/ß.txt\nnew file mode 100644\n--- /dev/null\n+++ b/ü dir/ß.txt\t\n@@ -0,0 +1 @@\n+ä\n"
        )
        #expect(patches.map(\.newPath) == ["ü dir/ß.txt"])
        #expect(lines(patches[0]) == ["ä"])
    }

    @Test func noNewlineMarkerDoesNotCountAsALine() {
        let patches = parse(
            """
            diff --git a/k.env b/k.env
            index 1111111..2222222 100644
            --- a/k.env
            +++ b/k.env
            @@ -1 +1,2 @@
            -A=1
            \\ No newline at end of file
            +A=1
            +B=2
            \\ No newline at end of file
            diff --git a/next.txt b/next.txt
            new file mode 100644
            --- /dev/null
            +++ b/next.txt
            @@ -0,0 +1 @@
            +n

            """)
        #expect(patches.count == 2)
        #expect(patches[0].addedLines.map(\.line) == [1, 2])
        #expect(lines(patches[0]) == ["A=1", "B=2"])
        #expect(lines(patches[1]) == ["n"])
    }

    @Test func deletedFileIsMarkedAndNotScannable() {
        let patches = parse(
            """
            diff --git a/secret.env b/secret.env
            deleted file mode 100644
            index 1111111..0000000
            --- a/secret.env
            +++ /dev/null
            @@ -1 +0,0 @@
            -KEY=PKFAKEEXAMPLE0000000

            """)
        #expect(patches.count == 1)
        #expect(patches[0].isDeleted)
        #expect(patches[0].newPath == nil)
        #expect(patches[0].path == "secret.env")
        #expect(!patches[0].hasScannableText)
        #expect(patches[0].addedLines.isEmpty)
    }

    @Test func submoduleAndSymlinkChangesAreNotScannable() {
        let patches = parse(
            """
            diff --git a/vendor/lib b/vendor/lib
            new file mode 160000
            index 0000000..1111111
            --- /dev/null
            +++ b/vendor/lib
            @@ -0,0 +1 @@
            +Subproject commit 1111111111111111111111111111111111111111
            diff --git a/link b/link
            new file mode 120000
            --- /dev/null
            +++ b/link
            @@ -0,0 +1 @@
            +target
            \\ No newline at end of file

            """)
        #expect(patches.count == 2)
        #expect(patches[0].isSubmodule && !patches[0].hasScannableText)
        #expect(patches[1].isSymlink && !patches[1].hasScannableText)
    }

    @Test func carriageReturnsAndArbitraryBytesAreKeptRaw() {
        var bytes = Array("diff --git a/w.bat b/w.bat\n--- a/w.bat\n+++ b/w.bat\n@@ -0,0 +1,2 @@\n+set K=1\r\n+".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x41]
        bytes += Array("\n".utf8)
        let patches = UnifiedDiffParser.parse(bytes)
        #expect(patches.count == 1)
        #expect(patches[0].addedLines[0].bytes == Array("set K=1\r".utf8))
        #expect(patches[0].addedLines[1].bytes == [0xFF, 0xFE, 0x00, 0x41])
    }

    @Test func contextLinesAdvanceTheLineNumber() {
        let patches = parse(
            """
            diff --git a/c.txt b/c.txt
            --- a/c.txt
            +++ b/c.txt
            @@ -1,3 +1,4 @@
             one
            +two
             three

             four

            """)
        // The empty line is a context line whose space was dropped (diff.suppressBlankEmpty).
        #expect(patches[0].addedLines == [AddedLine(line: 2, bytes: Array("two".utf8))])
    }

    @Test func plainUnifiedDiffWithoutGitHeadersIsParsed() {
        let patches = parse(
            """
            --- a/one.txt
            +++ b/one.txt
            @@ -0,0 +1 @@
            +first
            --- a/two.txt
            +++ b/two.txt
            @@ -0,0 +1 @@
            +second

            """)
        #expect(patches.map(\.newPath) == ["one.txt", "two.txt"])
    }

    @Test func combinedMergeDiffsAreIgnored() {
        let patches = parse(
            """
            diff --cc file.txt
            index 1111111,2222222..3333333
            --- a/file.txt
            +++ b/file.txt
            @@@ -1,1 -1,1 +1,1 @@@
            - a
             -b
            ++c
            diff --git a/after.txt b/after.txt
            --- a/after.txt
            +++ b/after.txt
            @@ -0,0 +1 @@
            +kept

            """)
        #expect(patches.map(\.newPath) == ["after.txt"])
    }

    @Test func hunkCountsLargerThanTheBodyStopAtTheNextHeader() {
        let patches = parse(
            """
            diff --git a/a.txt b/a.txt
            --- a/a.txt
            +++ b/a.txt
            @@ -0,0 +1,5 @@
            +only one
            diff --git a/b.txt b/b.txt
            --- a/b.txt
            +++ b/b.txt
            @@ -0,0 +1 @@
            +b

            """)
        #expect(patches.map(\.newPath) == ["a.txt", "b.txt"])
        #expect(lines(patches[0]) == ["only one"])
    }

    @Test func garbageInputNeverCrashes() {
        var generator = SplitMix64(seed: 0xA1FA_CA)
        let alphabet = Array("@@ -+,0123456789\n\t\"\\ab/diff --git rename from to Binary new file mode 160000".utf8)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 300)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                let roll = generator.next()
                bytes.append(
                    roll % 4 == 0 ? UInt8(truncatingIfNeeded: roll >> 8) : alphabet[Int(roll >> 16) % alphabet.count])
            }
            _ = UnifiedDiffParser.parse(bytes)
        }
        let edgeCases = [
            "@@ -999999999,999999999 +999999999,999999999 @@\n+x\n",
            "diff --git \"a/\\777\" \"b/\\",
            "diff --git \n--- \"\n+++ \"unterminated\n@@ -1 +1 @@",
            "diff --git a b\n@@ -0,0 +99999999999999999999 @@\n",
            "+++ b/x\n@@ -0,0 +1 @@\n+y",
        ]
        for text in edgeCases { _ = parse(text) }
    }
}

/// A tiny deterministic generator, so the garbage test is reproducible.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
