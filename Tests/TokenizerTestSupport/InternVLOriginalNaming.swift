import Foundation
import SafeTensors

/// Rewrites a transformers-native InternVL checkpoint (`InternVLForConditionalGeneration` names) in the original
/// InternVL-chat / Skywork-R1V layout (ENGINE-NOTES §9): `vision_model.*` with fused `attn.qkv`, `norm1`/`norm2`,
/// `ls1`/`ls2`, and `mlp1.{0,1,3}` for the projector; the language model's `language_model.*` names are shared.
public enum InternVLOriginalNaming {
    static let rules: [(String, String)] = [
        ("vision_tower.embeddings.cls_token", "vision_model.embeddings.class_embedding"),
        ("vision_tower.embeddings.patch_embeddings.projection.", "vision_model.embeddings.patch_embedding."),
        ("vision_tower.embeddings.position_embeddings", "vision_model.embeddings.position_embedding"),
        ("vision_tower.encoder.layer.", "vision_model.encoder.layers."),
        ("attention.projection_layer.", "attn.proj."), ("attention.q_norm.", "attn.q_norm."), ("attention.k_norm.", "attn.k_norm."),
        ("layernorm_before.", "norm1."), ("layernorm_after.", "norm2."), ("lambda_1", "ls1"), ("lambda_2", "ls2"),
        ("multi_modal_projector.layer_norm.", "mlp1.0."), ("multi_modal_projector.linear_1.", "mlp1.1."),
        ("multi_modal_projector.linear_2.", "mlp1.3."),
    ]

    /// The original name of a tensor, or nil for the separate q/k/v projections (fused by ``weights(of:)``).
    public static func renamed(_ name: String) -> String? {
        if ["q_proj", "k_proj", "v_proj"].contains(where: { name.contains("attention.\($0)") }) { return nil }
        return rules.reduce(name) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The checkpoint's weights renamed, with each vision layer's q, k, v weights fused into `attn.qkv.weight`.
    ///
    /// - Parameter checkpoint: The HF-native weights.
    /// - Returns: A safetensors file.
    public static func weights(of checkpoint: SafeTensorsCheckpoint) throws -> Data {
        var writer = SafeTensorsWriter()
        for name in checkpoint.tensorNames {
            if let target = renamed(name) {
                writer.add(target, shape: try checkpoint.info(name).shape, floats: try checkpoint.floats(name))
            }
        }
        for name in checkpoint.tensorNames where name.hasSuffix("attention.q_proj.weight") {
            let base = String(name.dropLast("q_proj.weight".count))
            let shape = try checkpoint.info(name).shape
            let fused = try ["q", "k", "v"].flatMap { try checkpoint.floats(base + $0 + "_proj.weight") }
            let layer = base.replacingOccurrences(of: "vision_tower.encoder.layer.", with: "vision_model.encoder.layers.")
                .replacingOccurrences(of: "attention.", with: "attn.")
            writer.add(layer + "qkv.weight", shape: [3 * shape[0]] + shape.dropFirst(), floats: fused)
        }
        return writer.data()
    }
}
