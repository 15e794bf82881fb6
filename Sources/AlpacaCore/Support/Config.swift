import Foundation
import AlpacaTOML
import PCRE2Kit

/// The repository's `.alpaca-lint.toml`: which rules run, which paths are skipped, extra allow
/// patterns, severity changes and the severity that fails the run.
public struct Config: Sendable {
    /// Rules that do not run.
    public var disabledRules: Set<String> = []
    /// Glob patterns (`*`, `**`, `?`) of paths never scanned, relative to the scan root.
    public var excludeGlobs: [String] = []
    /// Compiled form of `excludeGlobs`.
    var excludePatterns: [PCRE2Pattern] = []
    /// Patterns: a finding whose secret matches one is dropped (every rule).
    var allowPatterns: [PCRE2Pattern] = []
    /// Severity overrides by rule id.
    public var severityOverrides: [String: Severity] = [:]
    /// Findings at or above this severity make the run fail (default: note, so every finding).
    public var failOn: Severity = .note
    /// The file it was read from, for messages.
    public var sourceFile: String?

    /// The default configuration: everything on.
    public init() {}

    private static let knownKeys: Set<String> = ["disable", "exclude", "allow", "severity", "fail-on"]

    /// Reads `path`; throws a `ConfigError` naming the file and the offending key.
    public static func load(path: String) throws(ConfigError) -> Config {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "cannot read the file")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw ConfigError(file: path, message: "TOML syntax error at \(error.description)")
        }
        var config = Config()
        config.sourceFile = path
        for key in table.keys where !knownKeys.contains(key) {
            throw ConfigError(file: path, message: "unknown key '\(key)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        config.disabledRules = Set(try strings(table, "disable", path))
        config.excludeGlobs = try strings(table, "exclude", path)
        for glob in config.excludeGlobs {
            do {
                config.excludePatterns.append(try PCRE2Pattern(Glob.regex(glob)))
            } catch {
                throw ConfigError(file: path, message: "exclude: cannot use the pattern '\(glob)'")
            }
        }
        for pattern in try strings(table, "allow", path) {
            do {
                config.allowPatterns.append(try PCRE2Pattern(pattern))
            } catch {
                throw ConfigError(file: path, message: "allow: PCRE2 rejected '\(pattern)': \(error.message) at offset \(error.offset)")
            }
        }
        if let value = table["severity"] {
            guard let severities = value.table else { throw ConfigError(file: path, message: "'severity' must be a table of rule id = \"error|warning|note\"") }
            for key in severities.keys {
                guard let text = severities[key]?.string, let severity = Severity(rawValue: text) else {
                    throw ConfigError(file: path, message: "severity.\(key) must be \"error\", \"warning\" or \"note\"")
                }
                config.severityOverrides[key] = severity
            }
        }
        if let value = table["fail-on"] {
            guard let text = value.string, let severity = Severity(rawValue: text) else {
                throw ConfigError(file: path, message: "'fail-on' must be \"error\", \"warning\" or \"note\"")
            }
            config.failOn = severity
        }
        return config
    }

    /// Checks that every rule id the config names exists.
    public func validate(against rules: RuleSet) throws(ConfigError) {
        let known = Set(rules.rules.map(\.id))
        for id in disabledRules.union(severityOverrides.keys) where !known.contains(id) {
            throw ConfigError(file: sourceFile ?? ".alpaca-lint.toml", message: "unknown rule id '\(id)'")
        }
    }

    /// Match space for `excludes` and `allows`, made once: the walk asks about every file, and a
    /// fresh scratch (with its JIT stack) per question was the walk's largest allocation.
    private let scratch = Locked(PCRE2MatchScratch())

    /// Whether `relativePath` (relative to the scan root, '/' separators) is excluded.
    public func excludes(relativePath: String) -> Bool {
        guard !excludePatterns.isEmpty else { return false }
        return scratch.withLock { scratch in
            excludePatterns.contains { (try? $0.matches(relativePath.utf8, using: scratch)) == true }
        }
    }

    /// Whether a configured allow pattern matches `secret`.
    public func allows(secret: String) -> Bool {
        guard !allowPatterns.isEmpty, !secret.isEmpty else { return false }
        return scratch.withLock { scratch in
            allowPatterns.contains { (try? $0.matches(secret.utf8, using: scratch)) == true }
        }
    }

    /// The scan policy this configuration implies.
    public var policy: ScanPolicy {
        var policy = ScanPolicy()
        policy.disabledRules = disabledRules
        policy.severityOverrides = severityOverrides
        return policy
    }

    private static func strings(_ table: TOMLTable, _ key: String, _ path: String) throws(ConfigError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw ConfigError(file: path, message: "'\(key)' must be an array of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw ConfigError(file: path, message: "'\(key)' must be an array of strings") }
            result.append(text)
        }
        return result
    }
}

/// A configuration file that cannot be used: the run stops with exit status 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// What is wrong.
    public var message: String
    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

/// Path globs for `exclude`: `**` crosses folders, `*` and `?` do not; a glob without '/'
/// matches a name at any depth, like a .gitignore line; a trailing '/' means everything below.
enum Glob {
    static func regex(_ glob: String) -> String {
        var body = glob
        var anchored = body.hasPrefix("/") || body.dropLast().contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        if body.hasPrefix("./") { body.removeFirst(2); anchored = true }
        var out = ""
        var chars = Array(body)
        let directory = chars.last == "/"
        if directory { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                if i + 2 < chars.count && chars[i + 2] == "/" {
                    out += "(?:.*/)?"
                    i += 3
                } else {
                    out += ".*"
                    i += 2
                }
                continue
            }
            switch c {
            case "*": out += "[^/]*"
            case "?": out += "[^/]"
            default: out += "\\^$.|+()[]{}".contains(c) ? "\\\(c)" : String(c)
            }
            i += 1
        }
        return (anchored ? "^" : "(?:^|/)") + out + "(?:/.*)?$"
    }
}
