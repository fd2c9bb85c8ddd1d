import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite(.enabled(if: SharedData.available, "needs ../shared/data (OlympiadBench OE_TO_maths_en_COMP)"))
struct OlympiadBenchTests {
    let adapter = OlympiadBenchAdapter()

    @Test func loadsTheTextOnlyEnglishMathsConfig() throws {
        let items = try adapter.load(split: "OE_TO_maths_en_COMP", from: SharedData.location)
        #expect(items.count == 675)
        #expect(items.first?.id == "1606")
        #expect(items.last?.id == "3102")
        #expect(items.allSatisfy { $0.images.isEmpty && $0.messages.count == 1 && $0.messages[0].role == .user })
        let subfields = Dictionary(grouping: items, by: { $0.categories["subfield"] ?? "" }).mapValues(\.count)
        #expect(subfields == ["Algebra": 264, "Combinatorics": 154, "Geometry": 129, "Number Theory": 128])
        let tolerant = try #require(items.first { $0.id == "2592" })
        #expect(tolerant.fields["error"] == "1e-1")
        #expect(tolerant.fields["unit"] == "%")
        #expect(items.filter { $0.fields["is_multiple_answer"] == true }.count == 94)
    }

    // Expected texts follow OpenBMB/OlympiadBench inference/code/evaluators/evaluator.py (commit 003c8414,
    // `make_prompt` + `make_input`): instruction, newline, question (maths problems leave out `context`).
    @Test func singleNumericalAnswer() throws {
        let item = try #require(try adapter.load(split: "OE_TO_maths_en_COMP", from: SharedData.location).first)
        let expected = "The following is an open-ended problem from an International Math competition. The answer of The "
            + "problem should be a numerical value. Please calculate the answer according to the given requirements and "
            + "the information provided. Please use LaTeX format to represent the variables and formulas used in the "
            + "solution process and results. Please end your solution with \"So the final answer is \\boxed{answer}.\" and "
            + "give the result explicitly.\nXenia and Sergey play the following game."
        #expect(item.messages[0].text.hasPrefix(expected))
        #expect(item.answer == "2")
    }

    @Test func multipleAnswersTuplesAndUnits() throws {
        let items = try adapter.load(split: "OE_TO_maths_en_COMP", from: SharedData.location)
        let multiple = try #require(items.first { $0.id == "1664" })
        #expect(multiple.messages[0].text.contains(
            "competition. The problem has multiple answers, each of them should be a numerical value. Please calculate"))
        #expect(multiple.messages[0].text.contains("\"So the final answer is \\boxed{multiple answers connected with commas}.\""))
        let tuple = try #require(items.first { $0.id == "1618" })
        #expect(tuple.messages[0].text.contains("competition. Please calculate the answer"))
        let unit = try #require(items.first { $0.id == "2334" })
        #expect(unit.messages[0].text.contains(
            "\"So the final answer is \\boxed{answer}(unit).\" and give the result explicitly, note that the unit of the "
                + "answer should not be included in \\boxed{}.\n"))
    }

    @Test func chineseAndTheoremProvingInstructions() {
        let zh = OlympiadBenchPrompt.instruction(
            config: .init("OE_TO_maths_zh_CEE"), answerType: "Numerical", multipleAnswers: false, hasUnit: false)
        #expect(zh == "以下是中国数学竞赛中的解答题，答案类型为数值。请根据题目的要求和所提供的信息计算得出答案。解答过程和结果中使用的变量和公式请使用LaTeX格式表示。请在最后以“所以最终答案是\\boxed{答案}。”显式给出结果。")
        let mixed = OlympiadBenchPrompt.instruction(
            config: .init("OE_TO_physics_en_COMP"), answerType: "Numerical,Expression", multipleAnswers: true, hasUnit: false)
        #expect(mixed.contains("International Physics competition. The problem has multiple answers, with the answers in order being a numerical value, an expression. Please"))
        let proof = OlympiadBenchPrompt.instruction(
            config: .init("TP_TO_maths_en_COMP"), answerType: "", multipleAnswers: false, hasUnit: false)
        #expect(proof.hasPrefix("The following is a theorem proving problem from an International Math competition."))
    }

    @Test func multimodalProblemsInterleaveTheirImages() throws {
        let folder = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem: [String: JSONValue] = [
            "id": 2231, "question": "In the figure <img_1001> the circle is tangent.\n<img_1002>\nFind $x$.",
            "final_answer": .array(["$3$"]), "is_multiple_answer": false, "unit": .null, "answer_type": "Numerical",
            "error": .null, "subfield": "Geometry", "context": .null,
        ]
        try SharedData.write(try JSONEncoder().encode(JSONValue.array([.object(problem)])), to: "olympiadbench/data/OE_MM_maths_en_COMP.json", in: folder)
        try SharedData.copy("mathvision/images/4.jpg", to: "olympiadbench/images/img_1001.jpg", in: folder)
        let location = DataLocation(root: folder, hubCache: nil)

        let missing = #expect(throws: ProctorError.self) { try adapter.load(split: "OE_MM_maths_en_COMP", from: location) }
        #expect(missing?.message.contains("olympiadbench/images/img_1002.jpg") == true)

        try SharedData.copy("mathvision/images/5.jpg", to: "olympiadbench/images/img_1002.jpg", in: folder)
        let item = try #require(try adapter.load(split: "OE_MM_maths_en_COMP", from: location).first)
        let kinds = item.messages[0].parts.map { part -> String in
            if case .image(let image) = part { return image.name }
            return "text"
        }
        #expect(kinds == ["text", "images/img_1001.jpg", "text", "images/img_1002.jpg", "text"])
        guard case .text(let first) = item.messages[0].parts[0] else { return }
        #expect(first.hasSuffix("give the result explicitly.\nIn the figure"))
        #expect(item.id == "2231")
        #expect(adapter.availability(split: "OE_MM_maths_en_COMP", from: location).images == 2)
    }

    @Test func configsAreAllListed() {
        #expect(adapter.splits.count == 18)
        #expect(adapter.defaultSplit == "OE_TO_maths_en_COMP")
        #expect(Set(adapter.splits).count == 18)
    }
}
