import AlpacaCore
import AlpacaIgnore
import Foundation

/// What every command needs: the configuration and the compiled rules.
struct RunSetup {
    /// The environment variable naming a configuration file when `--config` is absent.
    static let configVariable = "ALPACA_LINT_CONFIG"

    let config: Config
    let ruleSet: RuleSet
    let policy: ScanPolicy

    /// Loads the configuration (`--config`, else `ALPACA_LINT_CONFIG`, else `.alpaca-lint.toml` at
    /// the root of the repository holding `anchor`) and the rules (built-in plus `--rules`
    /// directories). Problems are thrown as values; `CommandErrors` maps them to exit status 2.
    static func prepare(configPath: String?, ruleDirectories: [String], anchor: String?, honourInlineAllows: Bool) throws -> RunSetup {
        let environment = ProcessInfo.processInfo.environment
        // A file named by the environment is easy to forget: its errors say where the name came from.
        let fromEnvironment = configPath == nil ? environment[configVariable].flatMap { $0.isEmpty ? nil : $0 } : nil
        let explicit = configPath ?? fromEnvironment
        var config: Config
        do {
            if let explicit {
                config = try Config.load(path: explicit)
            } else if let anchor, let found = defaultConfigPath(anchor: anchor) {
                config = try Config.load(path: found)
            } else {
                config = Config()
            }
        } catch {
            throw fromEnvironment == nil ? error : error.fromEnvironment()
        }
        for directory in ruleDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RuleLoadError(file: directory, ruleId: nil, message: "--rules needs a directory of .toml rule files")
            }
        }
        let ruleSet = try RuleSet.load(ruleDirectories: ruleDirectories)
        do {
            try config.validate(against: ruleSet)
        } catch {
            throw fromEnvironment == nil ? error : error.fromEnvironment()
        }
        var policy = config.policy
        policy.honourInlineAllows = honourInlineAllows
        return RunSetup(config: config, ruleSet: ruleSet, policy: policy)
    }

    /// `.alpaca-lint.toml` at the root of the repository holding `anchor` (a file or folder), or
    /// in `anchor`'s folder outside a repository.
    private static func defaultConfigPath(anchor: String) -> String? {
        let base = URL(fileURLWithPath: anchor).standardizedFileURL.path
        var directory = base
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), !isDirectory.boolValue {
            directory = (base as NSString).deletingLastPathComponent
        }
        let root = findRepositoryRoot(startingAt: directory) ?? directory
        let candidate = (root as NSString).appendingPathComponent(".alpaca-lint.toml")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}

extension ConfigError {
    /// The same error, saying that the file was named by `ALPACA_LINT_CONFIG`.
    func fromEnvironment() -> ConfigError {
        var named = self
        named.file += " (from \(RunSetup.configVariable))"
        return named
    }
}
