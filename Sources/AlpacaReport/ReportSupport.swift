import AlpacaCore

/// Small formatting helpers shared by the reporters.
enum ReportSupport {
    /// A path as a URI reference (RFC 3986): relative paths stay relative (resolved against
    /// `%SRCROOT%`), absolute ones become `file://` URIs. Everything except unreserved characters
    /// and '/' is percent-encoded as UTF-8 — including ':' so that a first segment like `C:` or
    /// `a:b` is never mistaken for a scheme, and '%' so that an existing `%20` stays literal.
    static func uri(forPath path: String) -> (uri: String, isAbsolute: Bool) {
        let encoded = percentEncode(path)
        return path.hasPrefix("/") ? ("file://" + encoded, true) : (encoded, false)
    }

    /// Percent-encodes all but RFC 3986 unreserved characters and '/'.
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `alpaca-live-key-id` → `AlpacaLiveKeyId` (SARIF `reportingDescriptor.name`).
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// A 0...10 score with one decimal, e.g. "9.0"; formatted by hand to be locale-independent.
    static func scoreString(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, 0), 10) : 0
        let tenths = Int((clamped * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The text with control characters made visible, so a file name or message cannot move the
    /// cursor, inject escape sequences, or split one finding over two lines in a terminal.
    static func terminalSafe(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    out += "\\u{" + String(v, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The first 7 characters of a commit hash, as git shows them.
    static func shortSHA(_ sha: String) -> String { String(sha.prefix(7)) }

    /// A deterministic UUID-shaped identifier (two FNV-1a 64 hashes) for formats that need one.
    static func stableUUID(_ key: String) -> String {
        func fnv(_ basis: UInt64) -> UInt64 {
            var h = basis
            for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        let all = Array(hex(fnv(0xcbf2_9ce4_8422_2325)) + hex(fnv(0x84_2222_325c_bf29)))
        return [all[0..<8], all[8..<12], all[12..<16], all[16..<20], all[20..<32]]
            .map { String($0) }.joined(separator: "-")
    }

    /// `seconds` since 1970 as `YYYY-MM-DDTHH:MM:SS` in UTC, computed by hand (days-from-civil
    /// inverse) so no shared formatter or locale is involved.
    static func utcTimestamp(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secs = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))"
    }
}
