import Foundation
import ProctorCore
import ProctorStore

/// `proctor rescore`'s logic: re-extracts and re-scores stored outputs with this build's scorers (no inference),
/// replacing the verdicts in both modes, in batched transactions. The samples of a batch are scored on several
/// tasks at once (scorers are `Sendable` and already score a run's samples concurrently); the batch is then
/// written in one transaction, so a kill loses at most the batch in flight.
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
        /// Samples whose verdicts were imported from a published file (`score` of LiveCodeBench's `graded_list`)
        /// and that this build cannot grade (no test cases): their imported verdicts are kept.
        public var keptImported: Int = 0
    }

    /// The database.
    public var database: ResultsDatabase
    /// The definition of a stored benchmark (`name:split`), nil when unknown to this build.
    public var definition: @Sendable (String) -> BenchmarkDefinition?
    /// What scorers are built with.
    public var context: ScorerContext
    /// Samples scored and written per transaction.
    public var batchSize: Int
    /// Tasks that score a batch's samples at once.
    public var parallelism: Int

    /// Creates a rescore.
    ///
    /// - Parameters:
    ///   - database: The database.
    ///   - definition: Finds a stored benchmark's definition.
    ///   - context: What scorers are built with.
    ///   - batchSize: Samples per transaction.
    ///   - parallelism: Tasks scoring at once (default: one per active processor).
    public init(
        database: ResultsDatabase, definition: @escaping @Sendable (String) -> BenchmarkDefinition?, context: ScorerContext = ScorerContext(),
        batchSize: Int = 2000, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.database = database
        self.definition = definition
        self.context = context
        self.batchSize = max(1, batchSize)
        self.parallelism = max(1, parallelism)
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
            let before = try database.correctness(runID: run.runID, mode: .official)
            let imported = try database.keys(runID: run.runID, mode: .official, scorerIDSuffix: Self.importedSuffix)
            var batch: [Runner.ScoringWork] = []
            var rescored: [String: any ItemScorer] = [:]
            for sample in try database.samples(runID: run.runID) where sample.output != nil {
                let benchmark = sample.key.benchmark
                if let benchmarks, !benchmarks.contains(benchmark) { continue }
                guard let scorer = try scorer(for: benchmark, cache: &scorers) else {
                    if !summary.unknownBenchmarks.contains(benchmark) { summary.unknownBenchmarks.append(benchmark) }
                    continue
                }
                rescored[benchmark] = scorer
                if itemCache[benchmark] == nil { itemCache[benchmark] = try database.items(benchmark: benchmark) }
                guard let item = itemCache[benchmark]?[sample.key.itemID] else {
                    throw ProctorError(.database, "run \(run.runID) has a sample of \(benchmark) item \(sample.key.itemID) but the item is not stored")
                }
                batch.append(Runner.ScoringWork(sample: sample, item: item, scorer: scorer))
                if batch.count >= batchSize {
                    try await write(batch, before: before, imported: imported, into: &summary)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try await write(batch, before: before, imported: imported, into: &summary)
            for (benchmark, scorer) in rescored { try database.recordSettings(scorer.settings, runID: run.runID, benchmark: benchmark) }
        }
        for scorer in scorers.values { await scorer.finish() }
        return summary
    }

    /// Scores a batch on `parallelism` tasks (each a contiguous slice, in order) and replaces its verdicts in one
    /// transaction.
    func write(_ batch: [Runner.ScoringWork], before: [SampleKey: Bool], imported: Set<SampleKey>, into summary: inout Summary) async throws {
        guard !batch.isEmpty else { return }
        let scored = await Runner.score(batch, parallelism: parallelism)
        // An imported verdict is replaced only by one this build could grade.
        let replacing = scored.filter { records in
            guard let official = records.first(where: { $0.mode == .official }) else { return true }
            return !(imported.contains(official.key) && official.verdict.rule == Self.ungradableRule)
        }
        summary.keptImported += scored.count - replacing.count
        for records in replacing {
            if let official = records.first(where: { $0.mode == .official }), before[official.key] != official.verdict.correct { summary.changed += 1 }
        }
        summary.samples += replacing.count
        try database.replaceScores(replacing.flatMap { $0 })
    }

    /// The suffix of the scorer id of verdicts imported from a published file (`score`).
    public static let importedSuffix = "-imported"
    /// The rule of a verdict a scorer could not reach (LiveCodeBench without test cases).
    public static let ungradableRule = "ungradable"

    func scorer(for benchmark: String, cache: inout [String: any ItemScorer]) throws -> (any ItemScorer)? {
        let name = BenchmarkName(parsing: benchmark).name
        if let scorer = cache[name] { return scorer }
        guard let definition = definition(benchmark) else { return nil }
        let scorer = try definition.makeScorer(context)
        cache[name] = scorer
        return scorer
    }
}
