import GRDB
import ProctorCore

/// An LLM judge's verdict on one sample, stored beside (never instead of) the rule verdicts.
public struct JudgementRecord: Sendable, Codable, Hashable {
    public var runID: String
    public var key: SampleKey
    /// The judge model (`NAME@URL`).
    public var judge: String
    /// The judge prompt's version.
    public var promptVersion: String
    /// The judge's verdict (nil when its reply had none).
    public var correct: Bool?
    public var extracted: String?
    public var reply: String

    /// Creates a record.
    public init(runID: String, key: SampleKey, judge: String, promptVersion: String, correct: Bool?, extracted: String?, reply: String) {
        self.runID = runID
        self.key = key
        self.judge = judge
        self.promptVersion = promptVersion
        self.correct = correct
        self.extracted = extracted
        self.reply = reply
    }
}

/// A row of `judgements`.
struct JudgementRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "judgements"

    enum Columns: String, ColumnExpression {
        case judge, promptVersion = "prompt_version", correct, extracted, reply, judgedAt = "judged_at"
    }

    var record: JudgementRecord
    var judgedAt: String
}

extension JudgementRow {
    init(row: Row) throws {
        let (read, runID, key) = try SampleKeyColumns.reader(row, table: Self.databaseTableName, alsoNaming: [Columns.judge.rawValue])
        record = JudgementRecord(
            runID: runID, key: key, judge: try read.required(Columns.judge.rawValue), promptVersion: try read.required(Columns.promptVersion.rawValue),
            correct: try read.optional(Columns.correct.rawValue), extracted: try read.optional(Columns.extracted.rawValue),
            reply: try read.required(Columns.reply.rawValue))
        judgedAt = try read.required(Columns.judgedAt.rawValue)
    }

    func encode(to container: inout PersistenceContainer) throws {
        SampleKeyColumns.encode(runID: record.runID, record.key, to: &container)
        container[Columns.judge] = record.judge
        container[Columns.promptVersion] = record.promptVersion
        container[Columns.correct] = record.correct
        container[Columns.extracted] = record.extracted
        container[Columns.reply] = record.reply
        container[Columns.judgedAt] = judgedAt
    }
}

extension ResultsDatabase {
    /// Stores a judgement (replacing an earlier one by the same judge).
    ///
    /// - Parameter judgement: The judgement.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written.
    public func record(_ judgement: JudgementRecord) throws {
        try write { db in try JudgementRow(record: judgement, judgedAt: Timestamp.now()).insert(db, onConflict: .replace) }
    }

    /// The judgements of a run by one judge, in key order.
    ///
    /// - Parameters:
    ///   - runID: The run.
    ///   - judge: The judge (`NAME@URL`).
    /// - Throws: `ProctorError` (`.database`) naming the row when a stored judgement does not decode.
    public func judgements(runID: String, judge: String) throws -> [JudgementRecord] {
        try read { db in
            try JudgementRow.filter(SampleKeyColumns.runID == runID && JudgementRow.Columns.judge == judge)
                .order(SampleKeyColumns.benchmark, SampleKeyColumns.itemID, SampleKeyColumns.sampleIndex).fetchAll(db).map(\.record)
        }
    }
}
