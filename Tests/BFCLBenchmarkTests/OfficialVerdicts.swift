import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// Compares Proctor's verdicts with official ones listed as JSON lines `{category, id, output, valid, error_type}`
/// (items read from the v3 files of `../shared/data`).
enum OfficialVerdicts {
    /// Scores every line's output and returns how many were compared and the disagreements.
    static func compare(_ text: String) async throws -> (compared: Int, mismatches: [String]) {
        let definition = BFCLBenchmark.singleTurn
        let scorer = try definition.makeScorer(ScorerContext())
        var items: [String: [String: BenchmarkItem]] = [:]
        var mismatches: [String] = []
        var compared = 0
        for line in text.split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if items[category] == nil {
                let loaded = try definition.adapter.load(split: category, from: DataLocation(root: Fixtures.sharedData, hubCache: nil))
                items[category] = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
            }
            let item = try #require(items[category]?[id])
            #expect(item.fields["bfcl_layout"]?.stringValue == "v3")
            let verdict = await scorer.verdict(ScoringInput(response: try #require(record["output"]?.string)), item: item, mode: .official)
            let ours = verdict.correct ? nil : verdict.details["error_type"]?.stringValue
            let theirs = record["error_type"]?.string
            if verdict.correct != (record["valid"]?.bool ?? false) || ours != theirs {
                let variant = record["variant"]?.string.map { " \($0)" } ?? ""
                mismatches.append("\(category)/\(id)\(variant): official \(theirs ?? "valid"), Proctor \(ours ?? "valid") \(verdict.details["error"]?.stringValue ?? "")")
            }
            compared += 1
        }
        return (compared, mismatches)
    }
}
