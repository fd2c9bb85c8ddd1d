import ArgumentParser
import Foundation
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
            absent from the local data). A malformed line is an error naming its line number; nothing is stored then.
            """)

    @Option(help: ArgumentHelp("The benchmark, NAME[:SPLIT].", valueName: "name"))
    var benchmark: String

    @Option(help: ArgumentHelp("The predictions, one JSON object per line.", valueName: "file.jsonl"))
    var predictions: String

    @Option(help: "Which verdicts to print: official or strict (both are stored).")
    var mode: ScoringMode = .official

    @Option(name: .long, help: ArgumentHelp("A model name for the stored run (default: the file's name).", valueName: "name"))
    var modelName: String?

    @Flag(help: "Print one JSON object instead of the summary.")
    var json = false

    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    struct Line {
        var number: Int
        var id: String
        var sample: Int
        var response: String
        var extraction: String?
        var fields: [String: JSONValue]
    }

    func run() async throws {
        let (adapter, name) = try Catalog.benchmark(benchmark)
        let scorer = try Catalog.scorer(for: adapter)
        let url = URL(fileURLWithPath: predictions)
        let lines = try JSONLines.decode([String: JSONValue].self, from: url).map { number, object -> Line in
            guard let id = object["id"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(predictions):\(number): missing \"id\" (the benchmark's own item id)")
            }
            let response = object["response"]?.stringValue
            let extraction = object["extraction"].flatMap { $0.isNull ? nil : $0.stringValue }
            guard response != nil || extraction != nil else {
                throw ProctorError(.invalidInput, "\(predictions):\(number): item \(id) has neither \"response\" nor \"extraction\"")
            }
            let sample = object["sample"]?.intValue ?? 0
            guard sample >= 0 else { throw ProctorError(.invalidInput, "\(predictions):\(number): \"sample\" must be ≥ 0") }
            return Line(number: number, id: id, sample: sample, response: response ?? "", extraction: extraction, fields: object)
        }
        var seen = Set<String>()
        for line in lines where !seen.insert("\(line.id)#\(line.sample)").inserted {
            throw ProctorError(.invalidInput, "\(predictions):\(line.number): item \(line.id) sample \(line.sample) appears twice")
        }
        let local: [String: BenchmarkItem]
        do {
            local = Dictionary(try adapter.load(split: name.split, from: data.location).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        } catch let error as ProctorError where error.code == .notFound {
            local = [:]
        }
        var items: [String: BenchmarkItem] = [:]
        for line in lines where items[line.id] == nil {
            if let item = local[line.id] {
                items[line.id] = item
            } else if let item = adapter.item(id: line.id, split: name.split, fields: line.fields) {
                items[line.id] = item
            } else {
                throw ProctorError(
                    .invalidInput,
                    "\(predictions):\(line.number): item \(line.id) is not in the local \(name) data and the line does not carry its gold answer; pass --data or add the item's fields (such as \"answer\")")
            }
        }
        let model = ModelIdentity(
            kind: "predictions", name: modelName ?? url.deletingPathExtension().lastPathComponent, location: url.path,
            weightsSHA256: try SHA256.hex(fileAt: url))
        let config = RunConfig(
            source: "predictions", model: model, parameters: GenerationParameters(), samples: (lines.map(\.sample).max() ?? 0) + 1, preset: nil)
        let db = try database.open()
        let run = try db.beginRun(config: config, label: nil, harnessVersion: ProctorVersion.string, gitCommit: BuildInfo.gitCommit, host: BuildInfo.host)
        try db.upsertItems(Array(items.values))
        let entries = try lines.map { line -> (sample: SampleRecord, scores: [ScoreRecord]) in
            guard let item = items[line.id] else {
                throw ProctorError(.invalidInput, "\(predictions):\(line.number): item \(line.id) could not be resolved")
            }
            let sample = SampleRecord(
                runID: run.runID, key: SampleKey(benchmark: name.description, itemID: line.id, sampleIndex: line.sample), seed: 0,
                promptJSON: "[]", output: line.response, preExtracted: line.extraction, finishReason: nil)
            return (sample, Runner.score(sample: sample, item: item, scorer: scorer))
        }
        try db.recordAll(entries)
        let results = try RunResults(run: run, mode: mode, database: db)
        let metrics = BenchmarkMetrics(benchmark: name.description, results: results.benchmarks[name.description] ?? [:], items: results.items[name.description] ?? [:])
        if json {
            print(try ScoreSummary(name: name, mode: mode, metrics: metrics, entries: entries, scorer: scorer).json())
        } else {
            print(String(format: "%@ (%@ scoring, %@ v%d): %.2f%% over %d items, %d samples", name.description, mode.rawValue, scorer.id, scorer.version, metrics.pass1, metrics.items, metrics.samples))
            print(String(format: "truncated %.1f%%, no answer found %.1f%%", metrics.truncationRate, metrics.unparsedRate))
            Console.error("stored in \(database.path) as run \(run.runID)")
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
    }

    var benchmark: String
    var mode: String
    var nItems: Int
    var nSamples: Int
    var score: Double
    var metrics: BenchmarkMetrics
    var scorer: String
    var items: [Item]

    enum CodingKeys: String, CodingKey {
        case benchmark, mode, nItems = "n_items", nSamples = "n_samples", score, metrics, scorer, items
    }

    init(name: BenchmarkName, mode: ScoringMode, metrics: BenchmarkMetrics, entries: [(sample: SampleRecord, scores: [ScoreRecord])], scorer: any AnswerScorer) {
        benchmark = name.description
        self.mode = mode.rawValue
        nItems = metrics.items
        nSamples = metrics.samples
        score = metrics.pass1
        self.metrics = metrics
        self.scorer = "\(scorer.id) v\(scorer.version)"
        items = entries.compactMap { entry in
            entry.scores.first { $0.mode == mode }.map {
                Item(id: entry.sample.key.itemID, sample: entry.sample.key.sampleIndex, extracted: $0.verdict.extracted, correct: $0.verdict.correct)
            }
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
