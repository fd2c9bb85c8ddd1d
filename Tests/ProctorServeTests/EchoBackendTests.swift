import Foundation
import ProctorCore
import ProctorServe
import Testing

@Suite("Echo backend")
struct EchoBackendTests {
    @Test("it is named as what it is")
    func identity() {
        let identity = EchoBackend().identity
        #expect(identity.kind == "echo" && identity.name == "proctor-echo")
        #expect(identity.details["note"]?.contains("not a language model") == true)
    }

    @Test("stop strings and the token limit cut the echo", arguments: [
        ("a b c d", 100, ["c d", "d"], "echo: a b ", FinishReason.stop),
        ("a b c d", 3, [], "echo: a b", .length),
        ("a b c d", 100, [], "echo: a b c d", .stop),
    ])
    func limits(text: String, maxTokens: Int, stop: [String], expected: String, finish: FinishReason) async throws {
        let request = GenerationRequest(messages: [ChatMessage(role: .user, text: text)], parameters: GenerationParameters(maxTokens: maxTokens, stop: stop))
        let result = try await EchoBackend().generate(request)
        #expect(result.text == expected)
        #expect(result.finishReason == finish)
    }

    @Test("the request head is parsed: method, path without query, lower-cased headers")
    func head() throws {
        let request = try HTTPRequest.parseHead(Data("POST /v1/chat/completions?x=1 HTTP/1.1\r\nContent-Length: 12\r\nX-A: 1\r\nx-a: 2".utf8))
        #expect(request.method == "POST" && request.path == "/v1/chat/completions")
        #expect(request.headers["content-length"] == "12" && request.headers["x-a"] == "1, 2")
    }
}
