import Foundation
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
    /// Merges shard databases into this one: runs, items, samples and scores, with no duplicates.
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
            for row in try source.withConnection({ try $0.query("SELECT benchmark, item_id, content_hash FROM items") }) {
                let key = "\(row[0].text ?? "")/\(row[1].text ?? "")"
                let hash = row[2].text ?? ""
                if let seen = itemHashes[key], seen.hash != hash {
                    throw ProctorError(
                        .conflict,
                        "refusing to merge: item \(key) differs between \(seen.path) and \(source.path) (different data releases, or runs made with different --prompt variants?); merge runs made with the same data and prompts")
                }
                itemHashes[key] = (hash, source.path)
            }
        }
        var added = 0, skipped = 0, replaced = 0
        try withConnection { output in
            try output.transaction {
                for input in inputs {
                    let runs = try input.withConnection { try $0.query("SELECT * FROM runs") }
                    let columns = 18  // the runs table's columns
                    for run in runs {
                        try output.query(
                            "INSERT OR IGNORE INTO runs VALUES (\(Array(repeating: "?", count: columns).joined(separator: ",")))", run)
                    }
                    for item in try input.withConnection({ try $0.query("SELECT * FROM items") }) {
                        try output.query("INSERT OR IGNORE INTO items VALUES (?, ?, ?, ?, ?, ?)", item)
                    }
                    let existing = Dictionary(
                        try output.query("SELECT run_id, benchmark, item_id, sample_index, error IS NOT NULL FROM samples").map {
                            ("\($0[0].text ?? "")\u{1F}\($0[1].text ?? "")\u{1F}\($0[2].text ?? "")\u{1F}\($0[3].integer ?? 0)", $0[4].integer == 1)
                        }, uniquingKeysWith: { a, _ in a })
                    for run in runs {
                        let runID = run[0].text ?? ""
                        let samples = try input.samples(runID: runID)
                        let scores = try ScoringMode.allCases.flatMap { try input.scores(runID: runID, mode: $0) }
                        let scoresByKey = Dictionary(grouping: scores, by: \.key)
                        for sample in samples {
                            let key = "\(runID)\u{1F}\(sample.key.benchmark)\u{1F}\(sample.key.itemID)\u{1F}\(sample.key.sampleIndex)"
                            switch existing[key] {
                            case nil:
                                added += 1
                            case true? where sample.error == nil:
                                replaced += 1
                            default:
                                skipped += 1
                                continue
                            }
                            try Self.insert(sample, scores: scoresByKey[sample.key] ?? [], into: output, replace: true)
                        }
                    }
                }
            }
        }
        return MergeSummary(runs: try runs().count, samplesAdded: added, duplicatesSkipped: skipped, failuresReplaced: replaced)
    }
}
