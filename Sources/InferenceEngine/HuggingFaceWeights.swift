import Foundation
import ModelFormats
import SafeTensors

/// The weights of a Hugging Face checkpoint folder (one or many `*.safetensors`), served by engine (GGUF) names.
///
/// The language model's tensors are found under whichever prefix the checkpoint uses: `model.` (a causal LM),
/// `language_model.model.` (InternVL-chat, Skywork-R1V, transformers' InternVL) or `model.language_model.`;
/// the head is `lm_head.weight` or `language_model.lm_head.weight`. A tied head (`tie_word_embeddings`) is
/// reported as absent, so the model falls back to the token embeddings exactly as for a GGUF without `output`.
final class HuggingFaceWeights: WeightSource {
    /// The checkpoint's shards.
    let checkpoint: SafeTensorsCheckpoint
    /// The prefix in front of `embed_tokens.weight`, `layers.N.…` and `norm.weight`.
    let prefix: String
    /// The output head's stored name (nil: tied to the embeddings).
    let head: String?

    var path: String { checkpoint.folder.path }

    var files: [String] {
        let folder = checkpoint.folder
        let index = folder.appendingPathComponent("model.safetensors.index.json").path
        let shards = checkpoint.files.keys.sorted().map { folder.appendingPathComponent($0).path }
        return [folder.appendingPathComponent("config.json").path]
            + (FileManager.default.fileExists(atPath: index) ? [index] : []) + shards
    }

    /// Opens the shards and finds the language model inside them.
    ///
    /// - Parameters:
    ///   - folder: The checkpoint folder.
    ///   - tiedEmbeddings: Whether config.json ties the head to the embeddings.
    /// - Throws: `SafeTensorsError` for missing or truncated shards; `EngineError` naming the folder when no
    ///   language model is found or it holds tensors the engine cannot apply (an `o_proj` or MLP bias).
    init(folder: URL, tiedEmbeddings: Bool) throws {
        let checkpoint = try SafeTensorsCheckpoint(folder: folder)
        self.checkpoint = checkpoint
        let prefixes = ["model.", "language_model.model.", "model.language_model.", ""]
        guard let prefix = prefixes.first(where: { checkpoint.contains($0 + "embed_tokens.weight") }) else {
            throw EngineError(.unsupported, "\(folder.path): no shard holds `model.embed_tokens.weight` (nor `language_model.model.embed_tokens.weight`); this is not a Qwen2/Llama checkpoint the engine can load")
        }
        self.prefix = prefix
        if tiedEmbeddings {
            head = nil
        } else {
            let heads = ["lm_head.weight", "language_model.lm_head.weight"]
            guard let found = heads.first(where: checkpoint.contains) else {
                throw EngineError(.unsupported, "\(folder.path): the model has no tensor `lm_head.weight` and config.json does not set tie_word_embeddings; the checkpoint is incomplete")
            }
            head = found
        }
        let unsupported = checkpoint.tensorNames.first { name in
            name.hasPrefix(prefix + "layers.") &&
                [".self_attn.o_proj.bias", ".mlp.gate_proj.bias", ".mlp.up_proj.bias", ".mlp.down_proj.bias"].contains { name.hasSuffix($0) }
        }
        if let unsupported {
            throw EngineError(.unsupported, "\(folder.path): tensor `\(unsupported)` is a bias the engine does not apply (attention output and MLP biases are not supported)")
        }
    }

    /// The stored name of an engine tensor, or nil when the checkpoint has no counterpart.
    func storedName(for name: String) -> String? {
        switch name {
        case "token_embd.weight": return prefix + "embed_tokens.weight"
        case "output_norm.weight": return prefix + "norm.weight"
        case "output.weight": return head
        default: break
        }
        let parts = name.split(separator: ".", maxSplits: 2)
        guard parts.count == 3, parts[0] == "blk", let layer = Int(parts[1]),
              let suffix = Self.layerNames[String(parts[2])] else { return nil }
        return "\(prefix)layers.\(layer).\(suffix)"
    }

    /// Engine layer tensor names (after `blk.N.`) → Hugging Face names (after `layers.N.`).
    static let layerNames = [
        "attn_norm.weight": "input_layernorm.weight",
        "attn_q.weight": "self_attn.q_proj.weight", "attn_k.weight": "self_attn.k_proj.weight",
        "attn_v.weight": "self_attn.v_proj.weight", "attn_output.weight": "self_attn.o_proj.weight",
        "attn_q.bias": "self_attn.q_proj.bias", "attn_k.bias": "self_attn.k_proj.bias", "attn_v.bias": "self_attn.v_proj.bias",
        "ffn_norm.weight": "post_attention_layernorm.weight",
        "ffn_gate.weight": "mlp.gate_proj.weight", "ffn_up.weight": "mlp.up_proj.weight", "ffn_down.weight": "mlp.down_proj.weight",
    ]

    func withTensor<R>(_ name: String, _ body: (WeightTensor) throws -> R) throws -> R? {
        guard let stored = storedName(for: name), checkpoint.contains(stored) else { return nil }
        let file = try checkpoint.file(for: stored)
        let info = try file.info(stored)
        let type: GGMLType
        switch info.dtype {
        case .f32: type = .f32
        case .f16: type = .f16
        case .bf16: type = .bf16
        default:
            throw EngineError(.unsupported, "\(file.path): tensor `\(stored)` has dtype \(info.dtype.rawValue); the engine loads F32, F16 and BF16 checkpoints (dequantize or convert it first)")
        }
        guard (1...2).contains(info.shape.count) else {
            throw EngineError(.unsupported, "\(file.path): tensor `\(stored)` has shape \(info.shape); expected a vector or a matrix")
        }
        let rowLength = info.shape.last ?? 1
        let rowCount = info.shape.count == 2 ? info.shape[0] : 1
        return try file.bytes(stored).withUnsafeBytes { bytes in
            try body(WeightTensor(name: stored, file: file.path, type: type, shape: info.shape,
                                  rowLength: rowLength, rowCount: rowCount, data: bytes))
        }
    }

    func persistentBytes(_ name: String) throws -> UnsafeRawBufferPointer? { nil }

    func displayName(of name: String) -> String {
        storedName(for: name).map { "`\($0)`" } ?? "for `\(name)`"
    }
}
