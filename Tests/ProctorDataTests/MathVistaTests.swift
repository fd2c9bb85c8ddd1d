import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite(.enabled(if: SharedData.available, "needs ../shared/data (MathVista testmini.json and query.json)"))
struct MathVistaTests {
    let adapter = MathVistaAdapter()

    @Test func theSharedCopyHasNoImagesAndSaysWhatToFetch() throws {
        let error = #expect(throws: ProctorError.self) { try adapter.load(split: "testmini", from: SharedData.location) }
        #expect(error?.message.contains("1000 of 1000 items lack files") == true)
        #expect(error?.message.contains("mathvista/images/1.jpg") == true)
        #expect(error?.message.contains("proctor fetch mathvista:testmini") == true)
        let partial = try adapter.load(split: "testmini", from: SharedData.location, allowPartial: true)
        #expect(partial.items.isEmpty)
        #expect(partial.problems.count == 1000)
        #expect(partial.problems.first?.itemID == "1")
        let availability = adapter.availability(split: "testmini", from: SharedData.location)
        #expect(availability.items == 1000)
        #expect(availability.images == 0)
        #expect(adapter.availability(split: "test", from: SharedData.location).items == 5141)
    }

    /// A copy of the release with two images present (a MATH-V JPEG stands in for the picture: the adapter only
    /// checks that it is an image).
    func copyWithImages(_ pids: [String]) throws -> URL {
        let folder = try SharedData.temporaryFolder()
        for file in ["testmini.json", "query.json"] {
            try SharedData.copy("mathvista/\(file)", to: "mathvista/data/\(file)", in: folder)
        }
        for pid in pids { try SharedData.copy("mathvision/images/4.jpg", to: "mathvista/data/images/\(pid).jpg", in: folder) }
        return folder
    }

    // The prompt is the release's own `query` (lupantech/MathVista data/query.json, commit 53d52587; built by
    // evaluation/build_query.py), sent with the image by evaluation/generate_response.py.
    @Test func multipleChoiceUsesTheQueryAndALetterAnswer() throws {
        let folder = try copyWithImages(["1", "3"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try adapter.load(split: "testmini", from: DataLocation(root: folder, hubCache: nil), allowPartial: true)
        #expect(loaded.items.map(\.id) == ["1", "3"])
        #expect(loaded.problems.count == 998)
        let choice = loaded.items[1]
        #expect(choice.messages[0].text == "Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\nQuestion: △ABC的两内角平分线OB、OC相交于点O，若∠A＝110°，则∠BOC＝（）\nChoices:\n(A) 135°\n(B) 140°\n(C) 145°\n(D) 150°")
        #expect(choice.answer == "C")
        #expect(choice.fields["answer"] == "145°")
        #expect(choice.choices == ["135°", "140°", "145°", "150°"])
        #expect(choice.categories["task"] == "geometry problem solving")
        let free = loaded.items[0]
        #expect(free.answer == "1.2")
        #expect(free.fields["precision"] == 1)
        #expect(free.fields["question_type"] == "free_form")
        #expect(free.fields["answer_type"] == "float")
        #expect(free.messages[0].text.hasPrefix("Hint: Please answer the question requiring a floating-point number with one decimal place"))
        guard case .image = free.messages[0].parts.first else {
            Issue.record("the image must come first")
            return
        }
    }

    @Test func testSplitComesFromQueryJSON() throws {
        let folder = try copyWithImages(["1001"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try adapter.load(split: "test", from: DataLocation(root: folder, hubCache: nil), allowPartial: true)
        #expect(loaded.items.map(\.id) == ["1001"])
        #expect(loaded.problems.count == 5140)
        #expect(loaded.items[0].answer == "")
        #expect(loaded.items[0].fields["query"]?.stringValue?.contains("Question:") == true)
    }
}
