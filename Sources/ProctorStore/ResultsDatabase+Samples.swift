import Foundation
import GRDB
import ProctorCore

extension ResultsDatabase {
    /// Stores items (image bytes dropped); an item already stored with the same content is left alone, one whose
    /// content changed (a new data release) is replaced.
    ///
    /// - Parameter items: The items.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written.
    public func upsertItems(_ items: [BenchmarkItem]) throws {
        try write { db in
            var storedHashes: [String: [String: String]] = [:]
            for item in items {
                let row = ItemRow(item)
                if storedHashes[row.benchmark] == nil {
                    let request = ItemRow.select(ItemRow.Columns.itemID, ItemRow.Columns.contentHash).filter(ItemRow.Columns.benchmark == row.benchmark)
                    storedHashes[row.benchmark] = try Dictionary(
                        Row.fetchAll(db, request).map { ($0[ItemRow.Columns.itemID.rawValue], $0[ItemRow.Columns.contentHash.rawValue]) },
                        uniquingKeysWith: { a, _ in a })
                }
                if storedHashes[row.benchmark]?[row.itemID] == row.contentHash { continue }
                try row.insert(db, onConflict: .replace)
                storedHashes[row.benchmark]?[row.itemID] = row.contentHash
            }
        }
    }

    /// The stored items of a benchmark (image bytes not included), keyed by item id.
    ///
    /// - Parameter benchmark: `name:split`.
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored item does not decode.
    public func items(benchmark: String) throws -> [String: BenchmarkItem] {
        try read { db in
            var out: [String: BenchmarkItem] = [:]
            for row in try ItemRow.filter(ItemRow.Columns.benchmark == benchmark).fetchAll(db) {
                out[row.itemID] = try row.item()
            }
            return out
        }
    }

