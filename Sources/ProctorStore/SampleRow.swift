import GRDB
import ProctorCore

/// A row of `samples`.
struct SampleRow: FetchableRecord, ListedColumns, Sendable {
    static let databaseTableName = "samples"

    enum Columns: String, ColumnExpression, CaseIterable {
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
        let (read, runID, key) = try SampleKeyColumns.reader(row, table: Self.databaseTableName)
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

    static let columnNames = SampleKeyColumns.names + Columns.allCases.map(\.rawValue)

    var values: [(any DatabaseValueConvertible)?] {
        let r = record
        // In the order of `Columns`.
        return [
            r.runID, r.key.benchmark, r.key.itemID, r.key.sampleIndex, Int64(bitPattern: r.seed), r.promptJSON, r.renderedPrompt,
            JSONCoding.canonical(r.imageHashes), r.output, r.reasoningContent, r.preExtracted, r.finishReason?.rawValue, r.promptTokens,
            r.completionTokens, r.latencyMs, r.error, r.shard, r.host, r.createdAt,
        ]
    }
}
