import GRDB
import ProctorCore

/// The key columns every per-sample table shares.
enum SampleKeyColumns {
    static let runID = Column("run_id")
    static let benchmark = Column("benchmark")
    static let itemID = Column("item_id")
    static let sampleIndex = Column("sample_index")
    static let names = ["run_id", "benchmark", "item_id", "sample_index"]

    /// The condition selecting one sample's rows of any per-sample table.
    static func matching(runID: String, _ key: SampleKey) -> SQLExpression {
        runID == Self.runID && Self.benchmark == key.benchmark && Self.itemID == key.itemID && Self.sampleIndex == key.sampleIndex
    }

    /// The run and key of a row of a per-sample table.
    static func read(_ read: RowReader) throws -> (runID: String, key: SampleKey) {
        let runID: String = try read.required("run_id")
        let key = SampleKey(benchmark: try read.required("benchmark"), itemID: try read.required("item_id"), sampleIndex: try read.required("sample_index"))
        return (runID, key)
    }

    /// Writes the run and key columns.
    static func encode(runID: String, _ key: SampleKey, to container: inout PersistenceContainer) {
        container[Self.runID] = runID
        container[Self.benchmark] = key.benchmark
        container[Self.itemID] = key.itemID
        container[Self.sampleIndex] = key.sampleIndex
    }
}

/// A row of `samples`.
struct SampleRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "samples"

    enum Columns: String, ColumnExpression {
        case seed, promptJSON = "prompt_json", renderedPrompt = "rendered_prompt", imageHashes = "image_hashes", output
        case reasoningContent = "reasoning_content", preExtracted = "pre_extracted", finishReason = "finish_reason"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", latencyMs = "latency_ms", error, shard, host
        case createdAt = "created_at"
    }

    var record: SampleRecord

    init(_ record: SampleRecord) {
        self.record = record
    }

    init(row: Row) throws {
        let read = RowReader(row: row, table: Self.databaseTableName, keyColumns: SampleKeyColumns.names)
        let (runID, key) = try SampleKeyColumns.read(read)
        let seed: Int64 = try read.required(Columns.seed.rawValue)
        record = SampleRecord(
            runID: runID, key: key, seed: UInt64(bitPattern: seed), promptJSON: try read.required(Columns.promptJSON.rawValue),
            renderedPrompt: try read.optional(Columns.renderedPrompt.rawValue),
            imageHashes: try read.json(Columns.imageHashes.rawValue, as: [String].self), output: try read.optional(Columns.output.rawValue),
            reasoningContent: try read.optional(Columns.reasoningContent.rawValue), preExtracted: try read.optional(Columns.preExtracted.rawValue),
            finishReason: try read.optional(Columns.finishReason.rawValue, as: FinishReason.self),
            promptTokens: try read.optional(Columns.promptTokens.rawValue), completionTokens: try read.optional(Columns.completionTokens.rawValue),
            latencyMs: try read.optional(Columns.latencyMs.rawValue), error: try read.optional(Columns.error.rawValue),
            shard: try read.optional(Columns.shard.rawValue), host: try read.optional(Columns.host.rawValue),
            createdAt: try read.required(Columns.createdAt.rawValue))
    }

    func encode(to container: inout PersistenceContainer) throws {
        SampleKeyColumns.encode(runID: record.runID, record.key, to: &container)
        container[Columns.seed] = Int64(bitPattern: record.seed)
        container[Columns.promptJSON] = record.promptJSON
        container[Columns.renderedPrompt] = record.renderedPrompt
        container[Columns.imageHashes] = JSONCoding.canonical(record.imageHashes)
        container[Columns.output] = record.output
        container[Columns.reasoningContent] = record.reasoningContent
        container[Columns.preExtracted] = record.preExtracted
        container[Columns.finishReason] = record.finishReason?.rawValue
        container[Columns.promptTokens] = record.promptTokens
        container[Columns.completionTokens] = record.completionTokens
        container[Columns.latencyMs] = record.latencyMs
        container[Columns.error] = record.error
        container[Columns.shard] = record.shard
        container[Columns.host] = record.host
        container[Columns.createdAt] = record.createdAt
    }
}

