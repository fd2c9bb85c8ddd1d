import EngineThreads
import Foundation
import InferenceEngine
import Testing

@Suite("Batched decoding and sampling", .serialized)
struct BatchedDecodingTests {
    @Test("several sequences decoded together give the same tokens as one at a time",
          .enabled(if: Golden.smolLMAvailable, "SmolLM2 GGUF absent: run scripts/fetch-model"))
    func batchedEqualsSequential() throws {
        let model = try LanguageModel(path: try #require(Golden.smolLMPath))
        let generator = try Generator(model: model, threads: 2)
        let prompts = try #require(Golden.llamaCpp).cases.map(\.promptIds)
        let parameters = [
            SamplingParameters(maxTokens: 6),
            SamplingParameters(temperature: 0.8, topK: 40, topP: 0.95, maxTokens: 6, seed: 7),
            SamplingParameters(temperature: 1.0, minP: 0.05, repetitionPenalty: 1.05, maxTokens: 6, seed: 11),
        ]
        let together = try generator.generate(prompts: prompts, parameters: parameters)
        for i in prompts.indices {
            let alone = try generator.generate(prompts: [prompts[i]], parameters: [parameters[i]])
            #expect(alone[0].tokens == together[i].tokens, "sequence \(i)")
            #expect(together[i].tokens.count == 6 && together[i].reason == .length)
        }
        // Greedy decoding of `plain_capital` starts like llama.cpp's (" Paris").
        #expect(together[0].tokens.first == Golden.llamaCpp?.cases[0].generatedIds.first)
    }

    /// A previous global force-scalar switch, flipped by one suite, changed another engine's kernels mid-run: each
    /// generator now holds its own set, so two engines with different sets running at once each give their own logits.
    @Test("two generators with different kernel sets running at the same time each keep their own kernels",
          .enabled(if: Golden.smolLMAvailable && KernelSet.available.count > 1, "SmolLM2 GGUF absent, or this CPU has only scalar kernels"))
    func kernelSetsStayPerGenerator() async throws {
        let model = try LanguageModel(path: try #require(Golden.smolLMPath))
        let prompt = try #require(Golden.llamaCpp).cases[0].promptIds
        func logits(_ kernels: KernelSet) throws -> [[Float]] {
            let generator = try Generator(model: model, threads: 1, kernels: kernels)
            let id = try generator.add(prompt: prompt, parameters: SamplingParameters(maxTokens: 8))
            var steps = [try #require(generator.logits(id))]
            for _ in 0..<3 { steps.append(try #require(generator.force(id, token: Sampler.argmax(steps[steps.count - 1])))) }
            return steps
        }
        let scalarAlone = try logits(.scalar), bestAlone = try logits(.best)
        #expect(scalarAlone != bestAlone, "the two sets should round differently")
        async let scalar = Task.detached { try logits(.scalar) }.value
        async let best = Task.detached { try logits(.best) }.value
        let (s, b) = try await (scalar, best)
        #expect(s == scalarAlone)
        #expect(b == bestAlone)
    }

    @Test("sampling is reproducible per seed and honours the filters")
    func sampling() {
        let logits: [Float] = [1, 5, 3, 4.9, -2]
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        let p = SamplingParameters(temperature: 1, maxTokens: 1)
        let first = (0..<50).map { _ in var l = logits; return Sampler.sample(&l, history: [], parameters: p, random: &a) }
        let second = (0..<50).map { _ in var l = logits; return Sampler.sample(&l, history: [], parameters: p, random: &b) }
        #expect(first == second)
        #expect(Set(first).count > 1)
        var r = SeededRandom(seed: 1)
        let topK = SamplingParameters(temperature: 1, topK: 2, maxTokens: 1)
        for _ in 0..<50 {
            var l = logits
            #expect([1, 3].contains(Sampler.sample(&l, history: [], parameters: topK, random: &r)))
        }
        let minP = SamplingParameters(temperature: 1, minP: 0.5, maxTokens: 1)
        for _ in 0..<50 {
            var l = logits
            #expect([1, 3].contains(Sampler.sample(&l, history: [], parameters: minP, random: &r)))
        }
        var greedy = logits
        #expect(Sampler.sample(&greedy, history: [], parameters: SamplingParameters(), random: &r) == 1)
        var penalized = logits
        let penalty = SamplingParameters(repetitionPenalty: 1.1, maxTokens: 1)
        #expect(Sampler.sample(&penalized, history: [1], parameters: penalty, random: &r) == 3)
    }
}
