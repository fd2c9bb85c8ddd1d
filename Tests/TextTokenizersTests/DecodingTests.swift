import Testing
@testable import TextTokenizers

/// Byte alphabet, streaming decoding and a tiny hand-built BPE vocabulary.
struct DecodingTests {
    /// A vocabulary of all 256 byte tokens, plus merges for "ab" and "abc" and a control token.
    static func tinyVocabulary() -> TokenizerVocabulary {
        var tokens = ByteLevelAlphabet.scalarForByte.map { String($0) }
        tokens += ["ab", "abc", "<|end|>"]
        var kinds = [TokenKind](repeating: .normal, count: tokens.count)
        kinds[tokens.count - 1] = .control
        return TokenizerVocabulary(model: .byteLevelBPE, tokens: tokens, kinds: kinds, merges: ["a b", "ab c"], eos: tokens.count - 1)
    }

    @Test func byteAlphabetRoundTrips() {
        let bytes = (0...255).map(UInt8.init)
        var decoded: [UInt8] = []
        ByteLevelAlphabet.decode(ByteLevelAlphabet.encode(bytes), into: &decoded)
        #expect(decoded == bytes)
        #expect(ByteLevelAlphabet.scalarForByte[0x20] == "\u{0120}")
        #expect(ByteLevelAlphabet.scalarForByte[0x0A] == "\u{010A}")
    }

    @Test func mergesByRank() throws {
        let tokenizer = try Tokenizer(Self.tinyVocabulary())
        let abc = try #require(tokenizer.id(of: "abc"))
        let ids = tokenizer.encode("abcab<|end|>")
        #expect(ids == [abc, try #require(tokenizer.id(of: "ab")), try #require(tokenizer.vocabulary.eos)])
        #expect(tokenizer.decode(ids, keepSpecial: true) == "abcab<|end|>")
    }

    @Test func streamingHoldsIncompleteCharacters() throws {
        let tokenizer = try Tokenizer(Self.tinyVocabulary())
        // "é🙂" as single-byte tokens: output appears only when each character is complete.
        let ids = tokenizer.encode("é🙂")
        #expect(ids.count == 6)
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        let outputs = ids.map { stream.append($0) }
        #expect(outputs == ["", "é", "", "", "", "🙂"])
        #expect(stream.finish() == "")
    }

    @Test func streamingFlushesATruncatedCharacter() throws {
        let tokenizer = try Tokenizer(Self.tinyVocabulary())
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        #expect(stream.append(try #require(tokenizer.id(of: String(ByteLevelAlphabet.scalarForByte[0xF0])))) == "")
        #expect(stream.finish() == "\u{FFFD}")
    }

    @Test func inconsistentVocabularyIsAnError() {
        var vocabulary = Self.tinyVocabulary()
        vocabulary.kinds.removeLast()
        #expect(throws: TokenizerError.self) { try Tokenizer(vocabulary) }
        vocabulary = Self.tinyVocabulary()
        vocabulary.bos = 100_000
        #expect(throws: TokenizerError.self) { try Tokenizer(vocabulary) }
    }
}

extension DecodingTests {
    /// A SentencePiece vocabulary: byte fallback, `▁` for spaces, prefix space added and removed.
    @Test func sentencePieceByScoresWithByteFallback() throws {
        var tokens = ["<unk>", "<s>", "</s>"] + (0..<256).map { "<0x" + String(format: "%02X", $0) + ">" }
        var kinds: [TokenKind] = [.unknown, .control, .control] + Array(repeating: .byte, count: 256)
        var scores: [Float] = [0, 0, 0] + Array(repeating: 0, count: 256)
        for (text, score) in [("▁", -1), ("a", -2), ("b", -2), ("▁a", -3), ("ab", -1.5), ("▁ab", -0.5)] as [(String, Float)] {
            tokens.append(text)
            kinds.append(.normal)
            scores.append(score)
        }
        let vocabulary = TokenizerVocabulary(model: .sentencePiece, tokens: tokens, kinds: kinds, scores: scores,
                                             bos: 1, eos: 2, unknown: 0, addBOS: true, addSpacePrefix: true)
        let tokenizer = try Tokenizer(vocabulary)
        let ids = tokenizer.encode("ab é", addSpecialTokens: true)
        // <s>, "▁ab", "▁", then é as two byte tokens (0xC3 0xA9).
        #expect(ids == [1, try #require(tokenizer.id(of: "▁ab")), try #require(tokenizer.id(of: "▁")), 3 + 0xC3, 3 + 0xA9])
        #expect(tokenizer.decode(ids) == " ab é")  // BOS first: the prefix space stays (as llama.cpp)
        #expect(tokenizer.decode(Array(ids.dropFirst())) == "ab é")
    }
}
