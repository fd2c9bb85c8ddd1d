import BFCLBenchmark
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
@testable import ProctorStore
import ProctorTestSupport
import Testing

/// `bfcl-overall` as bfcl_eval v3's `generate_leaderboard_csv` computes it, on hand-computed category accuracies with
/// categories missing (counted as 0 over their file's entries, as `get_category_score` counts them).
struct BFCLOverallTests {
    /// A category scored on `count` items, the first `correct` of them right.
    func category(_ name: String, correct: Int, of count: Int) -> (String, BenchmarkMetrics) {
        let results = Dictionary(uniqueKeysWithValues: (0..<count).map { i in
            let right = i < correct
            let verdict = Verdict(extracted: nil, correct: right, score: right ? 1 : 0, truncated: false, unparsed: false, rule: "test")
            return ("\(name)_\(i)", ItemResult(itemID: "\(name)_\(i)", verdicts: [verdict], failed: 0, hitLength: 0))
        })
        return (name, BenchmarkMetrics(benchmark: name, results: results, items: [:]))
    }

    /// Seven categories present, ten missing.
    var partialRun: [String: BenchmarkMetrics] {
        Dictionary(uniqueKeysWithValues: [
            category("bfcl:simple", correct: 2, of: 4), category("bfcl:java", correct: 2, of: 2), category("bfcl:multiple", correct: 1, of: 4),
            category("bfcl:irrelevance", correct: 2, of: 2), category("bfcl:live_simple", correct: 2, of: 4),
            category("bfcl:live_irrelevance", correct: 2, of: 2), category("bfcl-multi-turn:multi_turn_base", correct: 1, of: 2),
        ])
    }

    var overall: SuiteDefinition {
        get throws { try #require(BFCLBenchmark.suites.first { $0.name == "bfcl-overall" }) }
    }

    @Test func aMissingCategoryCountsAsZeroOverItsEntries() throws {
        // By hand, as generate_leaderboard_csv does it:
        // simple_ast = mean(simple 0.5, java 1, javascript missing 0) = 0.5
        // non_live = mean(simple_ast 0.5, multiple 0.25, parallel 0, parallel_multiple 0, irrelevance 1) = 0.35
        // live = (0.5·4 + 1·2 + 0·(1053 + 16 + 24 + 18)) / (4 + 2 + 1053 + 16 + 24 + 18) = 4 / 1117
        // multi_turn = mean(base 0.5, miss_func 0, miss_param 0, long_context 0) = 0.125
        let expected = 100 * (0.35 + 4.0 / 1117 + 0.125) / 3
        let value = try #require(try overall.value(in: partialRun))
        #expect(abs(value.value - expected) < 1e-9, "overall \(value.value), by hand \(expected)")
        #expect(try overall.missingMembers(in: partialRun) == [
            "bfcl:live_multiple", "bfcl:live_parallel", "bfcl:live_parallel_multiple", "bfcl:live_relevance", "bfcl:javascript",
            "bfcl:parallel", "bfcl:parallel_multiple", "bfcl-multi-turn:multi_turn_miss_func", "bfcl-multi-turn:multi_turn_miss_param",
            "bfcl-multi-turn:multi_turn_long_context",
        ])
    }

    @Test func everyCategoryPresentIsTheMeanOfTheThreeGroups() throws {
        var run = partialRun
        for name in try overall.missingMembers(in: partialRun) {
            let (key, metrics) = category(name, correct: 1, of: 1)
            run[key] = metrics
        }
        // simple_ast = (0.5 + 1 + 1) / 3; non_live = (5/6 + 0.25 + 1 + 1 + 1) / 5;
        // live = (2 + 2 + 1 + 1 + 1 + 1) / (4 + 2 + 4·1); multi_turn = (0.5 + 3) / 4.
        let expected = 100 * ((5.0 / 6 + 3.25) / 5 + 8.0 / 10 + 3.5 / 4) / 3
        let value = try #require(try overall.value(in: run))
        #expect(abs(value.value - expected) < 1e-9, "overall \(value.value), by hand \(expected)")
        #expect(try overall.missingMembers(in: run).isEmpty)
    }

    @Test func aRunWithoutAnyCategoryHasNoOverall() throws {
        let other = Dictionary(uniqueKeysWithValues: [category("math500:test", correct: 1, of: 2)])
        #expect(try overall.value(in: other) == nil)
        #expect(try overall.missingMembers(in: other).isEmpty)
    }

    @Test(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data/bfcl/v3 (the official category files)"))
    func theEntryCountsAreTheOfficialFiles() throws {
        for name in try overall.members {
            let category = try #require(name.split(separator: ":").last.map(String.init))
            let file = Fixtures.sharedData.appendingPathComponent("bfcl/v3/BFCL_v3_\(category).json")
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count
            #expect(BFCLCategory.v3Entries(category) == lines, "\(file.lastPathComponent) has \(lines) entries")
        }
    }

    @Test func theReportNamesTheCategoriesCountedAsZero() throws {
        let run = RunRecord(
            runID: "r1", config: RunConfig(
                model: ModelIdentity(kind: "scripted", name: "m", location: "memory"),
                parameters: GenerationParameters(temperature: 0, topP: 1, maxTokens: 8, seed: 1), samples: 1, preset: nil),
            label: "partial", harnessVersion: "test", gitCommit: nil, host: nil, createdAt: "2026-01-01", updatedAt: "2026-01-01")
        var entries: [(sample: SampleRecord, scores: [ScoreRecord])] = []
        for (benchmark, correct, count) in [("bfcl:simple", 1, 2), ("bfcl-multi-turn:multi_turn_base", 1, 1)] {
            for i in 0..<count {
                let key = SampleKey(benchmark: benchmark, itemID: "\(i)", sampleIndex: 0)
                let right = i < correct
                let verdict = Verdict(extracted: nil, correct: right, score: right ? 1 : 0, truncated: false, unparsed: false, rule: "test")
                entries.append((
                    SampleRecord(runID: "r1", key: key, seed: 1, promptJSON: "[]", output: "x", finishReason: .stop),
                    [ScoreRecord(runID: "r1", key: key, mode: .official, scorerID: "bfcl", scorerVersion: 1, verdict: verdict)]))
            }
        }
        let report = Report(results: [RunResults(run: run, mode: .official, entries: entries, items: [:])], suites: BFCLBenchmark.suites)
        let missing = try #require(report.rows.first?.suiteMissing["bfcl-overall"])
        #expect(missing.count == 15 && !missing.contains("bfcl:simple") && missing.contains("bfcl:live_simple"))
        let markdown = report.markdown()
        #expect(markdown.contains("### Suite members not in the run (counted as 0)"))
        #expect(markdown.contains("| partial | bfcl-overall | bfcl:live_simple, bfcl:live_multiple,"))
        // (mean(0.5, 0, 0)/5 + 0 + 1/4) / 3
        #expect(abs((report.rows.first?.suites["bfcl-overall"] ?? 0) - 100 * (0.5 / 3 / 5 + 0.25) / 3) < 1e-9)
    }
}
