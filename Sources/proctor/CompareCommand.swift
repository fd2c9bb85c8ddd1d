import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorStore

/// `proctor compare`: item-by-item comparison of two runs, with a CI gate.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two runs item by item: deltas, paired bootstrap CIs, exact tests, flipped items.",
        discussion: """
            For each benchmark both runs have: the pass@1 delta on their shared items, a paired bootstrap 95% \
            interval, an exact sign test on the items that got worse vs better (McNemar's exact test when k = 1; \
            per-item means over samples when k > 1), Holm's correction across benchmarks, the items that flipped, and \
            for benchmarks judged in parts (IFEval's instructions) the parts that flipped. \
            With --fail-on-regression the exit code is 1 when any benchmark is significantly worse, so model \
            changes can be gated in CI.
            """)

    @Argument(help: "The base run (id, label or model name).")
    var base: String

    @Argument(help: "The new run.")
    var new: String

    @Option(name: .customLong("base-db"), help: ArgumentHelp("Read the base run from this database (default: --db).", valueName: "path"))
    var baseDB: String?

    @Option(help: "Which verdicts: strict (default, for comparisons) or official.")
    var mode: ScoringMode = .strict

    @Option(help: "Significance level for a regression.")
    var alpha: Double = 0.05

    @Option(help: "Flipped items to list per benchmark.")
    var flips: Int = 10

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(name: .customLong("fail-on-regression"), help: "Exit with status 1 when a benchmark regresses significantly.")
    var failOnRegression = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let newDB = try database.openExisting()
        let baseDatabase = try baseDB.map { try DatabaseOptions.parse(["--db", $0]).openExisting() } ?? newDB
        let baseResults = try RunResults(run: try baseDatabase.run(matching: base), mode: mode, database: baseDatabase)
        let newResults = try RunResults(run: try newDB.run(matching: new), mode: mode, database: newDB)
        let comparisons = Comparison.compare(base: baseResults, new: newResults)
        guard !comparisons.isEmpty else {
            throw ProctorError(.notFound, "runs \(baseResults.run.runID) and \(newResults.run.runID) share no scored items")
        }
        let regressions = comparisons.filter { $0.isRegression(alpha: alpha) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(comparisons), as: UTF8.self))
        } else {
            print("## \(newResults.run.displayName) vs \(baseResults.run.displayName) (\(mode.rawValue) scoring)\n")
            print("| benchmark | items | base | new | Δ (points) | 95% CI | worse / better | p | Holm p | verdict |")
            print("|---|---|---|---|---|---|---|---|---|---|")
            for c in comparisons {
                let verdict = c.isRegression(alpha: alpha) ? "REGRESSION" : (c.delta > 0 && c.holmP < alpha ? "improved" : "no significant change")
                print(String(format: "| %@ | %d | %.1f | %.1f | %+.1f | [%+.1f, %+.1f] | %d / %d | %.4g | %.4g | %@ |",
                             c.benchmark, c.items, c.basePass1, c.newPass1, c.delta, c.ciLow, c.ciHigh, c.worse, c.better, c.pValue, c.holmP, verdict))
            }
            let published = Report(results: [baseResults, newResults], metrics: BenchmarkRegistry.metricsByBenchmark).publishedMarkdown()
            if !published.isEmpty { print(published) }
            for c in comparisons where !c.flipped.isEmpty && flips > 0 {
                print("\n### \(c.benchmark): items that changed (\(c.flipped.count))\n")
                for flip in c.flipped.prefix(flips) {
                    print(String(format: "- %@: %.2f → %.2f", flip.itemID, flip.base, flip.new))
                }
            }
            for c in comparisons where !c.partsFlipped.isEmpty && flips > 0 {
                let kinds = Set(c.partsFlipped.map(\.kind)).sorted().map { "\($0)s" }.joined(separator: ", ")
                let worse = c.partsFlipped.count { $0.new < $0.base }
                print("\n### \(c.benchmark): \(kinds) that changed (\(c.partsFlipped.count): \(worse) worse, \(c.partsFlipped.count - worse) better)\n")
                for flip in c.partsFlipped.prefix(flips) {
                    print(String(format: "- %@ %@ %d %@: %.2f → %.2f", flip.itemID, flip.kind, flip.index, flip.id, flip.base, flip.new))
                }
            }
        }
        if failOnRegression && !regressions.isEmpty {
            Console.error("regression on \(regressions.map(\.benchmark).joined(separator: ", ")) (Holm-corrected p < \(alpha))")
            throw ExitCode(1)
        }
    }
}
