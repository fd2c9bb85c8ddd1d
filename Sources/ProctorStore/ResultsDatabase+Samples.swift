import Foundation
import ProctorCore

extension ResultsDatabase {
    /// Stores items (image bytes dropped); an item already stored with the same content is left alone, one whose
    /// content changed (a new data release) is replaced.
    ///
    /// - Parameter items: The items.
    public func upsertItems(_ items: [BenchmarkItem]) throws {
        try withConnection { connection in
            try connection.transaction {
                for item in items {
                    let stored = item.strippingImageData()
                    let json = JSONCoding.canonical(stored)
                    try connection.query(
                        """
                        INSERT INTO items(benchmark, item_id, answer, prompt_template, content_hash, item_json) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(benchmark, item_id) DO UPDATE SET answer=excluded.answer, prompt_template=excluded.prompt_template,
                            content_hash=excluded.content_hash, item_json=excluded.item_json
                        WHERE items.content_hash != excluded.content_hash
                        """,
                        [.text(item.benchmark.description), .text(item.id), .text(item.answer), .text(item.promptTemplate),
                         .text(SHA256.hex(json)), .text(json)])
                }
            }
        }
    }

    /// The stored items of a benchmark (image bytes not included), keyed by item id.
    ///
    /// - Parameter benchmark: `name:split`.
    public func items(benchmark: String) throws -> [String: BenchmarkItem] {
        try withConnection { connection in
            var out: [String: BenchmarkItem] = [:]
            for row in try connection.query("SELECT item_id, item_json FROM items WHERE benchmark = ?", [.text(benchmark)]) {
                out[row[0].text ?? ""] = try JSONCoding.decode(BenchmarkItem.self, row[1].text ?? "", what: "item \(benchmark)/\(row[0].text ?? "")")
            }
            return out
        }
    }

    /// The keys of samples of a run that finished without a request error (the ones a resumed run skips).
    ///
    /// - Parameter runID: The run.
    public func completedKeys(runID: String) throws -> Set<SampleKey> {
        try withConnection { connection in
            Set(try connection.query(
                "SELECT benchmark, item_id, sample_index FROM samples WHERE run_id = ? AND error IS NULL", [.text(runID)]
            ).map { SampleKey(benchmark: $0[0].text ?? "", itemID: $0[1].text ?? "", sampleIndex: Int($0[2].integer ?? 0)) })
        }
    }

    /// Stores one sample and its verdicts in one transaction, replacing an earlier failed attempt at the same key.
    ///
    /// - Parameters:
    ///   - sample: The sample.
    ///   - scores: Its verdicts (none when the request failed).
    public func record(_ sample: SampleRecord, scores: [ScoreRecord]) throws {
        try withConnection { connection in
            try connection.transaction {
                try Self.insert(sample, scores: scores, into: connection, replace: true)
                try connection.query("UPDATE runs SET updated_at = ? WHERE run_id = ?", [.text(Timestamp.now()), .text(sample.runID)])
            }
        }
    }

    /// Stores many samples with their verdicts in one transaction (for imported predictions: all or nothing).
    ///
    /// - Parameter entries: The samples and their verdicts.
    public func recordAll(_ entries: [(sample: SampleRecord, scores: [ScoreRecord])]) throws {
        try withConnection { connection in
            try connection.transaction {
                for entry in entries {
                    try Self.insert(entry.sample, scores: entry.scores, into: connection, replace: true)
                }
            }
        }
    }

    static func insert(_ sample: SampleRecord, scores: [ScoreRecord], into connection: SQLiteConnection, replace: Bool) throws {
        let key = sample.key
        try connection.query(
            """
            INSERT \(replace ? "OR REPLACE" : "OR IGNORE") INTO samples(run_id, benchmark, item_id, sample_index, seed, prompt_json,
                rendered_prompt, image_hashes, output, reasoning_content, pre_extracted, finish_reason, prompt_tokens, completion_tokens,
                latency_ms, error, shard, host, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(sample.runID), .text(key.benchmark), .text(key.itemID), .integer(Int64(key.sampleIndex)),
             .integer(Int64(bitPattern: sample.seed)), .text(sample.promptJSON), .optional(sample.renderedPrompt),
             .text(JSONCoding.canonical(sample.imageHashes)), .optional(sample.output), .optional(sample.reasoningContent),
             .optional(sample.preExtracted), .optional(sample.finishReason?.rawValue), .optional(sample.promptTokens), .optional(sample.completionTokens),
             .optional(sample.latencyMs), .optional(sample.error), .optional(sample.shard), .optional(sample.host),
             .text(sample.createdAt)])
        try connection.query(
            "DELETE FROM scores WHERE run_id = ? AND benchmark = ? AND item_id = ? AND sample_index = ?",
            [.text(sample.runID), .text(key.benchmark), .text(key.itemID), .integer(Int64(key.sampleIndex))])
        for score in scores {
            try insert(score, into: connection)
        }
    }

    static func insert(_ score: ScoreRecord, into connection: SQLiteConnection) throws {
        let v = score.verdict
        try connection.query(
            """
            INSERT OR REPLACE INTO scores(run_id, benchmark, item_id, sample_index, mode, scorer_id, scorer_version, extracted,
                correct, score, truncated, unparsed, rule, details_json, scored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(score.runID), .text(score.key.benchmark), .text(score.key.itemID), .integer(Int64(score.key.sampleIndex)),
             .text(score.mode.rawValue), .text(score.scorerID), .integer(Int64(score.scorerVersion)), .optional(v.extracted),
             .integer(v.correct ? 1 : 0), .real(v.score), .integer(v.truncated ? 1 : 0), .integer(v.unparsed ? 1 : 0),
             .text(v.rule), .text(JSONCoding.canonical(v.details)), .text(Timestamp.now())])
    }

