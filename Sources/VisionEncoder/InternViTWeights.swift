import SafeTensors

/// The vision tower's and projector's weights, read under either naming scheme:
///
/// | original InternVL-chat / Skywork | Hugging Face-native |
/// |---|---|
/// | `vision_model.embeddings.class_embedding` | `vision_tower.embeddings.cls_token` |
/// | `vision_model.embeddings.patch_embedding.{weight,bias}` | `vision_tower.embeddings.patch_embeddings.projection.{weight,bias}` |
/// | `vision_model.embeddings.position_embedding` | `vision_tower.embeddings.position_embeddings` |
/// | `vision_model.encoder.layers.N.attn.qkv` (fused) | `vision_tower.encoder.layer.N.attention.{q,k,v}_proj` |
/// | `attn.q_norm` / `attn.k_norm` / `attn.proj` | `attention.q_norm` / `attention.k_norm` / `attention.projection_layer` |
/// | `norm1` / `norm2` / `ls1` / `ls2` / `mlp.fc1` / `mlp.fc2` | `layernorm_before` / `layernorm_after` / `lambda_1` / `lambda_2` / `mlp.fc1` / `mlp.fc2` |
/// | `mlp1.0` / `mlp1.1` / `mlp1.3` | `multi_modal_projector.layer_norm` / `linear_1` / `linear_2` |
///
/// Hugging Face-native names may also carry a `model.` prefix (transformers 4.52+ layout).
struct InternViTWeights: Sendable {
    struct Norm: Sendable {
        var weight: [Float]
        var bias: [Float]?
    }

    struct Layer: Sendable {
        var norm1: Norm, norm2: Norm
        var q: [Float], k: [Float], v: [Float]
        var qBias: [Float]?, kBias: [Float]?, vBias: [Float]?
        var qNorm: [Float]?, kNorm: [Float]?
        var proj: [Float], projBias: [Float]?
        var fc1: [Float], fc1Bias: [Float]?, fc2: [Float], fc2Bias: [Float]?
        var ls1: [Float]?, ls2: [Float]?
    }

    var classEmbedding: [Float]
    var patchWeight: [Float]
    var patchBias: [Float]?
    var positionEmbedding: [Float]
    var layers: [Layer]
    var projectorNorm: Norm
    var projector1: [Float], projector1Bias: [Float]?
    var projector2: [Float], projector2Bias: [Float]?
    var projectorHidden: Int
    var textHidden: Int

