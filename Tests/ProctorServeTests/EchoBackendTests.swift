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

    @Test("streamed deltas concatenate to the non-streamed text and reasoning")
    func deltas() async throws {
        let request = GenerationRequest(messages: [ChatMessage(role: .user, text: "a  b\tc")], parameters: GenerationParameters(maxTokens: 100))
        let collected = DeltaLog()
        let result = try await EchoBackend().generate(request) { collected.append($0) }
        let deltas = collected.all
        #expect(deltas.map(\.text).joined() == result.text && result.text == "echo: a  b\tc")
        #expect(deltas.map(\.reasoning).joined() == result.reasoningContent)
        #expect(deltas.filter { !$0.text.isEmpty }.count == 4)
    }
}

/// Deltas in arrival order. `@unchecked Sendable` is safe: `deltas` is only touched while `lock` is held.
final class DeltaLog: @unchecked Sendable {
    private let lock = NSLock()
    private var deltas: [GenerationDelta] = []

    func append(_ delta: GenerationDelta) {
        lock.withLock { deltas.append(delta) }
    }

    var all: [GenerationDelta] { lock.withLock { deltas } }
}
