import Foundation
import IFEvalBenchmark
import ProctorCore
import ProctorTestSupport
import Testing

/// The adapter on the shared `input_data.jsonl`, and on the hub's JSON-lines layout (nulls in kwargs dropped).
struct IFEvalAdapterTests {
    @Test(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data/ifeval"))
    func readsTheOfficialInputFile() throws {
        let items = try IFEvalAdapter().load(split: "train", from: DataLocation(root: Fixtures.sharedData, hubCache: nil))
        #expect(items.count == 541)
        #expect(Set(items.map(\.id)).count == 541)
        let first = try #require(items.first)
        #expect(first.id == "1000")
        // The prompt is the raw prompt, one user message, as lighteval and lm-evaluation-harness send it.
        #expect(first.messages.count == 1 && first.messages[0].role == .user)
        #expect(first.messages[0].text == first.fields["prompt"]?.stringValue)
        let instructions = items.reduce(0) { $0 + ($1.fields["instruction_id_list"]?.arrayValue?.count ?? 0) }
        #expect(instructions == 834)
    }

    @Test func readsTheHubLayoutAndDropsNullArguments() throws {
        let cache = try Fixtures.temporaryDirectory("ifeval-hub")
        let snapshot = cache.appendingPathComponent("datasets--google--IFEval/snapshots/0123abc")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        let line = #"{"key": 5, "prompt": "Say hi.", "instruction_id_list": ["length_constraints:number_words"], "kwargs": [{"num_words": 2, "relation": "less than", "keywords": null, "num_highlights": null}]}"#
        try Data((line + "\n").utf8).write(to: snapshot.appendingPathComponent("ifeval_input_data.jsonl"))
        let items = try IFEvalAdapter().load(split: "train", from: DataLocation(root: nil, hubCache: cache))
        #expect(items.map(\.id) == ["5"])
        #expect(items.first?.fields["kwargs"] == .array([.object(["num_words": 2, "relation": "less than"])]))
        let verdict = IFEvalScorer().score(ScoringInput(response: "hi"), item: try #require(items.first), mode: .official)
        #expect(verdict.correct)
    }

    /// The hub's Parquet layout (`data/train-….parquet`, every kwargs struct with every key, null when unused), from
    /// `Fixtures/hub-train.parquet` (two made-up rows; `make-hub-parquet.py` writes it).
    @Test func readsTheHubParquetLayout() throws {
        let cache = try Fixtures.temporaryDirectory("ifeval-parquet")
        let data = cache.appendingPathComponent("datasets--google--IFEval/snapshots/0123abc/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hub-train.parquet")
        try FileManager.default.copyItem(at: fixture, to: data.appendingPathComponent("train-00000-of-00001.parquet"))
        let location = DataLocation(root: nil, hubCache: cache)
        let items = try IFEvalAdapter().load(split: "train", from: location)
        #expect(items.map(\.id) == ["11", "12"])
        #expect(items[0].fields["kwargs"] == .array([.object(["num_words": 3, "relation": "less than"]), .object([:])]))
        #expect(items[1].fields["instruction_id_list"] == .array(["detectable_format:number_bullet_lists"]))
        #expect(IFEvalAdapter().availability(split: "train", from: location).items == 2)
        let scorer = IFEvalScorer()
        #expect(scorer.score(ScoringInput(response: "Hello there"), item: items[0], mode: .official).correct)
        #expect(scorer.score(ScoringInput(response: "* red\n* green\n* blue"), item: items[1], mode: .official).correct)
        #expect(!scorer.score(ScoringInput(response: "* red\n* green"), item: items[1], mode: .official).correct)
    }

    @Test func malformedRowsNameTheirLine() throws {
        let root = try Fixtures.temporaryDirectory("ifeval-bad")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ifeval"), withIntermediateDirectories: true)
        let lines = [
            #"{"key": 1, "prompt": "a", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}"#,
            #"{"key": 2, "prompt": "b", "instruction_id_list": ["punctuation:no_comma", "startend:quotation"], "kwargs": [{}]}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("ifeval/input_data.jsonl"))
        #expect {
            _ = try IFEvalAdapter().load(split: "train", from: DataLocation(root: root, hubCache: nil))
        } throws: { "\($0)".contains("input_data.jsonl:2") && "\($0)".contains("one \"kwargs\" object per instruction") }
    }
}
