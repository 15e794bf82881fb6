/// Why a walk could not start.
public enum WalkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scan path does not exist or cannot be examined.
    case cannotAccess(path: String, error: PosixError)

    /// A one-line message for the user.
    public var description: String {
        switch self {
        case .cannotAccess(let path, let error): return "\(path): \(error)"
        }
    }
}
