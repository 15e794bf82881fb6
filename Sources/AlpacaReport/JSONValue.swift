/// A JSON document whose objects keep their key order, so reports read in the contract's order
/// and stay byte-identical from run to run (JSONEncoder can only sort keys alphabetically).
public indirect enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A finite floating-point number (non-finite values are written as `null`).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; members are written in this order.
    case object([(String, JSONValue)])

    /// `value` as a string, or `null` when it is nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document as text: pretty-printed with two-space indents, or compact; no trailing newline.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            // Short lists of numbers or strings (relatedPractices, tags) stay on one line.
            let inline = items.allSatisfy(\.isScalar)
            guard let level = indent, !inline else {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += indent == nil ? "," : ", " }
                    item.write(to: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: level + 1)
                item.write(to: &out, indent: level + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: level) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            guard let level = indent else {
                out += "{"
                for (i, (key, value)) in members.enumerated() {
                    if i > 0 { out += "," }
                    JSONValue.writeString(key, to: &out)
                    out += ":"
                    value.write(to: &out, indent: nil)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: "  ", count: level + 1)
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: level + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: level) + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Writes `s` as a JSON string literal. Swift strings are always valid Unicode, so the UTF-8
    /// output is valid too; control characters, DEL and the JavaScript line separators are escaped
    /// so that a hostile file name cannot break a line-oriented consumer or a terminal.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
