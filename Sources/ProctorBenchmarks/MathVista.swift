import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// MathVista: the official query prompt; answers normalised as the official rule-based extractor does.
    public static let mathvista = BenchmarkDefinition(
        name: "mathvista", summary: "MathVista, visual math reasoning over 31 source datasets (testmini 1,000; test 5,141 without answers)",
        adapter: MathVistaAdapter(), scorer: MathVistaScorer(),
        sources: DataSources(localFolder: "mathvista", hub: [DataSources.Hub(dataset: "AI4Math/MathVista", wants: { $0.hasSuffix(".parquet") })]),
        predictionFormats: [KeyedOutputsFormat(name: "MathVista output_<model>.json")])
}
