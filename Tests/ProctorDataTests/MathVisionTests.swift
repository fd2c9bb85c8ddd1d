import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite(.enabled(if: SharedData.available, "needs ../shared/data (the real MATH-V release)"))
struct MathVisionTests {
    let adapter = MathVisionAdapter()

    /// testmini, loaded once for the suite (hashing images is slow in debug builds).
    static let testmini = Result { try MathVisionAdapter().load(split: "testmini", from: SharedData.location, allowPartial: false) }

    @Test func loadsTestminiWithItsImages() throws {
        let loaded = try Self.testmini.get()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.items.count == 304)
        #expect(loaded.items.first?.id == "4")
        #expect(loaded.items.last?.id == "3033")
        #expect(loaded.items.allSatisfy { $0.images.count == 1 && $0.images[0].mediaType == "image/jpeg" })
        #expect(Set(loaded.items.map { $0.categories["subject"] ?? "" }).count == 16)
        let multipleChoice = loaded.items.filter { !$0.choices.isEmpty }
        #expect(multipleChoice.count == 190)
        #expect(multipleChoice.allSatisfy { $0.choices.count == 5 && ["A", "B", "C", "D", "E"].contains($0.answer) })
    }

    // The full test split: every line, every image present and structurally complete (building all 3,040 items
    // hashes 90 MB, which the debug build of the tests is too slow for; testmini covers item building).
    @Test func testSplitHasEveryImage() throws {
        let availability = adapter.availability(split: "test", from: SharedData.location)
        #expect(availability.items == 3040)
        #expect(availability.images == 3040)
        let rows = try JSONLines.decode([String: JSONValue].self, from: SharedData.file("mathvision/data/test.jsonl"))
        #expect(rows.first?.value["id"] == "1")
        #expect(rows.last?.value["id"] == "3040")
        for (_, row) in rows {
            let path = try #require(row["image"]?.stringValue)
            let data = try Data(contentsOf: SharedData.file("mathvision/\(path)"))
            #expect(ImageCheck.defect(in: data) == nil, "\(path)")
        }
    }

    @Test func imageBytesAndHashAreTheFileItself() throws {
        let item = try #require(try Self.testmini.get().items.first)
        let bytes = try Data(contentsOf: SharedData.file("mathvision/images/4.jpg"))
        #expect(item.images[0].data == bytes)
        #expect(item.images[0].sha256 == SHA256.hex(bytes))
        #expect(item.images[0].name == "images/4.jpg")
        #expect(item.fields["subject"] == "counting")
        #expect(item.fields["level"] == 1)
    }

    // The official prompt (mathllm/MATH-V's generation code, `gen_text_input`, as reproduced in the MATH-V README's
    // evaluation instructions and in SkyworkAI's R1V evaluation scripts): instruction, question, `(A) …` lines.
    @Test func multipleChoicePromptListsTheOptions() throws {
        let item = try #require(try Self.testmini.get().items.first { $0.id == "27" })
        let expected = """
            Please solve the problem step by step and put your answer in one "\\boxed{}". If it is a multiple choice \
            question, only one letter is allowed in the "\\boxed{}".
            Theresa moves a pencil along the line. She starts at the arrow shown. In which order will she go past the shapes?
            <image1>
            (A) $\\Delta, \\square, \\bullet$
            (B) $\\Delta, \\bullet, \\square$
            (C) $\\bullet, \\Delta, \\square$
            (D) $\\square, \\Delta, \\bullet$
            (E) $\\square, \\bullet, \\Delta$

            """
        #expect(item.messages.count == 1)
        #expect(item.messages[0].text == expected)
        guard case .image = item.messages[0].parts.first else {
            Issue.record("the image must come before the text")
            return
        }
        #expect(item.answer == "A")
    }

    @Test func lettersOnlyOptionsAreLeftOut() throws {
        let item = try #require(try Self.testmini.get().items.first { $0.id == "6" })
        #expect(item.choices == ["A", "B", "C", "D", "E"])
        #expect(item.messages[0].text.hasSuffix("knowing that the ears of one of them are of different colour?\n<image1>\n"))
    }

    @Test func missingImagesNameTheFilesAndPartialLoadingKeepsTheRest() throws {
        let folder = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try SharedData.lines("mathvision/data/testmini.jsonl", count: 3)
        try SharedData.write(lines.joined(separator: "\n") + "\n", to: "mathvision/data/testmini.jsonl", in: folder)
        try SharedData.copy("mathvision/images/4.jpg", to: "mathvision/images/4.jpg", in: folder)
        try SharedData.copy("mathvision/images/6.jpg", to: "mathvision/images/6.jpg", in: folder)
        let location = DataLocation(root: folder, hubCache: nil)

        let error = #expect(throws: ProctorError.self) { try adapter.load(split: "testmini", from: location) }
        #expect(error?.message.contains("mathvision/images/5.jpg") == true)
        #expect(error?.message.contains("proctor fetch mathvision:testmini") == true)
        #expect(error?.message.contains("--allow-partial") == true)

        let partial = try adapter.load(split: "testmini", from: location, allowPartial: true)
        #expect(partial.items.map(\.id) == ["4", "6"])
        #expect(partial.problems.map(\.itemID) == ["5"])
        #expect(partial.problems.first?.kind == .missingFile)

        let availability = adapter.availability(split: "testmini", from: location)
        #expect(availability.items == 3)
        #expect(availability.images == 2)
        #expect(availability.source?.hasPrefix("local ") == true)
    }

    @Test func aCorruptImageFailsThatItemOnly() throws {
        let folder = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try SharedData.lines("mathvision/data/testmini.jsonl", count: 2)
        try SharedData.write(lines.joined(separator: "\n"), to: "mathvision/data/testmini.jsonl", in: folder)
        try SharedData.copy("mathvision/images/4.jpg", to: "mathvision/images/4.jpg", in: folder)
        let truncated = try Data(contentsOf: SharedData.file("mathvision/images/5.jpg")).prefix(5000)
        try SharedData.write(truncated, to: "mathvision/images/5.jpg", in: folder)
        let location = DataLocation(root: folder, hubCache: nil)

        let loaded = try adapter.load(split: "testmini", from: location, allowPartial: false)
        #expect(loaded.items.map(\.id) == ["4"])
        #expect(loaded.problems.map(\.kind) == [.corruptFile])
        #expect(loaded.problems.first?.message.contains("images/5.jpg") == true)
        #expect(try adapter.load(split: "testmini", from: location).map(\.id) == ["4"])
    }

    @Test func aMalformedLineIsAnErrorNamingFileAndLine() throws {
        let folder = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try SharedData.lines("mathvision/data/testmini.jsonl", count: 2)
        try SharedData.write(lines[0] + "\n{\"id\": \"5\", \"question\": \n" + lines[1], to: "mathvision/data/testmini.jsonl", in: folder)
        let error = #expect(throws: ProctorError.self) {
            try adapter.load(split: "testmini", from: DataLocation(root: folder, hubCache: nil))
        }
        #expect(error?.message.contains("mathvision/data/testmini.jsonl:2:") == true)
    }

    @Test func anUnknownSplitIsAnArgumentError() {
        let error = #expect(throws: ProctorError.self) { try adapter.load(split: "train", from: SharedData.location) }
        #expect(error?.code == .invalidArgument)
    }
}
