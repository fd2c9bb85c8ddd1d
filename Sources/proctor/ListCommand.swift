import ArgumentParser
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
            print("| benchmark:split | scorer | prompts | data found | items | images | description |")
            print("|---|---|---|---|---|---|---|")
            for adapter in Proctor.benchmarkTable {
                for (index, split) in adapter.splits.enumerated() {
                    let found = adapter.availability(split: split, from: data.location)
                    let name = "\(adapter.name):\(split)" + (index == 0 ? " (default)" : "")
                    let prompts = (adapter as? any PromptVariants)?.promptStyles ?? [PromptStyle.official]
                    print("| \(name) | \(adapter.scorerID) | \(prompts.joined(separator: ", ")) | \(found.source ?? "not found") | \(found.items) | \(found.images) | \(index == 0 ? adapter.summary : "") |")
                }
            }
        case .runs:
            let db = try database.openExisting()
            print("| run id | label | model | backend | settings | samples stored | created |")
            print("|---|---|---|---|---|---|---|")
            for run in try db.runs() {
                let count = try db.samples(runID: run.runID).count
                let p = run.config.parameters
                print("| \(run.runID) | \(run.label ?? "") | \(run.config.model.name) | \(run.config.model.kind) | T=\(p.temperature) top_p=\(p.topP) max_tokens=\(p.maxTokens) k=\(run.config.samples) seed=\(p.seed)\(run.config.preset.map { " preset=\($0)" } ?? "")\(run.config.promptStyle.map { " prompt=\($0)" } ?? "") | \(count) | \(run.createdAt) |")
            }
        }
    }
}
