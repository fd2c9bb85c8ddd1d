import Foundation
import ProctorCore
import ProctorData
import Testing

/// VLMEvalKit's prompts, the named alternative to the official ones for MMMU and MMMU-Pro (its `MMMUDataset` and
/// `MMMUProDataset.build_prompt`, with `split_MMMU` placing the images).
@Suite struct PromptVariantTests {
    static func image(_ byte: UInt8) -> ImageAttachment {
        ImageAttachment(data: Data([0xFF, 0xD8, byte]), mediaType: "image/jpeg", name: "image_\(byte)")
    }

    @Test func imagesGoWhereVLMEvalKitSplitsTheText() {
        let images = [1: Self.image(1), 2: Self.image(2), 3: Self.image(3)]
        let parts = MMMUPrompt.splitLikeVLMEvalKit("Question: <image 1> and <image 2>, again <image 1>\n", images: images)
        // Every placeholder gets its image (a repeat repeats it); image 3, never named, is left out.
        #expect(parts == [
            .text("Question: "), .image(Self.image(1)), .text(" and "), .image(Self.image(2)), .text(", again "),
            .image(Self.image(1)), .text("\n"),
        ])
        // Without placeholders the images come first, then the text.
        #expect(MMMUPrompt.splitLikeVLMEvalKit("Question: which?", images: [2: Self.image(2), 1: Self.image(1)])
            == [.image(Self.image(1)), .image(Self.image(2)), .text("Question: which?")])
        // The official interleaving keeps the first place only and appends the unnamed images.
        #expect(MMMUPrompt.interleave("<image 1> and <image 1>", images: [1: Self.image(1), 3: Self.image(3)])
            == [.image(Self.image(1)), .text(" and <image 1>"), .image(Self.image(3))])
    }

    @Test func mmmuProTextsAsVLMEvalKitBuildsThem() {
        let options = ["$6", "$7"]
        #expect(MMMUProAdapter.vlmevalkitText(question: "Cost of <image 1>?", options: options, mode: .direct, vision: false)
            == "Question: Cost of <image 1>?\nOptions:\nA. $6\nB. $7\nAnswer directly with the option letter from the given choices. ")
        #expect(MMMUProAdapter.vlmevalkitText(question: "Q", options: options, mode: .cot, vision: false)
            == "Question: Q\nOptions:\nA. $6\nB. $7\nAnswer the following multiple-choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of the options. Think step by step before answering. ")
        #expect(MMMUProAdapter.vlmevalkitText(question: "Q", options: options, mode: .cot, vision: true)
            == "Answer the following multiple-choice question in the image. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of the options. Think step by step before answering. ")
        #expect(MMMUProAdapter.vlmevalkitText(question: "Q", options: options, mode: .direct, vision: true)
            == "Answer the following multiple-choice question in the image. Answer directly with the option letter from the given choices. ")
        // The official standard prompt differs: no `Question:`, `<image 1>` written `<image>`, its own instruction.
        #expect(MMMUProAdapter.standardText(question: "Cost of <image 1>?", options: options, mode: .direct)
            == "Cost of <image>?\nA. $6\nB. $7\nAnswer with the option letter from the given choices directly.")
    }

    @Test func adaptersNameTheirVariants() throws {
        for adapter in [MMMUAdapter() as any PromptVariants, MMMUProAdapter()] {
            #expect(adapter.promptStyles == [PromptStyle.official, PromptStyle.vlmevalkit])
            #expect(adapter.withPromptStyle("lmms-eval") == nil)
        }
        let pro = try #require(MMMUProAdapter(mode: .direct).withPromptStyle(PromptStyle.vlmevalkit) as? MMMUProAdapter)
        #expect(pro.mode == .direct && pro.style == .vlmevalkit && pro.templateID == "mmmu-pro-vlmevalkit-direct-v1")
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data (MMMU parquet files)"))
    func realMMMUItemsWithTheVLMEvalKitPrompt() throws {
        let styled = try #require(MMMUAdapter().withPromptStyle(PromptStyle.vlmevalkit))
        let loaded = try styled.load(split: "validation", from: SharedData.location, allowPartial: true)
        let item = try #require(loaded.items.first { $0.id == "validation_Accounting_1" })
        #expect(item.promptTemplate == "mmmu-vlmevalkit-v1")
        let parts = try #require(item.messages.first?.parts)
        // "Question: <image 1> Baxter Company …": the text before the placeholder, the image, then the rest.
        #expect(parts.first == .text("Question: "))
        guard parts.count == 3, case .image(let image) = parts[1], case .text(let rest) = parts[2] else {
            Issue.record("expected text, image, text; got \(parts.count) parts")
            return
        }
        #expect(image.name == "image_1")
        #expect(rest.hasPrefix(" Baxter Company has a relevant range of production"))
        #expect(rest.hasSuffix("Options:\nA. $6\nB. $7\nC. $8\nD. $9\nPlease select the correct answer from the options above. \n"))
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data (OlympiadBench test.jsonl)"))
    func olympiadBenchAsVLMEvalKitBuildsIt() throws {
        let official = try OlympiadBenchAdapter().load(split: "OE_TO_maths_en_COMP", from: SharedData.location)
        let styled = try #require(OlympiadBenchAdapter().withPromptStyle(PromptStyle.vlmevalkit))
        let variant = try styled.load(split: "OE_TO_maths_en_COMP", from: SharedData.location)
        #expect(variant.count == official.count && !variant.isEmpty)
        for (a, b) in zip(official, variant) {
            #expect(a.id == b.id && a.answer == b.answer)
            // Official: the chat evaluators' system message, then the instruction and problem.
            #expect(a.messages.map(\.role) == [.system, .user])
            // VLMEvalKit: no system message; `make_input`'s instruction + "\n" + problem, untrimmed.
            #expect(b.messages.map(\.role) == [.user])
            #expect(b.promptTemplate == "olympiadbench-vlmevalkit-v1")
            let question = try #require(b.fields["question"]?.stringValue)
            guard case .text(let text)? = b.messages.first?.parts.first else {
                Issue.record("item \(b.id): no text part")
                continue
            }
            #expect(text.hasPrefix("The following is an open-ended problem from an International Math competition. "))
            #expect(text.hasSuffix("\n" + question))
        }
    }
}
