import GRDB
import ProctorCore

/// A row of `scores`: one verdict (its sub-results live in `sub_results`).
struct ScoreRow: FetchableRecord, ListedColumns, Sendable {
    static let databaseTableName = "scores"

    enum Columns: String, ColumnExpression, CaseIterable {
        case mode, scorerID = "scorer_id", scorerVersion = "scorer_version", extracted, correct, score, truncated, unparsed, rule
        case detailsJSON = "details_json", scoredAt = "scored_at"
    }

    /// The verdict, with no sub-results when read (they are read from their own table).
    var record: ScoreRecord
    var scoredAt: String
}

extension ScoreRow {
    init(row: Row) throws {
        let (read, runID, key) = try SampleKeyColumns.reader(row, table: Self.databaseTableName, alsoNaming: [Columns.mode.rawValue])
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

    static let columnNames = SampleKeyColumns.names + Columns.allCases.map(\.rawValue)

    var values: [(any DatabaseValueConvertible)?] {
        let r = record, v = record.verdict
        // In the order of `Columns`.
        return [
            r.runID, r.key.benchmark, r.key.itemID, r.key.sampleIndex, r.mode.rawValue, r.scorerID, r.scorerVersion, v.extracted, v.correct,
            v.score, v.truncated, v.unparsed, v.rule, JSONCoding.canonical(v.details), scoredAt,
        ]
    }
}

/// A row of `sub_results`: one part of a verdict (an instruction, a test case), in the verdict's order by rowid.
struct SubResultRow: FetchableRecord, ListedColumns, Sendable {
    static let databaseTableName = "sub_results"

    enum Columns: String, ColumnExpression, CaseIterable {
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

    static let columnNames = SampleKeyColumns.names + Columns.allCases.map(\.rawValue)

    var values: [(any DatabaseValueConvertible)?] {
        let part = subResult
        // In the order of `Columns`.
        return [
            runID, key.benchmark, key.itemID, key.sampleIndex, mode.rawValue, part.kind, part.index, part.id, part.passed,
            JSONCoding.canonical(part.values), part.reason,
        ]
    }
}
