import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// MATH-Vision: multiple choice A–E or open answers (boxed).
    public static let mathvision = BenchmarkDefinition(
        name: "mathvision", summary: "MATH-Vision, 3,040 visual competition-math problems in 16 subjects, 5 levels (boxed answer)",
        adapter: MathVisionAdapter(), scorer: MathVisionScorer(),
        sources: DataSources(localFolder: "mathvision", hub: [DataSources.Hub(dataset: "MathLLMs/MathVision", wants: { $0.hasSuffix(".parquet") })]))
}
