import Foundation

/// Recognising SentencePiece vocabularies converted to Hugging Face `tokenizer.json` (Gemma, Llama 2, Mistral).
extension Tokenizer {
    /// How a converted SentencePiece `tokenizer.json` turns text into `▁`-joined symbols.
    struct SentencePieceNormalization {
        /// Whether a `▁` goes in front of every text segment (`Prepend("▁")`, or `Metaspace` with
        /// `prepend_scheme: always`).
        var prefixSpace: Bool
    }

    /// The SentencePiece normalization a `tokenizer.json` describes, or nil when it is not one.
    ///
    /// Recognised: a normalizer `Replace(" " → "▁")`, optionally in a `Sequence` with `Prepend("▁")`, and no
    /// pre-tokenizer (or Gemma's `Split(" ")`, which finds no space left); or no normalizer and a `Metaspace`
    /// pre-tokenizer that does not split.
    ///
    /// - Throws: ``TokenizerError`` (`.unsupported`) for SentencePiece-like settings this library does not handle.
    static func sentencePieceNormalization(root: [String: Any], file: String) throws -> SentencePieceNormalization? {
        let normalizer = root["normalizer"] as? [String: Any]
        let steps: [[String: Any]] = (normalizer?["type"] as? String) == "Sequence"
            ? ((normalizer?["normalizers"] as? [[String: Any]]) ?? []) : normalizer.map { [$0] } ?? []
        func isSpaceReplace(_ step: [String: Any]) -> Bool {
            (step["type"] as? String) == "Replace" && ((step["pattern"] as? [String: Any])?["String"] as? String) == " "
                && (step["content"] as? String) == "\u{2581}"
        }
        if steps.contains(where: isSpaceReplace) {
            var prefix = false
            for step in steps where !isSpaceReplace(step) {
                guard (step["type"] as? String) == "Prepend", (step["prepend"] as? String) == "\u{2581}" else {
                    throw TokenizerError(.unsupported, "\(file): normalizer step \(step["type"] ?? "?") is not supported with SentencePiece vocabularies (Replace and Prepend only)")
                }
                prefix = true
            }
            // Gemma's converted tokenizer splits on " " after the normalizer has replaced every space: a no-op.
            if let pre = root["pre_tokenizer"] as? [String: Any],
               !((pre["type"] as? String) == "Split" && ((pre["pattern"] as? [String: Any])?["String"] as? String) == " ") {
                throw TokenizerError(.unsupported, "\(file): pre_tokenizer \(pre["type"] ?? "?") together with a SentencePiece normalizer is not supported; use the model's GGUF")
            }
            return SentencePieceNormalization(prefixSpace: prefix)
        }
        guard let pre = root["pre_tokenizer"] as? [String: Any], (pre["type"] as? String) == "Metaspace" else { return nil }
        guard normalizer == nil, (pre["split"] as? Bool) != true, (pre["replacement"] as? String ?? "\u{2581}") == "\u{2581}" else {
            throw TokenizerError(.unsupported, "\(file): this Metaspace pre-tokenizer (splitting, or with a normalizer) is not supported; use the model's GGUF")
        }
        let scheme = pre["prepend_scheme"] as? String ?? ((pre["add_prefix_space"] as? Bool) == false ? "never" : "always")
        guard scheme == "always" || scheme == "never" else {
            throw TokenizerError(.unsupported, "\(file): Metaspace prepend_scheme \"\(scheme)\" is not supported (always, never)")
        }
        return SentencePieceNormalization(prefixSpace: scheme == "always")
    }

    /// Whether a token string is a byte-fallback token `<0xXX>`.
    static func isByteToken(_ text: String) -> Bool {
        text.utf8.count == 6 && text.hasPrefix("<0x") && text.hasSuffix(">") && UInt8(text.dropFirst(3).dropLast(), radix: 16) != nil
    }
}
