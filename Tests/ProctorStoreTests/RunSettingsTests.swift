import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// The scoring environment recorded with a run (`run_settings`): replaced per benchmark, kept apart per benchmark,
/// copied by `merge`, and not part of the run's identity.
struct RunSettingsTests {
    func run(in db: ResultsDatabase) throws -> RunRecord {
        try db.beginRun(
            config: RunConfig(model: ModelIdentity(kind: "scripted", name: "m", location: "memory"), parameters: GenerationParameters(), samples: 1, preset: nil),
            label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
    }

    @Test func aBenchmarksSettingsAreReplacedAndOthersKept() throws {
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path)
        let run = try run(in: db)
        try db.recordSettings(["python": "3.11.7", "sandbox": "namespaces"], runID: run.runID, benchmark: "livecodebench:release_v5")
        try db.recordSettings(["python": "3.12.1"], runID: run.runID, benchmark: "livecodebench:release_v6")
        try db.recordSettings(["python": "3.12.1"], runID: run.runID, benchmark: "livecodebench:release_v5")
        try db.recordSettings([:], runID: run.runID, benchmark: "livecodebench:release_v6")
        let settings = try db.settings(runID: run.runID)
        #expect(settings == ["livecodebench:release_v5": ["python": "3.12.1"], "livecodebench:release_v6": ["python": "3.12.1"]])
        #expect(try self.run(in: db).runID == run.runID, "settings do not change the run's identity")
    }

    @Test func mergeCopiesTheSettingsOfTheRunsItCopies() throws {
        let folder = try Fixtures.temporaryDirectory()
        let shard = try ResultsDatabase(path: folder.appendingPathComponent("shard.sqlite").path)
        let run = try run(in: shard)
        try shard.recordSettings(["python": "3.11.7"], runID: run.runID, benchmark: "livecodebench:release_v5")
        let output = try ResultsDatabase(path: folder.appendingPathComponent("out.sqlite").path)
        _ = try output.merge([shard])
        #expect(try output.settings(runID: run.runID) == ["livecodebench:release_v5": ["python": "3.11.7"]])
    }
}
