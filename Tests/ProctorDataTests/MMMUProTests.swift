import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite(.enabled(if: SharedData.available, "needs ../shared/data (MMMU-Pro standard10 text)"))
struct MMMUProTests {
    let adapter = MMMUProAdapter()

    @Test func theTextOnlyCopyNamesTheParquetToFetch() throws {
        let error = #expect(throws: ProctorError.self) { try adapter.load(split: "standard10", from: SharedData.location) }
        #expect(error?.message.contains("1730 of 1730 items lack files") == true)
        #expect(error?.message.contains("MMMU/MMMU_Pro \"standard (10 options)\" test parquet") == true)
        let partial = try adapter.load(split: "standard10", from: SharedData.location, allowPartial: true)
        #expect(partial.items.isEmpty)
        #expect(partial.problems.first?.itemID == "test_History_1")
        #expect(partial.problems.first?.message.contains("image_1") == true)
        let availability = adapter.availability(split: "standard10", from: SharedData.location)
        #expect(availability.items == 1730)
        #expect(availability.images == 0)
    }

    @Test func settingsAbsentLocallyAreNotFound() {
        for split in ["standard4", "vision"] {
            let error = #expect(throws: ProctorError.self) { try adapter.load(split: split, from: SharedData.location) }
            #expect(error?.code == .notFound)
            #expect(error?.message.contains("MMMU/MMMU_Pro") == true)
        }
    }

    @Test func optionCountsMatchTheRelease() throws {
        let lines = try JSONLines.decode([String: JSONValue].self, from: SharedData.file("mmmu_pro/mmmu_pro_standard10_test_text.jsonl"))
        var counts: [Int: Int] = [:]
        for (line, row) in lines {
            let options = try PythonLiteral.stringList(row["options"]?.stringValue ?? "", context: "line \(line)")
            counts[options.count, default: 0] += 1
        }
        #expect(counts == [10: 1214, 9: 221, 4: 124, 5: 41, 3: 41, 8: 31, 2: 28, 6: 16, 7: 12, 1: 1, 12: 1])
    }

    // MMMU-Benchmark/MMMU mmmu-pro/infer/infer_gpt.py (commit 2eca1369, `construct_prompt` + `replace_images_tokens`)
    // with mmmu-pro/prompts.yaml (commit a76d44bd).
    @Test func standardPromptAsTheOfficialCodeBuildsIt() {
        let text = MMMUProAdapter.standardText(
            question: "Which of the following best explains the overall trend shown in the <image 1>?",
            options: ["Political instability", "The spread of pathogens"], mode: .cot)
        #expect(text == "Which of the following best explains the overall trend shown in the <image>?\nA. Political instability\nB. The spread of pathogens\nAnswer the preceding multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of options. Think step by step before answering.")
        #expect(MMMUProAdapter.instruction(mode: .direct, vision: false) == "Answer with the option letter from the given choices directly.")
        #expect(MMMUProAdapter.instruction(mode: .cot, vision: true).hasPrefix("Write out the multiple-choice question in the image and then solve it."))
    }

    @Test(arguments: [
        ("['$6', '$7', '$8', '$9']", ["$6", "$7", "$8", "$9"]),
        ("[]", []),
        ("[\"it's\", 'say \"hi\"', 'a\\\\b', 'tab\\there', '\\u00e9\\x41']", ["it's", "say \"hi\"", "a\\b", "tab\there", "éA"]),
        ("['<image 1>', '<image 2>']", ["<image 1>", "<image 2>"]),
        // Nested lists print as Python's str() of the list (validation_Accounting_29 in MMMU-Pro).
        ("[['A', 'B', \"it's\"]]", ["['A', 'B', \"it's\"]"]),
    ])
    func pythonListLiterals(literal: String, expected: [String]) throws {
        #expect(try PythonLiteral.stringList(literal, context: "test") == expected)
    }

    @Test func aBrokenLiteralIsAnError() {
        #expect(throws: ProctorError.self) { try PythonLiteral.stringList("['a', 'b'", context: "test") }
        #expect(throws: ProctorError.self) { try PythonLiteral.stringList("['a' 1]", context: "test") }
    }
}
