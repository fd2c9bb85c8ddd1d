import ProctorCore

/// The numbers of one run on one benchmark.
public struct BenchmarkMetrics: Sendable, Codable, Hashable {
    /// `name:split`.
    public var benchmark: String
    /// Items with at least one scored sample.
    public var items: Int
    /// Scored samples.
    public var samples: Int
    /// Fewest and most scored samples per item (k).
    public var minSamples: Int
    public var maxSamples: Int
    /// pass@1 in percent: the mean over items of the mean score over that item's samples (avg@k).
    public var pass1: Double
    /// Half-width of the 95% confidence interval of `pass1` (1.96 standard errors across items), in points.
    public var ci95: Double
    /// Unbiased pass@k in percent for k = 2, 4, 8, … up to the fewest samples per item.
    public var passAtK: [Int: Double]
    /// Majority-vote accuracy over all samples of an item, in percent (when items have more than one sample).
    public var majAtK: Double?
    /// Share of scored samples that were truncated (no closing `</think>` or the token limit), in percent.
    public var truncationRate: Double
    /// Share of scored samples in which no answer was found, in percent.
    public var unparsedRate: Double
    /// Requests that failed (not counted in any score).
    public var failed: Int
    /// Per breakdown category (`subject`, `level`, …): per value, pass@1 in percent and the item count.
    public var breakdowns: [String: [String: Breakdown]]
    /// The benchmark's own metrics by name (IFEval's `prompt_level_strict`), as its definition specifies them.
    public var metrics: [String: Double]
    /// The names of `metrics` in the definition's order; the first is the headline.
    public var metricOrder: [String]

    /// The headline number: the definition's first metric, pass@1 when it has none of its own.
    public var headline: Double? {
        guard let first = metricOrder.first, first != MetricSpec.pass1.name else { return pass1 }
        return metrics[first]
    }

    /// One cell of a breakdown.
    public struct Breakdown: Sendable, Codable, Hashable {
        public var pass1: Double
        public var items: Int
    }

    enum CodingKeys: String, CodingKey {
        case benchmark, items, samples, minSamples = "min_samples", maxSamples = "max_samples", pass1 = "pass@1", ci95 = "ci95"
        case passAtK = "pass@k", majAtK = "maj@k", truncationRate = "truncation_rate", unparsedRate = "unparsed_rate", failed
        case breakdowns, metrics, metricOrder = "metric_order"
    }

    /// Computes the metrics.
    ///
    /// - Parameters:
    ///   - benchmark: `name:split`.
    ///   - results: Per item id, its samples.
    ///   - items: The stored items (for categories).
    ///   - specs: The benchmark's own metrics (default: pass@1 only).
    public init(benchmark: String, results: [String: ItemResult], items: [String: BenchmarkItem], specs: [MetricSpec] = []) {
        self.benchmark = benchmark
        var metrics: [String: Double] = [:]
        for spec in specs {
            metrics[spec.name] = spec.value(results: results, items: items)
        }
        self.metrics = metrics
        self.metricOrder = specs.map(\.name)
        let scored = results.values.filter { !$0.verdicts.isEmpty }.sorted { $0.itemID < $1.itemID }
        let means = scored.compactMap(\.meanScore)
        self.items = scored.count
        self.samples = scored.reduce(0) { $0 + $1.verdicts.count }
        self.minSamples = scored.map(\.verdicts.count).min() ?? 0
        self.maxSamples = scored.map(\.verdicts.count).max() ?? 0
        let mean = means.isEmpty ? 0 : means.reduce(0, +) / Double(means.count)
        self.pass1 = mean * 100
        if means.count > 1 {
            let variance = means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(means.count - 1)
            self.ci95 = 1.96 * (variance / Double(means.count)).squareRoot() * 100
        } else {
            self.ci95 = 0
        }
        var passAtK: [Int: Double] = [:]
        var k = 2
        while k <= minSamples {
            let values = scored.compactMap { PassAtK.estimate(n: $0.verdicts.count, c: $0.correct, k: k) }
            passAtK[k] = values.reduce(0, +) / Double(max(values.count, 1)) * 100
            k *= 2
        }
        self.passAtK = passAtK
        if maxSamples > 1 {
            let votes = scored.map { PassAtK.majorityCorrect($0.verdicts.map { ($0.extracted, $0.correct) }) }
            self.majAtK = Double(votes.filter { $0 }.count) / Double(max(votes.count, 1)) * 100
        } else {
            self.majAtK = nil
        }
        let allVerdicts = scored.flatMap(\.verdicts)
        let lengthStops = scored.reduce(0) { $0 + $1.hitLength }
        let truncated = allVerdicts.filter(\.truncated).count
        self.truncationRate = allVerdicts.isEmpty ? 0 : Double(max(truncated, lengthStops)) / Double(allVerdicts.count) * 100
        self.unparsedRate = allVerdicts.isEmpty ? 0 : Double(allVerdicts.filter(\.unparsed).count) / Double(allVerdicts.count) * 100
        self.failed = results.values.reduce(0) { $0 + $1.failed }
        var breakdowns: [String: [String: (sum: Double, n: Int)]] = [:]
        for result in scored {
            guard let item = items[result.itemID], let score = result.meanScore else { continue }
            for (category, value) in item.categories {
                let entry = breakdowns[category, default: [:]][value] ?? (0, 0)
                breakdowns[category, default: [:]][value] = (entry.sum + score, entry.n + 1)
            }
        }
        self.breakdowns = breakdowns.mapValues { values in
            values.mapValues { Breakdown(pass1: $0.sum / Double($0.n) * 100, items: $0.n) }
        }
    }
}
