import ModelFormats
import TextTokenizers

extension TokenizerVocabulary {
    /// Reads the tokenizer description from GGUF metadata (`tokenizer.ggml.*`).
    ///
    /// Keys: `model` (`gpt2` byte-level BPE or `llama` SentencePiece), `pre` (the BPE pre-tokenizer), `tokens`,
    /// `token_type`, `scores`, `merges`, `bos_token_id`, `eos_token_id`, `unknown_token_id`, `padding_token_id`,
    /// `add_bos_token`, `add_eos_token`, `add_space_prefix`, and `tokenizer.chat_template`. Defaults follow
    /// llama.cpp: SentencePiece adds BOS and a space prefix unless the file says otherwise; llama-3 style BPE
    /// adds BOS and looks whole pieces up before merging.
    ///
    /// - Parameter gguf: An opened GGUF file.
    /// - Throws: ``TokenizerError`` naming the file and key when the tokenizer is missing, inconsistent or of an
    ///   unsupported kind; `ModelFormatError` when a key has the wrong type.
    public init(gguf: GGUFFile) throws {
        let file = gguf.path
        guard let modelName = try gguf.string("tokenizer.ggml.model") else {
            throw TokenizerError(.notFound, "\(file) has no tokenizer.ggml.model: the GGUF carries no tokenizer; convert the model with its tokenizer")
        }
        guard let model = TokenizerModelKind(rawValue: modelName) else {
            throw TokenizerError(.unsupported, "\(file): tokenizer.ggml.model \"\(modelName)\" is not supported (only gpt2 byte-level BPE and llama SentencePiece)")
        }
        guard let tokens = try gguf.strings("tokenizer.ggml.tokens") else {
            throw TokenizerError(.notFound, "\(file) has no tokenizer.ggml.tokens array")
        }
        var kinds: [TokenKind] = []
        if let types = try gguf.ints("tokenizer.ggml.token_type") {
            kinds = try types.enumerated().map { index, raw in
                guard let kind = TokenKind(rawValue: raw) else {
                    throw TokenizerError(.invalidInput, "\(file): tokenizer.ggml.token_type[\(index)] = \(raw) is not a known token type (0-6)")
                }
                return kind
            }
        }
        var preTokenizer = PreTokenizer.gpt2
        var ignoreMerges = false
        var addBOSDefault = model == .sentencePiece
        if model == .byteLevelBPE {
            let preName = try gguf.string("tokenizer.ggml.pre") ?? "gpt-2"
            guard let named = PreTokenizer.named(preName) else {
                throw TokenizerError(.unsupported, "\(file): tokenizer.ggml.pre \"\(preName)\" is not supported; supported: smollm, qwen2, deepseek-r1-qwen, llama-bpe, gpt-2")
            }
            preTokenizer = named
            if named == .llama3 { ignoreMerges = true; addBOSDefault = true }
        }
        func id(_ key: String) throws -> TokenID? { try gguf.int("tokenizer.ggml." + key) }
        self.init(
            model: model, tokens: tokens, kinds: kinds, scores: try gguf.floats("tokenizer.ggml.scores") ?? [],
            merges: try gguf.strings("tokenizer.ggml.merges") ?? [], preTokenizer: preTokenizer,
            bos: try id("bos_token_id"), eos: try id("eos_token_id"), unknown: try id("unknown_token_id"),
            padding: try id("padding_token_id"),
            addBOS: try gguf.bool("tokenizer.ggml.add_bos_token") ?? addBOSDefault,
            addEOS: try gguf.bool("tokenizer.ggml.add_eos_token") ?? false,
            addSpacePrefix: try gguf.bool("tokenizer.ggml.add_space_prefix") ?? (model == .sentencePiece),
            ignoreMerges: ignoreMerges, chatTemplate: try gguf.string("tokenizer.chat_template"))
        if model == .byteLevelBPE && merges.isEmpty {
            throw TokenizerError(.notFound, "\(file): a gpt2 tokenizer needs tokenizer.ggml.merges, which is missing")
        }
    }
}

extension Tokenizer {
    /// Builds the tokenizer stored in a GGUF file's metadata.
    ///
    /// - Parameter gguf: An opened GGUF file.
    /// - Throws: As ``TokenizerVocabulary/init(gguf:)`` and ``Tokenizer/init(_:)``.
    public init(gguf: GGUFFile) throws {
        try self.init(TokenizerVocabulary(gguf: gguf))
    }
}
