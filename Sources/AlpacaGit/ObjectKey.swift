/// A git object id held as 32 bytes in four words (SHA-1 ids use the first 20), so that sets and
/// tables of millions of ids cost a fixed, small amount each instead of a String allocation.
struct ObjectKey: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Parses 40 or 64 hex digits; nil for anything else.
    init?(hex: some Collection<UInt8>) {
        guard hex.count == 40 || hex.count == 64 else { return nil }
        // Four locals rather than an array: this runs for every entry of a history's log.
        var parsed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var position = 0
        for digit in hex {
            guard let value = ObjectKey.hexValue(digit) else { return nil }
            let bits = UInt64(value) << (60 - 4 * UInt64(position % 16))
            switch position / 16 {
            case 0: parsed.0 |= bits
            case 1: parsed.1 |= bits
            case 2: parsed.2 |= bits
            default: parsed.3 |= bits
            }
            position += 1
        }
        words = parsed
    }

    /// Parses a hex string like `init(hex:)` on bytes.
    init?(_ hex: String) {
        self.init(hex: Array(hex.utf8))
    }

    /// The first `length` hex digits (40 for SHA-1, 64 for SHA-256), lower case.
    func hex(length: Int) -> String {
        let all = [words.0, words.1, words.2, words.3]
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(length)
        for position in 0..<length {
            let nibble = (all[position / 16] >> (60 - 4 * UInt64(position % 16))) & 0xF
            text.append(digits[Int(nibble)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        // Object ids are already uniformly distributed; the first two words are plenty.
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
