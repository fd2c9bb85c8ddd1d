import ProctorCore
import ProctorStore

/// One item's samples in one run, as the metrics see them.
public struct ItemResult: Sendable, Hashable {
    /// The item id.
    public var itemID: String
    /// Verdicts of the samples that produced an output, in sample order.
    public var verdicts: [Verdict]
    /// Samples whose request failed (no output, no verdict).
    public var failed: Int
    /// Samples that stopped at the token limit.
    public var hitLength: Int

    /// Creates a result.
    public init(itemID: String, verdicts: [Verdict], failed: Int, hitLength: Int) {
        self.itemID = itemID
        self.verdicts = verdicts
        self.failed = failed
        self.hitLength = hitLength
    }

    /// The mean score over the scored samples (pass@1 estimate for this item), nil when none was scored.
    public var meanScore: Double? {
        verdicts.isEmpty ? nil : verdicts.reduce(0) { $0 + $1.score } / Double(verdicts.count)
    }

    /// Samples judged correct.
    public var correct: Int { verdicts.filter(\.correct).count }
}

/// Everything a report or a comparison needs from one run in one scoring mode.
public struct RunResults: Sendable {
    /// The run.
    public var run: RunRecord
    /// The scoring mode the verdicts come from.
    public var mode: ScoringMode
    /// Per benchmark (`name:split`), per item id.
    public var benchmarks: [String: [String: ItemResult]]
    /// Per benchmark, the stored items (for breakdown categories).
    public var items: [String: [String: BenchmarkItem]]
    /// Scorer ids and versions behind the verdicts, per benchmark.
    public var scorers: [String: Set<String>]
    /// The environment the verdicts were scored in (the sandbox's `python3`, its isolation), per benchmark.
    public var scoringSettings: [String: [String: String]] = [:]

    /// Reads a run's samples and verdicts.
    ///
    /// - Parameters:
    ///   - run: The run.
    ///   - mode: Which verdicts.
    ///   - database: Where they are.
    public init(run: RunRecord, mode: ScoringMode, database: ResultsDatabase) throws {
        let scores = Dictionary(try database.scores(runID: run.runID, mode: mode).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.init(run: run, mode: mode, samples: try database.samples(runID: run.runID), score: { scores[$0] }, items: [:])
        for benchmark in benchmarks.keys {
            items[benchmark] = try database.items(benchmark: benchmark)
        }
        scoringSettings = try database.settings(runID: run.runID)
    }

    /// The results of a run whose samples and verdicts are in memory (`proctor score` has just stored them), with
    /// no second read of the database.
    ///
    /// - Parameters:
    ///   - run: The run.
    ///   - mode: Which verdicts.
    ///   - entries: Every sample of the run with its verdicts.
    ///   - items: The run's items, per benchmark.
    public init(
        run: RunRecord, mode: ScoringMode, entries: [(sample: SampleRecord, scores: [ScoreRecord])], items: [String: [String: BenchmarkItem]]
    ) {
        // The order the database returns them in: by item, then sample.
        let sorted = entries.sorted {
            ($0.sample.key.benchmark, $0.sample.key.itemID, $0.sample.key.sampleIndex) < ($1.sample.key.benchmark, $1.sample.key.itemID, $1.sample.key.sampleIndex)
        }
        let scores = Dictionary(
            sorted.compactMap { entry in entry.scores.first { $0.mode == mode } }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.init(run: run, mode: mode, samples: sorted.map(\.sample), score: { scores[$0] }, items: items)
    }

    private init(run: RunRecord, mode: ScoringMode, samples: [SampleRecord], score: (SampleKey) -> ScoreRecord?, items: [String: [String: BenchmarkItem]]) {
        self.run = run
        self.mode = mode
        var benchmarks: [String: [String: ItemResult]] = [:]
        var scorers: [String: Set<String>] = [:]
        for sample in samples {
            let key = sample.key
            var item = benchmarks[key.benchmark, default: [:]][key.itemID] ?? ItemResult(itemID: key.itemID, verdicts: [], failed: 0, hitLength: 0)
            if sample.error != nil {
                item.failed += 1
            } else if let score = score(key) {
                item.verdicts.append(score.verdict)
                scorers[key.benchmark, default: []].insert("\(score.scorerID) v\(score.scorerVersion)")
                if sample.finishReason == .length { item.hitLength += 1 }
            }
            benchmarks[key.benchmark, default: [:]][key.itemID] = item
        }
        self.benchmarks = benchmarks
        self.scorers = scorers
        self.items = items
    }
}
