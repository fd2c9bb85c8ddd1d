import ProctorCore
import ProctorScoring
import Testing

@Suite struct LLMJudgeTests {
    @Test(arguments: [
        ("EXTRACTED: 42\nVERDICT: CORRECT", true, "42"),
        ("EXTRACTED: NONE\nVERDICT: INCORRECT", false, nil),
        ("<think>VERDICT: CORRECT maybe</think>\n**EXTRACTED:** 7\n**VERDICT:** INCORRECT", false, "7"),
        ("I think it is right.", nil, nil),
    ] as [(String, Bool?, String?)])
    func repliesAreParsedFromTheirLastVerdictLine(reply: String, correct: Bool?, extracted: String?) {
        let judgement = LLMJudge.parse(reply)
        #expect(judgement.correct == correct)
        #expect(judgement.extracted == extracted)
    }

    @Test func thePromptShowsTheFinalAnswerNotTheReasoning() {
        let item = BenchmarkItem(
            benchmark: BenchmarkName(name: "mmmu", split: "validation"), id: "1", messages: [ChatMessage(role: .user, text: "Pick one.")],
            promptTemplate: "t", answer: "B", choices: ["red", "blue"])
        let text = LLMJudge.prompt(output: "<think>secret reasoning</think>The answer is (B).", item: item).map(\.text).joined()
        #expect(text.contains("The answer is (B)."))
        #expect(!text.contains("secret reasoning"))
        #expect(text.contains("B (blue)"))
        #expect(text.contains("Pick one."))
    }
}
