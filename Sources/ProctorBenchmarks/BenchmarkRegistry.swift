import BFCLBenchmark
import IFEvalBenchmark
import LiveBenchBenchmark
import LiveCodeBenchBenchmark
import ProctorCore

/// Every benchmark Proctor knows, in the order `proctor list benchmarks` shows them, and the suites over them.
///
/// `run`, `score`, `rescore`, `list`, `fetch`, `report` and `compare` read this list and nothing else. Adding a
/// benchmark is one file defining its `BenchmarkDefinition` and one line here (docs/adding-a-benchmark.md).
public enum BenchmarkRegistry {
    /// The benchmarks.
    public static let definitions: [BenchmarkDefinition] = [
        .aime24,
        .aime25,
        .math500,
        .mmmu,
        .mmmuPro,
        .mathvista,
        .mathvision,
        .olympiadbench,
        .gpqa,
        .livebench,
        LiveCodeBenchBenchmark.definition,
    ] + IFEvalBenchmark.definitions + BFCLBenchmark.definitions

    /// Scores over several benchmarks (a leaderboard's overall).
    public static let suites: [SuiteDefinition] = IFEvalBenchmark.suites + SuiteDefinition.liveBench + BFCLBenchmark.suites

    /// Settings presets every benchmark accepts (a benchmark's own presets of the same name win for it).
    public static let presets: [String: GenerationPreset] = [
        // DeepSeek-R1's evaluation settings.
        "r1": GenerationPreset(temperature: 0.6, topP: 0.95, maxTokens: 32768),
    ]
}
