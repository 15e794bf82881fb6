// libFuzzer target: the rule loader (alpaca-lint's own TOML parser, strict validation, PCRE2
// compile), and when the text loads, scanning its own text with the loaded rules. Must throw
// RuleLoadError or succeed; never trap. Compiled together with Sources/AlpacaCore.
import PCRE2Kit

nonisolated(unsafe) private let scratch = PCRE2MatchScratch()  // libFuzzer calls in from one thread

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The CLI rejects files that are not UTF-8 before the loader sees them.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let rules: [Rule]
    do {
        rules = try RuleLoader().load(text: text, fileName: "fuzz.toml")
    } catch {
        _ = error.description
        return 0
    }
    guard let set = try? RuleSet(rules: rules) else { return 0 }
    let scanner = FileScanner(ruleSet: set)
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { scanner.scan($0, input: ScanInput(path: "fuzz.toml"), scratch: scratch) }
    return 0
}
