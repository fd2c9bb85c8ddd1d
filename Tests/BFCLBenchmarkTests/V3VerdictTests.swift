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
        let definition = BFCLBenchmark.singleTurn
        let scorer = try definition.makeScorer(ScorerContext())
        var items: [String: [String: BenchmarkItem]] = [:]
        var mismatches: [String] = []
        var compared = 0
        for line in try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if items[category] == nil {
                let loaded = try definition.adapter.load(split: category, from: DataLocation(root: Fixtures.sharedData, hubCache: nil))
                items[category] = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
            }
            let item = try #require(items[category]?[id])
            #expect(item.fields["bfcl_layout"]?.stringValue == "v3")
            let verdict = await scorer.verdict(ScoringInput(response: try #require(record["output"]?.string)), item: item, mode: .official)
            let expectedValid = record["valid"]?.bool ?? false
            let expectedType = record["error_type"]?.string
            let ourType = verdict.correct ? nil : verdict.details["error_type"]?.stringValue
            compared += 1
            if verdict.correct != expectedValid || ourType != expectedType {
                mismatches.append("\(category)/\(id) \(record["variant"]?.string ?? ""): official \(expectedType ?? "valid"), Proctor \(ourType ?? "valid") \(verdict.details["error"]?.stringValue ?? "")")
            }
        }
        #expect(compared > 700)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared):\n\(mismatches.prefix(12).joined(separator: "\n"))")
    }
}
