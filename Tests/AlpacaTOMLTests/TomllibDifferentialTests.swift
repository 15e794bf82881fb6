import AlpacaTOML
import Foundation
import Testing

/// Generated documents parsed by AlpacaTOML and by Python's tomllib: both must accept or both
/// reject, and accepted documents must hold the same values (compared through `CanonicalForm`).
@Suite struct TomllibDifferentialTests {
    /// Fixed so failures reproduce; override with ALPACA_TOML_SEED to explore.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ALPACA_TOML_SEED"].flatMap { UInt64($0) } ?? 0x7041_1CA_1_0
    static let validCount = 2000
    static let mutatedCount = 3000

    @Test("AlpacaTOML and tomllib agree on generated documents", .enabled(if: TomllibOracle.unavailableReason == nil))
    func agreesWithTomllib() throws {
        var generator = DocumentGenerator(seed: Self.seed)
        var documents: [[UInt8]] = []
        for _ in 0..<Self.validCount { documents.append(generator.document()) }
        for _ in 0..<Self.mutatedCount { documents.append(generator.mutated()) }
        for token in DocumentGenerator.edgeTokens { documents += generator.edgeCaseDocuments(token) }

        let verdicts = try TomllibOracle.verdicts(for: documents)
        try #require(verdicts.count == documents.count, "the oracle answered \(verdicts.count) of \(documents.count) documents")
        var tally = (accepted: 0, rejected: 0, specRejects: 0, skipped: 0)
        var disagreements = 0
        for (index, (document, verdict)) in zip(documents, verdicts).enumerated() {
            let mine = Result { () throws(TOMLError) in try TOMLTable(bytes: document) }
            let problem: String?
            switch (verdict, mine) {
            case (.accepted(let expected), .success(let table)):
                tally.accepted += 1
                let actual = CanonicalForm.of(table)
                problem = actual == expected ? nil : "values differ\n  tomllib:    \(expected)\n  AlpacaTOML: \(actual)"
            case (.accepted, .failure(let error)):
                problem = "tomllib accepts, AlpacaTOML rejects: \(error)"
            case (.rejected, .failure), (.specRejects, .failure):
                if case .specRejects = verdict { tally.specRejects += 1 } else { tally.rejected += 1 }
                problem = nil
            case (.rejected(let message), .success(let table)):
                problem = "tomllib rejects (\(message)), AlpacaTOML accepts: \(CanonicalForm.of(table))"
            case (.specRejects(let reason), .success):
                problem = "TOML 1.0 rejects (\(reason)), AlpacaTOML accepts"
            case (.skipped, _):
                tally.skipped += 1
                problem = nil
            }
            if let problem {
                disagreements += 1
                if disagreements <= 25 {
                    Issue.record("seed \(Self.seed) document \(index): \(problem)\n  document: \(String(decoding: document, as: UTF8.self).debugDescription)")
                }
            }
        }
        let compared = documents.count - tally.skipped
        print("""
            TomllibDifferentialTests seed \(Self.seed): \(documents.count) documents, \(compared - disagreements)/\(compared) agree \
            (accepted by both: \(tally.accepted), rejected by both: \(tally.rejected), \
            rejected per TOML 1.0 where tomllib accepts: \(tally.specRejects), skipped: \(tally.skipped)), \
            disagreements: \(disagreements)
            """)
        #expect(disagreements == 0)
        // The generator must keep producing both kinds, or the comparison proves little.
        #expect(tally.accepted > documents.count / 5)
        #expect(tally.rejected > documents.count / 5)
    }
}
