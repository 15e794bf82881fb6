// libFuzzer target: the TOML reader (compiled together with Sources/AlpacaTOML).
// Any bytes must give a table or a TOMLError, never a trap. Beyond that it checks what a crash
// cannot show: error positions inside the document, the same answer for the bytes and for the
// same text as a String, a stable answer, and that an accepted document, written back out as
// TOML and read again, gives the same table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let first = Result { () throws(TOMLError) in try TOMLTable(bytes: bytes) }
    let again = Result { () throws(TOMLError) in try TOMLTable(bytes: bytes) }
    check(describe(first) == describe(again), "two parses of the same bytes disagree")
    if let text = String(validating: bytes, as: UTF8.self) {
        let fromString = Result { () throws(TOMLError) in try TOMLTable(string: text) }
        check(describe(fromString) == describe(first), "String and bytes parses disagree")
    }
    switch first {
    case .failure(let error):
        check(error.line >= 1 && error.line <= lines && error.column >= 1 && error.column <= size + 1, "error position out of range: \(error)")
    case .success(let table):
        checkPositions(table, lines: lines)
        let written = TOMLWriter.document(table)
        let reread = Result { () throws(TOMLError) in try TOMLTable(string: written) }
        guard case .success(let copy) = reread else { fatalError("written document does not parse: \(written.debugDescription) \(reread)") }
        check(TOMLWriter.document(copy) == written, "round trip changed the table:\n\(written)\n---\n\(TOMLWriter.document(copy))")
    }
    return 0
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

private func describe(_ result: Result<TOMLTable, TOMLError>) -> String {
    switch result {
    case .success(let table): TOMLWriter.document(table)
    case .failure(let error): "error \(error)"
    }
}

/// Every key and header position lies inside the document.
private func checkPositions(_ table: TOMLTable, lines: Int) {
    if let line = table.line { check(line >= 1 && line <= lines, "table line \(line) out of range") }
    for key in table.keys {
        let position = table.position(of: key)!
        check(position.line >= 1 && position.line <= lines && position.column >= 1, "key position \(position) out of range")
        visit(table[key]!, lines: lines)
    }
}

private func visit(_ value: TOMLValue, lines: Int) {
    switch value {
    case .table(let table): checkPositions(table, lines: lines)
    case .array(let elements): for element in elements { visit(element, lines: lines) }
    default: break
    }
}

/// Writes a table back as TOML: one `key = value` line per root key, nested tables inline.
enum TOMLWriter {
    static func document(_ table: TOMLTable) -> String {
        table.keys.map { key(key: $0) + " = " + value(table[$0]!) + "\n" }.joined()
    }

    static func value(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return string(text)
        case .integer(let number): return String(number)
        case .float(let number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number < 0 ? "-inf" : "inf" }
            return "\(number)"
        case .boolean(let flag): return flag ? "true" : "false"
        case .offsetDateTime(let v): return v.description
        case .localDateTime(let v): return v.description
        case .localDate(let v): return v.description
        case .localTime(let v): return v.description
        case .array(let elements): return "[" + elements.map(self.value).joined(separator: ", ") + "]"
        case .table(let table): return "{" + table.keys.map { key(key: $0) + " = " + self.value(table[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    static func key(key: String) -> String { string(key) }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
