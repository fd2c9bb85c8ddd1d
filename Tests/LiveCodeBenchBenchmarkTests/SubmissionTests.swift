import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// The official O1-Mini submission read as published (`proctor score --benchmark livecodebench:release_v5
/// --predictions …eval_all.json`): Proctor's extraction against the file's `code_list`, and the file's
/// `graded_list` imported and aggregated against the file's own per-problem `pass@1`.
@Suite(.enabled(if: LCBFixtures.hasShared, "needs ../shared/data/livecodebench/reference-outputs"))
struct SubmissionTests {
    struct Problem: Decodable {
        var questionID: String
        var contestDate: String
        var outputList: [String]
        var codeList: [String]
        var gradedList: [Bool]
        var pass1: Double
        enum CodingKeys: String, CodingKey {
            case questionID = "question_id", contestDate = "contest_date", outputList = "output_list", codeList = "code_list"
            case gradedList = "graded_list", pass1 = "pass@1"
        }
    }

    func problems() throws -> [Problem] {
        try JSONDecoder().decode([Problem].self, from: Data(contentsOf: LCBFixtures.submission))
    }

    @Test func extractionReproducesTheOfficialCodeList() throws {
        let problems = try problems()
        #expect(problems.count == 880)
        var differences: [String] = []
        var outputs = 0
        for problem in problems {
            for (output, code) in zip(problem.outputList, problem.codeList) {
                outputs += 1
                if LCBCodeExtraction.extract(output) != code { differences.append(problem.questionID) }
            }
        }
        #expect(outputs == 880)
        #expect(differences.isEmpty, "extraction differs from code_list for \(differences.count) outputs: \(differences)")
        #expect(Double(outputs - differences.count) >= 0.99 * Double(outputs))
    }

    @Test func importingTheSubmissionReproducesItsPassAtOne() async throws {
        let problems = try problems()
        let definition = LiveCodeBenchBenchmark.definition
        let name = BenchmarkName(name: definition.name, split: "release_v5")
        let importer = PredictionImport(definition: definition, name: name, location: LCBFixtures.shared)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("lcb.sqlite").path)
        let summary = try await importer.run(
            LCBFixtures.submission, modelName: nil, context: ScorerContext(data: LCBFixtures.shared), database: db, harnessVersion: "test",
            gitCommit: nil, host: nil)
        #expect(summary.entries.count == 880)
        let official = summary.entries.compactMap { $0.scores.first { $0.mode == .official } }
        #expect(official.allSatisfy { $0.scorerID == "livecodebench-imported" && $0.verdict.details["official_code_matches"] == .bool(true) })
        // Item by item: the imported verdict is the file's graded_list entry.
        let graded = Dictionary(uniqueKeysWithValues: problems.map { ($0.questionID, $0.gradedList[0]) })
        #expect(official.allSatisfy { graded[$0.key.itemID] == $0.verdict.correct })

        let results = try RunResults(run: summary.run, mode: .official, database: db)
        let metrics = BenchmarkMetrics(
            benchmark: name.description, results: results.benchmarks[name.description] ?? [:], items: results.items[name.description] ?? [:],
            specs: definition.metrics)
        let all = problems.map(\.pass1).reduce(0, +) / Double(problems.count) * 100
        let windowed = problems.filter { $0.contestDate >= "2024-08-01" && $0.contestDate <= "2025-01-31T00:00:00" }
        let window = windowed.map(\.pass1).reduce(0, +) / Double(windowed.count) * 100
        #expect(metrics.items == 880)
        #expect(abs(metrics.pass1 - all) < 1e-9, "pass@1 \(metrics.pass1) vs the file's \(all)")
        #expect(windowed.count == 279)
        let measured = try #require(metrics.metrics[LiveCodeBenchBenchmark.reasoningWindow.name])
        #expect(abs(measured - window) < 1e-9, "window pass@1 \(measured) vs the file's \(window)")
    }
}
