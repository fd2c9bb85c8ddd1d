import Foundation
import IFEvalBenchmark
import ProctorCore
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor score --benchmark ifeval`: the official `{prompt, response}` lines and Proctor's `{id, response}` lines,
/// with a clear per-line error and nothing stored for a malformed line or an unmatched prompt.
struct IFEvalPredictionFormatTests {
    static let items: [String: BenchmarkItem] = [
        "7": IFEvalScorerTests.item("7", [("punctuation:no_comma", [:])], prompt: "Write without commas."),
        "8": IFEvalScorerTests.item("8", [("startend:quotation", [:])], prompt: "Quote it."),
    ]

    func file(_ lines: [String]) throws -> URL {
        let url = try Fixtures.temporaryDirectory("ifeval-format").appendingPathComponent("responses.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    @Test func officialLinesMatchInputsByPromptText() throws {
        let url = try file([#"{"prompt": "Quote it.", "response": "\"ok\""}"#, #"{"prompt": "Write without commas.", "response": "a, b"}"#])
        let read = try #require(try IFEvalResponseFormat().read(url, items: Self.items, split: "train"))
        #expect(read.map(\.itemID) == ["8", "7"])
        #expect(read.map(\.line) == [1, 2])
        #expect(read.map(\.response) == ["\"ok\"", "a, b"])
    }

    @Test func proctorLinesAreLeftToTheDefaultReader() throws {
        let url = try file([#"{"id": "7", "response": "x"}"#])
        #expect(try IFEvalResponseFormat().read(url, items: Self.items, split: "train") == nil)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var lines: [String]
        var mentions: [String]
        var testDescription: String { mentions.joined(separator: " ") }
    }

    static let bad: [Bad] = [
        Bad(lines: [#"{"prompt": "Quote it.", "response": "x"}"#, #"{"prompt": "Unknown prompt", "response": "x"}"#],
            mentions: ["responses.jsonl:2", "Unknown prompt", "matches none of the 2"]),
        Bad(lines: [#"{"prompt": "Quote it.", "response": "x"}"#, #"{"prompt": "Quote it.", "response": 3}"#], mentions: [":2", "\"response\" must be a string"]),
        Bad(lines: [#"{"prompt": "Quote it.", "response": "x"}"#, #"["not", "an object"]"#], mentions: [":2", "object"]),
        Bad(lines: [#"{"prompt": "Quote it.", "response": "x"}"#, #"{"prompt": "Quote it.", "response": "x"#], mentions: [":2"]),
    ]

    @Test(arguments: bad)
    func malformedLinesAreNamed(_ example: Bad) throws {
        let url = try file(example.lines)
        #expect {
            _ = try IFEvalResponseFormat().read(url, items: Self.items, split: "train")
        } throws: { error in
            let text = "\(error)"
            return example.mentions.allSatisfy { text.contains($0) }
        }
    }

    /// The whole import on the real inputs: a file whose last line matches no prompt stores nothing.
    @Test(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data/ifeval"))
    func anUnmatchedPromptStoresNoRun() async throws {
        let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)
        let first = try #require(try IFEvalAdapter().load(split: "train", from: location).first)
        let prompt = try #require(first.fields["prompt"]?.stringValue)
        let encoded = { (s: String) in String(decoding: try JSONEncoder().encode(s), as: UTF8.self) }
        let url = try file([#"{"prompt": \#(try encoded(prompt)), "response": "fine"}"#, #"{"prompt": "not an IFEval prompt", "response": "x"}"#])
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory("ifeval-import").appendingPathComponent("r.sqlite").path)
        let importer = PredictionImport(definition: IFEvalBenchmark.definition, name: BenchmarkName(name: "ifeval", split: "train"), location: location)
        await #expect {
            _ = try await importer.run(url, modelName: nil, context: ScorerContext(data: location), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        } throws: { "\($0)".contains("responses.jsonl:2") }
        #expect(try db.runs().isEmpty, "nothing is stored when a line fails")
    }
}
