import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore

/// `proctor score`: score outputs produced elsewhere (another harness, an API).
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score model outputs produced elsewhere and store them as a run.",
        discussion: """
            Each line of the predictions file is a JSON object: {"id": <the benchmark's own item id>, "response": <raw \
            model text>}, optionally "sample": <int> (k-sample files), "extraction": <an answer already extracted, \
            scored as given>, and any of the benchmark's own item fields under their official names (used for items \
            absent from the local data). Benchmarks with their own result formats (see docs/) are read in those too. \
            Items are read from the local data without their images (scoring needs none); lines whose items are \
            neither there nor carry their gold answer are named, and nothing is stored then. A malformed line is an \
            error naming its line number.
            """)

    @Option(help: ArgumentHelp("The benchmark, NAME[:SPLIT].", valueName: "name"))
    var benchmark: String

    @Option(help: ArgumentHelp("The predictions, one JSON object per line.", valueName: "file.jsonl"))
    var predictions: String

    @Option(help: "Which verdicts to print: official or strict (both are stored).")
    var mode: ScoringMode = .official

    @Option(name: .long, help: ArgumentHelp("A model name for the stored run (default: the file's name).", valueName: "name"))
    var modelName: String?

    @Option(help: ArgumentHelp("A name for the stored run; a model id or alias of `proctor published` puts the score beside that model's published figure.", valueName: "label"))
    var label: String?

    @Option(name: .customLong("start-date"), help: ArgumentHelp("Score only lines whose item is dated on or after this day (YYYY-MM-DD), for benchmarks with a date field such as LiveCodeBench's contest_date.", valueName: "date"))
    var startDate: String?

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Score only lines whose item is dated on or before this day (YYYY-MM-DD), read as midnight as LiveCodeBench reads it.", valueName: "date"))
    var endDate: String?

    @Flag(help: "Print one JSON object instead of the summary.")
    var json = false

    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("exec-workers"), help: "Programs a scorer may run at once (code benchmarks).")
    var execWorkers: Int = 2

    @Option(name: .customLong("batch-size"), help: "Samples stored per transaction (a kill loses at most one batch).")
    var batchSize: Int = 500

    func validate() throws {
        for (name, date) in [("--start-date", startDate), ("--end-date", endDate)] {
            if let date, let problem = DateWindow.problem(with: date) { throw ValidationError("\(name) \(problem)") }
        }
    }

    func run() async throws {
        let benchmark = try BenchmarkRegistry.resolve(self.benchmark)
        let name = benchmark.name
        let importer = PredictionImport(definition: benchmark.definition, name: name, location: data.location, batchSize: batchSize)
        let db = try database.open()
        let summary = try await importer.run(
            URL(fileURLWithPath: predictions), modelName: modelName, context: ScorerContext(data: data.location, execWorkers: execWorkers),
            database: db, harnessVersion: ProctorVersion.string, gitCommit: BuildInfo.gitCommit, host: BuildInfo.host, label: label,
            startDate: startDate, endDate: endDate)
        // The verdicts are in memory: the summary is computed from them, not from a second read of the run.
        var results = RunResults(run: summary.run, mode: mode, entries: summary.entries, items: [name.description: summary.items])
        results.scoringSettings = try db.settings(runID: summary.run.runID)
        // One report computes the metrics and puts them beside the published figures.
        let report = Report(results: [results], metrics: [name.name: benchmark.definition.metrics])
        let metrics = report.rows.first?.benchmarks[name.description] ?? BenchmarkMetrics(benchmark: name.description, results: [:], items: [:])
        let published = report.published
        if json {
            var output = ScoreSummary(
                name: name, mode: mode, metrics: metrics, entries: summary.entries, scorer: summary.scorer,
                items: results.items[name.description] ?? [:])
            output.published = published
            print(try output.json())
        } else {
            print(String(format: "%@ (%@ scoring, %@): %.2f%% over %d items, %d samples", name.description, mode.rawValue, summary.scorer, metrics.pass1, metrics.items, metrics.samples))
            for metric in metrics.metricOrder where metric != MetricSpec.pass1.name {
                print(String(format: "%@: %.2f", metric, metrics.metrics[metric] ?? .nan))
            }
            print(String(format: "truncated %.1f%%, no answer found %.1f%%", metrics.truncationRate, metrics.unparsedRate))
            for check in published {
                let differences = check.differences.isEmpty ? "" : "; differences: " + check.differences.joined(separator: "; ")
                print(String(format: "published %@ %.2f (%@, %@): %@%@", check.metric, check.published, check.source, check.reportedAs, check.verdict, differences))
            }
            Console.error("stored in \(database.path) as run \(summary.run.runID)")
        }
    }
}

/// The `--json` output of `proctor score`.
struct ScoreSummary: Encodable {
    struct Item: Encodable {
        var id: String
        var sample: Int
        var extracted: String?
        var correct: Bool
        /// The item's `prompt` field, for benchmarks whose predictions are matched by prompt (IFEval).
        var prompt: String?
        /// IFEval's per-instruction verdicts, in `instruction_id_list` order (absent for other benchmarks).
        var instructions: [Instruction]?
        /// The official error type of a failed entry, for benchmarks whose scorers name one (BFCL).
        var errorType: String?

        enum CodingKeys: String, CodingKey {
            case id, sample, extracted, correct, prompt, instructions, errorType = "error_type"
        }
    }

    /// One instruction's verdicts: `strict` is the sub-result's `passed`, `loose` its `values["loose"]`.
    struct Instruction: Encodable {
        var id: String
        var strict: Bool
        var loose: Bool
    }

    var benchmark: String
    var mode: String
    var nItems: Int
    var nSamples: Int
    var score: Double
    var metrics: BenchmarkMetrics
    var scorer: String
    var items: [Item]
    /// The score beside the published figures of the model the run's label or name matches.
    var published: [PublishedCheck] = []

    enum CodingKeys: String, CodingKey {
        case benchmark, mode, nItems = "n_items", nSamples = "n_samples", score, metrics, scorer, items, published
    }

    init(
        name: BenchmarkName, mode: ScoringMode, metrics: BenchmarkMetrics, entries: [(sample: SampleRecord, scores: [ScoreRecord])], scorer: String,
        items stored: [String: BenchmarkItem] = [:]
    ) {
        benchmark = name.description
        self.mode = mode.rawValue
        nItems = metrics.items
        nSamples = metrics.samples
        score = metrics.pass1
        self.metrics = metrics
        self.scorer = scorer
        items = entries.compactMap { entry in
            entry.scores.first { $0.mode == mode }.map { score in
                let parts = score.verdict.subResults.filter { $0.kind == "instruction" }.sorted { $0.index < $1.index }
                return Item(
                    id: entry.sample.key.itemID, sample: entry.sample.key.sampleIndex, extracted: score.verdict.extracted, correct: score.verdict.correct,
                    prompt: stored[entry.sample.key.itemID]?.fields["prompt"]?.stringValue,
                    instructions: parts.isEmpty ? nil : parts.map { Instruction(id: $0.id, strict: $0.passed, loose: ($0.values["loose"] ?? 0) >= 0.5) },
                    errorType: score.verdict.correct ? nil : score.verdict.details["error_type"]?.stringValue)
            }
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
