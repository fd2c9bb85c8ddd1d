import Foundation
import ProctorCore
import ProctorStore

/// `proctor score`'s pipeline: reads a predictions file made elsewhere, resolves each line's item from the local
/// data (text fields only, no pixels) or from the line's own fields, scores every line in both modes, and stores
/// the lot as one run in batched transactions.
public struct PredictionImport: Sendable {
    /// What an import did.
    public struct Summary: Sendable {
        /// The stored run.
        public var run: RunRecord
        /// Each stored sample with its verdicts, in file order.
        public var entries: [(sample: SampleRecord, scores: [ScoreRecord])]
        /// The scorer's id and version.
        public var scorer: String
        /// The run's items, by id.
        public var items: [String: BenchmarkItem]
    }

    /// The benchmark.
    public var definition: BenchmarkDefinition
    /// `name:split`.
    public var name: BenchmarkName
    /// Where its data is.
    public var location: DataLocation
    /// Samples written per transaction (a kill loses at most one batch, and nothing is half-written).
    public var batchSize: Int
    /// Tasks that score a batch's samples at once.
    public var parallelism: Int

    /// Creates an import.
    ///
    /// - Parameters:
    ///   - definition: The benchmark.
    ///   - name: `name:split`.
    ///   - location: Where its data is.
    ///   - batchSize: Samples per transaction.
    ///   - parallelism: Tasks scoring a batch at once (default: one per active processor).
    public init(
        definition: BenchmarkDefinition, name: BenchmarkName, location: DataLocation, batchSize: Int = 500,
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.definition = definition
        self.name = name
        self.location = location
        self.batchSize = max(1, batchSize)
        self.parallelism = max(1, parallelism)
    }

