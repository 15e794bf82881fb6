import Foundation

/// Scratch folders for tests, all under one folder per test process that is removed when the
/// process exits, so a test run leaves nothing behind in the temporary folder.
public enum Scratch {
    /// The per-process root: `$TMPDIR/alpaca-lint-tests-<pid>`.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("alpaca-lint-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // A non-capturing closure: atexit takes a C function pointer.
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return url.resolvingSymlinksInPath()
    }()

    /// Creates and returns a new, empty folder named `name-<uuid>` under the per-process root.
    public static func directory(_ name: String) throws -> URL {
        let url = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }
}
