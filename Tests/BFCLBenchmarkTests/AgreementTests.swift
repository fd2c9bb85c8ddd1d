import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// Proctor's verdicts on the published gpt-4-0125-preview results (prompt mode, v1 leaderboard files) against the
/// official score files, entry by entry: the same entries fail, with the same error types, and the accuracies are
/// the score files' own.
@Suite struct BFCLAgreementTests {
    static let reference = Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs")
    static let available = FileManager.default.fileExists(atPath: reference.path)
    static let categories = ["simple", "multiple_function", "parallel_function", "parallel_multiple_function", "java", "javascript", "relevance"]

    /// What a score file says: its accuracy line and the failed entries (by 1-based position or by id).
    struct Official {
        var accuracy: Double
        var correct: Int
        var total: Int
        var failures: [String: String]
    }

    static func official(_ category: String) throws -> Official {
        let url = reference.appendingPathComponent("score/gpt-4-0125-preview/\(category)_score.json")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONTree.parse(Data($0.utf8)) }
        let head = try #require(lines.first)
        var failures: [String: String] = [:]
        for line in lines.dropFirst() {
            let key = line["id"]?.int.map { "#\($0)" } ?? line["id"]?.string ?? "?"
            failures[key] = line["error_type"]?.string ?? "?"
        }
        return Official(
            accuracy: try #require(head["accuracy"].flatMap { if case .number(let d) = $0 { d } else { $0.int.map(Double.init) } }),
            correct: try #require(head["correct_count"]?.int), total: try #require(head["total_count"]?.int), failures: failures)
    }

    /// Proctor's failures keyed as the score file keys them (v1: `#<position>`), and the counts.
    static func proctor(_ category: String) async throws -> (failures: [String: String], correct: Int, total: Int) {
        let location = DataLocation(root: reference.appendingPathComponent("v1-data"), hubCache: nil)
        let definition = BFCLBenchmark.singleTurn
        let items = Dictionary(uniqueKeysWithValues: try definition.adapter.load(split: category, from: location).map { ($0.id, $0) })
        let results = reference.appendingPathComponent("result/gpt-4-0125-preview/gorilla_openfunctions_v1_test_\(category)_result.json")
        let predictions = try #require(try definition.predictionFormats.first?.read(results, items: items, split: category))
        let scorer = try definition.makeScorer(ScorerContext())
        var failures: [String: String] = [:]
        var correct = 0
        for (position, prediction) in predictions.enumerated() {
            let item = try #require(items[prediction.itemID], "no item \(prediction.itemID)")
            let verdict = await scorer.verdict(
                ScoringInput(response: prediction.response, preExtracted: prediction.extraction), item: item, mode: .official)
            if verdict.correct {
                correct += 1
            } else {
                failures["#\(position + 1)"] = verdict.details["error_type"]?.stringValue ?? verdict.rule
            }
        }
        return (failures, correct, predictions.count)
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/reference-outputs"), arguments: categories)
    func failingEntriesAndErrorTypesMatchTheScoreFiles(category: String) async throws {
        let official = try Self.official(category)
        let ours = try await Self.proctor(category)
        let disagreements = Set(official.failures.keys).union(ours.failures.keys).sorted().compactMap { key -> String? in
            official.failures[key] == ours.failures[key] ? nil : "\(key): official \(official.failures[key] ?? "correct"), Proctor \(ours.failures[key] ?? "correct")"
        }
        #expect(disagreements.isEmpty, "\(category): \(disagreements.joined(separator: "; "))")
        #expect(ours.total == official.total)
        #expect(ours.correct == official.correct)
        #expect(Double(ours.correct) / Double(ours.total) == official.accuracy)
        print("| \(category) | \(ours.total) | \(official.failures.count) | \(ours.failures.count) | \(disagreements.count) | \(official.accuracy) | \(Double(ours.correct) / Double(ours.total)) |")
    }
}
