/// The POSIX classes wildmatch accepts inside brackets (`[[:digit:]]`), with git's definitions.
enum CharacterClass {
    /// Whether `byte` belongs to the class called `name`; nil for an unknown class, which makes
    /// git abort the whole match rather than treat it literally.
    static func contains(name: [UInt8], byte b: UInt8) -> Bool? {
        let isDigit = b >= 0x30 && b <= 0x39
        let isUpper = b >= 0x41 && b <= 0x5A
        let isLower = b >= 0x61 && b <= 0x7A
        let isAlpha = isUpper || isLower
        let isGraph = b >= 0x21 && b <= 0x7E
        switch String(decoding: name, as: UTF8.self) {
        case "alnum": return isAlpha || isDigit
        case "alpha": return isAlpha
        case "blank": return b == Ascii.space || b == Ascii.tab
        case "cntrl": return b < 0x20 || b == 0x7F
        case "digit": return isDigit
        case "graph": return isGraph
        case "lower": return isLower
        case "print": return b >= 0x20 && b <= 0x7E
        case "punct": return isGraph && !isAlpha && !isDigit
        // git's own isspace: no \v or \f.
        case "space": return b == Ascii.space || b == Ascii.tab || b == Ascii.newline || b == Ascii.carriageReturn
        case "upper": return isUpper
        case "xdigit": return isDigit || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
        default: return nil
        }
    }
}
