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
