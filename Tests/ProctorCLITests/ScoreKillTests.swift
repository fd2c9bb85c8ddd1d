import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor score` commits once per batch: kill -9 in the middle of an import leaves whole batches (every stored
/// sample with both verdicts), and the same command again completes the run without duplicates.
@Suite struct ScoreKillTests {
    @Test func killNineDuringAnImportLosesAtMostTheBatchInFlight() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let predictions = folder.appendingPathComponent("predictions.jsonl")
        let lines = 30_000, batch = 200
        let text = (0..<lines).map { i in
            "{\"id\": \"p\(i)\", \"response\": \"The answer is $\\\\boxed{\(i % 7)}$.\", \"answer\": \"\(i % 5)\"}"
        }.joined(separator: "\n")
        try Data(text.utf8).write(to: predictions)
        let empty = folder.appendingPathComponent("no-data")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("killed.sqlite").path
        let arguments = [
            "score", "--benchmark", "math500", "--predictions", predictions.path, "--data", empty.path, "--db", db,
            "--batch-size", String(batch),
        ]
        let started = try ProctorProcess.start(arguments)
        let (killed, _) = await killOnceStored(started.process, db: db, timeout: 240)
        try #require(killed, "the import finished before it could be killed; make the file longer")

        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let stored = try database.samples(runID: run.runID)
        // Killed after the first commit and before the last one (the summary is printed after all of them).
        #expect(!stored.isEmpty && stored.count < lines, "\(stored.count) of \(lines) samples stored when killed")
        #expect(stored.count % batch == 0, "\(stored.count) samples stored: not whole batches of \(batch)")
        #expect(try database.scores(runID: run.runID, mode: .official).count == stored.count)
        #expect(try database.scores(runID: run.runID, mode: .strict).count == stored.count)

        let again = try await ProctorProcess.run(arguments, timeout: 600)
        #expect(again.status == 0, "\(again.stderr)")
        let samples = try database.samples(runID: run.runID)
        #expect(samples.count == lines && Set(samples.map(\.key)).count == lines)
        #expect(try database.scores(runID: run.runID, mode: .strict).count == lines)
    }
}
