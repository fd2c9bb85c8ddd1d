import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
struct JudgeCommandTests {
    /// The judge's verdicts go to their own table beside the rule verdicts, and the agreement table is printed.
    /// The judge here is `proctor serve --echo`, which repeats the prompt: its reply's first verdict line is the
    /// instruction "VERDICT: CORRECT or …", so it calls every answer correct, and agreement equals rule accuracy.
    @Test func judgementsAreStoredBesideRuleVerdicts() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let predictions = folder.appendingPathComponent("p.jsonl")
        try Data("""
            {"id": "60", "response": "<think>ok</think> \\\\boxed{204}"}
            {"id": "61", "response": "<think>ok</think> \\\\boxed{1}"}
            {"id": "62", "response": "<think>ok</think> \\\\boxed{2}"}
            {"id": "63", "response": "<think>ok</think> \\\\boxed{3}"}

            """.utf8).write(to: predictions)
        let db = folder.appendingPathComponent("j.sqlite").path
        let scored = try await ProctorProcess.run(["score", "--benchmark", "aime24", "--predictions", predictions.path, "--data", Fixtures.sharedData.path, "--db", db])
        #expect(scored.status == 0, "\(scored.stderr)")
        let server = try await ServeProcess(["--echo"])
        defer { server.stop() }
        let judged = try await ProctorProcess.run(["judge", "--judge", "openai:\(server.baseURL)", "--judge-model", "proctor-echo", "--db", db])
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(judged.stdout.contains("| aime24:test | 4 | 100.0 | 25.0 | 25.0 | 25.0 | 25.0 | 0 | 0 |"), "\(judged.stdout)")
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let judgements = try database.judgements(runID: run.runID, judge: "proctor-echo@\(server.baseURL)")
        #expect(judgements.count == 4)
        #expect(try database.scores(runID: run.runID, mode: .official).filter(\.verdict.correct).count == 1)
        // A second invocation judges nothing new.
        let again = try await ProctorProcess.run(["judge", "--judge", "openai:\(server.baseURL)", "--judge-model", "proctor-echo", "--db", db])
        #expect(again.status == 0)
        #expect(try database.judgements(runID: run.runID, judge: "proctor-echo@\(server.baseURL)").count == 4)
    }
}
