import ProctorCore
import ProctorStore

/// One benchmark's part of a run: its items and the scorer that judges them.
public struct BenchmarkPlan: Sendable {
    /// `name:split`.
    public var name: BenchmarkName
    /// The items, in the benchmark's order (already limited with `--limit`, not yet sharded).
    public var items: [BenchmarkItem]
    /// The scorer.
    public var scorer: any ItemScorer
    /// Items that could not be built because a file they need is corrupt: each becomes an error row.
    public var problems: [ItemLoadProblem]
    /// The benchmark's conversation driver when a sample is a multi-step conversation (nil: one generation).
    public var conversation: (any ConversationDriver)?

    /// Creates a plan.
    public init(
        name: BenchmarkName, items: [BenchmarkItem], scorer: any ItemScorer, problems: [ItemLoadProblem] = [],
        conversation: (any ConversationDriver)? = nil
    ) {
        self.conversation = conversation
        self.name = name
        self.items = items
        self.scorer = scorer
        self.problems = problems.filter { $0.kind == .corruptFile }
    }
}

/// Everything a run needs besides the backend and the database.
public struct RunPlan: Sendable {
    /// What the run computes (its identity).
    public var config: RunConfig
    /// A label for the run, if any.
    public var label: String?
    /// The benchmarks.
    public var benchmarks: [BenchmarkPlan]
    /// This process's shard, if the work is split.
    public var shard: Shard?
    /// Requests in flight at once.
    public var concurrency: Int
    /// Recorded with the run.
    public var harnessVersion: String
    public var gitCommit: String?
    public var host: String?

    /// Creates a plan.
    public init(
        config: RunConfig, label: String? = nil, benchmarks: [BenchmarkPlan], shard: Shard? = nil, concurrency: Int = 1,
        harnessVersion: String, gitCommit: String? = nil, host: String? = nil
    ) {
        self.config = config
        self.label = label
        self.benchmarks = benchmarks
        self.shard = shard
        self.concurrency = max(1, concurrency)
        self.harnessVersion = harnessVersion
        self.gitCommit = gitCommit
        self.host = host
    }
}

/// A snapshot of a run's progress, sent after every finished sample.
public struct RunProgress: Sendable, Hashable {
    /// Samples this invocation has to do.
    public var total: Int
    /// Samples finished in this invocation (including failed ones).
    public var done: Int
    /// Requests that failed.
    public var failed: Int
    /// Samples already in the database from earlier invocations (skipped).
    public var resumed: Int
    /// Samples judged correct (official mode) among `done`.
    public var correct: Int
    /// Tokens generated in this invocation.
    public var completionTokens: Int
    /// Seconds since this invocation started generating.
    public var elapsed: Double
}

/// What a run did.
public struct RunSummary: Sendable, Hashable {
    /// The run.
    public var run: RunRecord
    /// The final progress.
    public var progress: RunProgress
    /// Whether it stopped early because it was cancelled.
    public var cancelled: Bool
}
