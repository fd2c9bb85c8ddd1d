import Foundation

/// Loading a tokenizer from a Hugging Face checkpoint folder (`tokenizer.json` + `tokenizer_config.json`).
extension Tokenizer {
    /// Loads the byte-level BPE tokenizer of a Hugging Face checkpoint folder.
    ///
    /// Reads `tokenizer.json` (model `BPE` with `vocab` and `merges`, `added_tokens`, the pre-tokenizer, an
    /// optional NFC normalizer) and, when present, `tokenizer_config.json` (`add_bos_token`, `add_eos_token`,
    /// `bos_token`, `eos_token`, `pad_token`, `unk_token`, `chat_template`). Added tokens marked `special` become
    /// control tokens (split out only when parsing specials); other added tokens are always split out.
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Throws: ``TokenizerError`` naming the file and entry when a file is missing or malformed, or when the
    ///   tokenizer is not byte-level BPE with a supported pre-tokenizer.
    public init(huggingFaceFolder folder: URL) throws {
        let tokenizerURL = folder.appendingPathComponent("tokenizer.json")
        let data = try Self.readFile(tokenizerURL)
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        var config = FileManager.default.fileExists(atPath: configURL.path) ? try Self.readJSONObject(configURL) : [:]
        // Newer transformers versions save the template next to the config instead of inside it.
        let templateURL = folder.appendingPathComponent("chat_template.jinja")
        if config["chat_template"] == nil, let data = FileManager.default.contents(atPath: templateURL.path) {
            config["chat_template"] = String(decoding: data, as: UTF8.self)
        }
        try self.init(tokenizerJSON: data, config: config, file: tokenizerURL.path)
    }

    /// Builds a tokenizer from the contents of `tokenizer.json` and the parsed `tokenizer_config.json`.
    ///
    /// The vocabulary, merges and added tokens are decoded with `JSONDecoder`, which keeps every string exactly
    /// (`JSONSerialization` drops a leading U+FEFF from keys and strings; Gemma has such tokens).
    ///
    /// - Parameters:
    ///   - data: The `tokenizer.json` bytes.
    ///   - config: The `tokenizer_config.json` object (empty when absent).
    ///   - file: The file name used in error messages.
    /// - Throws: ``TokenizerError`` as ``init(huggingFaceFolder:)``.
    init(tokenizerJSON data: Data, config: [String: Any], file: String) throws {
        let exact = try HuggingFaceTokenizerFile(data: data, file: file)
        // The small settings objects as Foundation values for the checks below.
        var root: [String: Any] = [:]
        root["normalizer"] = exact.normalizer
        root["pre_tokenizer"] = exact.preTokenizer
        root["post_processor"] = exact.postProcessor
        var model: [String: Any] = [:]
        model["type"] = exact.modelType
        model["byte_fallback"] = exact.byteFallback
        model["unk_token"] = exact.unkToken
        model["ignore_merges"] = exact.ignoreMerges
        guard (model["type"] as? String) == "BPE", let vocab = exact.vocab else {
            throw TokenizerError(.unsupported, "\(file): model type \(model["type"] ?? "none") is not supported; only byte-level BPE tokenizer.json files are (use the model's GGUF for SentencePiece vocabularies)")
        }
        let sentencePiece = try Self.sentencePieceNormalization(root: root, file: file)
        if (model["byte_fallback"] as? Bool) == true && sentencePiece == nil {
            throw TokenizerError(.unsupported, "\(file): BPE with byte_fallback but without a SentencePiece normalizer (Replace \" \" → \"▁\") or Metaspace is not supported; use the model's GGUF")
        }
        var entries: [(id: Int, text: String, kind: TokenKind)] = []
        for (text, id) in vocab {
            guard id >= 0 else {
                throw TokenizerError(.invalidInput, "\(file): model.vocab entry \"\(text)\" has a negative id")
            }
            entries.append((id, text, sentencePiece != nil && Self.isByteToken(text) ? .byte : .normal))
        }
        for (index, item) in exact.addedTokens.enumerated() {
            guard item.id >= 0 else { throw TokenizerError(.invalidInput, "\(file): added_tokens[\(index)] has a negative id") }
            entries.append((item.id, item.content, item.special ? .control : .userDefined))
        }
        let size = (entries.map(\.id).max() ?? -1) + 1
        var tokens = [String](repeating: "", count: size)
        var kinds = [TokenKind](repeating: .unused, count: size)
        for entry in entries {
            tokens[entry.id] = entry.text
            if entry.kind != .normal || kinds[entry.id] == .unused { kinds[entry.id] = entry.kind }
        }
        let merges = exact.merges
        if let sentencePiece {
            let unknown = (model["unk_token"] as? String).flatMap { name in Self.index(of: name, in: tokens) }
            try self.init(sentencePieceTokens: tokens, kinds: kinds, merges: merges, unknown: unknown,
                          prefixSpace: sentencePiece.prefixSpace, config: config, file: file)
            return
        }
        let preTokenizer = try Self.preTokenizer(from: root["pre_tokenizer"], file: file)
        let normalizer = root["normalizer"] as? [String: Any]
        let nfc = (normalizer?["type"] as? String) == "NFC"
        if let normalizer, !nfc {
            throw TokenizerError(.unsupported, "\(file): normalizer \(normalizer["type"] ?? "?") is not supported (only NFC or none)")
        }
        func tokenID(_ key: String) -> TokenID? { Self.configTokenID(config, key, tokens) }
        // A post-processor that starts every sequence with a special token (llama-3's <|begin_of_text|>) adds BOS.
        let templateBOS = Self.leadingSpecialToken(root["post_processor"])
        let vocabulary = TokenizerVocabulary(
            model: .byteLevelBPE, tokens: tokens, kinds: kinds, merges: merges, preTokenizer: preTokenizer,
            bos: tokenID("bos_token") ?? templateBOS, eos: tokenID("eos_token"), unknown: tokenID("unk_token"),
            padding: tokenID("pad_token"), addBOS: (config["add_bos_token"] as? Bool) ?? (templateBOS != nil),
            addEOS: (config["add_eos_token"] as? Bool) ?? false, ignoreMerges: (model["ignore_merges"] as? Bool) ?? false,
            normalizeNFC: nfc, chatTemplate: Self.chatTemplate(from: config["chat_template"]))
        try self.init(vocabulary)
    }

