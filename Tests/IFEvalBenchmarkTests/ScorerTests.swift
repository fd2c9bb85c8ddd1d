import IFEvalBenchmark
import ProctorCore
import ProctorReport
import Testing

/// The scorer's handling of reasoning traces and truncation, and the four metrics on a hand-computed case.
struct IFEvalScorerTests {
    /// An item with the given instructions (ids and kwargs as the data file writes them).
    static func item(_ id: String, _ instructions: [(String, [String: JSONValue])], prompt: String = "p") -> BenchmarkItem {
        BenchmarkItem(
            benchmark: BenchmarkName(name: "ifeval", split: "train"), id: id, messages: [ChatMessage(role: .user, text: prompt)],
            promptTemplate: IFEvalAdapter.promptTemplateID, answer: "",
            fields: [
                "prompt": .string(prompt), "instruction_id_list": .array(instructions.map { .string($0.0) }),
                "kwargs": .array(instructions.map { .object($0.1) }),
            ])
    }

    static let threeInstructions = item("a", [
        ("punctuation:no_comma", [:]),
        ("startend:quotation", [:]),
        ("length_constraints:number_words", ["num_words": 3, "relation": "at least"]),
    ])

    func verdict(_ response: String, _ item: BenchmarkItem = threeInstructions, mode: ScoringMode = .official, finish: FinishReason? = nil) -> Verdict {
        IFEvalScorer().score(ScoringInput(response: response, finishReason: finish), item: item, mode: mode)
    }

    @Test func subResultsFollowTheInstructionListWithLooseAsAValue() {
        // No comma: yes. Quotation: only once the first line is dropped (loose). Three words: no.
        let v = verdict("Intro, here\n\"two words\"")
        #expect(v.subResults.map(\.id) == ["punctuation:no_comma", "startend:quotation", "length_constraints:number_words"])
        #expect(v.subResults.map(\.index) == [0, 1, 2])
        #expect(v.subResults.map(\.kind) == ["instruction", "instruction", "instruction"])
        #expect(v.subResults.map(\.passed) == [false, false, true])
        #expect(v.subResults.map { $0.values["loose"] } == [1, 1, 1])
        #expect(!v.correct && v.score == 0)
        #expect(verdict("\"no commas in these words\"").correct)
    }

    @Test func everyThinkBlockIsRemovedBeforeChecking() {
        let response = "<think>a, b, c</think>\"three plain words\"<think>more, commas</think>"
        #expect(verdict(response).correct, "official: lighteval removes every block")
        #expect(!verdict(response, mode: .strict).correct, "strict: only the text after the last </think> (empty here) is checked")
        #expect(verdict("<think>x, y</think>\"three plain words\"", mode: .strict).correct)
    }

    @Test func unfinishedReasoningFailsEveryInstructionButKeepsThem() {
        for mode in ScoringMode.allCases {
            let v = verdict("<think>still thinking, and", mode: mode)
            #expect(v.truncated && !v.correct)
            #expect(v.subResults.count == 3 && v.subResults.allSatisfy { !$0.passed && $0.values["loose"] == 0 },
                    "instructions stay in the instruction-level denominator")
        }
    }

    @Test func outputsCutAtTheTokenLimitAreCheckedInOfficialModeOnly() {
        let official = verdict("\"three plain words\"", finish: .length)
        #expect(official.correct && official.truncated)
        let strict = verdict("\"three plain words\"", mode: .strict, finish: .length)
        #expect(!strict.correct && strict.truncated)
    }

    @Test func anUncheckableInstructionIsAFailedPartNotACrash() {
        let bad = Self.item("b", [("punctuation:no_comma", [:]), ("keywords:frequency", ["keyword": "x"])])
        let v = verdict("fine", bad)
        #expect(v.rule == "scorer-error")
        #expect(v.subResults.count == 2 && v.subResults[0].passed && !v.subResults[1].passed)
        #expect(v.subResults[1].reason?.contains("frequency") == true)
    }

    /// Item a: one of three instructions strictly followed, all three loosely. Item b: its one instruction followed.
    /// Instruction level is a micro-average over the four instructions: strict 2/4, loose 4/4; a mean of per-item
    /// fractions would give strict (1/3 + 1) / 2 = 66.7. Prompt level: strict 1/2 (only b), loose 2/2.
    @Test func theFourMetricsOnAHandComputedCase() throws {
        let b = Self.item("b", [("punctuation:no_comma", [:])])
        let results = [
            "a": ItemResult(itemID: "a", verdicts: [verdict("Intro, here\n\"two words\"")], failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: [verdict("no commas", b)], failed: 0, hitLength: 0),
        ]
        let values = Dictionary(uniqueKeysWithValues: IFEvalBenchmark.metrics.map { ($0.name, $0.value(results: results, items: [:])) })
        #expect(values["prompt_level_strict"] == 50)
        #expect(values["inst_level_strict"] == 50)
        #expect(values["prompt_level_loose"] == 100)
        #expect(values["inst_level_loose"] == 100)
        // The card's figure is the mean of the two strict ones.
        #expect(values["prompt_inst_strict_mean"] == 50)
        #expect(IFEvalBenchmark.metrics.map(\.name) == [
            "prompt_level_strict", "inst_level_strict", "prompt_level_loose", "inst_level_loose", "prompt_inst_strict_mean",
        ])
    }
}
