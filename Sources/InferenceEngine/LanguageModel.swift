import CKernels
import ModelFormats

/// A loaded decoder-only language model (llama, qwen2, gemma3 GGUF), weights in the engine's layout.
///
/// `@unchecked Sendable`: every property is immutable after `init` (weights are read-only).
public final class LanguageModel: @unchecked Sendable {
    /// One transformer block's weights.
    struct Layer {
        var attentionNorm: [Float]
        var wq, wk, wv, wo: WeightMatrix
        var bq, bk, bv: [Float]?
        var qNorm, kNorm, postAttentionNorm: [Float]?
        var ffnNorm: [Float]
        var gate, up, down: WeightMatrix
        var postFFNNorm: [Float]?
    }

    /// The hyperparameters.
    public let config: ModelConfig
    /// The file the model was loaded from (kept open: the embedding rows are read from the mapping).
    public let gguf: GGUFFile
    /// Whether every weight was dequantized to f32 (the reference path used by tests).
    public let reference: Bool
    let layers: [Layer]
    let output: WeightMatrix
    let outputNorm: [Float]
    let embedding: GGUFTensorInfo
    let embeddingData: UnsafeRawBufferPointer

    /// Loads a GGUF model.
    ///
    /// - Parameters:
    ///   - path: The `.gguf` file.
    ///   - reference: Dequantize every weight to f32 (slow, memory-hungry; for tests against a float reference).
    /// - Throws: `ModelFormatError` for unreadable files, `EngineError` for unsupported architectures or types.
    public convenience init(path: String, reference: Bool = false) throws {
        try self.init(gguf: GGUFFile(path: path), reference: reference)
    }

    /// Loads a model from a parsed GGUF file.
    public init(gguf: GGUFFile, reference: Bool = false) throws {
        self.gguf = gguf
        self.reference = reference
        let config = try ModelConfig(gguf: gguf)
        self.config = config
        func vector(_ name: String, count: Int) throws -> [Float] {
            let info = try gguf.requireTensor(name)
            guard info.elementCount == count else {
                throw EngineError(.unsupported, "\(gguf.path): tensor `\(name)` has \(info.elementCount) elements, expected \(count)")
            }
            let data = try gguf.data(of: info)
            var out = [Float](repeating: 0, count: count)
            let status = out.withUnsafeMutableBufferPointer {
                ck_dequantize_row(Int32(info.type.rawValue), data.baseAddress, $0.baseAddress, Int64(count))
            }
            guard status == 0 else {
                throw EngineError(.unsupported, "\(gguf.path): tensor `\(name)` has type \(info.type), which the engine cannot read")
            }
            return out
        }
        func optionalVector(_ name: String, count: Int) throws -> [Float]? {
            gguf.tensor(named: name) == nil ? nil : try vector(name, count: count)
        }
        func matrix(_ name: String, rows: Int, cols: Int) throws -> WeightMatrix {
            let info = try gguf.requireTensor(name)
            guard info.shape.count == 2, info.rowLength == cols, info.rowCount == rows else {
                throw EngineError(.unsupported, "\(gguf.path): tensor `\(name)` has shape \(info.shape), expected [\(cols), \(rows)]")
            }
            return try WeightMatrix(info, in: gguf, reference: reference)
        }
        let d = config.embeddingLength, q = config.queryWidth, kv = config.kvWidth, ff = config.feedForwardLength
        var layers: [Layer] = []
        for i in 0..<config.layerCount {
            let p = "blk.\(i)."
            layers.append(Layer(
                attentionNorm: try vector(p + "attn_norm.weight", count: d),
                wq: try matrix(p + "attn_q.weight", rows: q, cols: d),
                wk: try matrix(p + "attn_k.weight", rows: kv, cols: d),
                wv: try matrix(p + "attn_v.weight", rows: kv, cols: d),
                wo: try matrix(p + "attn_output.weight", rows: d, cols: q),
                bq: try optionalVector(p + "attn_q.bias", count: q),
                bk: try optionalVector(p + "attn_k.bias", count: kv),
                bv: try optionalVector(p + "attn_v.bias", count: kv),
                qNorm: try optionalVector(p + "attn_q_norm.weight", count: config.headDim),
                kNorm: try optionalVector(p + "attn_k_norm.weight", count: config.headDim),
                postAttentionNorm: try optionalVector(p + "post_attention_norm.weight", count: d),
                ffnNorm: try vector(p + "ffn_norm.weight", count: d),
                gate: try matrix(p + "ffn_gate.weight", rows: ff, cols: d),
                up: try matrix(p + "ffn_up.weight", rows: ff, cols: d),
                down: try matrix(p + "ffn_down.weight", rows: d, cols: ff),
                postFFNNorm: try optionalVector(p + "post_ffw_norm.weight", count: d)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", count: d)
        embedding = try gguf.requireTensor("token_embd.weight")
        guard embedding.rowLength == d, embedding.rowCount >= config.vocabSize,
              ck_type_supported(Int32(embedding.type.rawValue)) != 0 else {
            throw EngineError(.unsupported, "\(gguf.path): `token_embd.weight` (\(embedding.type), shape \(embedding.shape)) does not fit width \(d) and vocabulary \(config.vocabSize)")
        }
        embeddingData = try gguf.data(of: embedding)
        if let head = gguf.tensor(named: "output.weight") {
            output = try matrix(head.name, rows: config.vocabSize, cols: d)
        } else {
            output = try matrix("token_embd.weight", rows: embedding.rowCount, cols: d)
        }
    }

    /// Writes the embedding of `token` into `out` (n_embd floats), scaled for Gemma.
    func embed(_ token: Int, into out: UnsafeMutablePointer<Float>) {
        let d = config.embeddingLength
        let rowBytes = embedding.type.byteCount(elements: d) ?? 0
        guard let base = embeddingData.baseAddress, token >= 0, token < embedding.rowCount else { return }
        ck_dequantize_row(Int32(embedding.type.rawValue), base + token * rowBytes, out, Int64(d))
        if config.isGemma {
            let scale = Float(d).squareRoot()
            for i in 0..<d { out[i] *= scale }
        }
    }

    /// Bytes of weights held in the engine's layout.
    public var weightBytes: Int {
        layers.reduce(output.byteCount) { sum, l in
            sum + [l.wq, l.wk, l.wv, l.wo, l.gate, l.up, l.down].reduce(0) { $0 + $1.byteCount }
        }
    }
}
