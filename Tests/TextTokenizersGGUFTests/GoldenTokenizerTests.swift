import Foundation
import ModelFormats
import Testing
import TextTokenizers
import TextTokenizersGGUF
import TokenizerTestSupport

/// Token ids exactly equal to llama.cpp's (`../shared/engine-golden/*-tokenizer-golden.json`), in both
/// special-token modes, with the vocabularies read from the real GGUF files.
struct GoldenTokenizerTests {
    static let smolLM2 = Result { try Tokenizer(gguf: GGUFFile(path: TestPaths.smolLM2.path)) }
    static let gemma3 = Result { try Tokenizer(gguf: GGUFFile(path: TestPaths.gemma3.path)) }

    static let smolLM2Cases = TokenizerGolden.cases("smollm2-tokenizer-golden.json")
    static let gemma3Cases = TokenizerGolden.cases("gemma3-tokenizer-golden.json")

    @Test(.enabled(if: TestPaths.exists(TestPaths.smolLM2), "SmolLM2 GGUF absent: run scripts/fetch-model"),
          arguments: smolLM2Cases)
    func smolLM2MatchesLlamaCpp(_ golden: TokenizerGoldenCase) throws {
        let tokenizer = try Self.smolLM2.get()
        #expect(tokenizer.encode(golden.text, parseSpecial: true) == golden.idsParseSpecial)
        #expect(tokenizer.encode(golden.text, parseSpecial: false) == golden.idsNoSpecial)
        #expect(tokenizer.decode(golden.idsNoSpecial) == golden.text)
        #expect(tokenizer.decode(golden.idsParseSpecial, keepSpecial: true) == golden.text)
    }

    @Test(.enabled(if: TestPaths.exists(TestPaths.gemma3), "Gemma-3 GGUF absent: run scripts/fetch-gemma3"),
          arguments: gemma3Cases)
    func gemma3MatchesLlamaCpp(_ golden: TokenizerGoldenCase) throws {
        let tokenizer = try Self.gemma3.get()
        #expect(tokenizer.encode(golden.text, parseSpecial: true) == golden.idsParseSpecial)
        #expect(tokenizer.encode(golden.text, parseSpecial: false) == golden.idsNoSpecial)
        #expect(tokenizer.decode(golden.idsNoSpecial) == golden.text)
    }

    @Test(.enabled(if: TestPaths.exists(TestPaths.smolLM2) && !smolLM2Cases.isEmpty, "SmolLM2 GGUF or goldens absent"))
    func smolLM2Settings() throws {
        let tokenizer = try Self.smolLM2.get()
        #expect(tokenizer.count == 49152)
        #expect(tokenizer.vocabulary.preTokenizer == .smollm)
        #expect(tokenizer.vocabulary.bos == 1 && tokenizer.vocabulary.eos == 2)
        #expect(!tokenizer.vocabulary.addBOS)
        #expect(tokenizer.vocabulary.chatTemplate?.contains("named SmolLM") == true)
        #expect(tokenizer.endOfGeneration.isSuperset(of: [0, 2]))
    }

    /// The engine goldens' prompt ids: SmolLM2 without BOS, Gemma with BOS added.
    @Test(.enabled(if: TestPaths.exists(TestPaths.smolLM2) && TestPaths.exists(TestPaths.gemma3), "model files absent"),
          arguments: [("smollm2-q4_1-llamacpp-golden.json", true), ("gemma3-270m-q4_k_m-llamacpp-golden.json", false)])
    func enginePromptIds(_ file: String, _ isSmolLM2: Bool) throws {
        struct Golden: Decodable {
            struct Case: Decodable {
                var prompt: String
                var parse_special: Bool
                var prompt_ids: [Int]
            }
            var cases: [Case]
        }
        let url = TestPaths.engineGolden.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url) else { return }
        let tokenizer = try (isSmolLM2 ? Self.smolLM2 : Self.gemma3).get()
        for item in try JSONDecoder().decode(Golden.self, from: data).cases {
            #expect(tokenizer.encode(item.prompt, addSpecialTokens: true, parseSpecial: item.parse_special) == item.prompt_ids)
        }
    }
}
