/// A calendar date without a time zone (TOML local date, `1979-05-27`).
public struct TOMLLocalDate: Sendable, Hashable, CustomStringConvertible {
    /// Year, 0 to 9999.
    public var year: Int
    /// Month, 1 to 12.
    public var month: Int
    /// Day of the month, 1 to 31 (the parser checks it against the month and leap years).
    public var day: Int

    /// A date from its parts (not validated).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// RFC 3339 form, `YYYY-MM-DD`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
}

/// A time of day without a date or time zone (TOML local time, `07:32:00.999`).
public struct TOMLLocalTime: Sendable, Hashable, CustomStringConvertible {
    /// Hour, 0 to 23.
    public var hour: Int
    /// Minute, 0 to 59.
    public var minute: Int
    /// Second, 0 to 59 (leap seconds are not accepted).
    public var second: Int
    /// Fraction of the second in nanoseconds; digits beyond nanoseconds are dropped, as TOML allows.
    public var nanosecond: Int

    /// A time from its parts (not validated).
    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// RFC 3339 form, `HH:MM:SS` with the fraction (without trailing zeros) when there is one.
    public var description: String {
        var text = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if nanosecond > 0 {
            var digits = pad(nanosecond, 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}

/// A date and time without a time zone (TOML local date-time, `1979-05-27T07:32:00`).
public struct TOMLLocalDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The date.
    public var date: TOMLLocalDate
    /// The time of day.
    public var time: TOMLLocalTime

    /// A local date-time from its parts.
    public init(date: TOMLLocalDate, time: TOMLLocalTime) {
        self.date = date
        self.time = time
    }

    /// RFC 3339 form with a `T` between date and time.
    public var description: String { "\(date)T\(time)" }
}

/// A date and time at an offset from UTC (TOML offset date-time, `1979-05-27T00:32:00-07:00`).
public struct TOMLOffsetDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The date, local to the offset.
    public var date: TOMLLocalDate
    /// The time of day, local to the offset.
    public var time: TOMLLocalTime
    /// Offset from UTC in minutes, -1439 to 1439; `Z` is 0.
    public var offsetMinutes: Int

    /// An offset date-time from its parts.
    public init(date: TOMLLocalDate, time: TOMLLocalTime, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// RFC 3339 form; a zero offset is written `Z`.
    public var description: String {
        guard offsetMinutes != 0 else { return "\(date)T\(time)Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let minutes = abs(offsetMinutes)
        return "\(date)T\(time)\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
