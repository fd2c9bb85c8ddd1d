import ArgumentParser
import ProctorBenchmarks
import ProctorCore
import ProctorRunner
import ProctorStore

/// `proctor rescore`: re-extract and re-score stored outputs with the current scorers (no inference).
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Re-score stored outputs with this build's extractors and scorers, without inference.",
        discussion: "Verdicts are replaced in both modes, in batched transactions; the scorer ids and versions stored with them change accordingly.")

    @Option(help: ArgumentHelp("Comma-separated runs (ids, labels or model names); default: all.", valueName: "list"))
    var runs: String?

    @Option(help: ArgumentHelp("Comma-separated benchmarks (NAME:SPLIT); default: all.", valueName: "list"))
    var benchmarks: String?

    @Option(name: .customLong("exec-workers"), help: "Programs a scorer may run at once (code benchmarks).")
    var execWorkers: Int = 2

    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try database.openExisting()
        let selected = try runs.map { try $0.split(separator: ",").map { try db.run(matching: String($0)) } } ?? db.runs()
        let wanted = try benchmarks.map { try Set($0.split(separator: ",").map { try BenchmarkRegistry.resolve(String($0)).name.description }) }
        let rescore = Rescore(
            database: db, definition: { BenchmarkRegistry.definition(stored: $0) },
            context: ScorerContext(data: data.location, execWorkers: execWorkers))
        let summary = try await rescore.run(selected, benchmarks: wanted)
        for benchmark in summary.unknownBenchmarks {
            Console.error("\(benchmark): this build has no such benchmark; its verdicts are kept as stored")
        }
        if summary.keptImported > 0 {
            Console.error("\(summary.keptImported) samples keep their imported verdicts: this build cannot grade them (no test cases in --data)")
        }
        print("rescored \(summary.samples) samples in \(summary.runs) runs; \(summary.changed) official verdicts changed")
    }
}
