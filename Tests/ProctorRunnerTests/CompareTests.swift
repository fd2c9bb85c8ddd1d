import Foundation
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorScoring
import ProctorStore
import ProctorTestSupport
import Testing

@Suite struct CompareTests {
    let items = Fixtures.mathItems(200)

    func run(_ db: ResultsDatabase, accuracy: Double, name: String, seed: UInt64, samples: Int = 1) async throws -> RunResults {
        let plan = RunPlan(
            config: RunConfig(
                model: ModelIdentity(kind: "scripted", name: name, location: "memory"),
                parameters: GenerationParameters(temperature: 0.6, topP: 0.95, maxTokens: 64, seed: seed), samples: samples, preset: nil),
            benchmarks: [BenchmarkPlan(name: BenchmarkName(name: "toy", split: "test"), items: items, scorer: MathAnswerScorer(id: "math", integerAnswers: false))],
            concurrency: 8, harnessVersion: "test")
        let backend = ScriptedBackend.mathSolver(answers: Fixtures.answersByPrompt(items), accuracy: accuracy, name: name)
        let summary = try await Runner(database: db, backend: backend).run(plan)
        return try RunResults(run: summary.run, mode: .strict, database: db)
    }

    @Test func aPlantedRegressionIsFlaggedAndANullChangeIsNot() async throws {
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path)
        let base = try await run(db, accuracy: 0.7, name: "base", seed: 1)
        let worse = try await run(db, accuracy: 0.45, name: "worse", seed: 1)
        let same = try await run(db, accuracy: 0.7, name: "same", seed: 1)
        let reseeded = try await run(db, accuracy: 0.7, name: "reseeded", seed: 2)

        let regression = try #require(Comparison.compare(base: base, new: worse).first)
        #expect(regression.delta < -10)
        #expect(regression.isRegression(alpha: 0.05))
        #expect(regression.ciHigh < 0)
        #expect(regression.worse > regression.better)
        #expect(!regression.flipped.isEmpty)

        let identical = try #require(Comparison.compare(base: base, new: same).first)
        #expect(identical.delta == 0)
        #expect(identical.flipped.isEmpty)
        #expect(!identical.isRegression(alpha: 0.05))

        // Same accuracy, different samples: differences are noise and must not be called a regression.
        let noise = try #require(Comparison.compare(base: base, new: reseeded).first)
        #expect(!noise.flipped.isEmpty)
        #expect(!noise.isRegression(alpha: 0.05))
        #expect(noise.ciLow < 0 && noise.ciHigh > 0)
    }

    @Test func kSampleRunsCompareByPerItemMeans() async throws {
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("k.sqlite").path)
        let base = try await run(db, accuracy: 0.8, name: "base", seed: 3, samples: 4)
        let worse = try await run(db, accuracy: 0.6, name: "worse", seed: 3, samples: 4)
        let c = try #require(Comparison.compare(base: base, new: worse).first)
        #expect(c.items == 200)
        #expect(c.isRegression(alpha: 0.05))
        let report = Report(results: [base, worse])
        let metrics = try #require(report.rows.first?.benchmarks["toy:test"])
        #expect(metrics.passAtK[2] != nil && metrics.passAtK[4] != nil)
        #expect(metrics.majAtK != nil)
        #expect(report.markdown().contains("toy:test by parity"))
        #expect(report.html().contains("<svg"))
        #expect(report.csv().split(separator: "\n").count == 3)
    }
}
