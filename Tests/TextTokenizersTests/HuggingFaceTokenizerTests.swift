import Foundation
import Testing
@testable import TextTokenizers
import TokenizerTestSupport

/// The `tokenizer.json` path, against ids from the Hugging Face `tokenizers` library for a tiny Qwen2-style
/// tokenizer (NFC normalizer, Qwen2 split regex, ByteLevel; made by `Fixtures/make_tiny_qwen2_tokenizer.py`).
struct HuggingFaceTokenizerTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var text: String
        var ids: [Int]
        var decoded: String
        var testDescription: String { text.debugDescription }
    }

    static let folder = TestPaths.fixtures(of: "TextTokenizersTests").appendingPathComponent("tiny-qwen2-tokenizer")

    static let cases: [Case] = {
        struct File: Decodable { var cases: [Case] }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()

    static let tokenizer = Result { try Tokenizer(huggingFaceFolder: folder) }

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 20)
    }

    @Test func loadsSettings() throws {
        let tokenizer = try Self.tokenizer.get()
        #expect(tokenizer.vocabulary.preTokenizer == .qwen2)
        #expect(tokenizer.vocabulary.normalizeNFC)
        #expect(tokenizer.vocabulary.eos == tokenizer.id(of: "<|im_end|>"))
        #expect(tokenizer.vocabulary.bos == nil)
        #expect(tokenizer.isControl(try #require(tokenizer.id(of: "<|im_start|>"))))
        #expect(tokenizer.vocabulary.chatTemplate?.contains("<|im_start|>") == true)
        #expect(tokenizer.endOfGeneration.contains(try #require(tokenizer.id(of: "<|im_end|>"))))
    }

    @Test(arguments: cases)
    func idsMatchTokenizersLibrary(_ golden: Case) throws {
        let tokenizer = try Self.tokenizer.get()
        #expect(tokenizer.encode(golden.text) == golden.ids)
        #expect(tokenizer.decode(golden.ids, keepSpecial: true) == golden.decoded)
    }

    @Test func specialTokensAsTextWhenNotParsing() throws {
        let tokenizer = try Self.tokenizer.get()
        let start = try #require(tokenizer.id(of: "<|im_start|>"))
        let parsed = tokenizer.encode("<|im_start|>user", parseSpecial: true)
        let plain = tokenizer.encode("<|im_start|>user", parseSpecial: false)
        #expect(parsed.first == start)
        #expect(!plain.contains(start))
        #expect(tokenizer.decode(plain) == "<|im_start|>user")
        // Control tokens are left out of decoded text unless asked for.
        #expect(tokenizer.decode(parsed) == "user")
    }

    @Test func missingFolderIsAClearError() {
        let error = #expect(throws: TokenizerError.self) {
            try Tokenizer(huggingFaceFolder: URL(fileURLWithPath: "/nonexistent/checkpoint"))
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("tokenizer.json") == true)
    }
}

extension HuggingFaceTokenizerTests {
    /// A `TemplateProcessing` post-processor that starts sequences with a special token makes it the BOS.
    @Test func postProcessorBOS() throws {
        let tokenizerJSON: [String: Any] = [
            "model": ["type": "BPE", "vocab": ["a": 0, "b": 1, "ab": 2], "merges": ["a b"]],
            "added_tokens": [["id": 3, "content": "<|begin_of_text|>", "special": true]],
            "pre_tokenizer": ["type": "ByteLevel", "use_regex": true],
            "post_processor": ["type": "TemplateProcessing",
                               "single": [["SpecialToken": ["id": "<|begin_of_text|>", "type_id": 0]], ["Sequence": ["id": "A", "type_id": 0]]],
                               "special_tokens": ["<|begin_of_text|>": ["id": "<|begin_of_text|>", "ids": [3], "tokens": ["<|begin_of_text|>"]]]],
        ]
        let tokenizer = try Tokenizer(tokenizerJSON: tokenizerJSON, config: [:], file: "tokenizer.json")
        #expect(tokenizer.vocabulary.bos == 3)
        #expect(tokenizer.encode("ab", addSpecialTokens: true) == [3, 2])
        #expect(tokenizer.encode("<|begin_of_text|>ab", addSpecialTokens: true) == [3, 2])
    }
}
