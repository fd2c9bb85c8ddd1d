import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// The default model's file, where `scripts/fetch-model` puts it.
let defaultModel: URL = {
    let env = ProcessInfo.processInfo.environment
    let cache = env["PROCTOR_CACHE"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")).appendingPathComponent("proctor")
    return cache.appendingPathComponent("models/SmolLM2-135M-Instruct.Q4_1.gguf")
}()

@Suite(.enabled(if: Fixtures.hasSharedData && FileManager.default.fileExists(atPath: defaultModel.path),
                "needs ../shared/data and the default model (scripts/fetch-model)"))
struct KillAndResumeTests {
    /// kill -9 in the middle of a k = 3, T = 0.7 run on the real model, then the same command again: every
    /// (item, sample) is stored exactly once, with the seed derived from its key, and the outputs equal those of an
    /// uninterrupted run.
    @Test func killNineThenResumeLosesAndDuplicatesNothing() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let db = folder.appendingPathComponent("killed.sqlite").path
        let arguments = [
            "run", "--model", "smollm2", "--benchmarks", "math500", "--limit", "4", "--samples", "3", "--temperature", "0.7",
            "--top-p", "0.95", "--max-tokens", "40", "--seed", "11", "--concurrency", "1", "--data", Fixtures.sharedData.path,
        ]
        let started = try ProctorProcess.start(arguments + ["--db", db])
        // Wait until some samples are stored, then kill -9 mid-run.
        let deadline = Date().addingTimeInterval(240)
        var stored = 0
        while Date() < deadline && started.process.isRunning {
            if FileManager.default.fileExists(atPath: db), let database = try? ResultsDatabase(path: db),
                let run = try? database.runs().first {
                stored = (try? database.samples(runID: run.runID).count) ?? 0
                if stored >= 1 { break }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(
            started.process.isRunning,
            "the run finished before it could be killed; stored \(stored); stderr: \((try? String(contentsOf: started.stderr, encoding: .utf8)) ?? "")")
        kill(started.process.processIdentifier, SIGKILL)
        started.process.waitUntilExit()
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let beforeResume = try database.samples(runID: run.runID).count
        #expect(beforeResume >= 1 && beforeResume < 12)

        let resumed = try await ProctorProcess.run(arguments + ["--db", db], timeout: 600)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let samples = try database.samples(runID: run.runID)
        #expect(samples.count == 12)
        #expect(Set(samples.map(\.key)).count == 12)
        #expect(samples.allSatisfy { $0.error == nil && $0.output != nil })
        for sample in samples {
            #expect(sample.seed == StableHash.sampleSeed(runSeed: 11, benchmark: "math500:test", itemID: sample.key.itemID, sampleIndex: sample.key.sampleIndex))
        }
        #expect(try database.scores(runID: run.runID, mode: .official).count == 12)

        let reference = folder.appendingPathComponent("whole.sqlite").path
        let whole = try await ProctorProcess.run(arguments + ["--db", reference], timeout: 600)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = try ResultsDatabase(path: reference).samples(runID: run.runID)
        #expect(samples.map(\.key) == expected.map(\.key))
        #expect(samples.map(\.output) == expected.map(\.output))
    }
}
