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
        // kill -9 once a sample is stored, from a thread of its own: long synchronous tests running in parallel can
        // occupy every thread of the test's concurrency pool, and a polling task would then wake after the run ended.
        let (killed, stored) = await killOnceStored(started.process, db: db, timeout: 240)
        try #require(
            killed,
            "the run finished before it could be killed; stored \(stored); stderr: \((try? String(contentsOf: started.stderr, encoding: .utf8)) ?? "")")
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

/// A process handed to the killing thread. `@unchecked Sendable`: only that thread touches it until it resumes the
/// waiting task, after the process has exited.
final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}

/// Polls the results database every 20 ms on a dedicated thread and sends SIGKILL to `process` once one sample is
/// stored. Returns whether it killed the process (false: it had already exited) and how many samples it saw.
func killOnceStored(_ process: Process, db: String, timeout: Double) async -> (killed: Bool, stored: Int) {
    let box = ProcessBox(process)
    return await withCheckedContinuation { continuation in
        let thread = Thread {
            let process = box.process
            let deadline = Date().addingTimeInterval(timeout)
            var stored = 0
            while Date() < deadline && process.isRunning {
                if FileManager.default.fileExists(atPath: db), let database = try? ResultsDatabase(path: db),
                    let run = try? database.runs().first {
                    stored = (try? database.samples(runID: run.runID).count) ?? 0
                    if stored >= 1 { break }
                }
                usleep(20_000)
            }
            let running = process.isRunning
            if running { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            continuation.resume(returning: (running, stored))
        }
        thread.start()
    }
}
