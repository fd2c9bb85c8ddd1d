/// A token id: the index of a token in the vocabulary.
public typealias TokenID = Int

/// What a vocabulary entry is, as GGUF's `tokenizer.ggml.token_type` stores it.
public enum TokenKind: Int, Sendable, Hashable, Codable {
    /// Undefined (0): treated like a normal token.
    case undefined = 0
    /// A normal text token (1).
    case normal = 1
    /// The unknown token (2).
    case unknown = 2
    /// A control token such as `<|im_start|>` (3): split out of text only when parsing special tokens.
    case control = 3
    /// A user-defined token (4): always split out of text as a whole.
    case userDefined = 4
    /// An unused slot (5).
    case unused = 5
    /// A byte token `<0xXX>` used by SentencePiece byte fallback (6).
    case byte = 6
}

/// The segmentation algorithm a vocabulary uses.
public enum TokenizerModelKind: String, Sendable, Hashable, Codable {
    /// GPT-2 style byte-level BPE with ranked merges (GGUF `tokenizer.ggml.model = gpt2`).
    case byteLevelBPE = "gpt2"
    /// SentencePiece-style: merges chosen by token score, `▁` for space, byte fallback
    /// (GGUF `tokenizer.ggml.model = llama`, used by Gemma).
    case sentencePiece = "llama"
}

/// Everything a ``Tokenizer`` is built from, independent of the file it came from.
///
/// Loaders fill it from GGUF metadata (`tokenizer.ggml.*`) or from Hugging Face `tokenizer.json`; tests can build
/// tiny ones by hand.
public struct TokenizerVocabulary: Sendable, Hashable {
    /// The segmentation algorithm.
    public var model: TokenizerModelKind
    /// The token strings, indexed by id (byte-level BPE: in the GPT-2 byte alphabet; SentencePiece: with `▁`).
    public var tokens: [String]
    /// The kind of each token, indexed by id (empty means all normal).
    public var kinds: [TokenKind]
    /// SentencePiece scores, indexed by id (empty for BPE).
    public var scores: [Float]
    /// BPE merges in rank order, each `"left right"` (empty for SentencePiece).
    public var merges: [String]
    /// The pre-tokenizer (byte-level BPE only).
    public var preTokenizer: PreTokenizer
    /// The beginning-of-sequence token, if any.
    public var bos: TokenID?
    /// The end-of-sequence token, if any.
    public var eos: TokenID?
    /// The unknown token, if any.
    public var unknown: TokenID?
    /// The padding token, if any.
    public var padding: TokenID?
    /// Whether encoding with special tokens prepends ``bos``.
    public var addBOS: Bool
    /// Whether encoding with special tokens appends ``eos``.
    public var addEOS: Bool
    /// Whether SentencePiece encoding prefixes a space to text that follows a special token or starts the input.
    public var addSpacePrefix: Bool
    /// Whether BPE looks a whole pre-tokenized piece up in the vocabulary before merging (llama-3 style).
    public var ignoreMerges: Bool
    /// Whether text is NFC-normalized before encoding (Hugging Face `normalizer: NFC`, Qwen2).
    public var normalizeNFC: Bool
    /// The Jinja chat template shipped with the model, if any.
    public var chatTemplate: String?

    /// Creates a vocabulary description.
    ///
    /// - Parameters:
    ///   - model: The segmentation algorithm.
    ///   - tokens: Token strings by id.
    ///   - kinds: Token kinds by id (empty: all normal).
    ///   - scores: SentencePiece scores by id.
    ///   - merges: BPE merges in rank order.
    ///   - preTokenizer: The pre-tokenizer for byte-level BPE.
    ///   - bos: The beginning-of-sequence token.
    ///   - eos: The end-of-sequence token.
    ///   - unknown: The unknown token.
    ///   - padding: The padding token.
    ///   - addBOS: Whether to prepend BOS when adding special tokens.
    ///   - addEOS: Whether to append EOS when adding special tokens.
    ///   - addSpacePrefix: SentencePiece's leading-space rule.
    ///   - ignoreMerges: llama-3's whole-piece lookup.
    ///   - normalizeNFC: Whether to NFC-normalize input text.
    ///   - chatTemplate: The model's chat template source.
    public init(
        model: TokenizerModelKind, tokens: [String], kinds: [TokenKind] = [], scores: [Float] = [],
        merges: [String] = [], preTokenizer: PreTokenizer = .gpt2, bos: TokenID? = nil, eos: TokenID? = nil,
        unknown: TokenID? = nil, padding: TokenID? = nil, addBOS: Bool = false, addEOS: Bool = false,
        addSpacePrefix: Bool = false, ignoreMerges: Bool = false, normalizeNFC: Bool = false,
        chatTemplate: String? = nil
    ) {
        self.model = model
        self.tokens = tokens
        self.kinds = kinds
        self.scores = scores
        self.merges = merges
        self.preTokenizer = preTokenizer
        self.bos = bos
        self.eos = eos
        self.unknown = unknown
        self.padding = padding
        self.addBOS = addBOS
        self.addEOS = addEOS
        self.addSpacePrefix = addSpacePrefix
        self.ignoreMerges = ignoreMerges
        self.normalizeNFC = normalizeNFC
        self.chatTemplate = chatTemplate
    }

    /// The kind of token `id` (normal when no kinds were given).
    func kind(_ id: TokenID) -> TokenKind {
        id < kinds.count ? kinds[id] : .normal
    }
}
