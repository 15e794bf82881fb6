import AlpacaCore
import AlpacaReport
import ArgumentParser

/// `alpaca-lint rules`: every rule with its practice, severity and title (or the full reference in Markdown).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule: id, best practice, severity, title.",
        discussion: "--format markdown prints the full per-rule reference that docs/rules.md holds (regenerate it with `make docs`).")

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(name: [.short, .long], help: "Output format: text, json or markdown.")
    var format: ListFormat = .text

    @Option(name: .customLong("rules"), help: ArgumentHelp("Also list the rules in DIR.", valueName: "DIR"))
    var ruleDirectories: [String] = []

    func run() throws {
        let setup = try RunSetup.prepare(configPath: nil, ruleDirectories: ruleDirectories, anchor: nil, honourInlineAllows: true)
        let rules = setup.ruleSet.metadata
        switch format {
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                print("\(id)  BP\(rule.practice)  \(severity)  \(rule.title)")
            }
        case .json:
            let list = JSONValue.array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)), ("practice", .int(rule.practice)),
                    ("relatedPractices", .array(rule.relatedPractices.map { .int($0) })),
                    ("severity", .string(rule.severity.rawValue)), ("securitySeverity", .double(rule.securitySeverity)),
                    ("title", .string(rule.title)), ("description", .string(rule.description)),
                    ("remediation", .string(rule.remediation)), ("tags", .array(rule.tags.map { .string($0) })),
                    ("source", .string(rule.sourceFile)),
                ])
            })
            print(JSONValue.object([("rules", list)]).serialized(), terminator: "")
        case .markdown:
            print(RulesMarkdown.render(rules), terminator: "")
        }
    }
}
