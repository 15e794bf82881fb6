/// What one git process produced: its exit status, stdout as raw bytes and stderr as text.
public struct GitOutput: Sendable, Equatable {
    /// The process's exit status (0 is success).
    public let status: Int32
    /// Everything git wrote to stdout, byte for byte (paths and contents may be any bytes).
    public let stdout: [UInt8]
    /// Everything git wrote to stderr, decoded as UTF-8 with invalid bytes replaced.
    public let stderr: String

    /// Creates an output value (used by the runner and by tests).
    public init(status: Int32, stdout: [UInt8], stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// stdout decoded as UTF-8 (invalid bytes replaced), without the trailing newline git adds.
    public var text: String {
        var bytes = stdout[...]
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
