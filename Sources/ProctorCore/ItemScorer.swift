/// Settings and shared resources a benchmark's scorer is built with.
///
/// Scorers that execute code or drive a simulator hold their resources themselves (a sandbox pool, an interpreter
/// path); the context says how large they may be and where the benchmark's files are.
public struct ScorerContext: Sendable, Hashable {
    /// Where the benchmark's data is (test cases, function docs).
    public var data: DataLocation
    /// The most programs a scorer may run at once (`--exec-workers`), independent of inference concurrency.
    public var execWorkers: Int
    /// Named options given on the command line for the benchmark (`--start-date`), as text.
    public var options: [String: String]

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - data: Where the data is.
    ///   - execWorkers: The most programs run at once.
    ///   - options: Named command-line options for the benchmark.
    public init(data: DataLocation = DataLocation(root: nil, hubCache: nil), execWorkers: Int = 2, options: [String: String] = [:]) {
        self.data = data
        self.execWorkers = max(1, execWorkers)
        self.options = options
    }
}

/// Judges one sample of one item, possibly asynchronously and with shared resources (a sandbox pool that runs the
/// model's program against the item's tests, a stateful simulator that executes a multi-turn conversation).
///
/// A scorer is deterministic: the same input, item and mode give the same verdict on any machine, so that
/// `proctor rescore` reproduces a run's verdicts. A failure while scoring (a sandbox that could not start) is a
/// verdict with `rule` `scorer-error` and the reason in `details["error"]`, never a thrown error that stops a run.
public protocol ItemScorer: Sendable {
    /// A stable identifier stored with each verdict (`math`, `ifeval`, `livecodebench`).
    var id: String { get }
    /// Bumped whenever a change can alter a verdict; stored with each verdict.
    var version: Int { get }
    /// Facts about the scorer's environment recorded with the run (`python3` version, sandbox mode); empty for
    /// pure scorers.
    var settings: [String: String] { get }

    /// Scores one sample.
    ///
    /// - Parameters:
    ///   - input: The output and how it ended.
    ///   - item: The benchmark item with its gold answer.
    ///   - mode: Official or strict rules.
    /// - Returns: The verdict, with its sub-results.
    func verdict(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) async -> Verdict

    /// Releases shared resources (ends sandbox workers); called once when a run or import is done.
    func finish() async
}

extension ItemScorer {
    /// No environment facts by default.
    public var settings: [String: String] { [:] }

    /// Nothing to release by default.
    public func finish() async {}

    /// Scores a sample in every mode, in `ScoringMode.allCases` order.
    ///
    /// - Parameters:
    ///   - input: The output.
    ///   - item: The item.
    /// - Returns: One verdict per mode.
    public func verdicts(_ input: ScoringInput, item: BenchmarkItem) async -> [(mode: ScoringMode, verdict: Verdict)] {
        var result: [(mode: ScoringMode, verdict: Verdict)] = []
        for mode in ScoringMode.allCases {
            result.append((mode, await verdict(input, item: item, mode: mode)))
        }
        return result
    }
}

extension AnswerScorer {
    /// A pure scorer judges at once.
    public func verdict(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) async -> Verdict {
        score(input, item: item, mode: mode)
    }
}
