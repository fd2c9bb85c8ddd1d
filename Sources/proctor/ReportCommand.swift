import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorStore

/// `proctor report`: render the results tables from the database.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the report: pass@1 per run and benchmark, breakdowns, truncation, failures and settings.",
        discussion: "Rows are runs (models or checkpoints), columns benchmarks; each cell is pass@1 (mean over k samples) with a 95% confidence interval. Failed requests are shown apart, never counted as wrong.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, csv, json, html
    }

    @Option(help: ArgumentHelp("Comma-separated runs (ids, labels or model names); default: all.", valueName: "list"))
    var runs: String?

    @Option(help: "markdown, csv, json or html (one self-contained file with charts).")
    var format: Format = .markdown

    @Option(help: "Which verdicts: official or strict.")
    var mode: ScoringMode = .official

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try database.openExisting()
        let selected = try runs.map { try $0.split(separator: ",").map { try db.run(matching: String($0)) } } ?? db.runs()
        guard !selected.isEmpty else {
            throw ProctorError(.notFound, "\(database.path) holds no runs yet; start one with `proctor run`")
        }
        let report = Report(
            results: try selected.map { try RunResults(run: $0, mode: mode, database: db) }, metrics: BenchmarkRegistry.metricsByBenchmark,
            suites: BenchmarkRegistry.suites,
            disagreements: try selected.flatMap { try ModeDisagreement.find(run: $0, database: db) })
        let text: String
        switch format {
        case .markdown: text = report.markdown()
        case .csv: text = report.csv()
        case .json: text = report.json()
        case .html: text = report.html()
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Console.error("wrote \(output)")
        } else {
            print(text)
        }
    }
}
