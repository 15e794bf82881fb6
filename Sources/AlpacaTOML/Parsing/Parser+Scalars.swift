extension Parser {
    /// At a digit, sign or letter: a date-time, a time, a number, `inf`/`nan` or a boolean.
    mutating func parseScalar() throws(TOMLError) -> TOMLValue {
        if digits(at: index, count: 4), byte(at: index + 4) == Byte.minus { return try parseDateOrDateTime() }
        if digits(at: index, count: 2), byte(at: index + 2) == Byte.colon { return .localTime(try parseTime(valueStart: index)) }
        let start = index
        while index < end, Byte.isTokenByte(bytes[index]) { index += 1 }
        if matches(start..<index, "true") { return .boolean(true) }
        if matches(start..<index, "false") { return .boolean(false) }
        return try parseNumber(start..<index)
    }

    // MARK: - Numbers

    /// A whole token that must be an integer or a float.
    private func parseNumber(_ range: Range<Int>) throws(TOMLError) -> TOMLValue {
        let start = range.lowerBound
        var i = start
        var negative = false
        let signed = bytes[i] == Byte.plus || bytes[i] == Byte.minus
        if signed {
            negative = bytes[i] == Byte.minus
            i += 1
        }
        if matches(i..<range.upperBound, "inf") { return .float(negative ? -.infinity : .infinity) }
        if matches(i..<range.upperBound, "nan") { return .float(negative ? -.nan : .nan) }
        guard i < range.upperBound, Byte.isDigit(bytes[i]) else {
            throw error("expected a value (string, number, boolean, date-time, array or inline table)", at: start)
        }

        if bytes[i] == Byte.zero, i + 1 < range.upperBound, let radix = Self.radix(of: bytes[i + 1]) {
            guard !signed else { throw error("hexadecimal, octal and binary integers cannot have a sign", at: start) }
            let digitsEnd = try scanDigits(from: i + 2, in: range, radix: radix)
            guard digitsEnd == range.upperBound else { throw invalidNumber(at: digitsEnd, start: start) }
            guard let magnitude = accumulate(i + 2..<digitsEnd, radix: radix), magnitude <= UInt64(Int64.max) else {
                throw error("integer does not fit in 64 bits (TOML integers are -2^63 to 2^63-1)", at: start)
            }
            return .integer(Int64(magnitude))
        }

        let integerStart = i
        if bytes[i] == Byte.zero {
            i += 1
            if i < range.upperBound, Byte.isDigit(bytes[i]) || bytes[i] == Byte.underscore {
                throw error("leading zeros are not allowed in a decimal number", at: integerStart)
            }
        } else {
            i = try scanDigits(from: i, in: range, radix: 10)
        }
        let integerEnd = i
        var isFloat = false
        if i < range.upperBound, bytes[i] == Byte.dot {
            guard i + 1 < range.upperBound, Byte.isDigit(bytes[i + 1]) else {
                throw error("a decimal point must have digits on both sides", at: i)
            }
            i = try scanDigits(from: i + 1, in: range, radix: 10)
            isFloat = true
        }
        if i < range.upperBound, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < range.upperBound, bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard i < range.upperBound, Byte.isDigit(bytes[i]) else { throw error("an exponent needs digits", at: i) }
            i = try scanDigits(from: i, in: range, radix: 10)
            isFloat = true
        }
        guard i == range.upperBound else { throw invalidNumber(at: i, start: start) }

        if isFloat {
            var text = ""
            text.unicodeScalars.reserveCapacity(range.count)
            for i in range where bytes[i] != Byte.underscore { text.unicodeScalars.append(Unicode.Scalar(bytes[i])) }
            // Correctly rounded; values beyond the binary64 range become ±infinity or ±0.
            guard let value = Double(text) else { throw invalidNumber(at: start, start: start) }
            return .float(value)
        }
        guard let magnitude = accumulate(integerStart..<integerEnd, radix: 10),
            magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max))
        else { throw error("integer does not fit in 64 bits (TOML integers are -2^63 to 2^63-1)", at: start) }
        return .integer(negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude))
    }

    /// At a digit of `radix`: digits, with single underscores only between two digits; returns the
    /// index after the last digit.
    private func scanDigits(from start: Int, in range: Range<Int>, radix: UInt64) throws(TOMLError) -> Int {
        guard start < range.upperBound, Self.digitValue(bytes[start], radix: radix) != nil else {
            throw error(radix == 10 ? "expected a digit" : "expected a base-\(radix) digit", at: start)
        }
        var i = start + 1
        while i < range.upperBound {
            let byte = bytes[i]
            if Self.digitValue(byte, radix: radix) != nil {
                i += 1
            } else if byte == Byte.underscore {
                guard i + 1 < range.upperBound, Self.digitValue(bytes[i + 1], radix: radix) != nil else {
                    throw error("'_' in a number must stand between two digits", at: i)
                }
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// The magnitude of digits (underscores skipped), or nil past UInt64.
    private func accumulate(_ range: Range<Int>, radix: UInt64) -> UInt64? {
        var value: UInt64 = 0
        for i in range {
            guard let digit = Self.digitValue(bytes[i], radix: radix) else { continue }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    private func invalidNumber(at offset: Int, start: Int) -> TOMLError {
        if offset < end, bytes[offset] == Byte.underscore { return error("'_' in a number must stand between two digits", at: offset) }
        return error("invalid number (an integer, a float such as 1.5 or 1e6, inf or nan)", at: start)
    }

    private static func radix(of letter: UInt8) -> UInt64? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    private static func digitValue(_ byte: UInt8, radix: UInt64) -> UInt64? {
        guard let value = Byte.hexValue(byte), UInt64(value) < radix else { return nil }
        return UInt64(value)
    }

    // MARK: - Dates and times (RFC 3339, as TOML 1.0 restricts it)

    /// `YYYY-MM-DD`, optionally followed by `T` (or `t`, or a space) and a time, optionally
    /// followed by `Z` or `±HH:MM`.
    private mutating func parseDateOrDateTime() throws(TOMLError) -> TOMLValue {
        let start = index
        guard let month = number(at: start + 5, digits: 2), byte(at: start + 7) == Byte.minus,
            let day = number(at: start + 8, digits: 2), let year = number(at: start, digits: 4)
        else { throw error("invalid date (expected YYYY-MM-DD)", at: start) }
        guard (1...12).contains(month) else { throw error("invalid date: month must be 01 to 12", at: start + 5) }
        guard day >= 1, day <= Self.daysIn(month: month, year: year) else {
            throw error("invalid date: day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)", at: start + 8)
        }
        let date = TOMLLocalDate(year: year, month: month, day: day)
        index = start + 10
        let separator = byte(at: index)
        let hasTime = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == Byte.space && digits(at: index + 1, count: 1))
        guard hasTime else {
            try checkEndOfDateTime(start: start)
            return .localDate(date)
        }
        index += 1
        let time = try parseTime(valueStart: start)
        let zone = byte(at: index)
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            index += 1
            try checkEndOfDateTime(start: start)
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: 0))
        }
        if zone == Byte.plus || zone == Byte.minus {
            guard let hours = number(at: index + 1, digits: 2), byte(at: index + 3) == Byte.colon,
                let minutes = number(at: index + 4, digits: 2)
            else { throw error("invalid time offset (expected Z, +HH:MM or -HH:MM)", at: index) }
            guard hours <= 23, minutes <= 59 else { throw error("invalid time offset: hours must be 00 to 23, minutes 00 to 59", at: index) }
            let offset = (hours * 60 + minutes) * (zone == Byte.minus ? -1 : 1)
            index += 6
            try checkEndOfDateTime(start: start)
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: offset))
        }
        try checkEndOfDateTime(start: start)
        return .localDateTime(TOMLLocalDateTime(date: date, time: time))
    }

    /// `HH:MM:SS` with an optional fraction (digits past nanoseconds are dropped).
    private mutating func parseTime(valueStart: Int) throws(TOMLError) -> TOMLLocalTime {
        let start = index
        guard let hour = number(at: start, digits: 2), byte(at: start + 2) == Byte.colon,
            let minute = number(at: start + 3, digits: 2), byte(at: start + 5) == Byte.colon,
            let second = number(at: start + 6, digits: 2)
        else { throw error("invalid time (expected HH:MM:SS, seconds included)", at: start) }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw error("invalid time: hours must be 00 to 23, minutes and seconds 00 to 59", at: start)
        }
        index = start + 8
        var nanosecond = 0
        if byte(at: index) == Byte.dot {
            index += 1
            guard digits(at: index, count: 1) else { throw error("a fraction of a second needs digits after the '.'", at: index - 1) }
            var scale = 100_000_000
            while index < end, Byte.isDigit(bytes[index]) {
                nanosecond += Int(bytes[index] - Byte.zero) * scale
                scale /= 10
                index += 1
            }
        }
        if valueStart == start { try checkEndOfDateTime(start: start) }
        return TOMLLocalTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    /// A date-time must not run on into other token characters (`1979-05-27x`, `07:32:00Z`).
    private func checkEndOfDateTime(start: Int) throws(TOMLError) {
        guard index < end, Byte.isTokenByte(bytes[index]) else { return }
        throw error("invalid date-time (TOML accepts YYYY-MM-DD, HH:MM:SS[.fraction] and both joined by 'T' or a space, with Z or ±HH:MM for an offset)", at: start)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: - Byte helpers

    private func byte(at offset: Int) -> UInt8? { offset < end ? bytes[offset] : nil }

    /// Whether the bytes in `range` spell `word` (ASCII); a byte loop, fast in debug builds too.
    private func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for i in 0..<range.count where bytes[range.lowerBound + i] != letters[i] { return false }
        return true
    }

    private func digits(at offset: Int, count: Int) -> Bool {
        guard offset + count <= end else { return false }
        for i in offset..<(offset + count) where !Byte.isDigit(bytes[i]) { return false }
        return true
    }

    /// The decimal number written with exactly `digits` digits at `offset`, or nil.
    private func number(at offset: Int, digits count: Int) -> Int? {
        guard digits(at: offset, count: count) else { return nil }
        var value = 0
        for i in offset..<(offset + count) { value = value * 10 + Int(bytes[i] - Byte.zero) }
        return value
    }
}
