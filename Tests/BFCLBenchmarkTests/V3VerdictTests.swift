import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// The v3 rules against bfcl_eval's own verdicts (gorilla cd9429cc: `default_decode_ast_prompting`, `ast_checker`,
/// the relevance runner) on answers made from the v3 possible answers — the ground truth written as calls, then
/// reversed, with a changed value, an extra or a dropped parameter, in a code fence — for 12 entries of every AST
/// category and 8 of every relevance category (`Fixtures/official-v3-verdicts.jsonl`). No published v3 score
/// files are in the data; these are the official code's verdicts on constructed answers.
@Suite struct BFCLV3VerdictTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-v3-verdicts.jsonl")
    static let available = FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/v3").path)

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func verdictsEqualBfclEvals() async throws {
        let (compared, mismatches) = try await OfficialVerdicts.compare(try String(contentsOf: Self.fixture, encoding: .utf8))
        #expect(compared > 700)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared):\n\(mismatches.prefix(12).joined(separator: "\n"))")
    }
}
