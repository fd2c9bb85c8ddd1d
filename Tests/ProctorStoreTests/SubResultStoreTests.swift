import Foundation
import GRDB
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// Sub-results are rows of `sub_results`, written with their verdict, replaced with it and read back in order.
@Suite struct SubResultStoreTests {
    static let key = SampleKey(benchmark: "toy:test", itemID: "q1", sampleIndex: 0)

    static func makeDatabase() throws -> (ResultsDatabase, RunRecord) {
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path)
        let run = try db.beginRun(
            config: RunConfig(model: ModelIdentity(kind: "scripted", name: "m", location: "memory"), parameters: GenerationParameters(), samples: 1, preset: nil),
            label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        return (db, run)
    }

    static func sample(_ run: RunRecord, key: SampleKey = key, output: String? = "x", error: String? = nil) -> SampleRecord {
        SampleRecord(runID: run.runID, key: key, seed: 1, promptJSON: "[]", output: output, finishReason: error == nil ? .stop : .error, error: error)
    }

    static func score(_ run: RunRecord, _ mode: ScoringMode, key: SampleKey = key, parts: [SubResult]) -> ScoreRecord {
        let verdict = Verdict(extracted: nil, correct: parts.allSatisfy(\.passed), rule: "instructions", subResults: parts)
        return ScoreRecord(runID: run.runID, key: key, mode: mode, scorerID: "toy", scorerVersion: 1, verdict: verdict)
    }

    /// Kinds interleaved on purpose: the verdict's own order comes back, not a sorted one.
    static let parts = [
        SubResult(kind: "test", index: 0, id: "test 0", passed: true, values: ["seconds": 0.25]),
        SubResult(kind: "instruction", index: 0, id: "punctuation:no_comma", passed: false, values: ["loose": 1], reason: "comma found"),
        SubResult(kind: "test", index: 1, id: "test 1", passed: false, reason: "timeout"),
        SubResult(kind: "instruction", index: 1, id: "length_constraints:number_words", passed: true),
    ]

    static func rowCount(_ db: ResultsDatabase) throws -> Int {
        try DatabaseQueue(path: db.path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sub_results") ?? -1 }
    }

    @Test func subResultsAreRowsReadBackInTheVerdictsOrder() throws {
        let (db, run) = try Self.makeDatabase()
        let official = Self.score(run, .official, parts: Self.parts)
        let strict = Self.score(run, .strict, parts: Array(Self.parts.prefix(2)))
        try db.record(Self.sample(run), scores: [official, strict])
        #expect(try db.scores(runID: run.runID, mode: .official) == [official])
        #expect(try db.scores(runID: run.runID, mode: .strict) == [strict])
        #expect(try Self.rowCount(db) == 6)
        let row = try DatabaseQueue(path: db.path).read {
            try Row.fetchOne($0, sql: "SELECT part_id, passed, values_json, reason FROM sub_results WHERE mode = 'official' AND kind = 'instruction' AND part_index = 0")
        }
        #expect(row?["part_id"] == "punctuation:no_comma")
        #expect(row?["passed"] == false)
        #expect(row?["values_json"] == "{\"loose\":1}")
        #expect(row?["reason"] == "comma found")
    }

    @Test func rescoringReplacesTheSubResults() throws {
        let (db, run) = try Self.makeDatabase()
        try db.record(Self.sample(run), scores: [Self.score(run, .official, parts: Self.parts), Self.score(run, .strict, parts: Self.parts)])
        let rescored = Self.score(run, .official, parts: [SubResult(kind: "test", index: 0, id: "test 0", passed: true)])
        try db.replaceScores([rescored])
        #expect(try db.scores(runID: run.runID, mode: .official) == [rescored])
        #expect(try db.scores(runID: run.runID, mode: .strict).first?.verdict.subResults == Self.parts)
        #expect(try Self.rowCount(db) == 5)
    }

    @Test func replacingASampleDropsItsOldSubResults() throws {
        let (db, run) = try Self.makeDatabase()
        try db.record(Self.sample(run), scores: [Self.score(run, .official, parts: Self.parts)])
        try db.record(Self.sample(run, output: nil, error: "timeout"), scores: [])
        #expect(try Self.rowCount(db) == 0)
        #expect(try db.scores(runID: run.runID, mode: .official).isEmpty)
    }

    /// A batch is one transaction: when one entry cannot be stored, none of the batch is.
    @Test func aBatchIsAllOrNothing() throws {
        let (db, run) = try Self.makeDatabase()
        let other = SampleKey(benchmark: "toy:test", itemID: "q2", sampleIndex: 0)
        let duplicated = [Self.parts[0], Self.parts[0]]
        #expect(throws: ProctorError.self) {
            try db.recordAll([
                (Self.sample(run), [Self.score(run, .official, parts: Self.parts)]),
                (Self.sample(run, key: other), [Self.score(run, .official, key: other, parts: duplicated)]),
            ])
        }
        #expect(try db.samples(runID: run.runID).isEmpty)
        #expect(try Self.rowCount(db) == 0)
    }

    @Test func mergeCopiesSubResultsAndJudgements() throws {
        let (shard, run) = try Self.makeDatabase()
        try shard.record(Self.sample(run), scores: [Self.score(run, .official, parts: Self.parts)])
        let judgement = JudgementRecord(runID: run.runID, key: Self.key, judge: "j@u", promptVersion: "v1", correct: true, extracted: "x", reply: "yes")
        try shard.record(judgement)
        let out = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("out.sqlite").path)
        let summary = try out.merge([shard])
        #expect(summary.samplesAdded == 1)
        #expect(try out.scores(runID: run.runID, mode: .official).first?.verdict.subResults == Self.parts)
        #expect(try out.judgements(runID: run.runID, judge: "j@u") == [judgement])
    }
}
