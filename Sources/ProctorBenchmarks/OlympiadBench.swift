import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// OlympiadBench: open-ended maths and physics, judged by the official comparator's rules.
    public static let olympiadbench = BenchmarkDefinition(
        name: "olympiadbench", summary: "OlympiadBench, olympiad maths and physics (18 configs: OE/TP, text-only/multimodal, en/zh)",
        adapter: OlympiadBenchAdapter(), promptVariants: [PromptStyle.vlmevalkit: OlympiadBenchAdapter(vlmevalkit: true)],
        scorer: OlympiadBenchScorer(),
        sources: DataSources(localFolder: "olympiadbench", hub: [DataSources.Hub(dataset: "Hothan/OlympiadBench", wants: { $0.hasSuffix(".parquet") })]))
}
