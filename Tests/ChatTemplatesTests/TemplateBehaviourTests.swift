import ChatTemplates
import Foundation
import Testing
import TokenizerTestSupport

/// Jinja features one by one, errors, the built-in fallback templates and the engine goldens' prompts.
struct TemplateBehaviourTests {
    static func render(_ source: String, _ extra: [String: TemplateValue] = [:], messages: [TemplateValue] = []) throws -> String {
        try ChatTemplate(source: source).render(messages: messages, addGenerationPrompt: true, extra: extra)
    }

    @Test(arguments: [
        ("{{ 1 + 2 * 3 }}|{{ 7 // 2 }}|{{ 7 % 3 }}|{{ 2 ** 3 }}|{{ 1 / 2 }}", "7|3|1|8|0.5"),
        ("{{ 'a' ~ 1 ~ none }}|{{ [1, 'b', true] }}|{{ {'k': none} }}", "a1None|[1, 'b', True]|{'k': None}"),
        ("{{ 'abc'[::-1] }}|{{ [1,2,3][1:] }}|{{ 'x y  z'.split() }}|{{ 'a</think>b'.split('</think>')[-1] }}", "cba|[2, 3]|['x', 'y', 'z']|b"),
        ("{% for x in [1,2,3] if x != 2 %}{{ loop.index }}{{ x }}{% if loop.last %}!{% endif %}{% endfor %}", "1123!"),
        ("{% set ns = namespace(n=0) %}{% for x in range(4) %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}", "6"),
        ("{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% endfor %}{{ x }}", "1"),
        ("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
        ("{% macro hi(name, p='!') %}hi {{ name }}{{ p }}{% endmacro %}{{ hi('x') }}{{ hi('y', p='?') }}", "hi x!hi y?"),
        ("{{ undefined_thing is defined }}|{{ none is none }}|{{ 'a' in 'cat' }}|{{ 3 is divisibleby 3 }}", "False|True|True|True"),
        ("{{ x | default('d') }}|{{ '  t  ' | trim }}|{{ [3,1] | length }}|{{ ['a','b'] | join('-') }}", "d|t|2|a-b"),
        ("{{ {'b': [1, 'é'], 'a': none} | tojson }}|{{ 'yes' if 1 > 2 else 'no' }}", "{\"b\": [1, \"é\"], \"a\": null}|no"),
        ("  {% if true %}\n  x\n  {% endif %}\n", "  x\n"),
        ("{%- for i in [1, 2] -%}\n  {{ i }}\n{%- endfor %}", "12"),
        ("{% for i in [1,2,3] %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "1"),
    ])
    func jinjaFeature(_ source: String, _ expected: String) throws {
        #expect(try Self.render(source) == expected)
    }

    @Test func unsupportedFilterSuggestsOverride() {
        let error = #expect(throws: ChatTemplateError.self) { try Self.render("{{ 'x' | wordwrap(3) }}") }
        #expect(error?.code == .unsupported)
        #expect(error?.message.contains("--chat-template FILE") == true)
    }

    @Test func syntaxErrorNamesTheLine() {
        let error = #expect(throws: ChatTemplateError.self) { try ChatTemplate(source: "ok\n{% if x %}\nno end") }
        #expect(error?.code == .syntax)
        let unterminated = #expect(throws: ChatTemplateError.self) { try ChatTemplate(source: "a\nb {{ x ") }
        #expect(unterminated?.message.contains("line 2") == true)
    }

    @Test func raiseExceptionIsARenderError() {
        let error = #expect(throws: ChatTemplateError.self) { try Self.render("{{ raise_exception('no system role') }}") }
        #expect(error?.code == .render)
        #expect(error?.message.contains("no system role") == true)
    }

    @Test func strftimeUsesTheGivenDate() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let text = try ChatTemplate(source: "{{ strftime_now('%Y') }}").render(messages: [], addGenerationPrompt: false, now: date)
        #expect(text == "2023")
    }

    @Test func builtinTemplates() throws {
        let messages: [TemplateValue] = [.message(role: "system", content: "S"), .message(role: "user", content: " Q "),
                                         .message(role: "assistant", content: "A"), .message(role: "user", content: "R")]
        let gemma = try ChatTemplate(source: ChatTemplate.gemmaTurns).render(messages: messages, addGenerationPrompt: true, bosToken: "<bos>")
        #expect(gemma == "<bos><start_of_turn>user\nS\n\nQ<end_of_turn>\n<start_of_turn>model\nA<end_of_turn>\n<start_of_turn>user\nR<end_of_turn>\n<start_of_turn>model\n")
        let chatML = try ChatTemplate(source: ChatTemplate.chatML).render(messages: [.message(role: "user", content: "Hi")], addGenerationPrompt: true)
        #expect(chatML == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
    }

    /// The `chat_math` prompts of the engine goldens: SmolLM2's own template and Gemma's turn format.
    @Test func engineGoldenChatPrompts() throws {
        struct Golden: Decodable {
            struct Case: Decodable { var name: String; var prompt: String }
            var cases: [Case]
        }
        let question: [TemplateValue] = [.message(role: "user", content: "What is 12 + 35? Answer briefly.")]
        for (file, source) in [("smollm2-q4_1-llamacpp-golden.json", try String(contentsOf: JinjaParityTests.fixtures.appendingPathComponent("templates/smollm2.jinja"), encoding: .utf8)),
                               ("gemma3-270m-q4_k_m-llamacpp-golden.json", ChatTemplate.gemmaTurns)] {
            guard let data = try? Data(contentsOf: TestPaths.engineGolden.appendingPathComponent(file)) else { continue }
            let golden = try JSONDecoder().decode(Golden.self, from: data)
            let prompt = try #require(golden.cases.first { $0.name == "chat_math" }).prompt
            #expect(try ChatTemplate(source: source).render(messages: question, addGenerationPrompt: true) == prompt)
        }
    }

    @Test func imagePlaceholders() throws {
        #expect(ImagePlaceholders.internVLQuestion("Q?", imageCount: 1) == "<image>\nQ?")
        #expect(ImagePlaceholders.internVLQuestion("Q?", imageCount: 2) == "Image-1: <image>\nImage-2: <image>\nQ?")
        #expect(ImagePlaceholders.internVLQuestion("<image> Q?", imageCount: 1) == "<image> Q?")
        #expect(try ImagePlaceholders.expandInternVL("a<image>b", tileCounts: [1], tokensPerTile: 2) == "a<img><IMG_CONTEXT><IMG_CONTEXT></img>b")
        #expect(throws: ChatTemplateError.self) { try ImagePlaceholders.expandInternVL("a", tileCounts: [1]) }
        #expect(throws: ChatTemplateError.self) { try ImagePlaceholders.expandInternVL("<image><image>", tileCounts: [1]) }
    }

    @Test func jsonKeepsKeyOrder() throws {
        let value = try TemplateValue.parseJSON(#"{"z": 1, "a": [true, null, 2.5, "\u00e9\ud83d\ude42"]}"#)
        let text = try ChatTemplate(source: "{{ v | tojson }}").render(messages: [], addGenerationPrompt: false, extra: ["v": value])
        #expect(text == #"{"z": 1, "a": [true, null, 2.5, "é🙂"]}"#)
        #expect(throws: ChatTemplateError.self) { try TemplateValue.parseJSON("{\"a\": }") }
    }
}

extension TemplateBehaviourTests {
    @Test func integerOverflowFallsBackToFloat() throws {
        #expect(try Self.render("{{ 9223372036854775807 + 1 > 0 }}|{{ 10 ** 30 > 1 }}") == "True|True")
    }
}
