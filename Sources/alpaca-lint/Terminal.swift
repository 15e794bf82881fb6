import Foundation

/// Whether to colour output, following `--color` and the NO_COLOR / CLICOLOR_FORCE conventions.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    /// The decision for stdout.
    func enabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