    /// Builds a converted SentencePiece tokenizer (model ``TokenizerModelKind/sentencePieceMerges``).
    private init(sentencePieceTokens tokens: [String], kinds: [TokenKind], merges: [String], unknown: TokenID?,
                 prefixSpace: Bool, config: [String: Any], file: String) throws {
        let vocabulary = TokenizerVocabulary(
            model: .sentencePieceMerges, tokens: tokens, kinds: kinds, merges: merges,
            bos: Self.configTokenID(config, "bos_token", tokens), eos: Self.configTokenID(config, "eos_token", tokens),
            unknown: unknown ?? Self.configTokenID(config, "unk_token", tokens),
            padding: Self.configTokenID(config, "pad_token", tokens),
            addBOS: (config["add_bos_token"] as? Bool) ?? true, addEOS: (config["add_eos_token"] as? Bool) ?? false,
            addSpacePrefix: prefixSpace, chatTemplate: Self.chatTemplate(from: config["chat_template"]))
        try self.init(vocabulary)
    }

    /// The first index of a token text, compared by bytes (Swift `==` is canonical equivalence).
    static func index(of text: String, in tokens: [String]) -> Int? {
        tokens.firstIndex { $0.utf8.elementsEqual(text.utf8) }
    }

    /// The id of a special token named in `tokenizer_config.json` (a string or an `AddedToken` object).
    static func configTokenID(_ config: [String: Any], _ key: String, _ tokens: [String]) -> TokenID? {
        let value = config[key]
        let text = (value as? String) ?? ((value as? [String: Any])?["content"] as? String)
        return text.flatMap { name in index(of: name, in: tokens) }
    }

    /// The id of the special token a `TemplateProcessing` post-processor puts first in a single sequence.
    static func leadingSpecialToken(_ value: Any?) -> TokenID? {
        guard let object = value as? [String: Any] else { return nil }
        if (object["type"] as? String) == "Sequence" {
            for step in (object["processors"] as? [Any]) ?? [] { if let id = leadingSpecialToken(step) { return id } }
            return nil
        }
        guard (object["type"] as? String) == "TemplateProcessing",
              let first = (object["single"] as? [[String: Any]])?.first,
              let special = first["SpecialToken"] as? [String: Any], let name = special["id"] as? String,
              let entry = (object["special_tokens"] as? [String: Any])?[name] as? [String: Any],
              let ids = entry["ids"] as? [NSNumber], ids.count == 1 else { return nil }
        return ids[0].intValue
    }

    /// The chat template from `tokenizer_config.json` (a string, or a list of named templates: `default` wins).
    static func chatTemplate(from value: Any?) -> String? {
        if let text = value as? String { return text }
        guard let list = value as? [[String: Any]] else { return nil }
        let named = list.first { ($0["name"] as? String) == "default" } ?? list.first
        return named?["template"] as? String
    }

    /// The pre-tokenizer a `tokenizer.json` describes.
    static func preTokenizer(from value: Any?, file: String) throws -> PreTokenizer {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw TokenizerError(.unsupported, "\(file): no pre_tokenizer; only byte-level BPE tokenizers are supported")
        }
        let steps = type == "Sequence" ? ((object["pretokenizers"] as? [[String: Any]]) ?? []) : [object]
        let types = steps.compactMap { $0["type"] as? String }
        if types == ["ByteLevel"], (steps[0]["use_regex"] as? Bool) ?? true {
            return .gpt2
        }
        if types == ["Digits", "ByteLevel"], (steps[0]["individual_digits"] as? Bool) == true {
            return .smollm
        }
        if types == ["Split", "ByteLevel"], let pattern = steps[0]["pattern"] as? [String: Any],
           let regex = pattern["Regex"] as? String, let known = knownSplitPatterns[regex] {
            return known
        }
        throw TokenizerError(.unsupported, "\(file): pre_tokenizer \(types) with these settings is not one of the supported ones (gpt2, smollm, qwen2, llama3)")
    }

    /// The `Split` regexes of the supported pre-tokenizers, as Hugging Face files spell them.
    private static let knownSplitPatterns: [String: PreTokenizer] = [
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#: .qwen2,
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#: .llama3,
        #"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#: .qwen2,
    ]

    /// Reads a file.
    static func readFile(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw TokenizerError(.notFound, "cannot read \(url.path): the checkpoint folder needs tokenizer.json (and tokenizer_config.json)", underlying: error)
        }
    }

    /// Reads a JSON object from a file.
    static func readJSONObject(_ url: URL) throws -> [String: Any] {
        let data = try readFile(url)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw TokenizerError(.invalidInput, "\(url.path) is not a JSON object; re-download the tokenizer file")
        }
        return object
    }
}
