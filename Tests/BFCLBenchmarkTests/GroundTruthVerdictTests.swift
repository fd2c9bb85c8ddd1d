import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// Opt-in: every v3 AST entry's ground truth written as calls, judged by Proctor and by bfcl_eval
/// (`benchmarks/bfcl/ground-truth-verdicts.py` writes the official verdicts; point `BFCL_OFFICIAL_VERDICTS` at its
/// output). Skipped when the variable is not set.
@Suite struct BFCLGroundTruthVerdictTests {
    static let file = ProcessInfo.processInfo.environment["BFCL_OFFICIAL_VERDICTS"]

    @Test(.enabled(if: file != nil, "set BFCL_OFFICIAL_VERDICTS to the output of benchmarks/bfcl/ground-truth-verdicts.py"))
    func everyEntryAgreesWithBfclEval() async throws {
        let (compared, mismatches) = try await OfficialVerdicts.compare(try String(contentsOfFile: try #require(Self.file), encoding: .utf8))
        print("BFCL ground-truth verdicts: \(compared - mismatches.count) of \(compared) agree")
        #expect(compared > 2000)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared):\n\(mismatches.prefix(15).joined(separator: "\n"))")
    }
}