    /// The keys of samples of a run that finished without a request error (the ones a resumed run skips).
    ///
    /// - Parameter runID: The run.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be read.
    public func completedKeys(runID: String) throws -> Set<SampleKey> {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                SampleRow.select(SampleKeyColumns.names.map { Column($0) })
                    .filter(SampleKeyColumns.runID == runID && SampleRow.Columns.error == nil))
            return Set(try rows.map { row in
                try SampleKeyColumns.read(RowReader(row: row, table: SampleRow.databaseTableName, keyColumns: SampleKeyColumns.names)).key
            })
        }
    }

    /// Stores one sample and its verdicts in one transaction, replacing an earlier failed attempt at the same key.
    ///
    /// - Parameters:
    ///   - sample: The sample.
    ///   - scores: Its verdicts (none when the request failed).
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written; nothing is written then.
    public func record(_ sample: SampleRecord, scores: [ScoreRecord]) throws {
        try write { db in
            try Self.insert(sample, scores: scores, into: db, scoredAt: Timestamp.now())
            try RunRow.filter(key: sample.runID).updateAll(db, RunRow.Columns.updatedAt.set(to: Timestamp.now()))
        }
    }

    /// Stores many samples with their verdicts in one transaction (a batch of imported predictions: all or nothing).
    ///
    /// - Parameter entries: The samples and their verdicts.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written; nothing is written then.
    public func recordAll(_ entries: [(sample: SampleRecord, scores: [ScoreRecord])]) throws {
        guard !entries.isEmpty else { return }
        let now = Timestamp.now()
        try write { db in
            for entry in entries {
                try Self.insert(entry.sample, scores: entry.scores, into: db, scoredAt: now)
            }
        }
    }

    /// Replaces a sample (and with it, by cascade, its verdicts, sub-results and judgements), then writes its verdicts.
    static func insert(_ sample: SampleRecord, scores: [ScoreRecord], into db: Database, scoredAt: String) throws {
        try SampleKeyColumns.delete(from: SampleRow.databaseTableName, runID: sample.runID, sample.key, in: db)
        try SampleRow(sample).insertCached(db)
        for score in scores {
            try insert(score, into: db, scoredAt: scoredAt, replacing: false)
        }
    }

    /// Writes a verdict and its sub-results; when `replacing`, the sample's earlier verdict in that mode (and its
    /// sub-results, by cascade) goes first.
    static func insert(_ score: ScoreRecord, into db: Database, scoredAt: String, replacing: Bool) throws {
        if replacing {
            try SampleKeyColumns.delete(from: ScoreRow.databaseTableName, runID: score.runID, score.key, mode: score.mode, in: db)
        }
        try ScoreRow(record: score, scoredAt: scoredAt).insertCached(db)
        for part in score.verdict.subResults {
            try SubResultRow(runID: score.runID, key: score.key, mode: score.mode, subResult: part).insertCached(db)
        }
    }

    /// Replaces verdicts (for `proctor rescore`) with their sub-results, all in one transaction.
    ///
    /// - Parameter scores: The new verdicts.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written; nothing is written then.
    public func replaceScores(_ scores: [ScoreRecord]) throws {
        guard !scores.isEmpty else { return }
        let now = Timestamp.now()
        try write { db in
            for score in scores { try Self.insert(score, into: db, scoredAt: now, replacing: true) }
        }
    }

    /// The samples of a run, optionally of one benchmark, in key order.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - benchmark: `name:split`, or nil for all.
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored sample does not decode.
    public func samples(runID: String, benchmark: String? = nil) throws -> [SampleRecord] {
        try read { db in
            var request = SampleRow.filter(SampleKeyColumns.runID == runID)
            if let benchmark { request = request.filter(SampleKeyColumns.benchmark == benchmark) }
            return try request.order(SampleKeyColumns.benchmark, SampleKeyColumns.itemID, SampleKeyColumns.sampleIndex).fetchAll(db).map(\.record)
        }
    }

    /// The verdicts of a run in one mode, each with its sub-results.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - mode: Official or strict.
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored verdict does not decode.
    public func scores(runID: String, mode: ScoringMode) throws -> [ScoreRecord] {
        try read { db in
            let inMode = SampleKeyColumns.runID == runID && ScoreRow.Columns.mode == mode.rawValue
            var scores = try ScoreRow.filter(inMode)
                .order(SampleKeyColumns.benchmark, SampleKeyColumns.itemID, SampleKeyColumns.sampleIndex).fetchAll(db).map(\.record)
            let parts = try SubResultRow.filter(inMode).order(Column.rowID).fetchAll(db)
            guard !parts.isEmpty else { return scores }
            let byKey = Dictionary(grouping: parts, by: \.key)
            for index in scores.indices {
                scores[index].verdict.subResults = byKey[scores[index].key]?.map(\.subResult) ?? []
            }
            return scores
        }
    }

    /// The samples of a run whose verdict in one mode came from a scorer whose id ends with `suffix` (verdicts
    /// imported from a published file end with `-imported`), without decoding the verdicts.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - mode: Official or strict.
    ///   - suffix: The end of the scorer id.
    /// - Returns: The samples' keys.
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored key does not decode.
    public func keys(runID: String, mode: ScoringMode, scorerIDSuffix suffix: String) throws -> Set<SampleKey> {
        try read { db in
            let request = ScoreRow.select(SampleKeyColumns.runID, SampleKeyColumns.benchmark, SampleKeyColumns.itemID, SampleKeyColumns.sampleIndex,
                                          ScoreRow.Columns.mode, ScoreRow.Columns.scorerID)
                .filter(SampleKeyColumns.runID == runID && ScoreRow.Columns.mode == mode.rawValue)
            var out = Set<SampleKey>()
            for row in try Row.fetchAll(db, request) {
                let (read, _, key) = try SampleKeyColumns.reader(row, table: ScoreRow.databaseTableName, alsoNaming: [ScoreRow.Columns.mode.rawValue])
                let scorer: String = try read.required(ScoreRow.Columns.scorerID.rawValue)
                if scorer.hasSuffix(suffix) { out.insert(key) }
            }
            return out
        }
    }

    /// Whether each verdict of a run in one mode is correct, without decoding the verdicts (`proctor rescore`
    /// counts the verdicts it changes).
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - mode: Official or strict.
    /// - Returns: Each scored sample's correctness.
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored key does not decode.
    public func correctness(runID: String, mode: ScoringMode) throws -> [SampleKey: Bool] {
        try read { db in
            let request = ScoreRow.select(SampleKeyColumns.runID, SampleKeyColumns.benchmark, SampleKeyColumns.itemID, SampleKeyColumns.sampleIndex,
                                          ScoreRow.Columns.mode, ScoreRow.Columns.correct)
                .filter(SampleKeyColumns.runID == runID && ScoreRow.Columns.mode == mode.rawValue)
            var out: [SampleKey: Bool] = [:]
            for row in try Row.fetchAll(db, request) {
                let (read, _, key) = try SampleKeyColumns.reader(row, table: ScoreRow.databaseTableName, alsoNaming: [ScoreRow.Columns.mode.rawValue])
                let correct: Bool = try read.required(ScoreRow.Columns.correct.rawValue)
                out[key] = correct
            }
            return out
        }
    }
}
