/// The alpaca-lint release version: the one place it is written (`--version`, reports and `make dist` read it).
public enum AlpacaLintVersion {
    /// The version of this build, e.g. `0.2.0`.
    public static let current = "0.2.0"
}
