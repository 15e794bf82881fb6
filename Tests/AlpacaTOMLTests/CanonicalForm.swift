import AlpacaTOML

/// The canonical text of a parsed value that tomllib_oracle.py also writes, so the two parsers'
/// results compare as strings: keys sorted by code point, floats by bit pattern, times in
/// microseconds (Python's precision), every character outside printable ASCII escaped.
enum CanonicalForm {
    static func of(_ table: TOMLTable) -> String {
        let keys = table.keys.sorted { $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        return "{" + keys.map { text($0) + ":" + of(table[$0]!) }.joined(separator: ",") + "}"
    }

    static func of(_ value: TOMLValue) -> String {
        switch value {
        case .string(let string): return text(string)
        case .integer(let integer): return "i\(integer)"
        case .float(let float):
            if float.isNaN { return "fnan" }
            let hex = String(float.bitPattern, radix: 16)
            return "f" + String(repeating: "0", count: 16 - hex.count) + hex
        case .boolean(let bool): return bool ? "true" : "false"
        case .offsetDateTime(let value):
            let minutes = abs(value.offsetMinutes)
            return "odt:" + dateTime(value.date, value.time) + (value.offsetMinutes < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        case .localDateTime(let value): return "ldt:" + dateTime(value.date, value.time)
        case .localDate(let date): return "ld:" + self.date(date)
        case .localTime(let time): return "lt:" + self.time(time)
        case .array(let elements): return "[" + elements.map(of).joined(separator: ",") + "]"
        case .table(let table): return of(table)
        }
    }

    private static func text(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"", scalar != "\\" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out + "\""
    }

    private static func dateTime(_ date: TOMLLocalDate, _ time: TOMLLocalTime) -> String { self.date(date) + "T" + self.time(time) }

    private static func date(_ date: TOMLLocalDate) -> String {
        let year = String(date.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
    }

    private static func time(_ time: TOMLLocalTime) -> String {
        let micro = String(time.nanosecond / 1000)
        return two(time.hour) + ":" + two(time.minute) + ":" + two(time.second) + "." + String(repeating: "0", count: 6 - micro.count) + micro
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
