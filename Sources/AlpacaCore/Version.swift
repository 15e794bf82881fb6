/// The version of alpaca-lint, written in this one place.
public enum AlpacaLintVersion {
    /// The current version (SemVer).
    public static let current = "0.2.0"
}