    init(checkpoint: SafeTensorsCheckpoint, config: InternVLConfig) throws {
        let c = config.vision.hiddenSize
        let f = config.vision.intermediateSize
        let p = config.vision.patchSize
        let positions = config.patchesPerSide * config.patchesPerSide + 1
        let original = checkpoint.contains("vision_model.embeddings.class_embedding")
        let hfPrefix = checkpoint.contains("model.vision_tower.embeddings.cls_token") ? "model." : ""
        func optional(_ name: String) throws -> [Float]? { checkpoint.contains(name) ? try checkpoint.floats(name) : nil }
        func norm(_ name: String) throws -> Norm { Norm(weight: try checkpoint.floats(name + ".weight", shape: [c]), bias: try optional(name + ".bias")) }
        var layers: [Layer] = []
        if original {
            classEmbedding = try checkpoint.floats("vision_model.embeddings.class_embedding", shape: [1, 1, c])
            patchWeight = try checkpoint.floats("vision_model.embeddings.patch_embedding.weight", shape: [c, 3, p, p])
            patchBias = try optional("vision_model.embeddings.patch_embedding.bias")
            positionEmbedding = try checkpoint.floats("vision_model.embeddings.position_embedding", shape: [1, positions, c])
            for index in 0..<config.vision.numHiddenLayers {
                let base = "vision_model.encoder.layers.\(index)."
                let qkv = try checkpoint.floats(base + "attn.qkv.weight", shape: [3 * c, c])
                let qkvBias = try optional(base + "attn.qkv.bias")
                layers.append(Layer(
                    norm1: try norm(base + "norm1"), norm2: try norm(base + "norm2"),
                    q: Array(qkv[0..<c * c]), k: Array(qkv[c * c..<2 * c * c]), v: Array(qkv[2 * c * c..<3 * c * c]),
                    qBias: qkvBias.map { Array($0[0..<c]) }, kBias: qkvBias.map { Array($0[c..<2 * c]) }, vBias: qkvBias.map { Array($0[2 * c..<3 * c]) },
                    qNorm: try optional(base + "attn.q_norm.weight"), kNorm: try optional(base + "attn.k_norm.weight"),
                    proj: try checkpoint.floats(base + "attn.proj.weight", shape: [c, c]), projBias: try optional(base + "attn.proj.bias"),
                    fc1: try checkpoint.floats(base + "mlp.fc1.weight", shape: [f, c]), fc1Bias: try optional(base + "mlp.fc1.bias"),
                    fc2: try checkpoint.floats(base + "mlp.fc2.weight", shape: [c, f]), fc2Bias: try optional(base + "mlp.fc2.bias"),
                    ls1: try optional(base + "ls1"), ls2: try optional(base + "ls2")))
            }
        } else {
            let embeddings = hfPrefix + "vision_tower.embeddings."
            classEmbedding = try checkpoint.floats(embeddings + "cls_token", shape: [1, 1, c])
            patchWeight = try checkpoint.floats(embeddings + "patch_embeddings.projection.weight", shape: [c, 3, p, p])
            patchBias = try optional(embeddings + "patch_embeddings.projection.bias")
            positionEmbedding = try checkpoint.floats(embeddings + "position_embeddings", shape: [1, positions, c])
            for index in 0..<config.vision.numHiddenLayers {
                let base = hfPrefix + "vision_tower.encoder.layer.\(index)."
                layers.append(Layer(
                    norm1: try norm(base + "layernorm_before"), norm2: try norm(base + "layernorm_after"),
                    q: try checkpoint.floats(base + "attention.q_proj.weight", shape: [c, c]),
                    k: try checkpoint.floats(base + "attention.k_proj.weight", shape: [c, c]),
                    v: try checkpoint.floats(base + "attention.v_proj.weight", shape: [c, c]),
                    qBias: try optional(base + "attention.q_proj.bias"), kBias: try optional(base + "attention.k_proj.bias"),
                    vBias: try optional(base + "attention.v_proj.bias"),
                    qNorm: try optional(base + "attention.q_norm.weight"), kNorm: try optional(base + "attention.k_norm.weight"),
                    proj: try checkpoint.floats(base + "attention.projection_layer.weight", shape: [c, c]),
                    projBias: try optional(base + "attention.projection_layer.bias"),
                    fc1: try checkpoint.floats(base + "mlp.fc1.weight", shape: [f, c]), fc1Bias: try optional(base + "mlp.fc1.bias"),
                    fc2: try checkpoint.floats(base + "mlp.fc2.weight", shape: [c, f]), fc2Bias: try optional(base + "mlp.fc2.bias"),
                    ls1: try optional(base + "lambda_1"), ls2: try optional(base + "lambda_2")))
            }
        }
        self.layers = layers
        let projector = original ? ["mlp1.0", "mlp1.1", "mlp1.3"]
            : ["layer_norm", "linear_1", "linear_2"].map { hfPrefix + "multi_modal_projector." + $0 }
        let shuffled = c * Int((1 / config.downsampleRatio).rounded()) * Int((1 / config.downsampleRatio).rounded())
        projectorNorm = Norm(weight: try checkpoint.floats(projector[0] + ".weight", shape: [shuffled]), bias: try optional(projector[0] + ".bias"))
        let first = try checkpoint.info(projector[1] + ".weight").shape
        guard first.count == 2, first[1] == shuffled else {
            throw VisionEncoderError("\(projector[1]).weight has shape \(first); expected [hidden, \(shuffled)]")
        }
        projectorHidden = first[0]
        projector1 = try checkpoint.floats(projector[1] + ".weight")
        projector1Bias = try optional(projector[1] + ".bias")
        let second = try checkpoint.info(projector[2] + ".weight").shape
        guard second.count == 2, second[1] == projectorHidden else {
            throw VisionEncoderError("\(projector[2]).weight has shape \(second); expected [text hidden, \(projectorHidden)]")
        }
        textHidden = second[0]
        projector2 = try checkpoint.floats(projector[2] + ".weight")
        projector2Bias = try optional(projector[2] + ".bias")
    }
}
