import ProctorCore

/// IFEval as Proctor runs and scores it: the adapter, the checker-based scorer, the four official metrics, the
/// official `input_response_data` predictions format, lighteval's generation settings, and the "average
/// prompt/inst" score SmolLM2's card reports.
public enum IFEvalBenchmark {
    /// The sub-result kind the metrics aggregate.
    static let instruction = IFEvalScorer.kind

    /// The four official metrics, as `evaluation_main.py` prints them (in percent): prompt-level accuracy (every
    /// instruction of the prompt followed) and instruction-level accuracy (over all instructions of all prompts, a
    /// micro-average), strict and loose. Prompt-level strict is the headline.
    public static let officialMetrics: [MetricSpec] = [
        MetricSpec(name: "prompt_level_strict", aggregate: .allSubResults(kind: instruction, value: nil)),
        MetricSpec(name: "inst_level_strict", aggregate: .subResultMicroAverage(kind: instruction, value: nil)),
        MetricSpec(name: "prompt_level_loose", aggregate: .allSubResults(kind: instruction, value: "loose")),
        MetricSpec(name: "inst_level_loose", aggregate: .subResultMicroAverage(kind: instruction, value: "loose")),
    ]

    /// "IFEval (Average prompt/inst)" as SmolLM2's card reports it: the mean of prompt-level and instruction-level
    /// strict accuracy. lighteval itself prints only the four metrics; this is the Open LLM Leaderboard v2's IFEval
    /// score (there, 25.19 for Llama-2-7b = the mean of its 18.48 prompt-level and 31.89 instruction-level strict
    /// accuracy), which the card's label matches. docs/ifeval.md gives the evidence.
    public static let cardAverage = MetricSpec(name: "prompt_inst_strict_mean", aggregate: .meanOf(metrics: Array(officialMetrics.prefix(2))))

    /// The reported metrics: the four official ones, then the card's average.
    public static let metrics: [MetricSpec] = officialMetrics + [cardAverage]

    /// lighteval's `ifeval` task (the protocol of SmolLM2's card): the raw prompt through the model's chat template,
    /// greedy decoding (lighteval's default), at most 1,280 new tokens (`generation_size=1280`), no stop sequence
    /// but the end-of-turn token.
    public static let lightevalPreset = GenerationPreset(temperature: 0, maxTokens: 1280, samples: 1)

    /// The benchmark.
    public static let definition = BenchmarkDefinition(
        name: "ifeval", summary: IFEvalAdapter().summary, adapter: IFEvalAdapter(), scorerID: "ifeval",
        makeScorer: { _ in IFEvalScorer() },
        sources: DataSources(
            localFolder: "ifeval",
            hub: [DataSources.Hub(dataset: IFEvalAdapter.hubDataset, wants: { $0.hasSuffix(".jsonl") || $0.hasSuffix(".parquet") })]),
        metrics: metrics, presets: ["lighteval": lightevalPreset], predictionFormats: [IFEvalResponseFormat()])

    /// The definitions this target adds to the registry.
    public static let definitions: [BenchmarkDefinition] = [definition]

    /// The suites this target adds to the registry (none: the card's average is a metric).
    public static let suites: [SuiteDefinition] = []
}
