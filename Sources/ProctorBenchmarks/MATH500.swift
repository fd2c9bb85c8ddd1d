import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// MATH-500: boxed answers compared with the math comparator (SCORING-NOTES §6–7).
    public static let math500 = BenchmarkDefinition(
        name: "math500", summary: "MATH-500, 500 competition problems in 7 subjects and 5 levels (R1 prompt, boxed answer)",
        adapter: MATH500Adapter(), scorer: MathAnswerScorer(id: "math", integerAnswers: false),
        sources: DataSources(localFolder: "math500", hub: [DataSources.Hub(dataset: "HuggingFaceH4/MATH-500", wants: { $0 == "test.jsonl" })]))
}
