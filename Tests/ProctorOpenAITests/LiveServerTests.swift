import Foundation
import ProctorCore
import ProctorOpenAI
import Testing

/// Opt-in checks against a real model server, e.g. llama-cpp-python's (benchmarks/openai/run-llama-cpp-server.sh
/// runs them): set `PROCTOR_OPENAI_URL=http://127.0.0.1:PORT/v1` and optionally `PROCTOR_OPENAI_MODEL`.
@Suite("OpenAI backend against a live model server", .enabled(if: LiveServer.url != nil, "set PROCTOR_OPENAI_URL to run"))
struct LiveServerTests {
    static let url = LiveServer.url
    static let model = ProcessInfo.processInfo.environment["PROCTOR_OPENAI_MODEL"]

    static func backend() async throws -> OpenAIBackend {
        let url = try #require(url)
        return try await OpenAIBackend.connect(OpenAIConfiguration(baseURL: url, modelName: model, requestTimeout: 120, retry: RetryPolicy(maxRetries: 2)))
    }

    @Test("the server's model is identified and answers a question with usage counted")
    func answers() async throws {
        let backend = try await Self.backend()
        #expect(backend.identity.kind == "openai")
        #expect(!backend.modelName.isEmpty)
        let request = GenerationRequest(
            messages: [ChatMessage(role: .user, text: "What is 2 + 3? Answer with one number.")],
            parameters: GenerationParameters(temperature: 0, maxTokens: 32, seed: 1))
        let result = try await backend.generate(request)
        #expect(!result.text.isEmpty)
        #expect((result.completionTokens ?? 0) > 0 && (result.completionTokens ?? 0) <= 32)
        #expect((result.promptTokens ?? 0) > 5)
    }

    @Test("greedy decoding with a fixed seed is repeatable and max_tokens is honoured")
    func repeatable() async throws {
        let backend = try await Self.backend()
        let request = GenerationRequest(
            messages: [ChatMessage(role: .user, text: "Count from one to one hundred in words.")],
            parameters: GenerationParameters(temperature: 0, maxTokens: 8, seed: 3))
        let first = try await backend.generate(request)
        let second = try await backend.generate(request)
        #expect(first.text == second.text)
        #expect(first.finishReason == .length)
        #expect(first.completionTokens == 8)
    }

    /// Servers that do not notice the closed connection (llama-cpp-python's, without streaming) finish the
    /// cancelled generation anyway, so it is kept short to leave the server free for what runs next.
    @Test("cancellation ends a long generation promptly")
    func cancellation() async throws {
        let backend = try await Self.backend()
        let request = GenerationRequest(
            messages: [ChatMessage(role: .user, text: "Write a very long story.")],
            parameters: GenerationParameters(temperature: 0.7, maxTokens: 512, seed: 3))
        let started = Date()
        let task = Task { try await backend.generate(request) }
        try await Task.sleep(nanoseconds: 500_000_000)
        task.cancel()
        let outcome = await task.result
        #expect(Date().timeIntervalSince(started) < 3)
        if case .failure(let error) = outcome {
            #expect((error as? ProctorError)?.code == .cancelled)
        } else {
            Issue.record("a 512-token generation finished within half a second; cancellation was not exercised")
        }
    }
}

/// Where the live server is, from the environment.
enum LiveServer {
    static let url = ProcessInfo.processInfo.environment["PROCTOR_OPENAI_URL"].flatMap(URL.init(string:))
}
