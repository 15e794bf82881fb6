/// Encodings other than UTF-8 that matter here: Windows editors save `.env` and `.ps1` files as
/// UTF-16 with a byte-order mark, and keys in them must still be found at the right line.
public enum TextDecoding {
    /// UTF-8 bytes of a UTF-16 or UTF-32 buffer that starts with a byte-order mark; nil when
    /// there is no such mark (the buffer is treated as UTF-8 or binary). Line breaks are kept,
    /// so line numbers are those of the original file.
    public static func utf8FromBOM(_ bytes: [UInt8], count: Int) -> [UInt8]? {
        guard count >= 2 else { return nil }
        if count >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0 {
            return decode32(bytes, from: 4, count: count, bigEndian: false)
        }
        if count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF {
            return decode32(bytes, from: 4, count: count, bigEndian: true)
        }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return decode16(bytes, from: 2, count: count, bigEndian: false) }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return decode16(bytes, from: 2, count: count, bigEndian: true) }
        return nil
    }

    /// git's rule: a NUL byte in the first 8 KiB makes a file binary.
    public static func looksBinary(_ bytes: [UInt8], count: Int) -> Bool {
        let limit = min(count, 8192)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer[0..<limit].contains(0)
        }
    }

    private static func decode16(_ bytes: [UInt8], from start: Int, count: Int, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((count - start) / 2)
        var index = start
        while index + 1 < count {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        // Lone surrogates become U+FFFD rather than stopping the decode.
        for scalar in String(decoding: units, as: UTF16.self).utf8 { output.append(scalar) }
        return output
    }

    private static func decode32(_ bytes: [UInt8], from start: Int, count: Int, bigEndian: Bool) -> [UInt8] {
        var output = ""
        var index = start
        while index + 3 < count {
            let b = (0..<4).map { UInt32(bytes[index + $0]) }
            let value = bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
            output.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return Array(output.utf8)
    }
}
