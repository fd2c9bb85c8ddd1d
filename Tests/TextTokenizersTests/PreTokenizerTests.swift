import Testing
@testable import TextTokenizers

/// The scanners against hand-checked splits of the regular expressions they implement.
struct PreTokenizerTests {
    static func pieces(_ preTokenizer: PreTokenizer, _ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return preTokenizer.split(scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    @Test(arguments: [
        (PreTokenizer.gpt2, "Hello world's 123 end", ["Hello", " world", "'s", " 123", " end"]),
        (.gpt2, "a  b", ["a", " ", " b"]),
        (.gpt2, "x \n\n y  ", ["x", " \n\n", " y", "  "]),
        (.gpt2, "THEY'RE ok!!", ["THEY", "'", "RE", " ok", "!!"]),
        (.smollm, "a 12 b", ["a", " ", "1", "2", " b"]),
        (.qwen2, "THEY'RE 2024!\n\nok", ["THEY", "'RE", " ", "2", "0", "2", "4", "!\n\n", "ok"]),
        (.qwen2, "a  \n  b", ["a", "  \n", " ", " b"]),
        (.llama3, "x1234567", ["x", "123", "456", "7"]),
        (.qwen2, "\tfoo (bar)", ["\tfoo", " (", "bar", ")"]),
    ])
    func splits(_ preTokenizer: PreTokenizer, _ text: String, _ expected: [String]) {
        #expect(Self.pieces(preTokenizer, text) == expected)
    }

    @Test func piecesCoverTheInput() {
        let text = "naïve café 日本語 🙂👍🏽 \u{00A0}nbsp\u{200B}zw\r\n\tend"
        for preTokenizer in PreTokenizer.allCases {
            #expect(Self.pieces(preTokenizer, text).joined() == text)
        }
    }

    @Test func namesFromGGUF() {
        #expect(PreTokenizer.named("smollm") == .smollm)
        #expect(PreTokenizer.named("deepseek-r1-qwen") == .qwen2)
        #expect(PreTokenizer.named("llama-bpe") == .llama3)
        #expect(PreTokenizer.named("no-such-pre") == nil)
    }
}
