import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// The function-calling variant: the tools built for each entry against bfcl_eval's `convert_to_tool` (after
/// `func_doc_language_specific_pre_processing`, OpenAI style; `Fixtures/official-tools.jsonl`), and answers in the
/// tool-call shape scored as function-calling answers.
@Suite struct BFCLFunctionCallingTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-tools.jsonl")
    static let available = FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/v3").path)
    static let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)

    /// JSON through one decoder, so that `1.0` and `1` compare as the same reading on both sides.
    static func normalised(_ value: JSONValue) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func toolsAndMessagesEqualTheOfficialCodes() throws {
        let adapter = try #require(BFCLBenchmark.singleTurn.adapter(promptStyle: "function-calling"))
        var checked = 0
        for line in try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8))
            let category = try #require(record["category"]?.stringValue), id = try #require(record["id"]?.stringValue)
            let item = try #require(try adapter.load(split: category, from: Self.location).first { $0.id == id })
            #expect(try Self.normalised(try #require(item.fields["tools"])) == Self.normalised(try #require(record["tools"])), "\(category) \(id)")
            let messages = try #require(record["messages"]?.arrayValue)
            #expect(item.messages.map(\.text) == messages.compactMap { $0["content"]?.stringValue })
            #expect(item.messages.map(\.role.rawValue) == messages.compactMap { $0["role"]?.stringValue })
            checked += 1
        }
        #expect(checked == 15)
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func toolCallAnswersAreScoredAsFunctionCalls() async throws {
        let definition = BFCLBenchmark.singleTurn
        let item = try #require(try definition.adapter.load(split: "simple", from: Self.location).first { $0.id == "simple_1" })
        let scorer = try definition.makeScorer(ScorerContext())
        // simple_1 expects math.factorial(number=5); OpenAI names it math_factorial.
        let right = await scorer.verdict(ScoringInput(response: #"[{"math_factorial": "{\"number\": 5}"}]"#), item: item, mode: .official)
        #expect(right.correct, "\(right.details)")
        #expect(right.details["mode"] == "function_calling")
        let wrong = await scorer.verdict(ScoringInput(response: #"[{"math_factorial": "{\"number\": 6}"}]"#), item: item, mode: .official)
        #expect(!wrong.correct)
        #expect(wrong.details["error_type"] == "value_error:others")
        let broken = await scorer.verdict(ScoringInput(response: #"[{"math_factorial": "{\"number\": "}]"#), item: item, mode: .official)
        #expect(broken.details["error_type"] == "ast_decoder:decoder_failed")
        #expect(broken.unparsed)
    }
}
