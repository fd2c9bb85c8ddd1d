import Foundation
import ProctorCore
import ProctorRunner
import ProctorScoring
import ProctorStore
import ProctorTestSupport
import Testing

@Suite struct RunnerTests {
    let items = Fixtures.mathItems(12)

    func plan(samples: Int = 4, shard: Shard? = nil, concurrency: Int = 3) -> RunPlan {
        RunPlan(
            config: RunConfig(
                model: ModelIdentity(kind: "scripted", name: "scripted-solver", location: "memory"),
                parameters: GenerationParameters(temperature: 0.6, topP: 0.95, maxTokens: 128, seed: 42), samples: samples, preset: "r1"),
            benchmarks: [BenchmarkPlan(name: BenchmarkName(name: "toy", split: "test"), items: items, scorer: MathAnswerScorer(id: "math", integerAnswers: false))],
            shard: shard, concurrency: concurrency, harnessVersion: "test")
    }

    func database() throws -> ResultsDatabase {
        try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path)
    }

    @Test func everySampleIsStoredOnceWithItsDerivedSeed() async throws {
        let db = try database()
        let backend = ScriptedBackend.mathSolver(answers: Fixtures.answersByPrompt(items), accuracy: 0.5)
        let summary = try await Runner(database: db, backend: backend).run(plan())
        #expect(summary.progress.done == 48)
        let samples = try db.samples(runID: summary.run.runID)
        #expect(samples.count == 48)
        #expect(Set(samples.map(\.seed)).count == 48)
        for sample in samples {
            #expect(sample.seed == StableHash.sampleSeed(runSeed: 42, benchmark: "toy:test", itemID: sample.key.itemID, sampleIndex: sample.key.sampleIndex))
        }
        #expect(Set(backend.requests.map(\.parameters.seed)) == Set(samples.map(\.seed)))
        let official = try db.scores(runID: summary.run.runID, mode: .official)
        #expect(official.count == 48)
        #expect(official.filter(\.verdict.correct).count == summary.progress.correct)
    }

    @Test func aCancelledRunResumesWithoutLossOrDuplicates() async throws {
        let db = try database()
        let answers = Fixtures.answersByPrompt(items)
        // The first invocation is cancelled after 17 requests have been answered, mid-flight for others.
        let slow = ScriptedBackend { request, call in
            if call >= 17 { try await Task.sleep(for: .seconds(30)) }
            return try await ScriptedBackend.mathSolver(answers: answers, accuracy: 0.5).generate(request)
        }
        let task = Task { try await Runner(database: db, backend: slow).run(plan()) }
        while try db.samples(runID: plan().config.hash.prefix(12).description).count < 17 {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        let first = try await task.value
        #expect(first.cancelled)
        let stored = try db.samples(runID: first.run.runID)
        #expect(stored.count == 17)

        let fresh = ScriptedBackend.mathSolver(answers: answers, accuracy: 0.5)
        let second = try await Runner(database: db, backend: fresh).run(plan())
        #expect(second.progress.resumed == 17)
        #expect(fresh.calls == 48 - 17)
        let all = try db.samples(runID: first.run.runID)
        #expect(all.count == 48)
        #expect(Set(all.map(\.key)).count == 48)

        // The resumed run equals an uninterrupted one, sample for sample.
        let reference = try database()
        _ = try await Runner(database: reference, backend: ScriptedBackend.mathSolver(answers: answers, accuracy: 0.5)).run(plan())
        let expected = try reference.samples(runID: first.run.runID)
        #expect(all.map(\.output) == expected.map(\.output))
        #expect(all.map(\.seed) == expected.map(\.seed))
    }

    @Test func shardsMergedEqualOneUnshardedRun() async throws {
        let answers = Fixtures.answersByPrompt(items)
        let whole = try database()
        _ = try await Runner(database: whole, backend: ScriptedBackend.mathSolver(answers: answers, accuracy: 0.5)).run(plan())
        var parts: [ResultsDatabase] = []
        for index in 1...3 {
            let part = try database()
            let summary = try await Runner(database: part, backend: ScriptedBackend.mathSolver(answers: answers, accuracy: 0.5))
                .run(plan(shard: try Shard(index: index, count: 3)))
            #expect(summary.progress.total < 48)
            parts.append(part)
        }
        let merged = try database()
        let result = try merged.merge(parts)
        #expect(result.duplicatesSkipped == 0)
        let runID = try whole.runs()[0].runID
        let a = try whole.samples(runID: runID), b = try merged.samples(runID: runID)
        #expect(a.map(\.key) == b.map(\.key))
        #expect(a.map(\.seed) == b.map(\.seed))
        #expect(a.map(\.output) == b.map(\.output))
        #expect(try whole.scores(runID: runID, mode: .official).map(\.verdict) == merged.scores(runID: runID, mode: .official).map(\.verdict))
        // Merging the same shards again adds nothing.
        let again = try merged.merge(parts)
        #expect(again.samplesAdded == 0)
        #expect(again.duplicatesSkipped == 48)
    }

    @Test func failedRequestsAreRecordedAndRetriedOnResume() async throws {
        let db = try database()
        let answers = Fixtures.answersByPrompt(items)
        let flaky = ScriptedBackend { request, call in
            if call % 5 == 0 { throw ProctorError(.timeout, "server at http://127.0.0.1:1 did not answer within 1 s") }
            return try await ScriptedBackend.mathSolver(answers: answers, accuracy: 1).generate(request)
        }
        let first = try await Runner(database: db, backend: flaky).run(plan(samples: 1))
        #expect(first.progress.failed > 0)
        #expect(first.progress.done == 12)
        let failed = try db.samples(runID: first.run.runID).filter { $0.error != nil }
        #expect(failed.count == first.progress.failed)
        #expect(failed.allSatisfy { $0.error?.contains("did not answer") == true && $0.finishReason == .error })
        #expect(try db.scores(runID: first.run.runID, mode: .official).count == 12 - failed.count)

        let second = try await Runner(database: db, backend: ScriptedBackend.mathSolver(answers: answers, accuracy: 1)).run(plan(samples: 1))
        #expect(second.progress.total == failed.count)
        #expect(try db.samples(runID: first.run.runID).allSatisfy { $0.error == nil })
    }

    @Test func anItemWithACorruptImageIsAnErrorRowAndTheRunGoesOn() async throws {
        let db = try database()
        var p = plan(samples: 2)
        p.benchmarks[0].problems = [ItemLoadProblem(itemID: "q99", kind: .corruptFile, files: ["images/99.png"], message: "images/99.png does not decode")]
        let summary = try await Runner(database: db, backend: ScriptedBackend.mathSolver(answers: Fixtures.answersByPrompt(items), accuracy: 1)).run(p)
        let samples = try db.samples(runID: summary.run.runID)
        #expect(samples.count == 26)
        let broken = samples.filter { $0.key.itemID == "q99" }
        #expect(broken.count == 2)
        #expect(broken.allSatisfy { $0.error == "images/99.png does not decode" })
        #expect(summary.progress.done == 24)
    }

    @Test func shardsComeFromSchedulerEnvironments() throws {
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"], countOption: nil) == Shard(index: 1, count: 4))
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"], countOption: nil) == Shard(index: 3, count: 3))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], countOption: 5) == Shard(index: 3, count: 5))
        #expect(throws: ProctorError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], countOption: nil) }
        #expect(try Shard.fromEnvironment([:], countOption: nil) == nil)
        #expect(throws: ProctorError.self) { try Shard(parsing: "4/3") }
    }
}
