import Foundation
import TestSupport
import Testing

/// Reports are byte-identical (durations aside) whatever `-j` is and however often a scan runs, in
/// tree, staged and history modes, on a repository with many files, commits, findings (related
/// locations included) and warnings.
@Suite("Deterministic reports")
struct DeterminismTests {
    /// Builds the repository: 60 commits over 150 file names, keys with their secrets, keys copied to
    /// several files, files edited again and again, deleted files, a branch, files over the size
    /// limit given below; then leaves changes staged.
    static func makeRepository() throws -> GitSandbox {
        var git = try GitSandbox(name: "determinism")
        var random = SplitMix64(state: 20_251_130)
        let upper = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        let secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        var keys: [String] = []
        for _ in 0..<12 { keys.append("PK" + random.string(upper, 18)) }
        var files: [String: String] = [:]
        var sideFiles: [String: String] = [:]
        let folders = ["src", "lib", "tools", "docs", "config", "tests/fixtures"]
        for commit in 0..<60 {
            if commit == 25 {
                try git.git("checkout", "-q", "-b", "side")
            }
            if commit == 30 {
                try git.git("checkout", "-q", "main")
            }
            var changes: [String: String] = [:]
            let onSide = (25..<30).contains(commit)
            for _ in 0..<5 {
                // The side branch writes its own folder, so that merging it back is clean.
                let folder = onSide ? "side" : folders[random.below(folders.count)]
                let path = "\(folder)/file\(random.below(150)).py"
                var text = (onSide ? sideFiles[path] : files[path]) ?? "import os\n"
                switch random.below(6) {
                case 0, 1:
                    let key = keys[random.below(keys.count)]
                    text += "ALPACA_KEY_ID = \"\(key)\"\nALPACA_SECRET_KEY = \"\(random.string(secretAlphabet, 40))\"\n"
                case 2:
                    text += "APCA_API_KEY_ID = \"\(keys[random.below(keys.count)])\"\n"
                case 3:
                    // Over the size limit the scans below use.
                    text += "# " + String(repeating: "padding ", count: 80) + "\n"
                default:
                    text += "print(\(random.below(1000)))\n"
                }
                changes[path] = text
            }
            for (path, text) in changes {
                if onSide { sideFiles[path] = text } else { files[path] = text }
                try git.write(text, to: path)
            }
            if commit % 7 == 3 {
                // Binary blobs: skipped, and listed by --verbose.
                try git.writeBytes([0x89, 0x50, 0x4E, 0x47, 0, 0, UInt8(commit)] + Array("KEY_ID = \"\(keys[commit % keys.count])\"".utf8), to: "assets/image\(commit % 4).png")
            }
            if commit % 9 == 8, !onSide, let victim = files.keys.sorted().first {
                files.removeValue(forKey: victim)
                try git.git("rm", "-q", "-f", "--", victim)
            }
            try git.commitDated([:], message: "commit \(commit)", at: 1_600_000_000 + commit * 600)
        }
        try git.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
        // Staged changes: new files with keys, edits of existing ones, one large file.
        for index in 0..<12 {
            let path = "staged/new\(index).py"
            let text = "ALPACA_KEY_ID = \"\(keys[index % keys.count])\"\nALPACA_SECRET_KEY = \"\(random.string(secretAlphabet, 40))\"\n"
            try git.write(text, to: path)
        }
        for path in files.keys.sorted().prefix(8) {
            try git.write(files[path]! + "APCA_API_KEY_ID = \"\(keys[random.below(keys.count)])\"\n", to: path)
        }
        try git.write("# " + String(repeating: "large ", count: 200) + "\nKEY_ID = \"\(keys[0])\"\n", to: "staged/large.py")
        try git.git("add", "-A")
        return git
    }

    /// The JSON report with `durationMs` blanked out.
    static func normalized(_ result: CLI.Result) -> String {
        result.stdout.replacingOccurrences(of: #""durationMs"\s*:\s*[0-9]+"#, with: "\"durationMs\": 0", options: .regularExpression)
    }

    @Test("tree, staged and history JSON reports are byte-identical across -j 1/2/4 and repeated runs")
    func reportsAreByteIdentical() throws {
        let git = try Self.makeRepository()
        defer { git.remove() }
        let modes: [(String, [String])] = [("tree", ["."]), ("staged", ["--staged"]), ("history", ["--history"])]
        for (name, arguments) in modes {
            var reference: String?
            for jobs in ["1", "2", "4", "4", "4"] {
                let result = try git.lint(arguments + ["--format", "json", "--max-file-size", "600", "-j", jobs])
                #expect(result.status == 2, "\(name) -j \(jobs): findings and warnings expected: \(result.diagnostics)")
                let report = Self.normalized(result)
                guard let expected = reference else {
                    // The report must be worth comparing: findings with related locations, and warnings.
                    let json = result.json ?? [:]
                    let findings = json["findings"] as? [[String: Any]] ?? []
                    #expect(findings.count >= 5, "\(name): \(result.diagnostics)")
                    #expect(findings.contains { !($0["related"] as? [Any] ?? []).isEmpty }, "\(name): \(result.diagnostics)")
                    #expect((json["warnings"] as? [Any] ?? []).count >= 1, "\(name): \(result.diagnostics)")
                    reference = report
                    continue
                }
                #expect(report == expected, "\(name) -j \(jobs) differs from -j 1:\n\(Self.firstDifference(expected, report))")
            }
            // What --verbose prints (skips, warnings) does not depend on timing either.
            var verboseReference: String?
            for jobs in ["1", "4", "4"] {
                let result = try git.lint(arguments + ["--format", "json", "--max-file-size", "600", "-j", jobs, "--verbose"])
                let lines = result.stderr.split(separator: "\n").filter { !$0.contains("timings:") && !$0.contains(" ms") }.joined(separator: "\n")
                if name != "staged" { #expect(lines.contains("binary"), "\(name): \(result.diagnostics)") }
                if let verboseReference {
                    #expect(lines == verboseReference, "\(name) --verbose -j \(jobs):\n\(Self.firstDifference(verboseReference, lines))")
                } else {
                    verboseReference = lines
                }
            }
        }
    }

    /// The first differing line of two reports, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1):\n- \(l)\n+ \(r)" }
        }
        return "(no difference)"
    }
}
