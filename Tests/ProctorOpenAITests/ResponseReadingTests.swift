import Foundation
import ProctorCore
@testable import ProctorOpenAI
import Testing

/// Answers in the shapes real servers send them.
@Suite("Reading servers' answers")
struct ResponseReadingTests {
    static let url = URL(string: "http://127.0.0.1:1/v1/chat/completions")!

    static func read(_ json: String) throws -> GenerationResult {
        try ResponseReading.result(from: Data(json.utf8), url: url)
    }

    static let reasoningCases: [(String, String, String?)] = [
        (#"{"choices":[{"message":{"role":"assistant","content":"42","reasoning_content":"think"},"finish_reason":"stop"}]}"#, "42", "think"),
        (#"{"choices":[{"message":{"content":"42","reasoning":"think"},"finish_reason":"stop"}]}"#, "42", "think"),
        (#"{"choices":[{"message":{"content":"<think>t</think>42"},"finish_reason":"stop"}]}"#, "<think>t</think>42", nil),
        (#"{"choices":[{"message":{"content":null,"reasoning_content":"only thinking"},"finish_reason":"length"}]}"#, "", "only thinking"),
    ]

    @Test("vLLM/SGLang reasoning_content, newer vLLM reasoning, and plain answers", arguments: reasoningCases)
    func reasoning(json: String, text: String, reasoning: String?) throws {
        let result = try Self.read(json)
        #expect(result.text == text)
        #expect(result.reasoningContent == reasoning)
    }

    static let finishCases: [(String?, FinishReason)] = [
        ("stop", .stop), ("length", .length), ("eos", .stop), ("tool_calls", .stop), (nil, .stop),
    ]

    @Test("finish reasons and usage", arguments: finishCases)
    func finish(reason: String?, expected: FinishReason) throws {
        let field = reason.map { #""finish_reason":"\#($0)""# } ?? #""finish_reason":null"#
        let result = try Self.read(#"{"id":"x","choices":[{"index":0,"message":{"content":"a"},\#(field)}],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"#)
        #expect(result.finishReason == expected)
        #expect(result.promptTokens == 12 && result.completionTokens == 3)
    }

    @Test("an aborted generation, no choices, or a body that is not a completion are errors naming the URL", arguments: [
        #"{"choices":[{"message":{"content":""},"finish_reason":"abort"}]}"#,
        #"{"choices":[]}"#,
        "<html>Bad Gateway</html>",
    ])
    func malformed(json: String) {
        #expect {
            try Self.read(json)
        } throws: { error in
            guard let error = error as? ProctorError else { return false }
            return error.code == .backend && error.message.contains(Self.url.absoluteString)
        }
    }

    @Test("the server's own error text is found in the usual places", arguments: [
        (#"{"error":{"message":"maximum context length is 4096 tokens","type":"BadRequestError","code":400}}"#, "maximum context length is 4096 tokens"),
        (#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404}"#, "The model `x` does not exist."),
        (#"{"detail":"Not Found"}"#, "Not Found"),
        (#"{"error":"rate limited"}"#, "rate limited"),
        ("upstream connect error", "upstream connect error"),
        ("", "(empty body)"),
    ])
    func errorText(body: String, expected: String) {
        #expect(ResponseReading.errorText(Data(body.utf8)) == expected)
    }

    @Test("the served model is chosen from /models, or the choice is refused with the names listed")
    func modelChoice() throws {
        let one: [JSONValue] = [.object(["id": "smollm2", "owned_by": "llama-cpp", "max_model_len": 4096])]
        #expect(try ModelChoice.pick(requested: nil, from: one, url: Self.url) == "smollm2")
        #expect(ModelChoice.details(of: "smollm2", in: one) == ["server_id": "smollm2", "server_owned_by": "llama-cpp", "server_max_model_len": "4096"])
        let two: [JSONValue] = [.object(["id": "a"]), .object(["id": "b"])]
        #expect(try ModelChoice.pick(requested: "b", from: two, url: Self.url) == "b")
        #expect {
            try ModelChoice.pick(requested: nil, from: two, url: Self.url)
        } throws: { error in
            (error as? ProctorError)?.message.contains("lists 2 models (a, b); pass --model-name") == true
        }
        #expect(throws: ProctorError.self) { try ModelChoice.pick(requested: nil, from: [], url: Self.url) }
    }

    @Test("a streamed answer is read as the whole one: deltas joined, reasoning apart, finish reason and usage kept")
    func streamed() throws {
        let events = [
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning_content":"think "},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning_content":"more"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"4"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"2"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}"#,
            #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"#,
            "[DONE]",
        ]
        for separator in ["\n\n", "\r\n\r\n"] {
            let result = try Self.read(events.map { "data: \($0)" }.joined(separator: separator) + separator)
            #expect(result.text == "42" && result.reasoningContent == "think more")
            #expect(result.finishReason == .length && result.promptTokens == 9 && result.completionTokens == 2)
        }
    }

    @Test("an error event in the middle of a stream is a backend error with the server's words")
    func streamedError() {
        let body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"error\":{\"message\":\"engine crashed\",\"type\":\"server_error\"}}\n\n"
        #expect { try Self.read(body) } throws: { ($0 as? ProctorError)?.message.contains("engine crashed") == true }
    }
}
