/// Where a benchmark's files come from: a folder of a local data root (`ROOT/<folder>/…`) and the Hugging Face hub
/// datasets that `proctor fetch` downloads into the hub cache.
public struct DataSources: Sendable {
    /// One hub dataset and the files of it the adapter reads.
    public struct Hub: Sendable {
        /// The dataset (`OWNER/NAME`).
        public var dataset: String
        /// Whether a repository path is needed.
        public var wants: @Sendable (String) -> Bool
        /// Whether the dataset is gated (needs `HF_TOKEN` and accepted terms).
        public var gated: Bool

        /// Creates a hub source.
        ///
        /// - Parameters:
        ///   - dataset: `OWNER/NAME`.
        ///   - gated: Whether it needs a token.
        ///   - wants: Whether a repository path is needed.
        public init(dataset: String, gated: Bool = false, wants: @escaping @Sendable (String) -> Bool) {
            self.dataset = dataset
            self.gated = gated
            self.wants = wants
        }
    }

    /// The folder under a local data root (`aime2024`, `ifeval`).
    public var localFolder: String
    /// The hub datasets, in the order `fetch` downloads them (several for benchmarks spread over datasets).
    public var hub: [Hub]

    /// Creates the sources.
    ///
    /// - Parameters:
    ///   - localFolder: The folder under a data root.
    ///   - hub: The hub datasets.
    public init(localFolder: String, hub: [Hub]) {
        self.localFolder = localFolder
        self.hub = hub
    }
}

/// Settings a benchmark's authors evaluate with, selectable as `proctor run --preset NAME`.
public struct GenerationPreset: Sendable, Codable, Hashable {
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var maxTokens: Int?
    public var samples: Int?

    /// Creates a preset; nil fields are left to the other options.
    public init(temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, maxTokens: Int? = nil, samples: Int? = nil) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.samples = samples
    }
}

/// A benchmark's releases: question sets of a living benchmark (LiveBench's monthly releases), each choosing which
/// of the loaded items it uses. `proctor run --release DATE` picks one; without it the latest is used, as the
/// benchmark's own runner does.
public struct ReleaseSchedule: Sendable {
    /// The known releases, oldest first.
    public var releases: [String]
    /// The items a release uses, in order.
    public var select: @Sendable (_ items: [BenchmarkItem], _ release: String) -> [BenchmarkItem]

    /// Creates a schedule.
    ///
    /// - Parameters:
    ///   - releases: The releases, oldest first.
    ///   - select: Picks a release's items.
    public init(releases: [String], select: @escaping @Sendable (_ items: [BenchmarkItem], _ release: String) -> [BenchmarkItem]) {
        self.releases = releases
        self.select = select
    }

    /// The latest release (the default).
    public var latest: String? { releases.last }
}

/// Everything Proctor knows about one benchmark, in one value: its splits, how its items are read and prompted,
/// how outputs are judged in each mode, where its files come from, and how its results aggregate.
///
/// The executable's registry lists the definitions; `run`, `score`, `rescore`, `list`, `fetch`, `report` and
/// `compare` read nothing else. docs/adding-a-benchmark.md walks through writing one.
public struct BenchmarkDefinition: Sendable {
    /// The benchmark's name on the command line (`aime24`, `ifeval`, `livebench:math_comp` is name + split).
    public var name: String
    /// A one-line description for `proctor list benchmarks`.
    public var summary: String
    /// The reader of the official prompts; its `splits` are the benchmark's splits (the first is the default).
    public var adapter: any BenchmarkAdapter
    /// Other prompt variants by name (`vlmevalkit`), each a reader building that variant's prompts.
    public var promptVariants: [String: any BenchmarkAdapter]
    /// The scorer's id as stored with verdicts (for listings, before a scorer is built).
    public var scorerID: String
    /// Builds the scorer for a run or an import (once per invocation; it may hold a sandbox pool).
    public var makeScorer: @Sendable (ScorerContext) throws -> any ItemScorer
    /// Where the files come from.
    public var sources: DataSources
    /// The reported metrics, the headline first; `pass@1` is always computed as well.
    public var metrics: [MetricSpec]
    /// Settings presets of the benchmark's authors, by name.
    public var presets: [String: GenerationPreset]
    /// The item field holding a date that `--start-date`/`--end-date` filter on (`contest_date`), if any.
    public var dateField: String?
    /// Why the benchmark cannot be run from the data Proctor can read, when it cannot (listed, never hidden).
    public var unavailableReason: String?
    /// Predictions file shapes `proctor score` reads besides `{id, response}` lines, tried in order.
    public var predictionFormats: [any PredictionFormat]
    /// Splits that cannot be run here, with the reason (listed, never hidden): LiveBench's tasks without questions.
    public var unavailableSplits: [String: String]
    /// The benchmark's releases, when it has several question sets over time.
    public var releaseSchedule: ReleaseSchedule?
    /// Holds each item's multi-step conversation, for benchmarks whose answer is more than one generation
    /// (nil: one generation per sample).
    public var conversation: (any ConversationDriver)?

