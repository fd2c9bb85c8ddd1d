import EngineThreads
import Foundation
import InferenceEngine
import Testing

/// Compares the engine's logits with a golden step: the golden top-5 ids' logits within `tolerance`, and the same
/// top-1 where the golden top-1/top-2 margin exceeds `margin`.
private func check(_ logits: [Float], _ step: Golden.Step, tolerance: Float, margin: Float, _ label: String) {
    for (id, expected) in zip(step.top5Ids, step.top5Logits) {
        #expect(abs(logits[id] - expected) <= tolerance, "\(label): logit of \(id) is \(logits[id]), golden \(expected)")
    }
    let top = Sampler.argmax(logits)
    if step.top5Logits[0] - step.top5Logits[1] > margin {
        #expect(top == step.top5Ids[0], "\(label): top-1 \(top), golden \(step.top5Ids[0])")
    } else {
        #expect(abs(logits[top] - logits[step.top5Ids[0]]) <= tolerance, "\(label): golden top-1 too far below ours")
    }
}

@Suite("SmolLM2 against golden logits", .serialized, .enabled(if: Golden.smolLMAvailable, "SmolLM2 GGUF or ../shared/engine-golden absent: run scripts/fetch-model"))
struct SmolLM2GoldenTests {
    /// The int8-activation fast path is within 0.52 / 0.50 / 1.55 of llama.cpp over the 32 steps of the three prompts
    /// (f16 KV cache; 0.62 / 0.57 / 1.35 with f32). The worst, `chat_math` step 13, is where the float reference
    /// itself is 1.34 away from llama.cpp, so the tolerance is 1.6: the README's "about 1.5" plus that measured
    /// excess. Top-1 is checked where llama.cpp's margin exceeds 1.5, as advised.
    @Test("fast path (every kernel set): step 0 and teacher-forced steps within 1.6 of llama.cpp, same top-1 where the margin > 1.5",
          arguments: KernelSet.available.map(\.name))
    func llamaCpp(set: String) throws {
        let model = try LanguageModel(path: try #require(Golden.smolLMPath))
        let generator = try Generator(model: model, threads: 2, kernels: try KernelSet(named: set))
        for golden in try #require(Golden.llamaCpp).cases {
            let id = try generator.add(prompt: golden.promptIds, parameters: SamplingParameters(maxTokens: 64))
            var logits = try #require(generator.logits(id))
            for s in 0..<golden.steps.count {
                check(logits, golden.steps[s], tolerance: 1.6, margin: 1.5, "\(set) \(golden.name) step \(s)")
                if s + 1 < golden.steps.count { logits = try #require(generator.force(id, token: golden.generatedIds[s])) }
            }
            generator.remove(id)
        }
    }

    /// The quantization error of the fast path alone, against the float reference fed llama.cpp's tokens. The bound is
    /// llama.cpp's own distance to that reference (0.56 / 0.55 / 1.34): the worst step moves between about 0.76 and
    /// 1.01 with float rounding changes far below the quantization error (a vector exp within 1 ulp of libm's in
    /// SiLU flips a few int8 roundings downstream), while a systematic error shows up well above it (the Q4_1 min
    /// term taken from the exact instead of the quantized activation sums gave 2.1).
    @Test("fast path: no further from the numpy float reference than llama.cpp is (1.35) on every teacher-forced step")
    func fastPathAgainstTheFloatReference() throws {
        let model = try LanguageModel(path: try #require(Golden.smolLMPath))
        let generator = try Generator(model: model, threads: 2)
        for golden in try #require(Golden.numpyF32).cases {
            let id = try generator.add(prompt: golden.promptIds, parameters: SamplingParameters(maxTokens: 64))
            var logits = try #require(generator.logits(id))
            let forced = try #require(Golden.llamaCpp?.cases.first { $0.name == golden.name }).generatedIds
            for s in 0..<golden.steps.count {
                check(logits, golden.steps[s], tolerance: 1.35, margin: 1.35, "\(golden.name) fast vs f32 step \(s)")
                if s + 1 < golden.steps.count { logits = try #require(generator.force(id, token: forced[s])) }
            }
            generator.remove(id)
        }
    }

    @Test("f32 reference path: within 1e-2 of the numpy float reference")
    func floatReference() throws {
        let model = try LanguageModel(path: try #require(Golden.smolLMPath), reference: true)
        let generator = try Generator(model: model, threads: 2)
        let reference = try #require(Golden.numpyF32)
        for golden in reference.cases {
            let id = try generator.add(prompt: golden.promptIds, parameters: SamplingParameters(maxTokens: 64))
            var logits = try #require(generator.logits(id))
            let forced = try #require(Golden.llamaCpp?.cases.first { $0.name == golden.name }).generatedIds
            for s in 0..<4 {
                check(logits, golden.steps[s], tolerance: 1e-2, margin: 0, "\(golden.name) f32 step \(s)")
                logits = try #require(generator.force(id, token: forced[s]))
            }
            generator.remove(id)
        }
    }
}
