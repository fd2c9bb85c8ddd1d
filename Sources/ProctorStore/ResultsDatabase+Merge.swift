import Foundation
import GRDB
import ProctorCore

/// What `merge` did.
public struct MergeSummary: Sendable, Hashable {
    /// Runs present in the output after the merge.
    public var runs: Int
    /// Samples copied.
    public var samplesAdded: Int
    /// Samples already present (the same key from another shard or file), left as they were.
    public var duplicatesSkipped: Int
    /// Failed samples replaced by a successful one from another file.
    public var failuresReplaced: Int
}

extension ResultsDatabase {
    /// Merges shard databases into this one: runs, items, samples with their verdicts, sub-results and judgements,
    /// with no duplicates.
    ///
    /// - Parameters:
    ///   - inputs: The databases to merge in.
    ///   - allowDistinctRuns: Accept inputs that hold different runs (combining two models' results); by default
    ///     every input must hold the same runs, so that shards of one run are never mixed with another configuration.
    /// - Returns: What was merged.
    /// - Throws: `ProctorError` (`.conflict`) when runs or items disagree; nothing is written then.
    public func merge(_ inputs: [ResultsDatabase], allowDistinctRuns: Bool = false) throws -> MergeSummary {
        let runSets = try inputs.map { input in (input.path, try input.runs()) }
        if !allowDistinctRuns, let first = runSets.first {
            let reference = Set(first.1.map(\.config.hash))
            for (path, runs) in runSets.dropFirst() where Set(runs.map(\.config.hash)) != reference {
                let describe = { (runs: [RunRecord]) in runs.map { "\($0.runID) \($0.config.model.name) T=\($0.config.parameters.temperature) k=\($0.config.samples)" }.joined(separator: "; ") }
                throw ProctorError(
                    .conflict,
                    "refusing to merge: \(path) holds runs [\(describe(runs))] but \(first.0) holds [\(describe(first.1))]; "
                        + "shards of one run must share one configuration (pass --allow-distinct-runs to combine different runs on purpose)")
            }
        }
        // Items must agree wherever two inputs (or the output) share one.
        var itemHashes: [String: (hash: String, path: String)] = [:]
        for source in [self] + inputs {
            let rows = try source.read { db in try ItemRow.fetchAll(db) }
            for row in rows {
                let key = "\(row.benchmark)/\(row.itemID)"
                if let seen = itemHashes[key], seen.hash != row.contentHash {
                    throw ProctorError(
                        .conflict,
                        "refusing to merge: item \(key) differs between \(seen.path) and \(source.path) (different data releases, or runs made with different --prompt variants?); merge runs made with the same data and prompts")
                }
                itemHashes[key] = (row.contentHash, source.path)
            }
        }
        var added = 0, skipped = 0, replaced = 0
        let now = Timestamp.now()
        try write { output in
            for input in inputs {
                let (runs, items, judgements) = try input.read { db in
                    (try RunRow.fetchAll(db), try ItemRow.fetchAll(db), try JudgementRow.fetchAll(db))
                }
                for run in runs { try run.insert(output, onConflict: .ignore) }
                for item in items { try item.insert(output, onConflict: .ignore) }
                // The runs' scoring environments go with them (the output's own rows win).
                for row in try input.read({ db in try Row.fetchAll(db, sql: "SELECT run_id, benchmark, key, value, recorded_at FROM run_settings") }) {
                    try output.execute(
                        sql: "INSERT OR IGNORE INTO run_settings (run_id, benchmark, key, value, recorded_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: StatementArguments(Array(row.databaseValues)))
                }
                // Whether each sample already in the output failed.
                var existing: [String: Bool] = [:]
                for row in try Row.fetchAll(output, sql: "SELECT run_id, benchmark, item_id, sample_index, error IS NOT NULL AS failed FROM samples") {
                    let read = RowReader(row: row, table: SampleRow.databaseTableName, keyColumns: SampleKeyColumns.names)
                    let (runID, key) = try SampleKeyColumns.read(read)
                    existing[Self.mergeKey(runID, key)] = try read.required("failed")
                }
                var copied = Set<String>()
                for run in runs {
                    let samples = try input.samples(runID: run.runID)
                    let scores = try ScoringMode.allCases.flatMap { try input.scores(runID: run.runID, mode: $0) }
                    let scoresByKey = Dictionary(grouping: scores, by: \.key)
                    for sample in samples {
                        let key = Self.mergeKey(run.runID, sample.key)
                        switch existing[key] {
                        case nil:
                            added += 1
                        case true? where sample.error == nil:
                            replaced += 1
                        default:
                            skipped += 1
                            continue
                        }
                        try Self.insert(sample, scores: scoresByKey[sample.key] ?? [], into: output, scoredAt: now)
                        copied.insert(key)
                    }
                }
                // Judgements go with the samples they judge.
                for judgement in judgements where copied.contains(Self.mergeKey(judgement.record.runID, judgement.record.key)) {
                    try judgement.insert(output, onConflict: .replace)
                }
            }
        }
        return MergeSummary(runs: try runs().count, samplesAdded: added, duplicatesSkipped: skipped, failuresReplaced: replaced)
    }

    private static func mergeKey(_ runID: String, _ key: SampleKey) -> String {
        "\(runID)\u{1F}\(key.benchmark)\u{1F}\(key.itemID)\u{1F}\(key.sampleIndex)"
    }
}
