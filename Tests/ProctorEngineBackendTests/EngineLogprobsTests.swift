import Foundation
import InferenceEngine
import ProctorCore
import ProctorEngineBackend
import Testing

/// Streamed deltas' log-probabilities, in order. `@unchecked Sendable` is safe: `deltas` is only touched while
/// `lock` is held.
private final class Deltas: @unchecked Sendable {
    private let lock = NSLock()
    private var deltas: [GenerationDelta] = []

    func append(_ delta: GenerationDelta) {
        lock.withLock { deltas.append(delta) }
    }

    var all: [GenerationDelta] { lock.withLock { deltas } }
}

@Suite("Sampler.logprobs on hand-made logits")
struct SamplerLogprobsTests {
    @Test("log-softmax stays finite for huge logits and sorts the top tokens, lower id first on ties")
    func stable() {
        let logits: [Float] = [1000, 999, 1000, -Float.infinity, 990]
        let result = Sampler.logprobs(logits, chosen: 1, top: 3)
        let total = exp(0.0) * 2 + exp(-1.0) + exp(-10.0)
        #expect(abs(result.chosen.logprob - (-1 - log(total))) < 1e-12)
        #expect(result.top.map(\.token) == [0, 2, 1])
        #expect(abs(result.top[0].logprob - (-log(total))) < 1e-12)
        #expect(Sampler.logprobs(logits, chosen: 3, top: 0).chosen.logprob == -.infinity)
        #expect(Sampler.logprobs(logits, chosen: 0, top: 50).top.count == logits.count)
    }
}

@Suite("Engine backend, logprobs against SmolLM2", .serialized, .enabled(if: smolLM != nil, "SmolLM2 GGUF absent: run scripts/fetch-model"))
struct EngineLogprobsTests {
    static let messages = [ChatMessage(role: .user, text: "Describe the sea in two sentences.")]

    @Test("temperature 0: the chosen token is the top one, top-20 mass ≤ 1, the tokens join to the text; streamed equals whole")
    func greedy() async throws {
        let backend = try EngineBackend(path: try #require(smolLM), threads: 2)
        let parameters = GenerationParameters(maxTokens: 24, topLogprobs: 20)
        let whole = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: parameters))
        let logprobs = try #require(whole.logprobs)
        #expect(logprobs.count == whole.completionTokens && logprobs.count > 5)
        for (i, token) in logprobs.enumerated() {
            #expect(token.top.count == 20)
            let best = try #require(token.top.first)
            #expect(abs(token.logprob - best.logprob) < 1e-9 && token.bytes == best.bytes, "token \(i): \(token)")
            #expect(token.top.allSatisfy { $0.logprob <= token.logprob + 1e-12 }, "token \(i)")
            #expect(zip(token.top, token.top.dropFirst()).allSatisfy { $0.logprob >= $1.logprob }, "token \(i) not sorted")
            let mass = token.top.reduce(0.0) { $0 + exp($1.logprob) }
            #expect(mass <= 1 + 1e-9 && mass > 0, "token \(i): top-20 mass \(mass)")
        }
        #expect(logprobs.map(\.token).joined() == whole.text)
        #expect(logprobs.flatMap(\.bytes) == Array(whole.text.utf8))

        let deltas = Deltas()
        let streamed = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: parameters)) { deltas.append($0) }
        #expect(streamed.logprobs == whole.logprobs)
        #expect(deltas.all.flatMap(\.logprobs) == logprobs)
        for delta in deltas.all {
            #expect(delta.logprobs.flatMap(\.bytes) == Array(delta.text.utf8), "a delta's tokens are its text: \(delta)")
        }

        let plain = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: GenerationParameters(maxTokens: 24)))
        #expect(plain.logprobs == nil && plain.text == whole.text, "asking for logprobs changes nothing else")
    }

    @Test("a stop string: the tokens up to the one where it starts, streamed the same")
    func stopString() async throws {
        let backend = try EngineBackend(path: try #require(smolLM), threads: 2)
        let free = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: GenerationParameters(maxTokens: 24, topLogprobs: 2)))
        let freeLogprobs = try #require(free.logprobs)
        // A stop string starting exactly at a token boundary halfway through.
        let half = freeLogprobs.count / 2
        let stop = String(decoding: freeLogprobs[half...].flatMap(\.bytes).prefix(3), as: UTF8.self)
        let parameters = GenerationParameters(maxTokens: 24, stop: [stop], topLogprobs: 2)
        let cut = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: parameters))
        let logprobs = try #require(cut.logprobs)
        #expect(logprobs.map(\.token).joined() == cut.text, "stop \(stop): \(cut.text)")
        #expect(logprobs == Array(freeLogprobs.prefix(logprobs.count)))
        let deltas = Deltas()
        _ = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: parameters)) { deltas.append($0) }
        #expect(deltas.all.flatMap(\.logprobs) == logprobs)
    }

    @Test("the first token's logprobs equal the log-softmax, in Double, of the engine's logits for the prompt")
    func independent() async throws {
        let path = try #require(smolLM)
        let backend = try EngineBackend(path: path, threads: 2)
        let result = try await backend.generate(GenerationRequest(messages: Self.messages, parameters: GenerationParameters(maxTokens: 1, topLogprobs: 5)))
        let first = try #require(result.logprobs?.first)

        let prompt = try backend.promptIds(for: Self.messages).ids
        let generator = try Generator(model: try LanguageModel(path: path), threads: 2)
        let id = try generator.add(prompt: prompt, parameters: SamplingParameters(maxTokens: 1))
        let logits = try #require(generator.logits(id)).map(Double.init)
        let peak = logits.max() ?? 0
        let logTotal = peak + log(logits.reduce(0) { $0 + exp($1 - peak) })
        let order = logits.indices.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
        #expect(first.bytes == backend.tokenizer.bytes(of: order[0]))
        #expect(abs(first.logprob - (logits[order[0]] - logTotal)) < 1e-4, "\(first.logprob) vs \(logits[order[0]] - logTotal)")
        for (k, alternative) in first.top.enumerated() {
            #expect(alternative.bytes == backend.tokenizer.bytes(of: order[k]))
            #expect(abs(alternative.logprob - (logits[order[k]] - logTotal)) < 1e-4)
        }
    }
}
