import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// AIME 2024: 30 integer answers, scored as DeepSeek-R1 and Skywork report it (boxed answer, integer match).
    public static let aime24 = BenchmarkDefinition(
        name: "aime24", summary: "AIME 2024 I+II, 30 integer-answer problems (R1 prompt, boxed answer)",
        adapter: AIME2024Adapter(), scorer: MathAnswerScorer(id: "aime", integerAnswers: true),
        sources: DataSources(localFolder: "aime2024", hub: [DataSources.Hub(dataset: "HuggingFaceH4/aime_2024", wants: { $0.hasSuffix(".parquet") })]))

    /// AIME 2025.
    public static let aime25 = BenchmarkDefinition(
        name: "aime25", summary: "AIME 2025 I+II, 30 integer-answer problems (R1 prompt, boxed answer)",
        adapter: AIME2025Adapter(), scorer: MathAnswerScorer(id: "aime", integerAnswers: true),
        sources: DataSources(localFolder: "aime2025", hub: [DataSources.Hub(dataset: "math-ai/aime25", wants: { $0.hasSuffix(".jsonl") })]))
}
