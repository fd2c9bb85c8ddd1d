import ArgumentParser
import ProctorCore
import ProctorRunner
import ProctorStore

/// `proctor rescore`: re-extract and re-score stored outputs with the current scorers (no inference).
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Re-score stored outputs with this build's extractors and scorers, without inference.",
        discussion: "Verdicts are replaced in both modes; the scorer ids and versions stored with them change accordingly.")

    @Option(help: ArgumentHelp("Comma-separated runs (ids, labels or model names); default: all.", valueName: "list"))
    var runs: String?

    @Option(help: ArgumentHelp("Comma-separated benchmarks (NAME:SPLIT); default: all.", valueName: "list"))
    var benchmarks: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try database.openExisting()
        let selected = try runs.map { try $0.split(separator: ",").map { try db.run(matching: String($0)) } } ?? db.runs()
        let wanted = try benchmarks.map { try Set($0.split(separator: ",").map { try Catalog.benchmark(String($0)).name.description }) }
        var changed = 0, total = 0
        for run in selected {
            let before = Dictionary(try db.scores(runID: run.runID, mode: .official).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
            var scores: [ScoreRecord] = []
            var itemCache: [String: [String: BenchmarkItem]] = [:]
            for sample in try db.samples(runID: run.runID) where sample.output != nil {
                let benchmark = sample.key.benchmark
                if let wanted, !wanted.contains(benchmark) { continue }
                let adapter = try Catalog.adapter(BenchmarkName(parsing: benchmark).name)
                let scorer = try Catalog.scorer(for: adapter)
                if itemCache[benchmark] == nil { itemCache[benchmark] = try db.items(benchmark: benchmark) }
                guard let item = itemCache[benchmark]?[sample.key.itemID] else {
                    throw ProctorError(.database, "run \(run.runID) has a sample of \(benchmark) item \(sample.key.itemID) but the item is not stored")
                }
                let new = Runner.score(sample: sample, item: item, scorer: scorer)
                if let official = new.first(where: { $0.mode == .official }), before[sample.key] != official.verdict.correct { changed += 1 }
                scores += new
                total += 1
            }
            try db.replaceScores(scores)
        }
        print("rescored \(total) samples in \(selected.count) runs; \(changed) official verdicts changed")
    }
}
