import ModelFormats

/// The hyperparameters of a decoder-only language model, read from GGUF metadata or a Hugging Face
/// `config.json` (``load(huggingFaceFolder:)``).
public struct ModelConfig: Sendable, Hashable {
    /// `general.architecture`: `llama`, `qwen2` or `gemma3`.
    public var architecture: String
    public var layerCount: Int
    public var embeddingLength: Int
    public var feedForwardLength: Int
    public var headCount: Int
    public var kvHeadCount: Int
    /// The per-head width of queries and keys (and values).
    public var headDim: Int
    public var vocabSize: Int
    public var contextLength: Int
    public var rmsEpsilon: Float
    public var ropeBase: Float
    /// The RoPE base of sliding-window layers (Gemma 3).
    public var ropeBaseLocal: Float
    /// Rotate pairs (i, i + d/2) (NeoX, Qwen2, Gemma) rather than adjacent pairs (GGUF Llama).
    public var ropeNeox: Bool
    /// Sliding-window size for local layers (0: none).
    public var slidingWindow: Int
    /// Every `slidingWindowPattern`-th layer is global (Gemma 3: 6).
    public var slidingWindowPattern: Int
    /// Gemma: multiply embeddings by √n_embd, GELU FFN, per-head q/k norms, post-norms.
    public var isGemma: Bool
    /// The attention score scale.
    public var attentionScale: Float
    /// Per rotary pair i, a factor on its frequency base^(-2i/d) (Llama 3 RoPE scaling; GGUF `rope_freqs.weight`
    /// holds the inverse); nil: unscaled. Applies to the global RoPE only.
    public var ropeFrequencyScales: [Float]? = nil
    /// Token ids that end generation according to the model's own config (Hugging Face `eos_token_id` in
    /// config.json and generation_config.json; empty for GGUF, whose tokenizer metadata names them).
    public var endOfGenerationIds: Set<Int> = []

    /// Reads the configuration of a supported architecture.
    ///
    /// - Throws: `EngineError` (`.unsupported`) for another architecture, `ModelFormatError` for missing keys.
    public init(gguf: GGUFFile) throws {
        guard let arch = gguf.architecture else {
            throw EngineError(.unsupported, "\(gguf.path): no `general.architecture` in the metadata; not a model file llama.cpp could load either")
        }
        guard ["llama", "qwen2", "gemma3"].contains(arch) else {
            throw EngineError(.unsupported, "\(gguf.path): architecture `\(arch)` is not supported (llama, qwen2 and gemma3 are)")
        }
        func int(_ key: String) throws -> Int { try gguf.require(gguf.int("\(arch).\(key)"), "\(arch).\(key)") }
        architecture = arch
        layerCount = try int("block_count")
        embeddingLength = try int("embedding_length")
        feedForwardLength = try int("feed_forward_length")
        headCount = try int("attention.head_count")
        kvHeadCount = try gguf.int("\(arch).attention.head_count_kv") ?? headCount
        headDim = try gguf.int("\(arch).attention.key_length") ?? (embeddingLength / max(headCount, 1))
        let tokens = try gguf.strings("tokenizer.ggml.tokens")?.count
        vocabSize = try gguf.int("\(arch).vocab_size") ?? tokens ?? gguf.requireTensor("token_embd.weight").rowCount
        contextLength = try gguf.int("\(arch).context_length") ?? 4096
        rmsEpsilon = Float(try gguf.float("\(arch).attention.layer_norm_rms_epsilon") ?? 1e-5)
        isGemma = arch == "gemma3"
        ropeBase = Float(try gguf.float("\(arch).rope.freq_base") ?? (isGemma ? 1_000_000 : 10_000))
        ropeBaseLocal = Float(try gguf.float("\(arch).rope.freq_base_swa") ?? 10_000)
        ropeNeox = arch != "llama"
        slidingWindow = isGemma ? (try gguf.int("\(arch).attention.sliding_window") ?? 512) : 0
        slidingWindowPattern = isGemma ? 6 : 0
        attentionScale = 1 / Float(headDim).squareRoot()
        try validate(gguf.path)
    }

    /// Checks that the hyperparameters fit the engine's kernels.
    ///
    /// - Throws: `EngineError` (`.unsupported`) naming `file`.
    func validate(_ file: String) throws {
        guard layerCount > 0, embeddingLength > 0, headCount > 0, kvHeadCount > 0, headCount % kvHeadCount == 0,
              headDim % 2 == 0, embeddingLength % 32 == 0, feedForwardLength % 32 == 0, vocabSize > 0 else {
            throw EngineError(.unsupported, "\(file): implausible hyperparameters (\(layerCount) layers, width \(embeddingLength), \(headCount)/\(kvHeadCount) heads of \(headDim)); the file is corrupt or unusual")
        }
    }

    /// Whether layer `layer` uses the sliding window (Gemma 3 local layers).
    public func isLocal(layer: Int) -> Bool {
        slidingWindowPattern > 0 && (layer + 1) % slidingWindowPattern != 0
    }

    /// Query width (heads × head size).
    public var queryWidth: Int { headCount * headDim }
    /// Key/value width per position.
    public var kvWidth: Int { kvHeadCount * headDim }
}
