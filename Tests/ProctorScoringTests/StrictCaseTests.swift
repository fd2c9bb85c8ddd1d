import Testing
import ProctorCore
import ProctorScoring

/// Hand-written (output, gold, expected verdict) cases for the strict scorers, with the gotchas of
/// SCORING-NOTES §0 and §15.8.
struct StrictCaseTests {
    static func item(_ benchmark: String, _ answer: String, choices: [String] = [], fields: [String: JSONValue] = [:]) -> BenchmarkItem {
        BenchmarkItem(benchmark: BenchmarkName(name: benchmark, split: "test"), id: "case", messages: [], promptTemplate: "",
                      answer: answer, choices: choices, fields: fields)
    }

    static let aimeCases: [(String, String, Bool)] = [
        ("<think>long reasoning</think>The answer is \\boxed{023}.", "23", true),
        ("<think>…</think>So $m+n = \\boxed{m+n=17}$", "17", true),
        ("<think>…</think>\\boxed{17.0}", "17", true),
        ("<think>…</think>\\boxed{\\frac{34}{2}}", "17", false),
        ("<think>I think the answer is \\boxed{17} but let me check", "17", false),
        ("<think>x</think>First \\boxed{12}. Wait, actually \\boxed{17}.", "17", true),
        ("<think>x</think>Final answer: 204", "204", true),
        ("<think>x</think>**Answer:** **204**", "204", true),
        ("<think>x</think>\\boxed{1,000}", "1000", true),
    ]

    @Test(arguments: aimeCases)
    func aime(output: String, gold: String, expected: Bool) {
        let verdict = MathAnswerScorer(id: "aime", integerAnswers: true).score(ScoringInput(response: output), item: Self.item("aime24", gold), mode: .strict)
        #expect(verdict.correct == expected, "\(output) → \(verdict)")
    }

    static let mathCases: [(String, String, Bool)] = [
        ("</think>\\boxed{\\dfrac{3}{4}}", "\\frac{3}{4}", true),
        ("</think>\\boxed{0.75}", "\\frac34", true),
        ("</think>\\boxed{0.3333}", "\\frac{1}{3}", false),
        ("</think>\\boxed{(1,2)}", "(2,1)", false),
        ("</think>\\boxed{[-2,3)}", "[-2,3]", false),
        ("</think>The solutions are \\boxed{3}, \\boxed{-2}.", "-2, 3", true),
        ("</think>\\boxed{x \\in (3, \\infty)}", "(3,\\infty)", true),
        ("</think>\\boxed{x > 3}", "(3,\\infty)", true),
        ("</think>\\boxed{\\text{(C)}}", "\\text{(C)}", true),
        ("</think>\\boxed{2\\sqrt{3}}", "\\sqrt{12}", true),
        ("</think>\\boxed{\\frac{1}{2^{99}}}", "\\frac{1}{2^{98}}", false),
        ("</think>\\boxed{30^\\circ}", "30", true),
        ("</think>\\boxed{1-\\frac{1}{e}}", "1+\\frac{1}{e}", false),
        ("<think>never closes \\boxed{5}", "5", false),
        ("</think>\\boxed{\\boxed{5}}", "5", true),
        ("</think>\\boxed{x = \\fbox{5}}. Wait, actually \\boxed{\\fbox{7}}", "7", true),
    ]

    @Test(arguments: mathCases)
    func math(output: String, gold: String, expected: Bool) {
        let verdict = MathAnswerScorer(id: "math", integerAnswers: false).score(ScoringInput(response: output), item: Self.item("math500", gold), mode: .strict)
        #expect(verdict.correct == expected, "\(output) → \(verdict)")
    }

    @Test func truncationIsFlaggedAndNeverSearched() {
        let scorer = MathAnswerScorer(id: "math", integerAnswers: false)
        let open = scorer.score(ScoringInput(response: "<think>so \\boxed{5}"), item: Self.item("math500", "5"), mode: .official)
        #expect(open.truncated && !open.correct)
        let length = scorer.score(ScoringInput(response: "reasoning \\boxed{5}", finishReason: .length), item: Self.item("math500", "5"), mode: .strict)
        #expect(length.truncated && !length.correct)
    }

