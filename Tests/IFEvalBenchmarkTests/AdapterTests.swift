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
