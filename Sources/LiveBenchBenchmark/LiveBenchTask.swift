import ProctorCore

/// One LiveBench task (`math_comp`), its category (`math`) and whether Proctor can run it.
///
/// The split names of the `livebench` benchmark are the task names, as the official runner's
/// `live_bench/<category>/<task>` paths and the judgment files' `task` field write them.
public struct LiveBenchTask: Sendable, Hashable {
    /// The task's name (`AMPS_Hard`, `web_of_lies_v2`).
    public var name: String
    /// Its category (`math`, `reasoning`, `data_analysis`, `instruction_following`, `coding`, `language`).
    public var category: String
    /// Why the task cannot be run from the data and scorers here, nil when it can.
    public var unavailableReason: String?

    /// Creates a task.
    ///
    /// - Parameters:
    ///   - name: The task's name.
    ///   - category: Its category.
    ///   - unavailableReason: Why it cannot run, if it cannot.
    public init(_ name: String, category: String, unavailableReason: String? = nil) {
        self.name = name
        self.category = category
        self.unavailableReason = unavailableReason
    }
}

extension LiveBenchTask {
    static let noQuestions = "its question file is not in the data (LiveBench's published snapshot never committed it) and Proctor has no scorer for it yet"

    /// Every task of the 2024-11-25 release and later, in the official category order.
    public static let all: [LiveBenchTask] = [
        LiveBenchTask("AMPS_Hard", category: "math"),
        LiveBenchTask("math_comp", category: "math"),
        LiveBenchTask("olympiad", category: "math"),
        LiveBenchTask("spatial", category: "reasoning"),
        LiveBenchTask("web_of_lies_v2", category: "reasoning"),
        LiveBenchTask("zebra_puzzle", category: "reasoning"),
        LiveBenchTask("cta", category: "data_analysis"),
        LiveBenchTask("tablejoin", category: "data_analysis"),
        LiveBenchTask("tablereformat", category: "data_analysis"),
        LiveBenchTask("paraphrase", category: "instruction_following"),
        LiveBenchTask("simplify", category: "instruction_following"),
        LiveBenchTask("story_generation", category: "instruction_following"),
        LiveBenchTask("summarize", category: "instruction_following"),
        LiveBenchTask("LCB_generation", category: "coding", unavailableReason: noQuestions),
        LiveBenchTask("coding_completion", category: "coding", unavailableReason: noQuestions),
        LiveBenchTask("connections", category: "language", unavailableReason: noQuestions),
        LiveBenchTask("plot_unscrambling", category: "language", unavailableReason: noQuestions),
        LiveBenchTask("typos", category: "language", unavailableReason: noQuestions),
    ]

    /// The categories in the official order, each with its tasks.
    public static var categories: [(name: String, tasks: [LiveBenchTask])] {
        var order: [String] = []
        for task in all where !order.contains(task.category) { order.append(task.category) }
        return order.map { category in (category, all.filter { $0.category == category }) }
    }

    /// The task of a split name.
    ///
    /// - Parameter name: The split (task) name, as written by LiveBench.
    /// - Returns: The task, or nil.
    public static func named(_ name: String) -> LiveBenchTask? {
        all.first { $0.name == name }
    }
}

/// LiveBench's release schedule: which questions a leaderboard release uses.
///
/// A release `R` uses the questions whose `livebench_release_date` is one of the releases up to `R` and whose
/// `livebench_removal_date` is empty or later than `R`, as the official `load_questions` and `load_questions_jsonl`
/// select them.
public enum LiveBenchRelease {
    /// The releases the official code knows (`LIVE_BENCH_RELEASES` at the commit of the published run, 995e86f0).
    public static let all = ["2024-06-24", "2024-07-26", "2024-08-31", "2024-11-25", "2025-04-02", "2025-04-25", "2025-05-30"]

    /// The official default: the latest release.
    public static var latest: String { all.last ?? "" }

    /// Whether a question belongs to a release.
    ///
    /// - Parameters:
    ///   - releaseDate: The question's `livebench_release_date`.
    ///   - removalDate: Its `livebench_removal_date` (empty when still in use).
    ///   - release: The release selected.
    /// - Returns: Whether the release uses the question.
    public static func includes(releaseDate: String, removalDate: String, in release: String) -> Bool {
        guard all.contains(releaseDate), releaseDate <= release else { return false }
        return removalDate.isEmpty || removalDate > release
    }

    /// The items of a release, in order.
    ///
    /// - Parameters:
    ///   - items: Items loaded by `LiveBenchAdapter` (they carry both dates as fields).
    ///   - release: The release, one of `all`.
    /// - Returns: The items the release uses.
    /// - Throws: `ProctorError` (`.invalidArgument`) for an unknown release, naming the known ones.
    public static func select(_ items: [BenchmarkItem], release: String) throws -> [BenchmarkItem] {
        guard all.contains(release) else {
            throw ProctorError(.invalidArgument, "unknown LiveBench release \"\(release)\"; known: \(all.joined(separator: ", "))")
        }
        return items.filter { item in
            includes(
                releaseDate: item.fields["livebench_release_date"]?.stringValue ?? "",
                removalDate: item.fields["livebench_removal_date"]?.stringValue ?? "", in: release)
        }
    }
}
