/// A TOML value: everything TOML 1.0 can write on the right of `=`, plus tables.
public enum TOMLValue: Sendable, Equatable {
    // Date-time cases are indirect (boxed) so that every value, and every array element, stays
    // small: without the box the largest payload would be the 64-byte offset date-time.
    /// A string (any of the four string syntaxes).
    case string(String)
    /// A 64-bit signed integer; TOML integers outside this range are errors.
    case integer(Int64)
    /// An IEEE 754 binary64 float, including `inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A date and time with an offset from UTC, such as `1979-05-27T07:32:00Z`.
    indirect case offsetDateTime(TOMLOffsetDateTime)
    /// A date and time without an offset, such as `1979-05-27T07:32:00`.
    indirect case localDateTime(TOMLLocalDateTime)
    /// A date without a time, such as `1979-05-27`.
    indirect case localDate(TOMLLocalDate)
    /// A time of day without a date, such as `07:32:00`.
    indirect case localTime(TOMLLocalTime)
    /// An array; TOML 1.0 allows elements of different types.
    case array([TOMLValue])
    /// A table: a `[header]` table, an element of an array of tables, or an inline table.
    case table(TOMLTable)

    /// The string, if this is one.
    public var string: String? { if case .string(let value) = self { value } else { nil } }
    /// The integer as an `Int`, if this is an integer.
    public var int: Int? { if case .integer(let value) = self { Int(exactly: value) } else { nil } }
    /// The float, if this is one (integers are read with `int`).
    public var double: Double? { if case .float(let value) = self { value } else { nil } }
    /// The boolean, if this is one.
    public var bool: Bool? { if case .boolean(let value) = self { value } else { nil } }
    /// The elements, if this is an array (an array of tables included).
    public var array: [TOMLValue]? { if case .array(let value) = self { value } else { nil } }
    /// The table, if this is one.
    public var table: TOMLTable? { if case .table(let value) = self { value } else { nil } }
}
