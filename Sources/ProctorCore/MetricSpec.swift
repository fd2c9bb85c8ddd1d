/// How one benchmark's per-item results aggregate into a reported number.
///
/// Every benchmark reports `pass@1` (the mean over items of the mean score over that item's k samples); a
/// definition adds the metrics its authors report: IFEval's prompt- and instruction-level accuracies, a date window
/// of LiveCodeBench, a mean of category means.
public struct MetricSpec: Sendable, Codable, Hashable {
    /// How per-item results combine.
    public enum Aggregate: Sendable, Codable, Hashable {
        /// The mean over items of the mean item score over samples (pass@1 as avg@k).
        case itemMean
        /// The mean over samples of whether every sub-result of `kind` passes by `value` (nil: `passed`): IFEval's
        /// prompt-level accuracy. Where a part carries the official scorer's expected result
        /// (`SubResult.expectedResult`), the sample counts the product of its parts' expectations.
        case allSubResults(kind: String, value: String?)
        /// The sum over all samples' sub-results of `kind` of their result by `value` (nil: `passed`), divided by
        /// their count: IFEval's instruction-level accuracy (a micro-average, not a mean of per-item fractions);
        /// expected results are used where a part carries them.
        case subResultMicroAverage(kind: String, value: String?)
        /// `itemMean` over the items whose field `field` (an ISO date or date-time string) lies in the days
        /// `from…to` as `DateWindow` bounds them (the last day only at midnight; either end open when nil):
        /// LiveCodeBench's contest-date windows.
        case dateWindow(field: String, from: String?, to: String?)
        /// The mean over the values of category `category` of the item mean within each value.
        case meanOfCategoryMeans(category: String)
        /// The mean of other metrics' values over the same results (SmolLM2's card reports IFEval as the average of
        /// prompt-level and instruction-level strict accuracy); nil when any of them is.
        case meanOf(metrics: [MetricSpec])
    }

    /// The metric's name in reports and `--json` (`prompt_level_strict`, `pass@1`).
    public var name: String
    /// How it is computed.
    public var aggregate: Aggregate
    /// Whether results are shown as percent (0–100); false for raw values.
    public var percent: Bool

    /// Creates a metric.
    ///
    /// - Parameters:
    ///   - name: The name shown.
    ///   - aggregate: How it is computed.
    ///   - percent: Whether it is shown in percent.
    public init(name: String, aggregate: Aggregate, percent: Bool = true) {
        self.name = name
        self.aggregate = aggregate
        self.percent = percent
    }

    /// pass@1: the mean item score.
    public static let pass1 = MetricSpec(name: "pass@1", aggregate: .itemMean)
}

/// A score computed over several benchmarks, as a leaderboard combines its parts: LiveBench's overall (the mean of
/// category means of task means), BFCL's overall (a weighted mean of non-live, live, multi-turn and relevance).
public struct SuiteDefinition: Sendable, Codable, Hashable {
    /// One node of the combination.
    public indirect enum Node: Sendable, Codable, Hashable {
        /// A member benchmark's metric (`metric` nil: its first metric), by `name:split` or `name` (default split).
        case benchmark(String, metric: String?)
        /// A member the leaderboard always counts: when the run did not score it, it counts as 0 over `entries`
        /// items (the category's full size), as BFCL's `get_category_score` counts a category not evaluated.
        case required(String, metric: String?, entries: Int)
        /// The unweighted mean of the children that have a value, shown as `name`.
        case mean(name: String, children: [Node])
        /// The mean of the children weighted by their scored item counts (a micro-average), shown as `name`.
        case itemWeightedMean(name: String, children: [Node])
        /// The mean of the children with fixed weights (normalised over the children present), shown as `name`.
        case weightedMean(name: String, children: [Node], weights: [Double])
    }

    /// The suite's name (`bfcl`, `livebench`).
    public var name: String
    /// A one-line description.
    public var summary: String
    /// The combination; its root's value is the suite's score.
    public var root: Node

    /// Creates a suite.
    ///
    /// - Parameters:
    ///   - name: The suite's name.
    ///   - summary: A description.
    ///   - root: How members combine.
    public init(name: String, summary: String, root: Node) {
        self.name = name
        self.summary = summary
        self.root = root
    }

    /// Every benchmark named in the tree, in order.
    public var members: [String] {
        func collect(_ node: Node) -> [String] {
            switch node {
            case .benchmark(let name, _), .required(let name, _, _): [name]
            case .mean(_, let children), .itemWeightedMean(_, let children), .weightedMean(_, let children, _):
                children.flatMap(collect)
            }
        }
        return collect(root)
    }
}