/// A row of `scores`: one verdict (its sub-results live in `sub_results`).
struct ScoreRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "scores"

    enum Columns: String, ColumnExpression {
        case mode, scorerID = "scorer_id", scorerVersion = "scorer_version", extracted, correct, score, truncated, unparsed, rule
        case detailsJSON = "details_json", scoredAt = "scored_at"
    }

    /// The verdict, with no sub-results when read (they are read from their own table).
    var record: ScoreRecord
    var scoredAt: String

    init(_ record: ScoreRecord, scoredAt: String) {
        self.record = record
        self.scoredAt = scoredAt
    }

    init(row: Row) throws {
        let read = RowReader(row: row, table: Self.databaseTableName, keyColumns: SampleKeyColumns.names + [Columns.mode.rawValue])
        let (runID, key) = try SampleKeyColumns.read(read)
        let verdict = Verdict(
            extracted: try read.optional(Columns.extracted.rawValue), correct: try read.required(Columns.correct.rawValue),
            score: try read.required(Columns.score.rawValue) as Double, truncated: try read.required(Columns.truncated.rawValue),
            unparsed: try read.required(Columns.unparsed.rawValue), rule: try read.required(Columns.rule.rawValue),
            details: try read.json(Columns.detailsJSON.rawValue, as: [String: JSONValue].self))
        record = ScoreRecord(
            runID: runID, key: key, mode: try read.required(Columns.mode.rawValue, as: ScoringMode.self),
            scorerID: try read.required(Columns.scorerID.rawValue), scorerVersion: try read.required(Columns.scorerVersion.rawValue),
            verdict: verdict)
        scoredAt = try read.required(Columns.scoredAt.rawValue)
    }

    func encode(to container: inout PersistenceContainer) throws {
        let verdict = record.verdict
        SampleKeyColumns.encode(runID: record.runID, record.key, to: &container)
        container[Columns.mode] = record.mode.rawValue
        container[Columns.scorerID] = record.scorerID
        container[Columns.scorerVersion] = record.scorerVersion
        container[Columns.extracted] = verdict.extracted
        container[Columns.correct] = verdict.correct
        container[Columns.score] = verdict.score
        container[Columns.truncated] = verdict.truncated
        container[Columns.unparsed] = verdict.unparsed
        container[Columns.rule] = verdict.rule
        container[Columns.detailsJSON] = JSONCoding.canonical(verdict.details)
        container[Columns.scoredAt] = scoredAt
    }
}

/// A row of `sub_results`: one part of a verdict (an instruction, a test case), in the verdict's order by rowid.
struct SubResultRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "sub_results"

    enum Columns: String, ColumnExpression {
        case mode, kind, partIndex = "part_index", partID = "part_id", passed, valuesJSON = "values_json", reason
    }

    var runID: String
    var key: SampleKey
    var mode: ScoringMode
    var subResult: SubResult

    init(runID: String, key: SampleKey, mode: ScoringMode, subResult: SubResult) {
        self.runID = runID
        self.key = key
        self.mode = mode
        self.subResult = subResult
    }

    init(row: Row) throws {
        let read = RowReader(
            row: row, table: Self.databaseTableName,
            keyColumns: SampleKeyColumns.names + [Columns.mode.rawValue, Columns.kind.rawValue, Columns.partIndex.rawValue])
        (runID, key) = try SampleKeyColumns.read(read)
        mode = try read.required(Columns.mode.rawValue, as: ScoringMode.self)
        subResult = SubResult(
            kind: try read.required(Columns.kind.rawValue), index: try read.required(Columns.partIndex.rawValue),
            id: try read.required(Columns.partID.rawValue), passed: try read.required(Columns.passed.rawValue),
            values: try read.json(Columns.valuesJSON.rawValue, as: [String: Double].self), reason: try read.optional(Columns.reason.rawValue))
    }

    func encode(to container: inout PersistenceContainer) throws {
        SampleKeyColumns.encode(runID: runID, key, to: &container)
        container[Columns.mode] = mode.rawValue
        container[Columns.kind] = subResult.kind
        container[Columns.partIndex] = subResult.index
        container[Columns.partID] = subResult.id
        container[Columns.passed] = subResult.passed
        container[Columns.valuesJSON] = JSONCoding.canonical(subResult.values)
        container[Columns.reason] = subResult.reason
    }
}
