import AlpacaCore
import AlpacaIgnore
import Foundation

/// What every scan mode needs: the configuration, the compiled rules and the scanners.
struct RunSetup {
    let config: Config
    let ruleSet: RuleSet
    let scanner: FileScanner
    let envCheck: EnvFileCheck

    /// Loads the config (explicit, or `.alpaca-lint.toml` at the repository root) and the rules
    /// (built-in plus `--rules` directories); any problem is exit status 2 with a precise message.
    static func prepare(configPath: String?, ruleDirectories: [String], scanPaths: [String], honourInlineAllows: Bool) throws -> RunSetup {
        let config: Config
        do {
            if let configPath {
                config = try Config.load(path: configPath)
            } else if let found = defaultConfigPath(scanPaths: scanPaths) {
                config = try Config.load(path: found)
            } else {
                config = Config()
            }
        } catch {
            printError("alpaca-lint: invalid configuration: \(error)")
            throw ExitStatus.failure
        }
        let ruleSet: RuleSet
        do {
            var rules = try RuleSet.builtIn()
            for directory in ruleDirectories {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw RuleLoadError(file: directory, ruleId: nil, message: "--rules needs a directory of .toml rule files")
                }
                rules += try RuleLoader().load(directory: directory)
            }
            ruleSet = try RuleSet(rules: rules)
            try config.validate(against: ruleSet)
        } catch let error as RuleLoadError {
            printError("alpaca-lint: invalid rule file: \(error)")
            throw ExitStatus.failure
        } catch {
            printError("alpaca-lint: \(error)")
            throw ExitStatus.failure
        }
        var policy = config.policy
        policy.honourInlineAllows = honourInlineAllows
        return RunSetup(
            config: config, ruleSet: ruleSet, scanner: FileScanner(ruleSet: ruleSet, policy: policy),
            envCheck: EnvFileCheck(ruleSet: ruleSet, policy: policy))
    }

    private static func defaultConfigPath(scanPaths: [String]) -> String? {
        let start = scanPaths.first ?? "."
        let base = URL(fileURLWithPath: start).standardizedFileURL.path
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
