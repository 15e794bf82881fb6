// libFuzzer target: git ignore files and matching (compiled together with Sources/AlpacaIgnore,
// so internal API is reachable). Input: first line = a path, the rest = a .gitignore file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.count
    var path = Array(bytes[..<split])
    let contents = split < bytes.count ? Array(bytes[(split + 1)...]) : []
    // Walk paths are relative, without leading or trailing '/', and never hold NUL.
    path.removeAll { $0 == 0 }
    while path.first == 0x2F { path.removeFirst() }
    while path.last == 0x2F { path.removeLast() }

    let patterns = IgnoreFileParser.parse(contents, base: [], source: "fuzz/.gitignore")
    let nested = IgnoreFileParser.parse(contents, base: Array("sub".utf8), source: "fuzz/sub/.gitignore")
    let rules = IgnoreRules(root: "/nonexistent-alpaca-fuzz-root", excludesFile: .none, infoExclude: .none)
    let lists = [
        IgnorePatternList(source: "fuzz/.gitignore", patterns: patterns),
        IgnorePatternList(source: "fuzz/sub/.gitignore", patterns: nested),
    ]
    if !path.isEmpty {
        for isDirectory in [false, true] {
            _ = rules.decidingPattern(path: path, isDirectory: isDirectory, directoryLists: lists)
            _ = rules.decidingPattern(path: Array("sub/".utf8) + path, isDirectory: isDirectory, directoryLists: lists)
        }
    }
    // The raw matcher on every pattern line against the path, in both modes.
    for line in contents.split(separator: 0x0A, omittingEmptySubsequences: true).prefix(64) {
        _ = Wildmatch.matches(pattern: Array(line), text: path, pathname: true)
        _ = Wildmatch.matches(pattern: Array(line), text: path, pathname: false)
    }
    _ = IgnoreFileParser.trimTrailingSpaces(contents)
    return 0
}
