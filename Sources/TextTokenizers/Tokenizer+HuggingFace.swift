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
        let root = try Self.readJSONObject(tokenizerURL)
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        var config = FileManager.default.fileExists(atPath: configURL.path) ? try Self.readJSONObject(configURL) : [:]
        // Newer transformers versions save the template next to the config instead of inside it.
        let templateURL = folder.appendingPathComponent("chat_template.jinja")
        if config["chat_template"] == nil, let data = FileManager.default.contents(atPath: templateURL.path) {
            config["chat_template"] = String(decoding: data, as: UTF8.self)
        }
        try self.init(tokenizerJSON: root, config: config, file: tokenizerURL.path)
    }

    /// Builds a tokenizer from the parsed contents of `tokenizer.json` and `tokenizer_config.json`.
    ///
    /// - Parameters:
    ///   - root: The `tokenizer.json` object.
    ///   - config: The `tokenizer_config.json` object (empty when absent).
    ///   - file: The file name used in error messages.
    /// - Throws: ``TokenizerError`` as ``init(huggingFaceFolder:)``.
    init(tokenizerJSON root: [String: Any], config: [String: Any], file: String) throws {
        guard let model = root["model"] as? [String: Any] else {
            throw TokenizerError(.invalidInput, "\(file) has no \"model\" object; is it a Hugging Face tokenizers file?")
        }
        guard (model["type"] as? String) == "BPE", let vocab = model["vocab"] as? [String: Any] else {
            throw TokenizerError(.unsupported, "\(file): model type \(model["type"] ?? "none") is not supported; only byte-level BPE tokenizer.json files are (use the model's GGUF for SentencePiece vocabularies)")
        }
        if (model["byte_fallback"] as? Bool) == true {
            throw TokenizerError(.unsupported, "\(file): BPE with byte_fallback (SentencePiece-style) is not supported from tokenizer.json; use the model's GGUF")
        }
        var entries: [(id: Int, text: String, kind: TokenKind)] = []
        for (text, value) in vocab {
            guard let id = (value as? NSNumber)?.intValue, id >= 0 else {
                throw TokenizerError(.invalidInput, "\(file): model.vocab entry \"\(text)\" has no non-negative integer id")
            }
            entries.append((id, text, .normal))
        }
        for (index, item) in ((root["added_tokens"] as? [[String: Any]]) ?? []).enumerated() {
            guard let id = (item["id"] as? NSNumber)?.intValue, id >= 0, let content = item["content"] as? String else {
                throw TokenizerError(.invalidInput, "\(file): added_tokens[\(index)] lacks an id or content")
            }
            entries.append((id, content, (item["special"] as? Bool) == true ? .control : .userDefined))
        }
        let size = (entries.map(\.id).max() ?? -1) + 1
        var tokens = [String](repeating: "", count: size)
        var kinds = [TokenKind](repeating: .unused, count: size)
        for entry in entries {
            tokens[entry.id] = entry.text
            if entry.kind != .normal || kinds[entry.id] == .unused { kinds[entry.id] = entry.kind }
        }
        let merges: [String] = try ((model["merges"] as? [Any]) ?? []).enumerated().map { index, item in
            if let line = item as? String { return line }
            if let pair = item as? [String], pair.count == 2 { return pair[0] + " " + pair[1] }
            throw TokenizerError(.invalidInput, "\(file): model.merges[\(index)] is neither \"left right\" nor a pair of strings")
        }
        let preTokenizer = try Self.preTokenizer(from: root["pre_tokenizer"], file: file)
        let normalizer = root["normalizer"] as? [String: Any]
        let nfc = (normalizer?["type"] as? String) == "NFC"
        if let normalizer, !nfc {
            throw TokenizerError(.unsupported, "\(file): normalizer \(normalizer["type"] ?? "?") is not supported (only NFC or none)")
        }
        func tokenID(_ key: String) -> TokenID? {
            let value = config[key]
            let text = (value as? String) ?? ((value as? [String: Any])?["content"] as? String)
            return text.flatMap { name in tokens.firstIndex(of: name) }
        }
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

    /// Reads a JSON object from a file.
    static func readJSONObject(_ url: URL) throws -> [String: Any] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError(.notFound, "cannot read \(url.path): the checkpoint folder needs tokenizer.json (and tokenizer_config.json)", underlying: error)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw TokenizerError(.invalidInput, "\(url.path) is not a JSON object; re-download the tokenizer file")
        }
        return object
    }
}
