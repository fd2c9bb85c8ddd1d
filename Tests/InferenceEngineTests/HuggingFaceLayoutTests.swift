import Foundation
import InferenceEngine
import SafeTensors
import Testing

/// Other checkpoint layouts built in the test from the `tiny-qwen2` fixture's weights: the InternVL-chat /
/// Skywork-R1V layout (`llm_config`, `language_model.` prefix, untied `language_model.lm_head.weight`, vision
/// tensors beside the LLM) in F32, and a checkpoint carrying a bias the engine cannot apply.
@Suite("Hugging Face checkpoints: Skywork-style layout and refused biases")
struct HuggingFaceLayoutTests {
    static let qwen = HuggingFaceFixtures.folder.appendingPathComponent("tiny-qwen2")

    /// Writes a folder with `config` and the tiny Qwen2's tensors renamed by `rename` (as F32) plus `extra`.
    func write(config: [String: Any], rename: (String) -> String, extra: [String: [Float]] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-hf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = try SafeTensorsFile(url: Self.qwen.appendingPathComponent("model.safetensors"))
        var writer = SafeTensorsWriter()
        for (name, info) in source.tensors {
            writer.add(rename(name), shape: info.shape, floats: try source.floats(name))
        }
        for (name, values) in extra { writer.add(name, shape: [values.count], floats: values) }
        try writer.data().write(to: folder.appendingPathComponent("model.safetensors"))
        try JSONSerialization.data(withJSONObject: config).write(to: folder.appendingPathComponent("config.json"))
        return folder
    }

    func qwenConfig() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.qwen.appendingPathComponent("config.json"))) as? [String: Any])
    }

    @Test("llm_config + language_model. prefix + separate lm_head (F32) gives the fixture's logits")
    func skyworkLayout() throws {
        var llm = try qwenConfig()
        llm["tie_word_embeddings"] = false
        let source = try SafeTensorsFile(url: Self.qwen.appendingPathComponent("model.safetensors"))
        let embeddings = try source.floats("model.embed_tokens.weight")
        let config: [String: Any] = ["architectures": ["SkyworkR1VChatModel"], "llm_config": llm,
                                     "vision_config": ["hidden_size": 64], "eos_token_id": 2,
                                     // InternVL-chat builds the LLM from llm_config alone: this flag must not tie.
                                     "tie_word_embeddings": true]
        let folder = try write(config: config, rename: { "language_model." + $0 },
                               extra: ["vision_model.embeddings.class_embedding": [Float](repeating: 0.5, count: 64)])
        defer { try? FileManager.default.removeItem(at: folder) }
        // An untied head stored as InternVL-chat stores it (here the embeddings plus a known offset on row 7, so
        // the logits match the fixture's except token 7's, which proves the head, not the embeddings, is used).
        var head = SafeTensorsWriter()
        var headRows = embeddings
        for j in 0..<64 { headRows[7 * 64 + j] += 0.5 }
        head.add("language_model.lm_head.weight", shape: [320, 64], floats: headRows)
        let index: [String: Any] = ["weight_map": Dictionary(uniqueKeysWithValues:
            (try SafeTensorsFile(url: folder.appendingPathComponent("model.safetensors")).tensors.keys.map { ($0, "model.safetensors") })
            + [("language_model.lm_head.weight", "head.safetensors")])]
        try head.data().write(to: folder.appendingPathComponent("head.safetensors"))
        try JSONSerialization.data(withJSONObject: index).write(to: folder.appendingPathComponent("model.safetensors.index.json"))

        let model = try LanguageModel(huggingFaceFolder: folder)
        #expect(model.config.architecture == "qwen2" && model.config.endOfGenerationIds == [2])
        #expect(model.sourceFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["config.json", "model.safetensors.index.json", "head.safetensors", "model.safetensors"])
        let generator = try Generator(model: model, threads: 1)
        let c = try #require(try HuggingFaceFixtures.cases("tiny-qwen2").first)
        let id = try generator.add(prompt: c.ids, parameters: SamplingParameters(maxTokens: 1))
        let logits = try #require(generator.logits(id))
        let vocab = model.config.vocabSize
        var expected = Array(c.logits[(c.ids.count - 1) * vocab..<c.ids.count * vocab])
        // Token 7's logit moves by 0.5 · Σ(final normed hidden state); every other logit is the fixture's.
        let moved = logits[7] - expected[7]
        expected[7] = logits[7]
        let worst = zip(logits, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4, "largest logit difference \(worst)")
        #expect(abs(moved) > 1e-3, "the separate head, not the embeddings, is used")
    }

    @Test("an attention-output bias is refused rather than ignored")
    func outputBias() throws {
        let folder = try write(config: try qwenConfig(), rename: { $0 },
                               extra: ["model.layers.0.self_attn.o_proj.bias": [Float](repeating: 0.1, count: 64)])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try LanguageModel(huggingFaceFolder: folder)
            Issue.record("loaded a checkpoint with an o_proj bias")
        } catch {
            #expect("\(error)".contains("model.layers.0.self_attn.o_proj.bias") && "\(error)".contains(folder.path), "\(error)")
        }
    }
}
