import ProctorCore
import ProctorData
import ProctorScoring

extension BenchmarkDefinition {
    /// MMMU: the official prompt and MMMU's own answer parsing; VLMEvalKit's prompt as a variant.
    public static let mmmu = BenchmarkDefinition(
        name: "mmmu", summary: "MMMU, college-level multimodal questions in 30 subjects (validation 900, dev 150)",
        adapter: MMMUAdapter(), promptVariants: [PromptStyle.vlmevalkit: MMMUAdapter(style: .vlmevalkit)],
        scorer: MMMUScorer(pro: false),
        sources: DataSources(localFolder: "mmmu", hub: [DataSources.Hub(dataset: "MMMU/MMMU", wants: { path in
            let name = path.split(separator: "/").last ?? ""
            return path.hasSuffix(".parquet") && (name.hasPrefix("validation-") || name.hasPrefix("dev-"))
        })]),
        predictionFormats: [KeyedOutputsFormat(name: "MMMU {id: prediction}")])

    /// MMMU-Pro: standard (10 and 4 options) and vision settings.
    public static let mmmuPro = BenchmarkDefinition(
        name: "mmmu_pro", summary: "MMMU-Pro, 1,730 multi-discipline multimodal questions (standard10, standard4, vision settings)",
        adapter: MMMUProAdapter(), promptVariants: [PromptStyle.vlmevalkit: MMMUProAdapter(style: .vlmevalkit)],
        scorer: MMMUScorer(pro: true),
        sources: DataSources(localFolder: "mmmu_pro", hub: [DataSources.Hub(dataset: "MMMU/MMMU_Pro", wants: { $0.hasSuffix(".parquet") })]))
}
