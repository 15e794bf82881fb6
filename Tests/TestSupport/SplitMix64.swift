/// SplitMix64: a small seeded pseudo-random sequence, the same on every machine, so that generated
/// test data (random keys, repositories) can be reproduced from its seed.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's state; the seed is its first value.
    public var state: UInt64

    /// A sequence that starts from `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One byte of `alphabet`.
    public mutating func pick(_ alphabet: [UInt8]) -> UInt8 { alphabet[below(alphabet.count)] }

    /// `count` characters drawn from the ASCII `alphabet`.
    public mutating func string(_ alphabet: String, _ count: Int) -> String {
        let bytes = Array(alphabet.utf8)
        return String(decoding: (0..<count).map { _ in pick(bytes) }, as: UTF8.self)
    }
}
