import Foundation
import InferenceEngine
import SafeTensors
import Testing

/// The tiny random-weight checkpoints of `Fixtures/` (made by `Fixtures/make-hf-fixtures.py` with transformers):
/// a BF16 Qwen2ForCausalLM in one file and an F16 LlamaForCausalLM in two shards with an index.
enum HuggingFaceFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// One token-id prompt with transformers' logits at every position and its 8 greedy steps.
    struct Case {
        var ids: [Int]
        var logits: [Float]
        var greedy: [Int]
    }

    static func cases(_ model: String) throws -> [Case] {
        let golden = try SafeTensorsFile(url: folder.appendingPathComponent(model).appendingPathComponent("golden.safetensors"))
        var cases: [Case] = []
        while golden.tensors["case\(cases.count).input_ids"] != nil {
            let n = cases.count
            cases.append(Case(ids: try golden.integers("case\(n).input_ids").map { Int($0) },
                              logits: try golden.floats("case\(n).logits"),
                              greedy: try golden.integers("case\(n).greedy_ids").map { Int($0) }))
        }
        return cases
    }
}

@Suite("Hugging Face checkpoints: tiny Qwen2 (BF16) and Llama (F16, sharded) vs transformers")
struct HuggingFaceFixtureTests {
    @Test("logits at every position within 1e-4 of transformers, greedy ids equal", arguments: ["tiny-qwen2", "tiny-llama"])
    func matchesTransformers(model name: String) throws {
        let model = try LanguageModel(path: HuggingFaceFixtures.folder.appendingPathComponent(name).path)
        let generator = try Generator(model: model, threads: 2)
        let vocab = model.config.vocabSize
        let cases = try HuggingFaceFixtures.cases(name)
        #expect(cases.count == 3)
        for (n, c) in cases.enumerated() {
            var worst: Float = 0
            for length in 1...c.ids.count {
                let id = try generator.add(prompt: Array(c.ids[..<length]), parameters: SamplingParameters(maxTokens: 1))
                let logits = try #require(generator.logits(id))
                #expect(logits.count == vocab)
                worst = max(worst, zip(logits, c.logits[(length - 1) * vocab..<length * vocab]).map { abs($0 - $1) }.max() ?? .infinity)
                generator.remove(id)
            }
            #expect(worst <= 1e-4, "\(name) case \(n): largest logit difference \(worst)")
            let result = try generator.generate(prompts: [c.ids], parameters: [SamplingParameters(maxTokens: c.greedy.count - c.ids.count)])
            #expect(c.ids + result[0].tokens == c.greedy, "\(name) case \(n): greedy ids")
        }
    }

    @Test("config.json and generation_config.json: architecture, head tying, EOS ids")
    func configs() throws {
        let qwen = try LanguageModel(huggingFaceFolder: HuggingFaceFixtures.folder.appendingPathComponent("tiny-qwen2"))
        #expect(qwen.config.architecture == "qwen2" && qwen.config.vocabSize == 320 && qwen.config.kvHeadCount == 2)
        #expect(qwen.config.endOfGenerationIds == [0, 2])
        let llama = try LanguageModel(huggingFaceFolder: HuggingFaceFixtures.folder.appendingPathComponent("tiny-llama"))
        #expect(llama.config.architecture == "llama" && llama.config.ropeNeox && llama.config.headDim == 16)
        #expect(llama.config.endOfGenerationIds == [2])
        #expect(llama.reference && qwen.reference)
    }
}
