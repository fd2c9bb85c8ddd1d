import Foundation
import InferenceEngine
import SafeTensors
import Testing

/// The language model of `../shared/engine-golden/tiny-internvl` (transformers' InternVL with a Qwen2 LLM, all
/// float32) loaded from its Hugging Face folder, against the logits transformers computed.
@Suite("Hugging Face checkpoint: tiny InternVL language model vs transformers")
struct InternVLGoldenTests {
    static let folder = Golden.folder.appendingPathComponent("tiny-internvl")
    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("golden.safetensors").path)
    }

    /// The golden's inputs: ids, and the projected image features that replace the image-token embeddings.
    struct Inputs {
        var ids: [Int]
        var embeddings: [Int: [Float]]
        var logits: [Float]
        var greedy: [Int]
    }

    static func inputs() throws -> Inputs {
        let golden = try SafeTensorsFile(url: folder.appendingPathComponent("golden.safetensors"))
        let ids = try golden.integers("input_ids").map { Int($0) }
        let features = try golden.floats("image_features")
        let width = try golden.info("image_features").shape[1]
        var embeddings: [Int: [Float]] = [:]
        for (k, position) in ids.indices.filter({ ids[$0] == 299 }).enumerated() {
            embeddings[position] = Array(features[k * width..<(k + 1) * width])
        }
        return Inputs(ids: ids, embeddings: embeddings, logits: try golden.floats("logits"),
                      greedy: try golden.integers("greedy_ids").map { Int($0) })
    }

    @Test("config: the nested text_config, a tied head, f32 weights", .enabled(if: available, "../shared/engine-golden/tiny-internvl is absent"))
    func config() throws {
        let model = try LanguageModel(path: Self.folder.path, reference: true)
        #expect(model.config.architecture == "qwen2")
        #expect(model.config.layerCount == 2 && model.config.headCount == 4 && model.config.kvHeadCount == 2)
        #expect(model.config.vocabSize == 300 && model.config.ropeBase == 1_000_000 && model.config.ropeNeox)
        #expect(model.reference && model.gguf == nil)
    }

    @Test("logits at every position within 1e-4 of transformers (image features fed as input embeddings)",
          .enabled(if: available, "../shared/engine-golden/tiny-internvl is absent"))
    func logits() throws {
        let inputs = try Self.inputs()
        let model = try LanguageModel(huggingFaceFolder: Self.folder)
        let generator = try Generator(model: model, threads: 2)
        let vocab = model.config.vocabSize
        var worst: Float = 0
        for length in 1...inputs.ids.count {
            let prefix = Array(inputs.ids[..<length])
            let id = try generator.add(prompt: prefix, embeddings: inputs.embeddings.filter { $0.key < length },
                                       parameters: SamplingParameters(maxTokens: 1))
            let logits = try #require(generator.logits(id))
            let expected = inputs.logits[(length - 1) * vocab..<length * vocab]
            worst = max(worst, zip(logits, expected).map { abs($0 - $1) }.max() ?? .infinity)
            generator.remove(id)
        }
        #expect(worst <= 1e-4, "largest logit difference \(worst)")
    }

    @Test("greedy continuation equals transformers' generate", .enabled(if: available, "../shared/engine-golden/tiny-internvl is absent"))
    func greedy() throws {
        let inputs = try Self.inputs()
        let generator = try Generator(model: try LanguageModel(huggingFaceFolder: Self.folder), threads: 2)
        let id = try generator.add(prompt: inputs.ids, embeddings: inputs.embeddings,
                                   parameters: SamplingParameters(maxTokens: inputs.greedy.count - inputs.ids.count))
        while generator.activeIDs.contains(id) { generator.step() }
        #expect(inputs.ids + (generator.sequence(id)?.tokens ?? []) == inputs.greedy)
    }

    @Test("a wrong-width input embedding is a clear request error", .enabled(if: available, "../shared/engine-golden/tiny-internvl is absent"))
    func badEmbedding() throws {
        let generator = try Generator(model: try LanguageModel(huggingFaceFolder: Self.folder), threads: 1)
        #expect(throws: EngineError.self) {
            try generator.add(prompt: [5, 6], embeddings: [1: [0, 1]], parameters: SamplingParameters())
        }
    }
}
