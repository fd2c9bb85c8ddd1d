import Foundation
import Testing
@testable import TextTokenizers
import TokenizerTestSupport

/// A SentencePiece vocabulary converted to `tokenizer.json` (BPE with byte fallback, spaces as `▁`, the form of
/// Gemma's and Llama 2's Hugging Face tokenizers), against ids from the `tokenizers` library
/// (`Fixtures/make_tiny_gemma_tokenizer.py`).
struct SentencePieceJSONTests {
    static let folder = TestPaths.fixtures(of: "TextTokenizersTests").appendingPathComponent("tiny-gemma-tokenizer")
    static let tokenizer = Result { try Tokenizer(huggingFaceFolder: folder) }
    static let cases: [HuggingFaceTokenizerTests.Case] = {
        struct File: Decodable { var cases: [HuggingFaceTokenizerTests.Case] }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()

    @Test func loadsAsSentencePiece() throws {
        let tokenizer = try Self.tokenizer.get()
        #expect(Self.cases.count >= 20)
        #expect(tokenizer.vocabulary.model == .sentencePieceMerges)
        #expect(tokenizer.vocabulary.bos == tokenizer.id(of: "<bos>"))
        #expect(tokenizer.vocabulary.unknown == tokenizer.id(of: "<unk>"))
        #expect(tokenizer.vocabulary.kind(try #require(tokenizer.id(of: "<0x41>"))) == .byte)
    }

    @Test(arguments: cases)
    func idsMatchTokenizersLibrary(_ golden: HuggingFaceTokenizerTests.Case) throws {
        let tokenizer = try Self.tokenizer.get()
        #expect(tokenizer.encode(golden.text) == golden.ids)
        #expect(tokenizer.decode(golden.ids, keepSpecial: true) == golden.decoded)
    }
}
