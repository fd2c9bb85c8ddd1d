import Foundation
import ProctorCore
import Testing

@testable import ProctorOpenAI

/// Function calling through the OpenAI wire format: a request's tools go out as `tools`, a completion's
/// `tool_calls` come back as the JSON text `[{"<name>": "<arguments>"}]`.
@Suite struct ToolCallTests {
    @Test func requestsCarryTheTools() throws {
        let tool: JSONValue = .object(["type": "function", "function": .object(["name": "f", "parameters": .object(["type": "object"])])])
        let request = GenerationRequest(messages: [ChatMessage(role: .user, text: "hi")], parameters: GenerationParameters(), tools: [tool])
        let body = try JSONEncoder().encode(ChatCompletionWire.Request(request, model: "m"))
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: body)
        #expect(decoded["tools"] == .array([tool]))
        let plain = try JSONEncoder().encode(ChatCompletionWire.Request(GenerationRequest(messages: [], parameters: GenerationParameters()), model: "m"))
        #expect(try JSONDecoder().decode([String: JSONValue].self, from: plain)["tools"] == nil)
        // A server reads them back.
        let back = try JSONDecoder().decode(ChatCompletionWire.Request.self, from: body).generationRequest(defaultMaxTokens: 16)
        #expect(back.tools == [tool])
    }

    @Test func toolCallsBecomeTheResultFileShape() throws {
        let body = """
            {"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
              {"id": "c1", "type": "function", "function": {"name": "math_factorial", "arguments": "{\\"number\\": 5}"}},
              {"id": "c2", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}, "finish_reason": "tool_calls"}]}
            """
        let result = try ResponseReading.result(from: Data(body.utf8), url: URL(string: "http://x/v1/chat/completions")!)
        let calls = try JSONDecoder().decode([[String: String]].self, from: Data(result.text.utf8))
        #expect(calls == [["math_factorial": "{\"number\": 5}"], ["g": "{}"]])
        #expect(result.finishReason == .stop)
    }

    @Test func contentWithoutToolCallsIsUnchanged() throws {
        let body = #"{"choices": [{"message": {"role": "assistant", "content": "[f(a=1)]"}, "finish_reason": "stop"}]}"#
        #expect(try ResponseReading.result(from: Data(body.utf8), url: URL(string: "http://x")!).text == "[f(a=1)]")
    }
}