    /// Creates a definition.
    ///
    /// - Parameters:
    ///   - name: The command-line name.
    ///   - summary: A description.
    ///   - adapter: The official prompt's reader.
    ///   - promptVariants: Other prompt variants by name.
    ///   - scorerID: The scorer's stored id.
    ///   - makeScorer: Builds the scorer.
    ///   - sources: Where files come from.
    ///   - metrics: Reported metrics, headline first (default: pass@1).
    ///   - presets: Authors' settings presets.
    ///   - dateField: The item field date windows filter on.
    ///   - unavailableReason: Why it cannot run, if it cannot.
    ///   - unavailableSplits: Splits that cannot run, with the reason.
    ///   - releaseSchedule: The releases, if the benchmark has several.
    ///   - predictionFormats: Further predictions file shapes for `proctor score`.
    ///   - conversation: The multi-step conversation driver, if an answer is more than one generation.
    public init(
        name: String, summary: String, adapter: any BenchmarkAdapter, promptVariants: [String: any BenchmarkAdapter] = [:],
        scorerID: String, makeScorer: @escaping @Sendable (ScorerContext) throws -> any ItemScorer, sources: DataSources,
        metrics: [MetricSpec] = [.pass1], presets: [String: GenerationPreset] = [:], dateField: String? = nil,
        unavailableReason: String? = nil, unavailableSplits: [String: String] = [:], releaseSchedule: ReleaseSchedule? = nil,
        predictionFormats: [any PredictionFormat] = [], conversation: (any ConversationDriver)? = nil
    ) {
        self.conversation = conversation
        self.name = name
        self.summary = summary
        self.adapter = adapter
        self.promptVariants = promptVariants
        self.scorerID = scorerID
        self.makeScorer = makeScorer
        self.sources = sources
        self.metrics = metrics.isEmpty ? [.pass1] : metrics
        self.presets = presets
        self.dateField = dateField
        self.unavailableReason = unavailableReason
        self.predictionFormats = predictionFormats
        self.unavailableSplits = unavailableSplits
        self.releaseSchedule = releaseSchedule
    }

    /// A definition whose scorer is a pure `AnswerScorer` value (most benchmarks).
    ///
    /// - Parameters:
    ///   - name: The command-line name.
    ///   - summary: A description.
    ///   - adapter: The official prompt's reader.
    ///   - promptVariants: Other prompt variants by name.
    ///   - scorer: The scorer.
    ///   - sources: Where files come from.
    ///   - metrics: Reported metrics.
    ///   - presets: Authors' settings presets.
    ///   - predictionFormats: Further predictions file shapes for `proctor score` (published output files).
    public init(
        name: String, summary: String, adapter: any BenchmarkAdapter, promptVariants: [String: any BenchmarkAdapter] = [:],
        scorer: any AnswerScorer, sources: DataSources, metrics: [MetricSpec] = [.pass1], presets: [String: GenerationPreset] = [:],
        predictionFormats: [any PredictionFormat] = []
    ) {
        self.init(
            name: name, summary: summary, adapter: adapter, promptVariants: promptVariants, scorerID: scorer.id,
            makeScorer: { _ in scorer }, sources: sources, metrics: metrics, presets: presets, predictionFormats: predictionFormats)
    }

    /// Why a split cannot be run here (the benchmark's reason, else the split's own), nil when it can.
    ///
    /// - Parameter split: The split.
    /// - Returns: The reason, or nil.
    public func unavailableReason(split: String) -> String? {
        unavailableReason ?? unavailableSplits[split]
    }

    /// The splits; the first is the default.
    public var splits: [String] { adapter.splits }

    /// The default split.
    public var defaultSplit: String { adapter.defaultSplit }

    /// The prompt variants' names, `official` first.
    public var promptStyles: [String] { [PromptStyle.official] + promptVariants.keys.sorted() }

    /// The reader for a prompt style; nil when the benchmark has no such variant.
    ///
    /// - Parameter style: `official` or a variant's name.
    /// - Returns: The reader, or nil.
    public func adapter(promptStyle style: String) -> (any BenchmarkAdapter)? {
        style == PromptStyle.official ? adapter : promptVariants[style]
    }
}
