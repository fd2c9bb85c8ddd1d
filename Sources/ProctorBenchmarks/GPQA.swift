import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// GPQA-Diamond: four options in simple-evals' order; the authors' zip stays password-protected.
    public static let gpqa = BenchmarkDefinition(
        name: "gpqa", summary: "GPQA-Diamond, 198 graduate-level science questions (simple-evals prompt and option order)",
        adapter: GPQAAdapter(), scorer: GPQAScorer(),
        sources: DataSources(localFolder: "gpqa_diamond", hub: [DataSources.Hub(dataset: "Idavidrein/gpqa", gated: true, wants: { $0.hasSuffix("gpqa_diamond.csv") })]))
}
