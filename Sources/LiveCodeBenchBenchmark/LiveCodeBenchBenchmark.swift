import ProctorCore

/// LiveCodeBench's code-generation scenario as one benchmark definition (`livecodebench[:VERSION]`).
public enum LiveCodeBenchBenchmark {
    /// The contest-date window reasoning-model reports use (2024-08-01 … 2025-01-31), with the official filter's
    /// bounds: `start <= contest_date <= end` on date-times, so the end day counts only at midnight.
    public static let reasoningWindow = MetricSpec(
        name: "pass@1 2024-08-01..2025-01-31", aggregate: .dateWindow(field: "contest_date", from: "2024-08-01", to: "2025-01-31T00:00:00"))

    /// The definition.
    public static let definition = BenchmarkDefinition(
        name: "livecodebench",
        summary: "LiveCodeBench code generation (lite, release_v1…v6): programs run in the sandbox against each problem's tests",
        adapter: LiveCodeBenchAdapter(style: .chat),
        promptVariants: Dictionary(uniqueKeysWithValues: LCBPromptStyle.allCases.filter { $0 != .chat }.map { ($0.rawValue, LiveCodeBenchAdapter(style: $0) as any BenchmarkAdapter) }),
        scorerID: "livecodebench",
        makeScorer: { context in
            let timeout = context.options["timeout"].flatMap { Int($0) } ?? 6
            return LiveCodeBenchScorer(tests: LCBTestStore(location: context.data), workers: context.execWorkers, timeout: timeout)
        },
        sources: DataSources(localFolder: LCBDataFiles.localFolder, hub: [
            DataSources.Hub(dataset: LCBDataFiles.hubDataset, wants: { LCBRelease.files.contains($0) }),
        ]),
        metrics: [.pass1, reasoningWindow],
        // lcb_runner's defaults: n = 10 samples at temperature 0.2, top_p 0.95, 2,000 new tokens.
        presets: ["lcb": GenerationPreset(temperature: 0.2, topP: 0.95, maxTokens: 2000, samples: 10)],
        dateField: "contest_date",
        predictionFormats: [LCBSubmissionFormat()])

    /// The definitions this target adds to the registry.
    public static let definitions: [BenchmarkDefinition] = [definition]

    /// Suites over them (none).
    public static let suites: [SuiteDefinition] = []
}
