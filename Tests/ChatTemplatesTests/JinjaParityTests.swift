import ChatTemplates
import Foundation
import Testing
import TokenizerTestSupport

/// Renderings of real chat templates (SmolLM2, Qwen2.5, QwQ-32B, DeepSeek-R1-Distill-Qwen, Gemma 3) compared
/// byte for byte with Jinja2's, made by `Fixtures/make_renderings.py` in a transformers-style environment.
struct JinjaParityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var template: String
        var conversation: String
        var messages: [TemplateValue]
        var addGenerationPrompt: Bool
        var bosToken: String
        var eosToken: String
        var extra: [String: TemplateValue]
        var expected: String?
        var error: String?
        /// Tiles per image for the Skywork cases (placeholders expanded after rendering).
        var imageTiles: [Int]
        var tokensPerTile: Int
        var testDescription: String { "\(template) \(conversation) gen=\(addGenerationPrompt)" }
    }

    static let fixtures = TestPaths.fixtures(of: "ChatTemplatesTests")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("renderings.json")),
              case .object(let root, _)? = try? TemplateValue.parseJSON(String(decoding: data, as: UTF8.self)),
              case .array(let items)? = root["cases"] else { return [] }
        return items.compactMap { item -> Case? in
            guard case .object(let c, _) = item, case .string(let template)? = c["template"],
                  case .string(let conversation)? = c["conversation"], case .array(let messages)? = c["messages"],
                  case .bool(let generation)? = c["add_generation_prompt"], case .string(let bos)? = c["bos_token"],
                  case .string(let eos)? = c["eos_token"], case .object(let extra, _)? = c["extra"] else { return nil }
            var expected: String?
            var error: String?
            if case .string(let text)? = c["expected"] { expected = text }
            if case .string(let text)? = c["error"] { error = text }
            var tiles: [Int] = []
            if case .array(let values)? = c["image_tiles"] { tiles = values.compactMap { if case .int(let n) = $0 { n } else { nil } } }
            var perTile = 0
            if case .int(let n)? = c["tokens_per_tile"] { perTile = n }
            return Case(template: template, conversation: conversation, messages: messages, addGenerationPrompt: generation,
                        bosToken: bos, eosToken: eos, extra: extra, expected: expected, error: error,
                        imageTiles: tiles, tokensPerTile: perTile)
        }
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func rendersLikeJinja2(_ golden: Case) throws {
        let url = Self.fixtures.appendingPathComponent("templates/\(golden.template).jinja")
        let template = try ChatTemplate(contentsOf: url)
        let render = {
            let text = try template.render(messages: golden.messages, addGenerationPrompt: golden.addGenerationPrompt,
                                           bosToken: golden.bosToken, eosToken: golden.eosToken, extra: golden.extra)
            if golden.imageTiles.isEmpty { return text }
            return try ImagePlaceholders.expandInternVL(text, tileCounts: golden.imageTiles, tokensPerTile: golden.tokensPerTile)
        }
        if let expected = golden.expected {
            #expect(try render() == expected)
        } else {
            let error = #expect(throws: ChatTemplateError.self) { try render() }
            #expect(error?.message.contains(golden.error ?? "?") == true)
        }
    }
}
