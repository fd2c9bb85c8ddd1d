import ArgumentParser
import ProctorStore

/// `proctor merge`: combine shard databases.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge shard databases into one, with no duplicates.",
        discussion: "Refuses inputs whose runs have different configurations (unless --allow-distinct-runs) or whose items differ.")

    @Argument(help: "The output database (created if absent).")
    var output: String

    @Argument(help: "The databases to merge.")
    var inputs: [String]

    @Flag(name: .customLong("allow-distinct-runs"), help: "Combine databases that hold different runs on purpose.")
    var allowDistinctRuns = false

    func run() async throws {
        let sources = try inputs.map { try DatabaseOptions.parse(["--db", $0]).openExisting() }
        let summary = try ResultsDatabase(path: output).merge(sources, allowDistinctRuns: allowDistinctRuns)
        print("merged \(inputs.count) databases into \(output): \(summary.samplesAdded) samples added, \(summary.duplicatesSkipped) duplicates skipped, \(summary.failuresReplaced) failed samples replaced; \(summary.runs) runs")
    }
}
