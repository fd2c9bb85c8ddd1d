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
        let definition = BFCLBenchmark.singleTurn
        let scorer = try definition.makeScorer(ScorerContext())
        var items: [String: [String: BenchmarkItem]] = [:]
        var mismatches: [String] = []
        var compared = 0
        for line in try String(contentsOfFile: try #require(Self.file), encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if items[category] == nil {
                let loaded = try definition.adapter.load(split: category, from: DataLocation(root: Fixtures.sharedData, hubCache: nil))
                items[category] = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
            }
            let item = try #require(items[category]?[id])
            let verdict = await scorer.verdict(ScoringInput(response: try #require(record["output"]?.string)), item: item, mode: .official)
            let ours = verdict.correct ? nil : verdict.details["error_type"]?.stringValue
            if verdict.correct != (record["valid"]?.bool ?? false) || ours != record["error_type"]?.string {
                mismatches.append("\(category)/\(id): official \(record["error_type"]?.string ?? "valid"), Proctor \(ours ?? "valid")")
            }
            compared += 1
        }
        print("BFCL ground-truth verdicts: \(compared - mismatches.count) of \(compared) agree")
        #expect(compared > 2000)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared):\n\(mismatches.prefix(15).joined(separator: "\n"))")
    }
}
