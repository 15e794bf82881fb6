import AlpacaTOML
/// Typed, strict reads from a TOML table for the rule loader: every wrong type, missing key or
/// unknown key is a `RuleLoadError` naming the file, the rule and the line.
struct TableReader {
    /// The file, as named to the user.
    let file: String
    /// The rule being read, when known.
    let ruleId: String?

    func error(_ message: String, line: Int?) -> RuleLoadError {
        RuleLoadError(file: file, line: line, ruleId: ruleId, message: message)
    }

    /// Refuses keys outside `allowed`: a misspelt setting must not be silently ignored.
    func checkKeys(_ table: TOMLTable, allowed: Set<String>, what: String) throws(RuleLoadError) {
        for key in table.keys where !allowed.contains(key) {
            throw error("unknown key '\(key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))", line: table.line(of: key) ?? table.line)
        }
    }

    func string(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error("'\(key)' must be a string", line: table.line(of: key)) }
        return text
    }

    func requiredString(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> String {
        guard let text = try string(table, key) else { throw error("missing key '\(key)' (a string)", line: table.line) }
        return text
    }

    func bool(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw error("'\(key)' must be true or false", line: table.line(of: key)) }
        return flag
    }

    func int(_ table: TOMLTable, _ key: String, in range: ClosedRange<Int>) throws(RuleLoadError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw error("'\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound)", line: table.line(of: key))
        }
        return number
    }

    func requiredInt(_ table: TOMLTable, _ key: String, in range: ClosedRange<Int>) throws(RuleLoadError) -> Int {
        guard let number = try int(table, key, in: range) else { throw error("missing key '\(key)' (an integer)", line: table.line) }
        return number
    }

    func number(_ table: TOMLTable, _ key: String, in range: ClosedRange<Double>) throws(RuleLoadError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
            throw error("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)", line: table.line(of: key))
        }
        return number
    }

    func strings(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error("'\(key)' must be an array of strings", line: table.line(of: key)) }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw error("'\(key)' must be an array of strings", line: table.line(of: key)) }
            result.append(text)
        }
        return result
    }

    func ints(_ table: TOMLTable, _ key: String, in range: ClosedRange<Int>) throws(RuleLoadError) -> [Int]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error("'\(key)' must be an array of integers", line: table.line(of: key)) }
        var result: [Int] = []
        for element in array {
            guard let number = element.int, range.contains(number) else {
                throw error("'\(key)' must be an array of integers from \(range.lowerBound) to \(range.upperBound)", line: table.line(of: key))
            }
            result.append(number)
        }
        return result
    }

    /// An array of tables (`[[x.key]]`); empty when absent.
    func tables(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error("'\(key)' must be an array of tables ([[…\(key)]])", line: table.line(of: key)) }
        var result: [TOMLTable] = []
        for element in array {
            guard let entry = element.table else { throw error("each entry of '\(key)' must be a table", line: table.line(of: key)) }
            result.append(entry)
        }
        return result
    }

    func alphabet(_ table: TOMLTable, _ key: String) throws(RuleLoadError) -> CharacterSet8 {
        let text = try requiredString(table, key)
        guard let set = CharacterSet8(text) else {
            throw error("'\(key)' must be character-class text such as A-Z0-9 (printable ASCII, X-Y ranges)", line: table.line(of: key))
        }
        return set
    }
}
