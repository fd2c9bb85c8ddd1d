import Foundation
import ProctorCore
import ProctorEngineBackend
import Testing

/// The SmolLM2 GGUF `scripts/fetch-model` downloads, when it is there.
let smolLM: String? = {
    let env = ProcessInfo.processInfo.environment
    let cache = env["PROCTOR_CACHE"] ?? ((env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/proctor")
    let path = cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()

/// Streamed pieces, in order. `@unchecked Sendable` is safe: `pieces` is only touched while `lock` is held.
private final class Pieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [String] = []

    func append(_ piece: String) {
        lock.withLock { pieces.append(piece) }
    }

    var all: [String] { lock.withLock { pieces } }
}

@Suite("Engine backend, streaming and cancellation", .enabled(if: smolLM != nil, "SmolLM2 GGUF absent: run scripts/fetch-model"))
struct EngineStreamingTests {
    @Test("streamed pieces join to the whole text, with and without a stop string, none of it streamed")
    func pieces() async throws {
        let backend = try EngineBackend(path: try #require(smolLM), threads: 2)
        let messages = [ChatMessage(role: .user, text: "Describe the sea in two sentences.")]
        let whole = try await backend.generate(GenerationRequest(messages: messages, parameters: GenerationParameters(maxTokens: 24)))
        let stop = String(whole.text.dropFirst(whole.text.count / 2).prefix(4))
        for stops in [[], [stop]] {
            let parameters = GenerationParameters(maxTokens: 24, stop: stops)
            let expected = try await backend.generate(GenerationRequest(messages: messages, parameters: parameters))
            let pieces = Pieces()
            let streamed = try await backend.generate(GenerationRequest(messages: messages, parameters: parameters)) { pieces.append($0.text) }
            #expect(streamed.text == expected.text && pieces.all.joined() == expected.text, "stop \(stops): \(pieces.all)")
            #expect(pieces.all.count > 3)
        }
    }

    @Test("a cancelled stream leaves the batch before the next step; the request beside it finishes unchanged")
    func cancellation() async throws {
        let backend = try EngineBackend(path: try #require(smolLM), threads: 2)
        let long = GenerationRequest(messages: [ChatMessage(role: .user, text: "Write a very long story.")], parameters: GenerationParameters(maxTokens: 2000))
        let other = GenerationRequest(messages: [ChatMessage(role: .user, text: "Name a fruit.")], parameters: GenerationParameters(maxTokens: 40))
        let alone = try await backend.generate(other)
        let pieces = Pieces()
        let cancelled = Task { try await backend.generate(long) { pieces.append($0.text) } }
        let beside = Task { try await backend.generate(other) }
        while pieces.all.count < 3 { try await Task.sleep(nanoseconds: 5_000_000) }
        let atCancel = pieces.all.count
        cancelled.cancel()
        let outcome = await cancelled.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(pieces.all.count <= atCancel + 1, "at most the step in flight may add a piece after the cancel")
        #expect(try await beside.value.text == alone.text)
        #expect(await backend.activeRequests == 0)
    }
}
