/// The environment variable names `--fix` writes, and how it resolves conflicts.
/// docs/fix.md holds the same table for users.
public enum EnvironmentNames {
    /// Trading key ID (paper or live): the name the official SDKs read.
    public static let keyID = "APCA_API_KEY_ID"
    /// Trading secret key: the name the official SDKs read.
    public static let secretKey = "APCA_API_SECRET_KEY"
    /// Broker API key ID (`CK…`).
    public static let brokerKeyID = "ALPACA_BROKER_API_KEY"
    /// Broker API secret (a secret next to a `CK…` key).
    public static let brokerSecret = "ALPACA_BROKER_API_SECRET"
    /// OAuth client secret: the Go SDK's client-credentials name.
    public static let oauthClientSecret = "APCA_API_CLIENT_SECRET"
    /// OAuth access token.
    public static let oauthToken = "APCA_API_OAUTH_TOKEN"
    /// Suffix for live trading values when paper values of the same kind are also moved.
    public static let liveSuffix = "_LIVE"

    /// The base name for a value of `kind` in `environment`.
    static func baseName(kind: CredentialKind, environment: CredentialEnvironment?) -> String {
        switch kind {
        case .keyID(.broker): return brokerKeyID
        case .keyID: return keyID
        case .secretKey: return environment == .broker ? brokerSecret : secretKey
        case .oauthSecret: return oauthClientSecret
        case .oauthToken: return oauthToken
        default: return secretKey
        }
    }
}

/// Assigns one variable name per value across the whole repository.
///
/// Order of precedence: a value already in `.env` keeps its name there; a name the code itself
/// uses (`os.environ["N"] = …`, `os.getenv("N", …)`) is kept; anything else gets its base name.
/// When the same base name would hold several values, paper values keep the plain name, live
/// values take `_LIVE` (only when paper values of that name exist too), and any further distinct
/// value takes `_2`, `_3`, … in file order. A name `.env` already holds with another value is skipped.
struct EnvironmentNaming {
    /// value → name, for every value given a name.
    private(set) var nameForValue: [String: String] = [:]
    /// name → value, for names used in `.env` or by this plan.
    private(set) var valueForName: [String: String] = [:]
    /// Names `.env` holds already (never rewritten).
    let existingNames: Set<String>

    /// Starts from `.env`'s entries (first name of each value wins).
    init(existing: [(name: String, value: String)]) {
        var names = Set<String>()
        for entry in existing {
            names.insert(entry.name)
            if valueForName[entry.name] == nil { valueForName[entry.name] = entry.value }
            if nameForValue[entry.value] == nil { nameForValue[entry.value] = entry.name }
        }
        existingNames = names
    }

    /// Claims `name` for `value` (a name the code uses); fails when the name holds another value.
    mutating func claim(_ name: String, for value: String) -> Bool {
        if let current = valueForName[name] { return current == value }
        valueForName[name] = value
        if nameForValue[value] == nil { nameForValue[value] = name }
        return true
    }

    /// Names every site without a fixed name; `sites` are in file order.
    mutating func assign(_ sites: [Site]) {
        let free = sites.filter { $0.fixedName == nil && nameForValue[$0.value] == nil }
        // Which base names have paper values anywhere in the plan (then live values take _LIVE).
        var basesWithPaper = Set<String>()
        for site in sites where site.environment == .paper {
            basesWithPaper.insert(EnvironmentNames.baseName(kind: site.kind, environment: site.environment))
        }
        let ranked = free.enumerated().sorted { left, right in
            let leftRank = Self.rank(left.element.environment)
            let rightRank = Self.rank(right.element.environment)
            return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
        }
        // Names are only ever added, so each stem's search resumes where the last one stopped
        // (starting at 2 every time made many values of one kind quadratic).
        var nextCounter: [String: Int] = [:]
        for (_, site) in ranked where nameForValue[site.value] == nil {
            let base = EnvironmentNames.baseName(kind: site.kind, environment: site.environment)
            var stem = base
            if site.environment == .live && basesWithPaper.contains(base) { stem += EnvironmentNames.liveSuffix }
            // Number 1 is the stem itself, then STEM_2, STEM_3, …
            func numbered(_ number: Int) -> String { number == 1 ? stem : "\(stem)_\(number)" }
            var counter = nextCounter[stem] ?? 1
            while valueForName[numbered(counter)] != nil { counter += 1 }
            let candidate = numbered(counter)
            nextCounter[stem] = counter + 1
            valueForName[candidate] = site.value
            nameForValue[site.value] = candidate
        }
    }

    /// Paper first (it keeps the plain names), then unknown, then live, then broker.
    static func rank(_ environment: CredentialEnvironment?) -> Int {
        switch environment {
        case .paper: return 0
        case nil: return 1
        case .live: return 2
        case .broker: return 3
        }
    }
}