    static let choiceCases: [(String, String, Bool)] = [
        ("</think>Answer: (B)", "B", true),
        ("</think>**Answer: B**", "B", true),
        ("</think>The correct answer is $\\boxed{D}$.", "D", true),
        ("</think>\\boxed{\\text{C}}", "C", true),
        ("</think>Final answer: C) Neo-Gothic", "C", true),
        ("</think>I pick the Neo-Gothic style.", "B", true),
        ("</think>Nothing decided.", "A", false),
        ("<think>Answer: A</think>\nAnswer: B", "B", true),
    ]

    @Test(arguments: choiceCases)
    func mmmuStrictLetters(output: String, gold: String, expected: Bool) {
        let item = Self.item("mmmu", gold, choices: ["Gothic", "Neo-Gothic", "Baroque", "Rococo"], fields: ["question_type": "multiple-choice"])
        let verdict = MMMUScorer(pro: false).score(ScoringInput(response: output), item: item, mode: .strict)
        #expect(verdict.correct == expected, "\(output) → \(verdict)")
    }

    @Test func gpqaOfficialKeepsSimpleEvalsQuirks() {
        let scorer = GPQAScorer()
        let item = Self.item("gpqa", "C", choices: ["w", "x", "y", "z"])
        // First match wins, and a lower-case capture fails the case-sensitive comparison.
        #expect(!scorer.score(ScoringInput(response: "answer: c"), item: item, mode: .official).correct)
        #expect(scorer.score(ScoringInput(response: "answer: c"), item: item, mode: .strict).correct)
        #expect(!scorer.score(ScoringInput(response: "Answer: A (draft)\nAnswer: C"), item: item, mode: .official).correct)
        #expect(scorer.score(ScoringInput(response: "Answer: A (draft)\nAnswer: C"), item: item, mode: .strict).correct)
        #expect(!scorer.score(ScoringInput(response: "\\boxed{C}"), item: item, mode: .official).correct)
        #expect(scorer.score(ScoringInput(response: "\\boxed{C}"), item: item, mode: .strict).correct)
    }

    @Test func mmmuOfficialFallbackIsDeterministic() {
        let item = Self.item("mmmu", "A", choices: ["x", "y", "z", "w"], fields: ["question_type": "multiple-choice"])
        let a = MMMUScorer(pro: false).score(ScoringInput(response: "no idea", sampleIndex: 3), item: item, mode: .official)
        let b = MMMUScorer(pro: false).score(ScoringInput(response: "no idea", sampleIndex: 3), item: item, mode: .official)
        #expect(a == b)
        #expect(a.details["random_fallback"] == .bool(true))
        #expect(MMMUScorer(pro: false).score(ScoringInput(response: "no idea"), item: item, mode: .strict).unparsed)
    }

    @Test func mathVistaStrictDropsLevenshteinFallback() {
        let item = Self.item("mathvista", "Yes", choices: ["Yes", "No"], fields: ["question_type": "multi_choice", "answer_type": "text", "answer": "Yes"])
        let output = "The text does not provide enough information."
        #expect(MathVistaScorer().score(ScoringInput(response: output), item: item, mode: .official).correct)
        #expect(!MathVistaScorer().score(ScoringInput(response: output), item: item, mode: .strict).correct)
        let integer = Self.item("mathvista", "2", fields: ["question_type": "free_form", "answer_type": "integer", "answer": "2"])
        #expect(MathVistaScorer().score(ScoringInput(response: "", preExtracted: "2.7"), item: integer, mode: .official).correct)
    }

    @Test func olympiadBenchStrictTolerancesFollowGoldOrder() {
        let item = Self.item("olympiadbench", "7 \\times 10^{35}, 0.002", fields: ["error": "1e34,1e-3"])
        let scorer = OlympiadBenchScorer()
        #expect(scorer.score(ScoringInput(response: "\\boxed{0.001}, \\boxed{7.1 \\times 10^{35}}"), item: item, mode: .strict).correct)
        #expect(!scorer.score(ScoringInput(response: "\\boxed{0.001}, \\boxed{7.3 \\times 10^{35}}"), item: item, mode: .strict).correct)
        let percent = Self.item("olympiadbench", "60\\%")
        #expect(scorer.score(ScoringInput(response: "\\boxed{60\\%}"), item: percent, mode: .strict).correct)
        // Officially `60\%` loses its `%` and keeps the backslash, so a plain 60 no longer matches.
        #expect(!scorer.score(ScoringInput(response: "\\boxed{60}"), item: percent, mode: .official).correct)
        #expect(scorer.score(ScoringInput(response: "\\boxed{60}"), item: percent, mode: .strict).correct)
    }
}
