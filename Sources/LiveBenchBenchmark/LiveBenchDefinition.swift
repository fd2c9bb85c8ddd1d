import ProctorCore

extension BenchmarkDefinition {
    /// LiveBench: one split per task (`livebench:math_comp`), the official ground-truth scorers, releases selected
    /// as the official runner does (`--release`, default the latest).
    public static let livebench = BenchmarkDefinition(
        name: "livebench",
        summary: "LiveBench, monthly-refreshed questions in 6 categories, one split per task (scored with LiveBench's ground-truth rules)",
        adapter: LiveBenchAdapter(), scorerID: "livebench", makeScorer: { _ in LiveBenchScorer() },
        sources: DataSources(
            localFolder: "livebench",
            hub: LiveBenchTask.categories.map { category in
                DataSources.Hub(dataset: "livebench/\(category.name)", wants: { $0.hasSuffix(".parquet") })
            }),
        metrics: [.pass1], dateField: "livebench_release_date",
        unavailableSplits: Dictionary(uniqueKeysWithValues: LiveBenchTask.all.compactMap { task in task.unavailableReason.map { (task.name, $0) } }),
        releaseSchedule: ReleaseSchedule(releases: LiveBenchRelease.all) { items, release in
            (try? LiveBenchRelease.select(items, release: release)) ?? []
        },
        predictionFormats: [LiveBenchAnswerFile()])
}

extension SuiteDefinition {
    /// LiveBench's averages as `show_livebench_result` computes them: a category is the mean of its task means, the
    /// overall the mean of the categories; one suite per category (`livebench-math`) and the overall (`livebench-avg`)
    /// over the categories Proctor can score.
    public static var liveBench: [SuiteDefinition] {
        let runnable = LiveBenchTask.categories.compactMap { category -> (name: String, tasks: [LiveBenchTask])? in
            let tasks = category.tasks.filter { $0.unavailableReason == nil }
            return tasks.isEmpty ? nil : (category.name, tasks)
        }
        func node(_ category: (name: String, tasks: [LiveBenchTask])) -> SuiteDefinition.Node {
            .mean(name: category.name, children: category.tasks.map { .benchmark("livebench:\($0.name)", metric: nil) })
        }
        let categories = runnable.map { category in
            SuiteDefinition(
                name: "livebench-\(category.name)", summary: "LiveBench \(category.name): the mean of its task means", root: node(category))
        }
        let names = runnable.map(\.name).joined(separator: ", ")
        let overall = SuiteDefinition(
            name: "livebench-avg", summary: "LiveBench overall: the mean of the category means (\(names))",
            root: .mean(name: "livebench-avg", children: runnable.map(node)))
        return [overall] + categories
    }
}
