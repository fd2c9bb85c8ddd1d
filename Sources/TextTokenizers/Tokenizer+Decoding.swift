/// Decoding token ids back to text.
extension Tokenizer {
    /// The raw bytes a token stands for, as llama.cpp's `token_to_piece` produces them.
    ///
    /// - Parameters:
    ///   - id: A token id.
    ///   - keepSpecial: Whether control and unknown tokens produce their text (otherwise nothing).
    /// - Returns: The bytes; empty for out-of-range ids and for suppressed control tokens.
    public func bytes(of id: TokenID, keepSpecial: Bool = false) -> [UInt8] {
        var result: [UInt8] = []
        appendBytes(of: id, keepSpecial: keepSpecial, to: &result)
        return result
    }

    func appendBytes(of id: TokenID, keepSpecial: Bool, to bytes: inout [UInt8]) {
        guard vocabulary.tokens.indices.contains(id) else { return }
        let text = vocabulary.tokens[id]
        switch vocabulary.kind(id) {
        case .control, .unknown:
            if keepSpecial { bytes.append(contentsOf: text.utf8) }
        case .userDefined:
            bytes.append(contentsOf: text.utf8)
        case .unused:
            break
        case .byte:
            if vocabulary.model == .sentencePiece, let byte = Self.byteValue(of: text) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: text.utf8)
            }
        case .normal, .undefined:
            switch vocabulary.model {
            case .byteLevelBPE:
                ByteLevelAlphabet.decode(text, into: &bytes)
            case .sentencePiece:
                for scalar in text.unicodeScalars {
                    if scalar == "\u{2581}" { bytes.append(0x20) } else { bytes.append(contentsOf: String(scalar).utf8) }
                }
            }
        }
    }

    /// The byte of a `<0xXX>` token.
    private static func byteValue(of text: String) -> UInt8? {
        guard text.hasPrefix("<0x"), text.hasSuffix(">"), text.utf8.count == 6 else { return nil }
        return UInt8(text.dropFirst(3).dropLast(), radix: 16)
    }

    /// Decodes token ids to text, as llama.cpp's `llama_detokenize` does (a SentencePiece vocabulary with
    /// `add_space_prefix` loses the space its encoding added in front of the first piece).
    ///
    /// - Parameters:
    ///   - ids: Token ids.
    ///   - keepSpecial: Whether control tokens appear in the text.
    /// - Returns: The text; invalid UTF-8 (a sequence cut in the middle) becomes U+FFFD.
    public func decode(_ ids: [TokenID], keepSpecial: Bool = false) -> String {
        var bytes: [UInt8] = []
        for id in ids { appendBytes(of: id, keepSpecial: keepSpecial, to: &bytes) }
        dropPrefixSpace(&bytes, startsWithBOS: ids.first == vocabulary.bos)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// SentencePiece vocabularies that prefix a space when encoding drop it again when decoding (llama.cpp's
    /// `remove_space`), unless the ids start with BOS, which then stands in front of the text.
    func dropPrefixSpace(_ bytes: inout [UInt8], startsWithBOS: Bool) {
        if vocabulary.model == .sentencePiece, vocabulary.addSpacePrefix, !startsWithBOS, bytes.first == 0x20 {
            bytes.removeFirst()
        }
    }
}

/// Decodes tokens one at a time for streaming output, holding back bytes of a UTF-8 character that is not
/// complete yet (an emoji spread over several byte tokens). Each token gives its full piece, as llama.cpp's
/// `token_to_piece` does (no prefix-space removal: a continuation's leading space is part of the text).
///
/// ```swift
/// var stream = StreamingDetokenizer(tokenizer: tokenizer)
/// for id in generated { print(stream.append(id), terminator: "") }
/// print(stream.finish())
/// ```
public struct StreamingDetokenizer: Sendable {
    private let tokenizer: Tokenizer
    private let keepSpecial: Bool
    private var pending: [UInt8] = []

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - tokenizer: The tokenizer.
    ///   - keepSpecial: Whether control tokens appear in the text.
    public init(tokenizer: Tokenizer, keepSpecial: Bool = false) {
        self.tokenizer = tokenizer
        self.keepSpecial = keepSpecial
    }

    /// Adds one token.
    ///
    /// - Parameter id: The next token.
    /// - Returns: The text that is complete now (possibly empty).
    public mutating func append(_ id: TokenID) -> String {
        tokenizer.appendBytes(of: id, keepSpecial: keepSpecial, to: &pending)
        let complete = Self.completePrefixLength(pending)
        let text = String(decoding: pending[..<complete], as: UTF8.self)
        pending.removeFirst(complete)
        return text
    }

    /// Flushes what is left at the end of the stream.
    ///
    /// - Returns: The remaining bytes as text (an incomplete character becomes U+FFFD).
    public mutating func finish() -> String {
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// The length of the longest prefix that does not end inside an incomplete UTF-8 sequence.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        let count = bytes.count
        // Look back at most 3 bytes for the lead byte of a trailing sequence.
        var index = count - 1
        var continuation = 0
        while index >= 0, continuation < 3, bytes[index] & 0xC0 == 0x80 {
            continuation += 1
            index -= 1
        }
        guard index >= 0 else { return continuation >= 3 ? count : 0 }
        let lead = bytes[index]
        let needed: Int
        switch lead {
        case 0xC0...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF7: needed = 3
        default: return count  // ASCII or an invalid lead: nothing to wait for
        }
        return continuation < needed ? index : count
    }
}
