import ProctorCore

/// An LLM judge's verdict on one sample, stored beside (never instead of) the rule verdicts.
public struct JudgementRecord: Sendable, Hashable {
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

extension ResultsDatabase {
    /// Stores a judgement (replacing an earlier one by the same judge).
    public func record(_ judgement: JudgementRecord) throws {
        _ = try withConnection { connection in
            try connection.query(
                """
                INSERT OR REPLACE INTO judgements(run_id, benchmark, item_id, sample_index, judge, prompt_version, correct, extracted, reply, judged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(judgement.runID), .text(judgement.key.benchmark), .text(judgement.key.itemID), .integer(Int64(judgement.key.sampleIndex)),
                 .text(judgement.judge), .text(judgement.promptVersion), judgement.correct.map { .integer($0 ? 1 : 0) } ?? .null,
                 .optional(judgement.extracted), .text(judgement.reply), .text(Timestamp.now())])
        }
    }

    /// The judgements of a run by one judge.
    public func judgements(runID: String, judge: String) throws -> [JudgementRecord] {
        try withConnection { connection in
            try connection.query(
                "SELECT benchmark, item_id, sample_index, prompt_version, correct, extracted, reply FROM judgements WHERE run_id = ? AND judge = ?",
                [.text(runID), .text(judge)]
            ).map { r in
                JudgementRecord(
                    runID: runID, key: SampleKey(benchmark: r[0].text ?? "", itemID: r[1].text ?? "", sampleIndex: Int(r[2].integer ?? 0)),
                    judge: judge, promptVersion: r[3].text ?? "", correct: r[4].integer.map { $0 == 1 }, extracted: r[5].text, reply: r[6].text ?? "")
            }
        }
    }
}
