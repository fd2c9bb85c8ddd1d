import ArgumentParser
import ProctorBenchmarks
import ProctorCore
import ProctorStore

/// `proctor list benchmarks|runs`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List benchmarks (with where their data was found) or stored runs.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case benchmarks, runs
    }

    @Argument(help: "benchmarks or runs")
    var what: What

    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        switch what {
        case .benchmarks:
            print("| benchmark:split | scorer | prompts | metrics | presets | data found | items | images | description |")
            print("|---|---|---|---|---|---|---|---|---|")
            for definition in BenchmarkRegistry.definitions {
                for (index, split) in definition.splits.enumerated() {
                    let found = definition.adapter.availability(split: split, from: data.location)
                    let name = "\(definition.name):\(split)" + (index == 0 ? " (default)" : "")
                    let first = index == 0
                    var description = first ? definition.summary : ""
                    if first, let reason = definition.unavailableReason { description += " — not runnable: \(reason)" }
                    if let reason = definition.unavailableSplits[split] { description += (description.isEmpty ? "" : " — ") + "not runnable: \(reason)" }
                    let metrics = first ? definition.metrics.map(\.name).joined(separator: ", ") : ""
                    let presets = first ? definition.presets.keys.sorted().joined(separator: ", ") : ""
                    print("| \(name) | \(definition.scorerID) | \(definition.promptStyles.joined(separator: ", ")) | \(metrics) | \(presets) | \(found.source ?? "not found") | \(found.items) | \(found.images) | \(description) |")
                }
            }
            if !BenchmarkRegistry.suites.isEmpty {
                print("\n| suite | members | description |")
                print("|---|---|---|")
                for suite in BenchmarkRegistry.suites {
                    print("| \(suite.name) | \(suite.members.joined(separator: ", ")) | \(suite.summary) |")
                }
            }
        case .runs:
            let db = try database.openExisting()
            print("| run id | label | model | backend | settings | samples stored | created |")
            print("|---|---|---|---|---|---|---|")
            for run in try db.runs() {
                let count = try db.samples(runID: run.runID).count
                let p = run.config.parameters
                print("| \(run.runID) | \(run.label ?? "") | \(run.config.model.name) | \(run.config.model.kind) | T=\(p.temperature) top_p=\(p.topP) max_tokens=\(p.maxTokens) k=\(run.config.samples) seed=\(p.seed)\(run.config.preset.map { " preset=\($0)" } ?? "")\(run.config.promptStyle.map { " prompt=\($0)" } ?? "")\(run.config.release.map { " release=\($0)" } ?? "") | \(count) | \(run.createdAt) |")
            }
        }
    }
}
