import Foundation
import GRDB
import ProctorCore
import ProctorTestSupport
import Testing

@testable import ProctorStore

/// Stored rows decode by column name, and nothing is defaulted: a bad row is an error naming its table, row and column.
@Suite struct RecordDecodingTests {
    static func sampleColumns(overriding overrides: [String: (any DatabaseValueConvertible)?] = [:]) -> Row {
        var columns: [String: (any DatabaseValueConvertible)?] = [
            "run_id": "r1", "benchmark": "toy:test", "item_id": "q1", "sample_index": 0, "seed": 7, "prompt_json": "[]",
            "rendered_prompt": nil, "image_hashes": "[]", "output": "4", "reasoning_content": nil, "pre_extracted": nil,
            "finish_reason": "stop", "prompt_tokens": 3, "completion_tokens": 1, "latency_ms": 1.5, "error": nil, "shard": nil,
            "host": nil, "created_at": "2026-01-01T00:00:00.000Z",
        ]
        for (name, value) in overrides { columns[name] = value }
        return Row(columns)
    }

    @Test func aCompleteRowDecodesInAnyColumnOrder() throws {
        let record = try SampleRow(row: Self.sampleColumns()).record
        #expect(record.key == SampleKey(benchmark: "toy:test", itemID: "q1", sampleIndex: 0))
        #expect(record.seed == 7 && record.finishReason == .stop && record.latencyMs == 1.5 && record.output == "4")
    }

    @Test(arguments: [
        ("created_at", nil, "column created_at is NULL but required"),
        ("seed", "seven", "column seed holds"),
        ("finish_reason", "banana", "not a known FinishReason"),
        ("image_hashes", "not json", "column image_hashes is not valid JSON"),
        ("sample_index", nil, "column sample_index is NULL but required"),
    ] as [(String, String?, String)])
    func aBadColumnIsAnErrorNamingTableRowAndColumn(column: String, value: String?, message: String) throws {
        let row = Self.sampleColumns(overriding: [column: value])
        let error = try #require(throws: ProctorError.self) { try SampleRow(row: row) }
        #expect(error.message.contains("table samples"), "\(error.message)")
        #expect(error.message.contains("run_id=\"r1\""), "\(error.message)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func aMissingColumnIsAnError() throws {
        let row = Row(["run_id": "r1", "benchmark": "toy:test", "item_id": "q1", "sample_index": 0])
        let error = try #require(throws: ProctorError.self) { try SampleRow(row: row) }
        #expect(error.message.contains("column seed is missing"), "\(error.message)")
    }

    @Test func anUnknownScoringModeIsAnError() throws {
        let row = Row([
            "run_id": "r1", "benchmark": "toy:test", "item_id": "q1", "sample_index": 0, "mode": "lenient", "scorer_id": "s",
            "scorer_version": 1, "extracted": nil, "correct": 1, "score": 1.0, "truncated": 0, "unparsed": 0, "rule": "boxed",
            "details_json": "{}", "scored_at": "t",
        ])
        let error = try #require(throws: ProctorError.self) { try ScoreRow(row: row) }
        #expect(error.message.contains("table scores") && error.message.contains("mode=\"lenient\"") && error.message.contains("ScoringMode"))
    }

    /// A corrupted stored row surfaces through the public API with the file's path, instead of a default value.
    @Test func aCorruptedFileNamesTheFileTableAndRow() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path
        let db = try ResultsDatabase(path: path)
        let run = try db.beginRun(
            config: RunConfig(model: ModelIdentity(kind: "scripted", name: "m", location: "memory"), parameters: GenerationParameters(), samples: 1, preset: nil),
            label: nil, harnessVersion: "t", gitCommit: nil, host: nil)
        let key = SampleKey(benchmark: "toy:test", itemID: "q1", sampleIndex: 0)
        try db.record(SampleRecord(runID: run.runID, key: key, seed: 1, promptJSON: "[]", output: "x", finishReason: .stop), scores: [])
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE samples SET finish_reason = 'exploded'") }
        let error = try #require(throws: ProctorError.self) { try db.samples(runID: run.runID) }
        #expect(error.code == .database)
        #expect(error.message.contains(path) && error.message.contains("table samples") && error.message.contains("item_id=\"q1\""), "\(error.message)")
    }
}

/// The listed columns and values of the rows written on hot paths line up: each row reads back as written.
@Suite struct ListedColumnsTests {
    static func roundTrip<R: ListedColumns & FetchableRecord>(_ row: R) throws -> R {
        #expect(R.columnNames.count == row.values.count)
        #expect(Set(R.columnNames).count == R.columnNames.count)
        var columns: [String: (any DatabaseValueConvertible)?] = [:]
        for (name, value) in zip(R.columnNames, row.values) { columns[name] = value }
        return try R(row: Row(columns))
    }

    @Test func everyListedRowReadsBackAsWritten() throws {
        let key = SampleKey(benchmark: "toy:test", itemID: "q1", sampleIndex: 3)
        let sample = SampleRecord(
            runID: "r", key: key, seed: UInt64.max - 1, promptJSON: "[1]", renderedPrompt: "p", imageHashes: ["h"], output: "o",
            reasoningContent: "rc", preExtracted: "pe", finishReason: .length, promptTokens: 1, completionTokens: 2, latencyMs: 3.5,
            error: "e", shard: "1/2", host: "h", createdAt: "c")
        #expect(try Self.roundTrip(SampleRow(sample)).record == sample)
        let verdict = Verdict(extracted: "x", correct: true, score: 0.5, truncated: true, unparsed: false, rule: "r", details: ["k": "v"])
        let score = ScoreRecord(runID: "r", key: key, mode: .strict, scorerID: "s", scorerVersion: 4, verdict: verdict)
        let stored = try Self.roundTrip(ScoreRow(record: score, scoredAt: "t"))
        #expect(stored.record == score && stored.scoredAt == "t")
        let part = SubResult(kind: "test", index: 2, id: "test 2", passed: false, values: ["seconds": 1.25], reason: "timeout")
        let row = try Self.roundTrip(SubResultRow(runID: "r", key: key, mode: .official, subResult: part))
        #expect(row.subResult == part && row.key == key && row.mode == .official && row.runID == "r")
    }
}
