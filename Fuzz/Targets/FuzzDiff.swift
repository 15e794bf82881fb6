// libFuzzer target: the unified diff parser (compiled together with Sources/AlpacaGit).
// The parser promises to accept any bytes: malformed parts are skipped, never trapped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let patches = UnifiedDiffParser.parse(bytes)
    // Also through a slice that does not start at index 0 (the same bytes).
    let padded = [0x41] + bytes
    let again = UnifiedDiffParser.parse(padded[1...])
    if patches.count != again.count { fatalError("slice and array parses disagree: \(patches.count) vs \(again.count)") }
    for patch in patches {
        for added in patch.addedLines where added.line < 0 { fatalError("negative line number \(added.line)") }
    }
    return 0
}
