import ProctorCore
import ProctorStore

/// `proctor rescore`'s logic: re-extracts and re-scores stored outputs with this build's scorers (no inference),
/// replacing the verdicts in both modes, in batched transactions.
public struct Rescore: Sendable {
    /// What a rescore did.
    public struct Summary: Sendable, Hashable {
        /// Samples re-scored.
        public var samples: Int
        /// Runs visited.
        public var runs: Int
        /// Samples whose official verdict changed.
        public var changed: Int
        /// Stored benchmarks this build has no definition for (their verdicts are kept).
        public var unknownBenchmarks: [String]
    }

    /// The database.
    public var database: ResultsDatabase
    /// The definition of a stored benchmark (`name:split`), nil when unknown to this build.
    public var definition: @Sendable (String) -> BenchmarkDefinition?
    /// What scorers are built with.
    public var context: ScorerContext
    /// Verdicts written per transaction.
    public var batchSize: Int

    /// Creates a rescore.
    ///
    /// - Parameters:
    ///   - database: The database.
    ///   - definition: Finds a stored benchmark's definition.
    ///   - context: What scorers are built with.
    ///   - batchSize: Samples per transaction.
    public init(
        database: ResultsDatabase, definition: @escaping @Sendable (String) -> BenchmarkDefinition?, context: ScorerContext = ScorerContext(),
        batchSize: Int = 2000
    ) {
        self.database = database
        self.definition = definition
        self.context = context
        self.batchSize = max(1, batchSize)
    }

    /// Re-scores the samples of some runs.
    ///
    /// - Parameters:
    ///   - runs: The runs.
    ///   - benchmarks: Only these stored benchmarks (`name:split`); nil: all.
    /// - Returns: What was done.
    /// - Throws: `ProctorError` when a sample's item is not stored, or the database fails.
    public func run(_ runs: [RunRecord], benchmarks: Set<String>? = nil) async throws -> Summary {
        var summary = Summary(samples: 0, runs: runs.count, changed: 0, unknownBenchmarks: [])
        var scorers: [String: any ItemScorer] = [:]
        var itemCache: [String: [String: BenchmarkItem]] = [:]
        for run in runs {
            let before = Dictionary(
                try database.scores(runID: run.runID, mode: .official).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
            var batch: [ScoreRecord] = []
            for sample in try database.samples(runID: run.runID) where sample.output != nil {
                let benchmark = sample.key.benchmark
                if let benchmarks, !benchmarks.contains(benchmark) { continue }
                guard let scorer = try scorer(for: benchmark, cache: &scorers) else {
                    if !summary.unknownBenchmarks.contains(benchmark) { summary.unknownBenchmarks.append(benchmark) }
                    continue
                }
                if itemCache[benchmark] == nil { itemCache[benchmark] = try database.items(benchmark: benchmark) }
                guard let item = itemCache[benchmark]?[sample.key.itemID] else {
                    throw ProctorError(.database, "run \(run.runID) has a sample of \(benchmark) item \(sample.key.itemID) but the item is not stored")
                }
                let new = await Runner.score(sample: sample, item: item, scorer: scorer)
                if let official = new.first(where: { $0.mode == .official }), before[sample.key] != official.verdict.correct { summary.changed += 1 }
                batch += new
                summary.samples += 1
                if batch.count >= batchSize {
                    try database.replaceScores(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try database.replaceScores(batch)
        }
        for scorer in scorers.values { await scorer.finish() }
        return summary
    }

    func scorer(for benchmark: String, cache: inout [String: any ItemScorer]) throws -> (any ItemScorer)? {
        let name = BenchmarkName(parsing: benchmark).name
        if let scorer = cache[name] { return scorer }
        guard let definition = definition(benchmark) else { return nil }
        let scorer = try definition.makeScorer(context)
        cache[name] = scorer
        return scorer
    }
}