    /// Replaces verdicts (for `proctor rescore`), all in one transaction.
    ///
    /// - Parameter scores: The new verdicts.
    public func replaceScores(_ scores: [ScoreRecord]) throws {
        try withConnection { connection in
            try connection.transaction {
                for score in scores { try Self.insert(score, into: connection) }
            }
        }
    }

    /// The samples of a run, optionally of one benchmark, in key order.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - benchmark: `name:split`, or nil for all.
    public func samples(runID: String, benchmark: String? = nil) throws -> [SampleRecord] {
        try withConnection { connection in
            var sql = """
                SELECT run_id, benchmark, item_id, sample_index, seed, prompt_json, rendered_prompt, image_hashes, output,
                    reasoning_content, finish_reason, prompt_tokens, completion_tokens, latency_ms, error, shard, host, created_at,
                    pre_extracted
                FROM samples WHERE run_id = ?
                """
            var values: [SQLValue] = [.text(runID)]
            if let benchmark {
                sql += " AND benchmark = ?"
                values.append(.text(benchmark))
            }
            sql += " ORDER BY benchmark, item_id, sample_index"
            return try connection.query(sql, values).map { r in
                SampleRecord(
                    runID: r[0].text ?? "",
                    key: SampleKey(benchmark: r[1].text ?? "", itemID: r[2].text ?? "", sampleIndex: Int(r[3].integer ?? 0)),
                    seed: UInt64(bitPattern: r[4].integer ?? 0), promptJSON: r[5].text ?? "", renderedPrompt: r[6].text,
                    imageHashes: (try? JSONCoding.decode([String].self, r[7].text ?? "[]", what: "image hashes")) ?? [],
                    output: r[8].text, reasoningContent: r[9].text, preExtracted: r[18].text, finishReason: r[10].text.flatMap(FinishReason.init(rawValue:)),
                    promptTokens: r[11].integer.map(Int.init), completionTokens: r[12].integer.map(Int.init), latencyMs: r[13].real,
                    error: r[14].text, shard: r[15].text, host: r[16].text, createdAt: r[17].text ?? "")
            }
        }
    }

    /// The verdicts of a run in one mode.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - mode: Official or strict.
    public func scores(runID: String, mode: ScoringMode) throws -> [ScoreRecord] {
        try withConnection { connection in
            try connection.query(
                """
                SELECT run_id, benchmark, item_id, sample_index, mode, scorer_id, scorer_version, extracted, correct, score,
                    truncated, unparsed, rule, details_json
                FROM scores WHERE run_id = ? AND mode = ? ORDER BY benchmark, item_id, sample_index
                """, [.text(runID), .text(mode.rawValue)]
            ).map { r in
                ScoreRecord(
                    runID: r[0].text ?? "",
                    key: SampleKey(benchmark: r[1].text ?? "", itemID: r[2].text ?? "", sampleIndex: Int(r[3].integer ?? 0)),
                    mode: ScoringMode(rawValue: r[4].text ?? "") ?? mode, scorerID: r[5].text ?? "", scorerVersion: Int(r[6].integer ?? 0),
                    verdict: Verdict(
                        extracted: r[7].text, correct: r[8].integer == 1, score: r[9].real, truncated: r[10].integer == 1,
                        unparsed: r[11].integer == 1, rule: r[12].text ?? "",
                        details: (try? JSONCoding.decode([String: JSONValue].self, r[13].text ?? "{}", what: "verdict details")) ?? [:]))
            }
        }
    }
}
