import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite(.enabled(if: SharedData.available, "needs ../shared/data (MMMU business-subject parquet files)"))
struct MMMUTests {
    /// The validation split of the shared copy (5 of 30 subjects), loaded once.
    static let validation = Result { try MMMUAdapter().load(split: "validation", from: SharedData.location, allowPartial: true) }

    @Test func absentSubjectsNameTheirFilesAndTheRestLoads() throws {
        let loaded = try Self.validation.get()
        // What `load(split:from:)` throws without --allow-partial.
        let error = try #require(loaded.missingFilesError(benchmark: "mmmu:validation"))
        #expect(error.message.contains("750 of 900 items lack files"))
        #expect(error.message.contains("Agriculture/validation-00000-of-00001.parquet"))

        #expect(loaded.items.count == 150)
        #expect(loaded.problems.count == 750)
        #expect(loaded.problems.allSatisfy { $0.kind == .missingFile })
        #expect(loaded.problems.contains { $0.itemID == "validation_Art_1" })
        #expect(Set(loaded.items.map { $0.categories["subject"] ?? "" }) == ["Accounting", "Economics", "Finance", "Manage", "Marketing"])
        #expect(loaded.items.allSatisfy { $0.categories["discipline"] == "Business" })
        #expect(loaded.items.first?.id == "validation_Accounting_1")
    }

    @Test func answersAgreeWithTheOfficialAnswerKey() throws {
        let key = try JSONFile.object(SharedData.file("mmmu/answer_dict_val.json"))
        for item in try Self.validation.get().items {
            let entry = try #require(key[item.id])
            #expect(entry["ground_truth"]?.stringValue == item.answer, "\(item.id)")
            let type = item.fields["question_type"]?.stringValue == "open" ? "short-answer" : "multiple-choice"
            #expect(entry["question_type"]?.stringValue == type, "\(item.id)")
        }
    }

    @Test func everyImageIsAttachedInPlaceholderOrder() throws {
        for item in try Self.validation.get().items {
            #expect(!item.images.isEmpty, "\(item.id)")
            #expect(item.images.allSatisfy { $0.mediaType == "image/png" || $0.mediaType == "image/jpeg" }, "\(item.id)")
            #expect(!item.messages[0].text.contains("<image 1>"), "\(item.id)")
        }
        let item = try #require(try Self.validation.get().items.first { $0.id == "validation_Manage_20" })
        let names = item.messages[0].parts.compactMap { part -> String? in
            if case .image(let image) = part { return image.name }
            return nil
        }
        #expect(names == ["image_1", "image_2"])
        #expect(item.choices.isEmpty)
        #expect(item.messages[0].text.hasSuffix("\nAnswer the question using a single word or phrase."))
    }

    // MMMU-Benchmark/MMMU eval `construct_prompt` with configs/llava1.5.yaml (the evaluation code of the snapshot
    // bb0b95a9): question, "(A) option" lines, a blank line, the instruction; `<image 1>` becomes the image.
    @Test func officialMultipleChoicePrompt() throws {
        let item = try #require(try Self.validation.get().items.first)
        guard case .image(let image) = item.messages[0].parts[0], case .text(let text) = item.messages[0].parts[1] else {
            Issue.record("expected the image, then the text")
            return
        }
        #expect(image.name == "image_1")
        #expect(text == " Baxter Company has a relevant range of production between 15,000 and 30,000 units. The following cost data represents average variable costs per unit for 25,000 units of production. If 30,000 units are produced, what are the per unit manufacturing overhead costs incurred?\n(A) $6\n(B) $7\n(C) $8\n(D) $9\n\nAnswer with the option's letter from the given choices directly.")
        #expect(item.choices == ["$6", "$7", "$8", "$9"])
        #expect(item.answer == "B")
        #expect(item.promptTemplate == "mmmu-official-v1")
    }

    @Test func vlmEvalKitAlternative() {
        let text = MMMUPrompt.text(question: "<image 1> Which?", options: ["x", "y"], multipleChoice: true, style: .vlmevalkit)
        #expect(text == "Question: <image 1> Which?\nOptions:\nA. x\nB. y\nPlease select the correct answer from the options above. \n")
    }

    @Test func availabilityCountsItemsAndImages() {
        let availability = MMMUAdapter().availability(split: "validation", from: SharedData.location)
        #expect(availability.items == 150)
        #expect(availability.images >= 150)
        #expect(MMMUAdapter().availability(split: "dev", from: SharedData.location).items == 0)
    }
}
