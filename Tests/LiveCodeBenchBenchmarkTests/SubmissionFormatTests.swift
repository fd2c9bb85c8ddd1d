import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// The submission format with k samples per problem: imported verdicts aggregate into pass@1 (avg@k) and the
/// unbiased pass@k, and malformed files are named.
struct SubmissionFormatTests {
    static func problem(_ id: String, date: String, graded: [Bool]) -> [String: Any] {
        let outputs = graded.enumerated().map { "try \($0.offset)\n```python\nprint(\($0.offset))\n```" }
        return [
            "question_title": "t\(id)", "question_content": "Print something (\(id)).", "platform": "atcoder", "question_id": id, "contest_id": "c",
            "contest_date": date, "starter_code": "", "difficulty": "easy", "output_list": outputs,
            "code_list": graded.indices.map { "print(\($0))" }, "graded_list": graded,
            "pass@1": Double(graded.filter { $0 }.count) / Double(graded.count),
        ]
    }

    func write(_ records: [[String: Any]]) throws -> URL {
        let url = try Fixtures.temporaryDirectory("lcb-submission").appendingPathComponent("Scenario.codegeneration_4_0.2_eval_all.json")
        try JSONSerialization.data(withJSONObject: records).write(to: url)
        return url
    }

    /// `estimate_pass_at_k` of `pass_k_utils.py`: 1 - prod(1 - k / arange(n - c + 1, n + 1)).
    static func passAtK(n: Int, c: Int, k: Int) -> Double {
        if n - c < k { return 1 }
        var product = 1.0
        for m in stride(from: n - c + 1, through: n, by: 1) { product *= 1 - Double(k) / Double(m) }
        return 1 - product
    }

    @Test func kSamplesGivePassAtOneAndPassAtK() async throws {
        let graded = [("a1", [true, false, false, false]), ("a2", [true, true, false, false]), ("a3", [false, false, false, false])]
        let file = try write(graded.map { Self.problem($0.0, date: "2024-09-01T00:00:00", graded: $0.1) })
        let empty = DataLocation(root: try Fixtures.temporaryDirectory("lcb-empty"), hubCache: nil)
        let definition = LiveCodeBenchBenchmark.definition
        let name = BenchmarkName(name: definition.name, split: "release_v5")
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("k.sqlite").path)
        let summary = try await PredictionImport(definition: definition, name: name, location: empty).run(
            file, modelName: nil, context: ScorerContext(data: empty), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        #expect(summary.entries.count == 12)
        #expect(summary.entries.allSatisfy { $0.scores.allSatisfy { $0.verdict.details["official_code_matches"] == .bool(true) } })
        let results = try RunResults(run: summary.run, mode: .official, database: db)
        let metrics = BenchmarkMetrics(
            benchmark: name.description, results: results.benchmarks[name.description] ?? [:], items: results.items[name.description] ?? [:],
            specs: definition.metrics)
        let counts = graded.map { (n: $0.1.count, c: $0.1.filter { $0 }.count) }
        let pass1 = counts.map { Double($0.c) / Double($0.n) }.reduce(0, +) / 3 * 100
        #expect(abs(metrics.pass1 - pass1) < 1e-9)
        for k in [2, 4] {
            let expected = counts.map { Self.passAtK(n: $0.n, c: $0.c, k: k) }.reduce(0, +) / 3 * 100
            let measured = try #require(metrics.passAtK[k], "pass@\(k) missing: \(metrics.passAtK)")
            #expect(abs(measured - expected) < 1e-9, "pass@\(k) \(measured) vs \(expected)")
        }

        // Without test cases, rescore cannot grade the outputs: the imported verdicts stay as they are.
        let before = try db.scores(runID: summary.run.runID, mode: .official)
        let rescored = try await Rescore(database: db, definition: { _ in definition }, context: ScorerContext(data: empty)).run([summary.run])
        #expect(rescored.keptImported == 12 && rescored.samples == 0 && rescored.changed == 0, "\(rescored)")
        let after = try db.scores(runID: summary.run.runID, mode: .official)
        #expect(after.map(\.scorerID) == before.map(\.scorerID) && after.map(\.verdict.correct) == before.map(\.verdict.correct))
        #expect(after.allSatisfy { $0.scorerID == "livecodebench-imported" })
    }

    @Test func aGradedListOfTheWrongLengthIsNamed() throws {
        var record = Self.problem("b1", date: "2024-09-01T00:00:00", graded: [true, false])
        record["graded_list"] = [true]
        let file = try write([Self.problem("b0", date: "2024-09-01T00:00:00", graded: [true, true]), record])
        #expect {
            _ = try LCBSubmissionFormat().read(file, items: [:], split: "release_v5")
        } throws: { ($0 as? ProctorError)?.message.contains("problem 2 (b1): graded_list has 1 entries for 2 outputs") == true }
    }

    @Test func otherFilesAreNotThisFormat() throws {
        let url = try Fixtures.temporaryDirectory("lcb-other").appendingPathComponent("lines.jsonl")
        try #"{"id": "x", "response": "y"}"#.write(to: url, atomically: true, encoding: .utf8)
        #expect(try LCBSubmissionFormat().read(url, items: [:], split: "release_v5") == nil)
    }

    /// With the problems' tests in the data, a submission's outputs are graded again in the sandbox and its
    /// `graded_list` is not imported.
    @Test(.enabled(if: LCBFixtures.hasPython, "needs python3 on PATH"))
    func withTestsPresentTheOutputsAreGradedAgain() async throws {
        var record = Self.problem("fx_sum", date: "2024-07-31T00:00:00", graded: [false, true])
        record["output_list"] = [
            LCBFixtures.answer("n = int(input())\nprint(sum(map(int, input().split())))"), LCBFixtures.answer("print(0)"),
        ]
        record["code_list"] = ["n = int(input())\nprint(sum(map(int, input().split())))", "print(0)"]
        let file = try write([record])
        let definition = LiveCodeBenchBenchmark.definition
        let name = BenchmarkName(name: definition.name, split: "release_v2")
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("g.sqlite").path)
        let summary = try await PredictionImport(definition: definition, name: name, location: LCBFixtures.location).run(
            file, modelName: nil, context: ScorerContext(data: LCBFixtures.location, options: ["timeout": "2"]), database: db, harnessVersion: "test",
            gitCommit: nil, host: nil)
        let official = summary.entries.compactMap { $0.scores.first { $0.mode == .official } }
        #expect(official.map(\.scorerID) == ["livecodebench", "livecodebench"])
        #expect(official.map(\.verdict.correct) == [true, false], "the sandbox's verdicts, not the file's [false, true]")
        #expect(official.last?.verdict.subResults.first?.reason == "wrong answer")
    }
}
