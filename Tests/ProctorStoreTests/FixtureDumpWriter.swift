import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// Temporary: writes what release 0's store reads back from the fixture (run once with the old code).
@Suite struct FixtureDumpWriter {
    struct Judgement: Codable {
        var runID: String
        var key: SampleKey
        var judge: String
        var promptVersion: String
        var correct: Bool?
        var extracted: String?
        var reply: String
    }
    struct Dump: Codable {
        var schemaVersion: Int
        var runs: [RunRecord]
        var items: [BenchmarkItem]
        var samples: [SampleRecord]
        var scores: [ScoreRecord]
        var judgements: [Judgement]
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PROCTOR_WRITE_FIXTURE_DUMP"] != nil))
    func writeDump() throws {
        let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Tests/ProctorStoreTests/Fixtures")
        let dir = try Fixtures.temporaryDirectory()
        let copy = dir.appendingPathComponent("release-0.sqlite")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("release-0.sqlite"), to: copy)
        let db = try ResultsDatabase(path: copy.path)
        let runs = try db.runs()
        var samples: [SampleRecord] = []
        var scores: [ScoreRecord] = []
        var judgements: [Judgement] = []
        for run in runs {
            samples += try db.samples(runID: run.runID)
            for mode in ScoringMode.allCases { scores += try db.scores(runID: run.runID, mode: mode) }
            for judge in ["proctor-echo@http://127.0.0.1:39035/v1"] {
                judgements += try db.judgements(runID: run.runID, judge: judge).map {
                    Judgement(runID: $0.runID, key: $0.key, judge: $0.judge, promptVersion: $0.promptVersion, correct: $0.correct, extracted: $0.extracted, reply: $0.reply)
                }
            }
        }
        var items: [BenchmarkItem] = []
        for benchmark in Set(samples.map(\.key.benchmark)).sorted() {
            items += try db.items(benchmark: benchmark).values.sorted { $0.id < $1.id }
        }
        let dump = Dump(schemaVersion: try db.schemaVersion(), runs: runs, items: items, samples: samples, scores: scores, judgements: judgements)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(dump).write(to: fixtures.appendingPathComponent("release-0.json"))
        #expect(samples.count == 18 && judgements.count == 4)
    }
}
