import AlpacaCore
import ArgumentParser

/// `alpaca-lint explain ID|BP1..BP8`: what a rule or best practice means and how to fix the code.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule (by id) or a best practice (BP1 to BP8) and how to fix the code.")

    @Argument(help: "A rule id such as alpaca-paper-key-id, or BP1 to BP8.")
    var topic: String

    func run() throws {
        let setup = try RunSetup.prepare(configPath: nil, ruleDirectories: [], anchor: nil, honourInlineAllows: true)
        let upper = topic.uppercased()
        if upper.hasPrefix("BP"), let number = Int(upper.dropFirst(2)), let practice = BestPractice.all[number] {
            print("BP\(number): \(practice.title)\n")
            print(practice.summary + "\n")
            let rules = setup.ruleSet.metadata.filter { $0.practice == number }
            if rules.isEmpty {
                print("No rule checks this practice directly: it concerns the account and its operation, not the code.")
            } else {
                print("Rules that check it:")
                for rule in rules { print("  \(rule.id)  \(rule.title)") }
            }
            return
        }
        guard let rule = setup.ruleSet.rule(id: topic)?.metadata else {
            printError("alpaca-lint: no rule or best practice called '\(topic)'; see `alpaca-lint rules` (or use BP1 to BP8)")
            throw ExitStatus.failure
        }
        let practice = BestPractice.all[rule.practice]
        print("\(rule.id) (\(rule.severity.rawValue), BP\(rule.practice): \(practice?.title ?? ""))\n")
        print(rule.title + "\n")
        print(rule.description + "\n")
        print("How to fix it:\n" + rule.remediation + "\n")
        print("To accept a known false positive, add `alpaca-lint:allow` in a comment on the line, or `alpaca-lint:allow-next-line` on the line above.")
    }
}
