import BFCLBenchmark
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// The prompts Proctor builds against the official code's own output (`Fixtures/official-prompts.jsonl`, written by
/// gorilla de8307b4's `gpt_handler` prompt path for v1 entries and bfcl_eval's `func_doc_language_specific_pre_processing`
/// + `system_prompt_pre_processing_chat_model` for v3 entries; see the fixture's README note in docs/bfcl.md).
@Suite struct BFCLPromptTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-prompts.jsonl")
    static let available = FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl").path)

    struct Case: CustomTestStringConvertible, Sendable {
        var layout: String
        var category: String
        var id: String
        var messages: [(role: String, content: String)]
        var testDescription: String { "\(layout) \(category) \(id)" }
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let tree = try JSONTree.parse(Data(line.utf8))
            guard case .array(let messages)? = tree["messages"] else { throw ProctorError(.invalidInput, "fixture line without messages") }
            return Case(
                layout: tree["layout"]?.string ?? "", category: tree["category"]?.string ?? "", id: tree["id"]?.string ?? "",
                messages: messages.map { ($0["role"]?.string ?? "", $0["content"]?.string ?? "") })
        }
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl"), arguments: try cases())
    func promptsEqualTheOfficialCodes(_ expected: Case) throws {
        let root = expected.layout == "v1" ? Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs/v1-data") : Fixtures.sharedData
        let items = try BFCLBenchmark.singleTurn.adapter.load(split: expected.category, from: DataLocation(root: root, hubCache: nil))
        let item = try #require(items.first { $0.id == expected.id })
        #expect(item.fields["bfcl_layout"]?.stringValue == expected.layout)
        #expect(item.messages.count == expected.messages.count)
        for (ours, theirs) in zip(item.messages, expected.messages) {
            #expect(ours.role.rawValue == theirs.role)
            #expect(ours.text == theirs.content)
        }
    }
}
