import ProctorCore

/// BFCL, the Berkeley Function Calling Leaderboard: its single-turn categories (AST-checked and relevance), the
/// multi-turn categories (listed, not runnable yet), and the leaderboard's overall as a suite.
public enum BFCLBenchmark {
    /// Why an entry whose classes are not all ported cannot be run or scored.
    public static let multiTurnUnavailable =
        "the eight API simulators are ported (TradingBot, VehicleControlAPI and GorillaFileSystem without long context); an entry involving another class is recorded as a failed row naming the class"

    /// `bfcl:<category>`: the single-turn categories of v3 and of the v1 leaderboard files.
    public static let singleTurn = BenchmarkDefinition(
        name: "bfcl", summary: "BFCL function calling, single-turn categories (AST checker; v3 or v1 leaderboard layout), prompt or function-calling answers",
        adapter: BFCLAdapter(name: "bfcl", multiTurn: false),
        promptVariants: ["function-calling": BFCLAdapter(name: "bfcl", multiTurn: false, functionCalling: true)], scorerID: "bfcl", makeScorer: { _ in BFCLScorer() },
        sources: DataSources(localFolder: "bfcl", hub: []),
        metrics: [.pass1, MetricSpec(name: "calls", aggregate: .subResultMicroAverage(kind: "call", value: nil))],
        presets: ["bfcl": GenerationPreset(temperature: 0.001, topP: 1, maxTokens: 1000)],
        predictionFormats: [BFCLResultFormat()])

    /// `bfcl-multi-turn:<category>`: multi-step conversations on the API simulators (`BFCLConversation`), prompt
    /// mode or function calling.
    public static let multiTurn = BenchmarkDefinition(
        name: "bfcl-multi-turn", summary: "BFCL v3 multi-turn categories (base, miss_func, miss_param, long_context): calls executed on the API simulators, results fed back",
        adapter: BFCLAdapter(name: "bfcl-multi-turn", multiTurn: true),
        promptVariants: ["function-calling": BFCLAdapter(name: "bfcl-multi-turn", multiTurn: true, functionCalling: true)],
        scorerID: "bfcl", makeScorer: { _ in BFCLScorer() },
        sources: DataSources(localFolder: "bfcl", hub: []),
        metrics: [.pass1, MetricSpec(name: "turns", aggregate: .subResultMicroAverage(kind: "turn", value: nil))],
        presets: ["bfcl": GenerationPreset(temperature: 0.001, topP: 1, maxTokens: 1000)],
        predictionFormats: [BFCLResultFormat()], conversation: BFCLConversation())

    /// The definitions, for the registry.
    public static let definitions: [BenchmarkDefinition] = [singleTurn, multiTurn]

    /// The leaderboard's overall as bfcl_eval v3 computes it (`generate_leaderboard_csv` in `eval_runner_helper.py`):
    /// the unweighted mean of live (weighted by entry counts over the six live categories), non-live (the unweighted
    /// mean of simple — itself the mean of Python simple, Java and JavaScript — multiple, parallel, parallel_multiple
    /// and irrelevance) and multi-turn (the unweighted mean of the four multi-turn categories). A category the run did
    /// not score counts as 0 over its file's entries, as `get_category_score` counts it; `report` lists such
    /// categories.
    public static let suites: [SuiteDefinition] = [
        SuiteDefinition(
            name: "bfcl-overall", summary: "BFCL v3 overall accuracy (live, non-live and multi-turn; a category not run counts as 0)",
            root: .mean(name: "overall", children: [
                .itemWeightedMean(name: "live", children: ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "live_irrelevance", "live_relevance"].map(category)),
                .mean(name: "non_live", children: [
                    .mean(name: "simple_ast", children: ["simple", "java", "javascript"].map(category)),
                ] + ["multiple", "parallel", "parallel_multiple", "irrelevance"].map(category)),
                .mean(name: "multi_turn", children: BFCLCategory.v3MultiTurn.map { category($0.name) }),
            ])),
    ]

    /// A v3 category as a required member of the overall (`bfcl-multi-turn:` for the multi-turn ones).
    static func category(_ name: String) -> SuiteDefinition.Node {
        let benchmark = name.hasPrefix("multi_turn") ? "bfcl-multi-turn" : "bfcl"
        return .required("\(benchmark):\(name)", metric: nil, entries: BFCLCategory.v3Entries(name) ?? 0)
    }
}
