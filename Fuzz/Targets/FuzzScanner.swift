// libFuzzer target: the scanner on arbitrary bytes with the built-in rules, as the engine runs it
// (UTF-16/32 transcoding and the binary check first), plus the line/column arithmetic.
// Compiled together with Sources/AlpacaCore; PCRE2Kit and AlpacaTOML are linked as modules.
import PCRE2Kit

private let ruleSet: RuleSet = {
    do { return try RuleSet(rules: RuleSet.builtIn()) } catch { fatalError("built-in rules: \(error)") }
}()
private let scanner = FileScanner(ruleSet: ruleSet)
nonisolated(unsafe) private let scratch = PCRE2MatchScratch()  // libFuzzer calls in from one thread

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let transcoded = TextDecoding.utf8FromBOM(bytes, count: bytes.count) {
        bytes = transcoded
    } else if TextDecoding.looksBinary(bytes, count: bytes.count) {
        // The engine skips these; scan them anyway, the scanner must cope with NULs.
    }
    // Path-dependent rules (.env, .ps1, ...) see different names depending on the first byte.
    let names = ["app.py", ".env", "deploy.ps1", "README.md", "config.yaml", "main.go", "a b/\u{FFFD}.js"]
    let path = names[Int(size > 0 ? data[0] : 0) % names.count]
    let result = bytes.withUnsafeBytes { scanner.scan($0, input: ScanInput(path: path), scratch: scratch) }
    for finding in result.findings {
        if finding.line < 1 || finding.column < 1 || finding.endLine < finding.line {
            fatalError("bad position \(finding.line):\(finding.column)-\(finding.endLine):\(finding.endColumn)")
        }
    }
    // Same bytes as a patch with remapped line numbers (history / staged mode).
    let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let numbers = (0..<lineCount).map { $0 * 3 + 7 }
    _ = bytes.withUnsafeBytes {
        scanner.scan($0, input: ScanInput(path: path, lineNumbers: numbers, onlyLines: Set(numbers.prefix(3))), scratch: scratch)
    }
    return 0
}
