/// Hides secrets in every output unless the user passes `--no-redact`.
public enum Redaction {
    /// The separator shown where characters were removed.
    public static let ellipsis = "…"

    /// A recognisable but useless form of `secret`.
    ///
    /// Key IDs keep their `PK`/`AK`/`CK` prefix, two more characters and the last four, so a
    /// user can find the key in the dashboard; other secrets keep at most 3 + 2 characters.
    /// Short values are hidden entirely.
    public static func redact(_ secret: String) -> String {
        let scalars = Array(secret.unicodeScalars)
        if scalars.isEmpty { return "" }
        let isKeyID = KeyShapes.builtIn.isKeyID(secret)
        let (head, tail): (Int, Int) = if isKeyID { (4, 4) } else if scalars.count >= 20 { (3, 2) } else { (0, 0) }
        if head == 0 { return ellipsis }
        let prefix = String(String.UnicodeScalarView(scalars.prefix(head)))
        let suffix = String(String.UnicodeScalarView(scalars.suffix(tail)))
        return prefix + ellipsis + suffix
    }
}
