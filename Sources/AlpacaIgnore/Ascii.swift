/// Byte constants and git's ASCII-only character tests; git's ctype ignores the locale.
enum Ascii {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let hash: UInt8 = 0x23
    static let star: UInt8 = 0x2A
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let question: UInt8 = 0x3F
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let caret: UInt8 = 0x5E

    /// git's `is_glob_special`: the bytes that make a pattern need wildmatch.
    @inline(__always) static func isGlobSpecial(_ byte: UInt8) -> Bool {
        byte == star || byte == question || byte == openBracket || byte == backslash
    }
}
