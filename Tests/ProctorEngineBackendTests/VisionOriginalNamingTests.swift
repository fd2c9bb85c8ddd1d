import Foundation
import ProctorCore
import ProctorEngineBackend
import SafeTensors
import Testing
import TokenizerTestSupport

/// The tiny InternVL rewritten in the original InternVL-chat / Skywork-R1V layout (`vision_model.*` with fused
/// `attn.qkv`, `mlp1.N`, `language_model.*`, `llm_config`, `select_layer`, `max_dynamic_patch`, no
/// `image_token_id`) runs through the backend exactly like the HF-native folder.
@Suite("Engine backend: InternVL-chat naming", .enabled(if: TinyInternVLCheckpoint.available, TinyInternVLCheckpoint.skipReason))
struct VisionOriginalNamingTests {
    /// Writes the renamed checkpoint with `maxTiles` as `max_dynamic_patch`.
    static func originalCheckpoint(maxTiles: Int) throws -> URL {
        let source = TinyInternVLCheckpoint.golden
        let folder = try TinyInternVLCheckpoint.make()
        for name in ["config.json", "model.safetensors"] { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        try InternVLOriginalNaming.weights(of: SafeTensorsCheckpoint(folder: source)).write(to: folder.appendingPathComponent("model.safetensors"))

        let shared = try JSONSerialization.jsonObject(with: Data(contentsOf: source.appendingPathComponent("config.json"))) as? [String: Any]
        var llm = try #require(shared?["text_config"] as? [String: Any])
        llm["architectures"] = ["Qwen2ForCausalLM"]
        llm["tie_word_embeddings"] = true
        llm["rope_theta"] = 1_000_000.0
        let config: [String: Any] = [
            "architectures": ["SkyworkR1VChatModel"], "downsample_ratio": 0.5, "select_layer": -1, "template": "internvl2_5",
            "max_dynamic_patch": maxTiles, "min_dynamic_patch": 1, "use_thumbnail": true, "dynamic_image_size": true,
            "ps_version": "v2", "force_image_size": 56, "llm_config": llm,
            "vision_config": [
                "hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4, "num_hidden_layers": 2, "patch_size": 14,
                "image_size": 56, "layer_norm_eps": 1e-6, "norm_type": "rms_norm", "qk_normalization": true, "hidden_act": "gelu",
            ] as [String: Any],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: folder.appendingPathComponent("config.json"))
        return folder
    }

    @Test("same prompt ids and the same generated text as the HF-native folder")
    func sameAsHFNative() async throws {
        let original = try Self.originalCheckpoint(maxTiles: 12)
        let native = try TinyInternVLCheckpoint.make()
        defer { for folder in [original, native] { try? FileManager.default.removeItem(at: folder) } }
        let messages = [ChatMessage(role: .user, parts: [.image(try TinyInternVLCheckpoint.png("wide-112x56.png")), .text("Describe it.")])]
        let request = GenerationRequest(messages: messages, parameters: GenerationParameters(maxTokens: 6))
        let a = try EngineBackend(path: original.path, threads: 1)
        let b = try EngineBackend(path: native.path, threads: 1)
        let (idsA, idsB) = (try a.promptIds(for: messages).ids, try b.promptIds(for: messages).ids)
        #expect(idsA == idsB)
        #expect(idsA.filter { $0 == 299 }.count == 12)
        let (outA, outB) = (try await a.generate(request), try await b.generate(request))
        #expect(outA.text == outB.text && outA.completionTokens == outB.completionTokens)
    }

    @Test("max_dynamic_patch 1: the wide image is one resized tile (4 image tokens, no thumbnail)")
    func maxDynamicPatch() throws {
        let folder = try Self.originalCheckpoint(maxTiles: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let messages = [ChatMessage(role: .user, parts: [.image(try TinyInternVLCheckpoint.png("wide-112x56.png")), .text("Describe it.")])]
        #expect(try backend.promptIds(for: messages).ids.filter { $0 == 299 }.count == 4)
        #expect(backend.identity.details["vision_tiles"] == "1-1")
    }
}
