import InferenceEngine
import SafeTensors

/// Qwen2 weights under any of the prefixes checkpoints use: `model.` (plain Qwen2), `language_model.model.`
/// (InternVL-chat and transformers 5 InternVL), `model.language_model.` (transformers 4.52+). The LM head is
/// `lm_head.weight` / `language_model.lm_head.weight`, or the embeddings when tied (no head stored).
struct Qwen2Weights: Sendable {
    struct Layer: Sendable {
        var inputNorm: [Float], postNorm: [Float]
        var q: [Float], k: [Float], v: [Float], o: [Float]
        var qBias: [Float]?, kBias: [Float]?, vBias: [Float]?
        var gate: [Float], up: [Float], down: [Float]
    }

    var embedding: [Float]
    var layers: [Layer]
    var norm: [Float]
    var head: [Float]

    init(checkpoint: SafeTensorsCheckpoint, config: ModelConfig) throws {
        let prefixes = ["language_model.model.", "model.language_model.", "model."]
        guard let prefix = prefixes.first(where: { checkpoint.contains($0 + "embed_tokens.weight") }) else {
            throw ReferenceModelError("no Qwen2 embed_tokens.weight under \(prefixes.joined(separator: ", ")) in \(checkpoint.folder.path)")
        }
        let h = config.embeddingLength
        let f = config.feedForwardLength
        let qWidth = config.queryWidth
        let kvWidth = config.kvWidth
        func optional(_ name: String, _ shape: [Int]) throws -> [Float]? {
            checkpoint.contains(name) ? try checkpoint.floats(name, shape: shape) : nil
        }
        embedding = try checkpoint.floats(prefix + "embed_tokens.weight", shape: [config.vocabSize, h])
        layers = try (0..<config.layerCount).map { index in
            let base = prefix + "layers.\(index)."
            return Layer(
                inputNorm: try checkpoint.floats(base + "input_layernorm.weight", shape: [h]),
                postNorm: try checkpoint.floats(base + "post_attention_layernorm.weight", shape: [h]),
                q: try checkpoint.floats(base + "self_attn.q_proj.weight", shape: [qWidth, h]),
                k: try checkpoint.floats(base + "self_attn.k_proj.weight", shape: [kvWidth, h]),
                v: try checkpoint.floats(base + "self_attn.v_proj.weight", shape: [kvWidth, h]),
                o: try checkpoint.floats(base + "self_attn.o_proj.weight", shape: [h, qWidth]),
                qBias: try optional(base + "self_attn.q_proj.bias", [qWidth]),
                kBias: try optional(base + "self_attn.k_proj.bias", [kvWidth]),
                vBias: try optional(base + "self_attn.v_proj.bias", [kvWidth]),
                gate: try checkpoint.floats(base + "mlp.gate_proj.weight", shape: [f, h]),
                up: try checkpoint.floats(base + "mlp.up_proj.weight", shape: [f, h]),
                down: try checkpoint.floats(base + "mlp.down_proj.weight", shape: [h, f]))
        }
        norm = try checkpoint.floats(prefix + "norm.weight", shape: [h])
        let heads = ["language_model.lm_head.weight", "lm_head.weight"]
        if let name = heads.first(where: checkpoint.contains) {
            head = try checkpoint.floats(name, shape: [config.vocabSize, h])
        } else {
            head = embedding
        }
    }
}
