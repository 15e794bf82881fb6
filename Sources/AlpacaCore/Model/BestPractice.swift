/// The numbered best practices of Alpaca's authentication guide ("Security best practices"),
/// summarised in our own words for `explain` and reports.
public struct BestPractice: Sendable {
    /// 1...8.
    public let number: Int
    /// Short title.
    public let title: String
    /// What it asks of the code and the team.
    public let summary: String

    /// All eight, by number.
    public static let all: [Int: BestPractice] = Dictionary(uniqueKeysWithValues: list.map { ($0.number, $0) })

    private static let list: [BestPractice] = [
        BestPractice(number: 1, title: "Keep secret keys confidential",
            summary: "Keys never appear in source code, config files or .env files that git tracks. Load them from environment variables or a secret manager, and let .gitignore keep local .env files out of the repository."),
        BestPractice(number: 2, title: "Rotate API keys regularly",
            summary: "Generate new keys and revoke old ones on a schedule, and at once when a key may have leaked: a key that was ever committed or pushed counts as leaked, even after the line is deleted."),
        BestPractice(number: 3, title: "Use least privilege",
            summary: "Give each key only the access its program needs, as Alpaca adds finer permissions."),
        BestPractice(number: 4, title: "Restrict IP access where available",
            summary: "Limit where a key may be used from, so a stolen key is useless elsewhere."),
        BestPractice(number: 5, title: "Secure your development environment",
            summary: "Strong, unique passwords, multi-factor authentication on the Alpaca account, and patched, protected machines."),
        BestPractice(number: 6, title: "Monitor API usage",
            summary: "Watch account activity and API logs for patterns you do not recognise, and act on them."),
        BestPractice(number: 7, title: "Use the official SDKs",
            summary: "Let Alpaca's SDKs build authenticated requests from environment variables instead of assembling APCA-API-* headers by hand."),
        BestPractice(number: 8, title: "Keep sandbox and live apart",
            summary: "Separate keys for paper and live trading; never test with live keys, and make sure each endpoint gets the keys of its own environment."),
    ]
}
