import CKernels
import Foundation
import ModelFormats

/// A loaded decoder-only language model (llama, qwen2, gemma3 GGUF; Qwen2/Llama Hugging Face checkpoints),
/// weights in the engine's layout.
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
    /// The GGUF file the model was loaded from, kept open because the embedding rows are read from the mapping
    /// (nil for a Hugging Face checkpoint, whose embeddings are copied at load).
    public let gguf: GGUFFile?
    /// Whether every weight was dequantized to f32 (the reference path used by tests; true for Hugging Face
    /// checkpoints loaded with `.f32` weights, whose F16/BF16 weights are converted to f32 at load).
    public let reference: Bool
    /// The files the weights were read from (the GGUF; config.json, the index and the shards), for identity.
    public let sourceFiles: [String]
    let layers: [Layer]
    let output: WeightMatrix
    let outputNorm: [Float]
    let embeddingType: GGMLType
    let embeddingRows: Int
    let embeddingData: UnsafeRawBufferPointer
    /// The embedding bytes when the source could not lend them (freed with the model).
    private let ownedEmbedding: UnsafeMutableRawBufferPointer?

    /// Loads a GGUF file or a Hugging Face checkpoint folder.
    ///
    /// - Parameters:
    ///   - path: A `.gguf` file or a folder with config.json and `*.safetensors`.
    ///   - reference: GGUF: dequantize every weight to f32 (slow, memory-hungry; for tests against a float
    ///     reference). Folders: f32 weights when true, Q8_0 when false (see ``init(huggingFaceFolder:weights:)``).
    /// - Throws: `ModelFormatError`/`SafeTensorsError` for unreadable files, `EngineError` for unsupported
    ///   architectures or types.
    public convenience init(path: String, reference: Bool = false) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            try self.init(huggingFaceFolder: URL(fileURLWithPath: path), weights: reference ? .f32 : .q8_0)
        } else {
            try self.init(gguf: GGUFFile(path: path), reference: reference)
        }
    }

    /// Loads a model from a parsed GGUF file.
    public convenience init(gguf: GGUFFile, reference: Bool = false) throws {
        try self.init(source: gguf, config: try ModelConfig(gguf: gguf), gguf: gguf, reference: reference)
    }

    /// Loads the language model of a Hugging Face checkpoint folder: config.json (Qwen2ForCausalLM,
    /// LlamaForCausalLM, or the `llm_config`/`text_config` of an InternVL/Skywork-R1V checkpoint), one or many
    /// `*.safetensors` (with `model.safetensors.index.json`) in F32, F16 or BF16, and generation_config.json.
    ///
    /// By default every weight is converted to f32 at load (memory: 4 bytes per parameter, twice a BF16
    /// checkpoint) and the model is a `reference` model (f32 KV cache); `.q8_0` quantizes the matrices to Q8_0
    /// for the int8 kernels instead (about 1.06 bytes per parameter; f16 KV cache).
    ///
    /// - Parameters:
    ///   - folder: The checkpoint folder.
    ///   - weights: How the float weights are held.
    /// - Throws: `EngineError` naming config.json for a missing or unsupported config, and the file and tensor
    ///   for a missing tensor or unsupported dtype; `SafeTensorsError` naming the shard when one is truncated.
    public convenience init(huggingFaceFolder folder: URL, weights: WeightMatrix.FloatWeights = .f32) throws {
        let (config, tied) = try ModelConfig.load(huggingFaceFolder: folder)
        let source = try HuggingFaceWeights(folder: folder, tiedEmbeddings: tied)
        try self.init(source: source, config: config, gguf: nil, reference: weights == .f32, quantizeFloats: weights == .q8_0)
    }

    /// Loads every weight from a source.
    init(source: some WeightSource, config: ModelConfig, gguf: GGUFFile?, reference: Bool, quantizeFloats: Bool = false) throws {
        self.gguf = gguf
        self.reference = reference
        var config = config
        // Llama 3 GGUFs carry their RoPE scaling as per-pair divisors of the frequencies.
        if config.ropeFrequencyScales == nil, let factors = try source.withTensor("rope_freqs.weight", { t in
            try Self.floats(t, count: config.headDim / 2)
        }) {
            guard factors.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw EngineError(.unsupported, "\(source.path): `rope_freqs.weight` holds a factor that is not a positive number")
            }
            config.ropeFrequencyScales = factors.map { 1 / $0 }
        }
        self.config = config
        sourceFiles = source.files
        let path = source.path
        func vector(_ name: String, count: Int) throws -> [Float] {
            try source.withRequiredTensor(name) { t in try Self.floats(t, count: count) }
        }
        func optionalVector(_ name: String, count: Int) throws -> [Float]? {
            try source.withTensor(name) { t in try Self.floats(t, count: count) }
        }
        func matrix(_ name: String, rows: Int, cols: Int) throws -> WeightMatrix {
            try source.withRequiredTensor(name) { t in
                guard t.shape.count == 2, t.rowLength == cols, t.rowCount == rows else {
                    throw EngineError(.unsupported, "\(t.file): tensor `\(t.name)` has shape \(t.shape), expected \(rows) rows of \(cols)")
                }
                if quantizeFloats, let quantized = try WeightMatrix.quantized(t) { return quantized }
                return try WeightMatrix(t, reference: reference)
            }
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
        let lent = try source.persistentBytes("token_embd.weight")
        let embedding = try source.withRequiredTensor("token_embd.weight") { t in
            guard t.rowLength == d, t.rowCount >= config.vocabSize, ck_type_supported(Int32(t.type.rawValue)) != 0 else {
                throw EngineError(.unsupported, "\(t.file): `\(t.name)` (\(t.type), shape \(t.shape)) does not fit width \(d) and vocabulary \(config.vocabSize)")
            }
            return (type: t.type, rows: t.rowCount, copy: lent == nil ? Self.copy(t.data) : nil)
        }
        embeddingType = embedding.type
        embeddingRows = embedding.rows
        ownedEmbedding = embedding.copy
        guard let bytes = lent ?? embedding.copy.map(UnsafeRawBufferPointer.init) else {
            throw EngineError(.resources, "\(path): the embeddings could not be read")
        }
        embeddingData = bytes
        let hasHead = try source.withTensor("output.weight") { _ in true } ?? false
        output = hasHead ? try matrix("output.weight", rows: config.vocabSize, cols: d)
            : try matrix("token_embd.weight", rows: embedding.rows, cols: d)
    }

    deinit { ownedEmbedding?.deallocate() }

    /// A vector tensor as floats, its length checked.
    private static func floats(_ t: WeightTensor, count: Int) throws -> [Float] {
        guard t.elementCount == count else {
            throw EngineError(.unsupported, "\(t.file): tensor `\(t.name)` has \(t.elementCount) elements, expected \(count)")
        }
        var out = [Float](repeating: 0, count: count)
        let status = out.withUnsafeMutableBufferPointer {
            ck_dequantize_row(Int32(t.type.rawValue), t.data.baseAddress, $0.baseAddress, Int64(count))
        }
        guard status == 0 else {
            throw EngineError(.unsupported, "\(t.file): tensor `\(t.name)` has type \(t.type), which the engine cannot read")
        }
        return out
    }

    /// A copy of some bytes that the model owns.
    private static func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawBufferPointer {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        copy.copyMemory(from: bytes)
        return copy
    }

    /// Writes the embedding of `token` into `out` (n_embd floats), scaled for Gemma.
    func embed(_ token: Int, into out: UnsafeMutablePointer<Float>) {
        let d = config.embeddingLength
        let rowBytes = embeddingType.byteCount(elements: d) ?? 0
        guard let base = embeddingData.baseAddress, token >= 0, token < embeddingRows else { return }
        ck_dequantize_row(Int32(embeddingType.rawValue), base + token * rowBytes, out, Int64(d))
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