    /// The split's items that can be read for scoring, by id (no images are read; a split absent from the local
    /// copy gives none, so that predictions carrying their own fields still score).
    ///
    /// - Returns: The items.
    /// - Throws: `ProctorError` when the local files exist but are malformed.
    public func localItems() throws -> [String: BenchmarkItem] {
        do {
            let loaded = try definition.adapter.loadForScoring(split: name.split, from: location)
            return Dictionary(loaded.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        } catch let error as ProctorError where error.code == .notFound {
            return [:]
        }
    }

    /// Reads a predictions file: the benchmark's own formats first, then Proctor's `{id, response}` lines.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - items: The local items by id.
    /// - Returns: The predictions in file order.
    /// - Throws: `ProctorError` naming the line of a malformed or repeated entry.
    public func read(_ url: URL, items: [String: BenchmarkItem]) throws -> [ImportedPrediction] {
        var predictions: [ImportedPrediction]?
        for format in definition.predictionFormats {
            if let read = try format.read(url, items: items, split: name.split) {
                predictions = read
                break
            }
        }
        let lines = try predictions ?? Self.readProctorLines(url)
        var seen = Set<String>()
        for line in lines where !seen.insert("\(line.itemID)#\(line.sample)").inserted {
            throw ProctorError(.invalidInput, "\(url.path):\(line.line): item \(line.itemID) sample \(line.sample) appears twice")
        }
        return lines
    }

    /// Reads Proctor's own lines: `{"id", "response"}`, optionally `"sample"`, `"extraction"` and item fields.
    ///
    /// - Parameter url: The file.
    /// - Returns: The predictions.
    /// - Throws: `ProctorError` naming the line when one is malformed.
    public static func readProctorLines(_ url: URL) throws -> [ImportedPrediction] {
        try JSONLines.decode([String: JSONValue].self, from: url).map { number, object -> ImportedPrediction in
            guard let id = object["id"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): missing \"id\" (the benchmark's own item id)")
            }
            let response = object["response"]?.stringValue
            let extraction = object["extraction"].flatMap { $0.isNull ? nil : $0.stringValue }
            guard response != nil || extraction != nil else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): item \(id) has neither \"response\" nor \"extraction\"")
            }
            let sample = object["sample"]?.intValue ?? 0
            guard sample >= 0 else { throw ProctorError(.invalidInput, "\(url.path):\(number): \"sample\" must be ≥ 0") }
            return ImportedPrediction(line: number, itemID: id, sample: sample, response: response ?? "", extraction: extraction, fields: object)
        }
    }

    /// The keys of a Proctor line that describe the sample rather than its item.
    static let sampleKeys: Set<String> = ["response", "sample", "extraction"]

    /// Resolves each prediction's item: the local item, else one built from the line's fields.
    ///
    /// - Parameters:
    ///   - predictions: The predictions.
    ///   - local: The local items.
    ///   - file: The file's path, for messages.
    /// - Returns: The items by id.
    /// - Throws: `ProctorError` naming every line whose item cannot be resolved (up to 20, and their count).
    public func resolve(_ predictions: [ImportedPrediction], local: [String: BenchmarkItem], file: String) throws -> [String: BenchmarkItem] {
        var items: [String: BenchmarkItem] = [:]
        var unresolved: [ImportedPrediction] = []
        for line in predictions where items[line.itemID] == nil {
            // The line's own keys (its output, sample index, extraction) belong to the sample, not to the item.
            let fields = line.fields.filter { !Self.sampleKeys.contains($0.key) }
            if let item = local[line.itemID] ?? definition.adapter.item(id: line.itemID, split: name.split, fields: fields) {
                items[line.itemID] = item
            } else {
                unresolved.append(line)
            }
        }
        guard unresolved.isEmpty else {
            let shown = unresolved.prefix(20).map { "\(file):\($0.line): item \($0.itemID)" }.joined(separator: "\n  ")
            let source = location.root.map { "the data under \($0.path)" } ?? "the hub cache (no --data given)"
            throw ProctorError(
                .invalidInput,
                "\(unresolved.count) lines name items of \(name) that are neither in \(source) nor carry their gold answer:\n  \(shown)"
                    + (unresolved.count > 20 ? "\n  … and \(unresolved.count - 20) more" : "")
                    + "\nadd the items to the local copy (`proctor fetch \(name.name)`), or add the item's fields (such as \"answer\") to those lines")
        }
        return items
    }

    /// Reads, scores and stores a predictions file as one run.
    ///
    /// - Parameters:
    ///   - url: The predictions.
    ///   - modelName: The stored model name (default: the file's name).
    ///   - context: What the scorer is built with.
    ///   - database: Where the run goes.
    ///   - harnessVersion: Recorded with the run.
    ///   - gitCommit: Recorded with the run.
    ///   - host: Recorded with the run.
    ///   - label: A name for the run (`--label`), matched against published figures like a run's.
    ///   - startDate: Score only lines whose item is dated on or after this day (YYYY-MM-DD; `score --start-date`).
    ///   - endDate: Score only lines whose item is dated on or before this day.
    /// - Returns: What was stored.
    /// - Throws: `ProctorError` for a malformed file or unresolvable items (nothing is stored then), for a date window
    ///   on a benchmark without a date field, or a database error.
    public func run(
        _ url: URL, modelName: String?, context: ScorerContext, database: ResultsDatabase, harnessVersion: String, gitCommit: String?,
        host: String?, label: String? = nil, startDate: String? = nil, endDate: String? = nil
    ) async throws -> Summary {
        let local = try localItems()
        var predictions = try read(url, items: local)
        let items = try resolve(predictions, local: local, file: url.path)
        if startDate != nil || endDate != nil {
            guard let field = definition.dateField else {
                throw ProctorError(.invalidArgument, "\(name) has no date field: --start-date and --end-date do not apply to it")
            }
            let window = ItemSelection(dateField: field, startDate: startDate, endDate: endDate)
            predictions = predictions.filter { items[$0.itemID].map(window.contains) ?? false }
            guard !predictions.isEmpty else {
                throw ProctorError(.invalidInput, "no line of \(url.path) names an item of \(name) dated \(startDate ?? "…")–\(endDate ?? "…"); nothing is stored")
            }
        }
        let scorer = try definition.makeScorer(context)
        // A window makes its own run (the same file scored whole is another): the window is part of the default name.
        let window = startDate != nil || endDate != nil ? " [\(startDate ?? "…")..\(endDate ?? "…")]" : ""
        let model = ModelIdentity(
            kind: "predictions", name: modelName ?? url.deletingPathExtension().lastPathComponent + window, location: url.path,
            weightsSHA256: try SHA256.hex(fileAt: url))
        let config = RunConfig(
            source: "predictions", model: model, parameters: GenerationParameters(), samples: (predictions.map(\.sample).max() ?? 0) + 1,
            preset: nil)
        let run = try database.beginRun(config: config, label: label, harnessVersion: harnessVersion, gitCommit: gitCommit, host: host)
        try database.upsertItems(predictions.compactMap { items[$0.itemID] }.uniqued(by: \.id))
        var entries: [(sample: SampleRecord, scores: [ScoreRecord])] = []
        entries.reserveCapacity(predictions.count)
        // Each batch is scored on one task per processor, then stored in one transaction.
        var pending: [(sample: SampleRecord, imported: Verdict?, item: BenchmarkItem)] = []
        func flush() async throws {
            let work = pending.filter { $0.imported == nil }.map { Runner.ScoringWork(sample: $0.sample, item: $0.item, scorer: scorer) }
            var scored = await Runner.score(work, parallelism: parallelism).makeIterator()
            let batch = pending.map { entry -> (sample: SampleRecord, scores: [ScoreRecord]) in
                guard let imported = entry.imported else { return (entry.sample, scored.next() ?? []) }
                return (entry.sample, ScoringMode.allCases.map {
                    ScoreRecord(runID: run.runID, key: entry.sample.key, mode: $0, scorerID: scorer.id + Rescore.importedSuffix, scorerVersion: scorer.version, verdict: imported)
                })
            }
            try database.recordAll(batch)
            entries += batch
            pending.removeAll(keepingCapacity: true)
        }
        for line in predictions {
            guard let item = items[line.itemID] else { continue }
            let sample = SampleRecord(
                runID: run.runID, key: SampleKey(benchmark: name.description, itemID: line.itemID, sampleIndex: line.sample), seed: 0,
                promptJSON: "[]", output: line.response, preExtracted: line.extraction, finishReason: nil)
            pending.append((sample, line.importedVerdict, item))
            if pending.count >= batchSize { try await flush() }
        }
        try await flush()
        try database.recordSettings(scorer.settings, runID: run.runID, benchmark: name.description)
        await scorer.finish()
        return Summary(run: run, entries: entries, scorer: "\(scorer.id) v\(scorer.version)", items: items)
    }
}

extension Array {
    /// The elements whose key was not seen before, in order.
    func uniqued<Key: Hashable>(by key: (Element) -> Key) -> [Element] {
        var seen = Set<Key>()
        return filter { seen.insert(key($0)).inserted }
    }
}
