import Foundation

/// Turns text into token ids and back, exactly as llama.cpp does for the same vocabulary.
///
/// Build one from GGUF metadata (see the GGUF loader) or from Hugging Face `tokenizer.json`
/// (``Tokenizer/init(huggingFaceFolder:)``), or from a ``TokenizerVocabulary`` directly. A tokenizer is an
/// immutable value: share it freely between tasks.
///
/// Encoding: special tokens are split out first (control tokens only when `parseSpecial` is on; user-defined
/// tokens always), then each plain-text fragment is segmented by the vocabulary's model: byte-level BPE after
/// the ``PreTokenizer``, or SentencePiece by scores with byte fallback.
public struct Tokenizer: Sendable {
    /// The description this tokenizer was built from.
    public let vocabulary: TokenizerVocabulary
    private let idForText: [String: TokenID]
    private let splitter: SpecialTokenSplitter
    private let bpe: BytePairEncoder?
    private let sentencePiece: SentencePieceEncoder?

    /// Builds a tokenizer.
    ///
    /// - Parameter vocabulary: The vocabulary and its settings.
    /// - Throws: ``TokenizerError`` when the vocabulary is empty, its arrays disagree in length, a special id is
    ///   out of range, or a merge line is malformed.
    public init(_ vocabulary: TokenizerVocabulary) throws {
        let count = vocabulary.tokens.count
        guard count > 0 else { throw TokenizerError(.invalidInput, "the tokenizer vocabulary is empty; check the model's tokenizer metadata") }
        if !vocabulary.kinds.isEmpty && vocabulary.kinds.count != count {
            throw TokenizerError(.invalidInput, "the tokenizer has \(count) tokens but \(vocabulary.kinds.count) token types; the tokenizer metadata is inconsistent")
        }
        if vocabulary.model == .sentencePiece && vocabulary.scores.count != count {
            throw TokenizerError(.invalidInput, "the SentencePiece tokenizer has \(count) tokens but \(vocabulary.scores.count) scores; the tokenizer metadata is inconsistent")
        }
        for (name, id) in [("bos", vocabulary.bos), ("eos", vocabulary.eos), ("unknown", vocabulary.unknown), ("padding", vocabulary.padding)] {
            if let id, !(0..<count).contains(id) {
                throw TokenizerError(.invalidInput, "the tokenizer's \(name) token id \(id) is outside the vocabulary of \(count) tokens")
            }
        }
        self.vocabulary = vocabulary
        var map: [String: TokenID] = [:]
        map.reserveCapacity(count)
        for (id, text) in vocabulary.tokens.enumerated() where map[text] == nil { map[text] = id }
        idForText = map
        var specials: [(id: TokenID, text: String, alwaysSplit: Bool)] = []
        for id in 0..<count {
            switch vocabulary.kind(id) {
            case .control, .unknown: specials.append((id, vocabulary.tokens[id], false))
            case .userDefined: specials.append((id, vocabulary.tokens[id], true))
            default: break
            }
        }
        splitter = SpecialTokenSplitter(specials)
        switch vocabulary.model {
        case .byteLevelBPE:
            bpe = try BytePairEncoder(vocabulary: vocabulary, idForText: map)
            sentencePiece = nil
        case .sentencePiece:
            bpe = nil
            sentencePiece = SentencePieceEncoder(vocabulary: vocabulary, idForText: map)
        }
    }

    /// The number of tokens in the vocabulary.
    public var count: Int { vocabulary.tokens.count }

    /// The id of a token string, if it is in the vocabulary.
    ///
    /// - Parameter text: The token's stored text (for example `<|im_end|>` or `<end_of_turn>`).
    /// - Returns: The id, or nil.
    public func id(of text: String) -> TokenID? { idForText[text] }

    /// The stored text of a token (in the byte-level alphabet for BPE, with `▁` for SentencePiece).
    ///
    /// - Parameter id: A token id.
    /// - Returns: The text, or nil when `id` is out of range.
    public func tokenText(_ id: TokenID) -> String? {
        vocabulary.tokens.indices.contains(id) ? vocabulary.tokens[id] : nil
    }

    /// Whether a token is a control (or unknown) token, which decoding leaves out unless asked to keep specials.
    ///
    /// - Parameter id: A token id.
    public func isControl(_ id: TokenID) -> Bool {
        let kind = vocabulary.kind(id)
        return kind == .control || kind == .unknown
    }

    /// Tokens that end a generation: EOS plus the end-of-turn tokens llama.cpp treats as end-of-generation
    /// (`<|im_end|>`, `<|endoftext|>`, `<end_of_turn>`, `<|eot_id|>`, `<｜end▁of▁sentence｜>`, …) present here.
    public var endOfGeneration: Set<TokenID> {
        var result: Set<TokenID> = []
        if let eos = vocabulary.eos { result.insert(eos) }
        let names = ["<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<EOT>", "<|end_of_text|>",
                     "<｜end▁of▁sentence｜>", "<|eom_id|>", "<turn|>"]
        for name in names {
            if let id = idForText[name], vocabulary.kind(id) == .control || vocabulary.kind(id) == .userDefined { result.insert(id) }
        }
        return result
    }

    /// Encodes text into token ids.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - addSpecialTokens: Whether to prepend BOS / append EOS as the vocabulary's `addBOS` / `addEOS` say.
    ///     BOS is not added twice when the text already starts with the BOS token and special tokens are parsed
    ///     (a rendered Gemma template begins with `<bos>`).
    ///   - parseSpecial: Whether control tokens written in the text (`<|im_start|>`) become single tokens;
    ///     when off they are encoded as plain text. User-defined tokens are always recognised.
    /// - Returns: The token ids.
    public func encode(_ text: String, addSpecialTokens: Bool = false, parseSpecial: Bool = true) -> [TokenID] {
        let source = vocabulary.normalizeNFC ? text.precomposedStringWithCanonicalMapping : text
        let bytes = Array(source.utf8)
        var output: [TokenID] = []
        output.reserveCapacity(bytes.count / 3 + 2)
        let fragments = splitter.split(bytes, parseSpecial: parseSpecial)
        if addSpecialTokens, vocabulary.addBOS, let bos = vocabulary.bos, fragments.first != .token(bos) {
            output.append(bos)
        }
        var previousWasSpecial = true
        for fragment in fragments {
            switch fragment {
            case .token(let id):
                output.append(id)
                previousWasSpecial = true
            case .text(let range):
                encodePlain(bytes[range], afterSpecial: previousWasSpecial, into: &output)
                previousWasSpecial = false
            }
        }
        if addSpecialTokens, vocabulary.addEOS, let eos = vocabulary.eos { output.append(eos) }
        return output
    }

    private func encodePlain(_ bytes: ArraySlice<UInt8>, afterSpecial: Bool, into output: inout [TokenID]) {
        if let bpe {
            // Fragments split at token boundaries are valid UTF-8, so scalar i starts at byte offsets[i].
            let text = String(decoding: bytes, as: UTF8.self)
            let utf8 = Array(text.utf8)
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            for piece in vocabulary.preTokenizer.split(scalars) {
                bpe.encode(utf8[offsets[piece.lowerBound]..<offsets[piece.upperBound]], into: &output)
            }
        } else if let sentencePiece {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 3)
            if vocabulary.addSpacePrefix && afterSpecial { escaped.append(contentsOf: [0xE2, 0x96, 0x81]) }
            for byte in bytes {
                if byte == 0x20 { escaped.append(contentsOf: [0xE2, 0x96, 0x81]) } else { escaped.append(byte) }
            }
            sentencePiece.encode(escaped, into: &output)
        }
    }
}
