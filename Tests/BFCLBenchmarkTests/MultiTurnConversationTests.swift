import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// The requests of `BFCLConversation` against those bfcl_eval's own multi-turn loop sends (gorilla cd9429cc,
/// OpenAI-completions handler, every answer empty; `Fixtures/official-multi-turn-requests.jsonl`, made by
/// `benchmarks/bfcl/multi-turn-requests.py`): per request each message's role and content (SHA-256 prefix), and in
/// function-calling mode each tool's name and description — the system prompt, the held-out turns' messages and
/// the recompiled tools included.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/v3").path),
                "needs ../shared/data/bfcl/v3"))
struct MultiTurnConversationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-multi-turn-requests.jsonl")
    static let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)

    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var mode: String
        var requests: JSONTree
        var testDescription: String { "\(id) \(mode)" }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: fixture, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let tree = try? JSONTree.parse(Data(line.utf8)), let id = tree["id"]?.string, let mode = tree["mode"]?.string,
                let requests = tree["requests"]
            else { return nil }
            return Case(id: id, mode: mode, requests: requests)
        }
    }()

    static func hash(_ text: String) -> String { String(SHA256.hex(Data(text.utf8)).prefix(16)) }

    static func official(_ tree: JSONTree) -> [[String]] {
        guard case .array(let rows) = tree else { return [] }
        return rows.map { row in if case .array(let pair) = row { pair.compactMap(\.string) } else { [] } }
    }

    @Test func theFixtureCoversEveryCategoryInBothModes() {
        #expect(Self.cases.count == 18)
        #expect(Set(Self.cases.map(\.mode)) == ["prompt", "function-calling"])
    }

    @Test(arguments: cases)
    func requestsAreTheOfficialLoops(_ testCase: Case) async throws {
        let cut = try #require(testCase.id.lastIndex(of: "_"))
        let category = String(testCase.id[..<cut])
        let definition = BFCLBenchmark.multiTurn
        let adapter = try #require(definition.adapter(promptStyle: testCase.mode == "prompt" ? PromptStyle.official : testCase.mode))
        let item = try #require(try adapter.load(split: category, from: Self.location).first { $0.id == testCase.id })
        let backend = ScriptedBackend { _, _ in GenerationResult(text: "", finishReason: .stop, promptTokens: 1, completionTokens: 0) }
        let conversation = try await BFCLConversation().converse(item, parameters: GenerationParameters(), backend: backend)
        #expect(conversation.error == nil)
        guard case .array(let expected) = testCase.requests else { Issue.record("no requests"); return }
        let sent = backend.requests
        #expect(sent.count == expected.count, "one request per turn")
        for (index, (request, official)) in zip(sent, expected).enumerated() {
            let messages = request.messages.map { [$0.role.rawValue, Self.hash($0.text)] }
            #expect(messages == Self.official(official["messages"] ?? .array([])), "request \(index): messages differ")
            if testCase.mode == "function-calling" {
                let tools = (request.tools ?? []).map { tool in
                    [tool["function"]?["name"]?.stringValue ?? "", Self.hash(tool["function"]?["description"]?.stringValue ?? "")]
                }
                #expect(tools == Self.official(official["tools"] ?? .array([])), "request \(index): tools differ")
            } else {
                #expect(request.tools == nil)
            }
        }
    }
}
