import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite struct ResultsDatabaseTests {
    func config(temperature: Double = 0.6, samples: Int = 2) -> RunConfig {
        RunConfig(
            model: ModelIdentity(kind: "scripted", name: "m", location: "memory"),
            parameters: GenerationParameters(temperature: temperature, topP: 0.95, maxTokens: 64, seed: 7), samples: samples, preset: nil)
    }

    @Test func sameConfigurationIsTheSameRun() throws {
        let dir = try Fixtures.temporaryDirectory()
        let db = try ResultsDatabase(path: dir.appendingPathComponent("r.sqlite").path)
        let a = try db.beginRun(config: config(), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let b = try db.beginRun(config: config(), label: "ckpt-1", harnessVersion: "t", gitCommit: nil, host: nil)
        let c = try db.beginRun(config: config(temperature: 0.7), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        #expect(a.runID == b.runID)
        #expect(a.runID != c.runID)
        #expect(try db.runs().count == 2)
        #expect(try db.run(matching: "ckpt-1").runID == a.runID)
        #expect(throws: ProctorError.self) { try db.run(matching: "nope") }
    }

    /// A run with another prompt variant is another run; the official prompts add nothing to the configuration, so
    /// a configuration stored before variants existed (no `promptStyle` key) reads back with the same id.
    @Test func thePromptVariantIsPartOfTheRun() throws {
        var vlmevalkit = config()
        vlmevalkit.promptStyle = "vlmevalkit"
        #expect(vlmevalkit.hash != config().hash)
        let json = String(decoding: try JSONEncoder().encode(config()), as: UTF8.self)
        #expect(!json.contains("promptStyle"))
        let decoded = try JSONDecoder().decode(RunConfig.self, from: Data(json.utf8))
        #expect(decoded.promptStyle == nil && decoded.hash == config().hash)
        let dir = try Fixtures.temporaryDirectory()
        let db = try ResultsDatabase(path: dir.appendingPathComponent("r.sqlite").path)
        let a = try db.beginRun(config: config(), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let b = try db.beginRun(config: vlmevalkit, label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        #expect(a.runID != b.runID)
        #expect(try db.runs().first { $0.runID == b.runID }?.config.promptStyle == "vlmevalkit")
    }

    /// The question release is part of the run (another release is another question set); runs of benchmarks
    /// without releases store none, so their configurations and ids are those of before the field existed.
    @Test func theReleaseIsPartOfTheRun() throws {
        var older = config()
        older.release = "2024-11-25"
        var latest = config()
        latest.release = "2025-05-30"
        #expect(older.hash != config().hash && older.hash != latest.hash)
        let json = String(decoding: try JSONEncoder().encode(config()), as: UTF8.self)
        #expect(!json.contains("release"))
        #expect(try JSONDecoder().decode(RunConfig.self, from: Data(json.utf8)).hash == config().hash)
        let dir = try Fixtures.temporaryDirectory()
        let db = try ResultsDatabase(path: dir.appendingPathComponent("r.sqlite").path)
        let a = try db.beginRun(config: older, label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let b = try db.beginRun(config: latest, label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        #expect(a.runID != b.runID)
        #expect(try db.runs().first { $0.runID == a.runID }?.config.release == "2024-11-25")
    }

    @Test func schemaIsVersionedAndReopens() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("r.sqlite").path
        let first = try ResultsDatabase(path: path)
        _ = try first.beginRun(config: config(), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let again = try ResultsDatabase(path: path)
        #expect(try again.schemaVersion() >= 1)
        #expect(try again.runs().count == 1)
    }

    /// Shards started together (or a reader polling a run that is just starting) open a file nobody has created
    /// yet from several connections at once; every one of them must open it, and the schema is made once.
    @Test func manyConnectionsOpenAFreshFileAtOnce() async throws {
        let dir = try Fixtures.temporaryDirectory()
        for round in 0..<20 {
            let path = dir.appendingPathComponent("fresh-\(round).sqlite").path
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try ResultsDatabase(path: path).schemaVersion() }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions.count == 6 && Set(versions).count == 1)
        }
    }

    @Test func aSampleAndItsScoresAreStoredTogetherAndAFailureIsReplaced() throws {
        let dir = try Fixtures.temporaryDirectory()
        let db = try ResultsDatabase(path: dir.appendingPathComponent("r.sqlite").path)
        let run = try db.beginRun(config: config(), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let key = SampleKey(benchmark: "toy:test", itemID: "q1", sampleIndex: 0)
        try db.record(SampleRecord(runID: run.runID, key: key, seed: 1, promptJSON: "[]", output: nil, finishReason: .error, error: "timeout"), scores: [])
        #expect(try db.completedKeys(runID: run.runID).isEmpty)
        let verdict = Verdict(extracted: "2", correct: true, rule: "boxed")
        try db.record(
            SampleRecord(runID: run.runID, key: key, seed: 1, promptJSON: "[]", output: "\\boxed{2}", finishReason: .stop),
            scores: [ScoreRecord(runID: run.runID, key: key, mode: .official, scorerID: "s", scorerVersion: 1, verdict: verdict)])
        #expect(try db.completedKeys(runID: run.runID) == [key])
        #expect(try db.samples(runID: run.runID).count == 1)
        #expect(try db.scores(runID: run.runID, mode: .official).first?.verdict == verdict)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("junk.sqlite").path
        try Data("this is not sqlite, just text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ProctorError.self) { try ResultsDatabase(path: path) }
    }

    @Test func mergeRefusesDifferentConfigurations() throws {
        let dir = try Fixtures.temporaryDirectory()
        let a = try ResultsDatabase(path: dir.appendingPathComponent("a.sqlite").path)
        let b = try ResultsDatabase(path: dir.appendingPathComponent("b.sqlite").path)
        _ = try a.beginRun(config: config(), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        _ = try b.beginRun(config: config(temperature: 0.9), label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let out = try ResultsDatabase(path: dir.appendingPathComponent("out.sqlite").path)
        #expect(throws: ProctorError.self) { try out.merge([a, b]) }
        #expect(try out.runs().isEmpty)
        _ = try out.merge([a, b], allowDistinctRuns: true)
        #expect(try out.runs().count == 2)
    }
}
