import ProctorCore
import ProctorStore

/// One sample whose `official` and `strict` verdicts differ: the first thing to read when a score differs from
/// a paper's (the official scorer's leniency or strictness, item by item).
public struct ModeDisagreement: Sendable, Codable, Hashable {
    /// The run's display name.
    public var run: String
    /// The benchmark (`name:split`).
    public var benchmark: String
    /// The item id.
    public var itemID: String
    /// The sample index.
    public var sample: Int
    /// The answer `official` extracted (nil when it found none).
    public var officialExtracted: String?
    /// The `official` verdict.
    public var officialCorrect: Bool
    /// The answer `strict` extracted (nil when it found none).
    public var strictExtracted: String?
    /// The `strict` verdict.
    public var strictCorrect: Bool
    /// The rules that produced the two extractions.
    public var officialRule: String
    public var strictRule: String

    enum CodingKeys: String, CodingKey {
        case run, benchmark, itemID = "item_id", sample, officialExtracted = "official_extracted"
        case officialCorrect = "official_correct", strictExtracted = "strict_extracted", strictCorrect = "strict_correct"
        case officialRule = "official_rule", strictRule = "strict_rule"
    }

    /// The samples of a run whose two verdicts differ, in benchmark, item and sample order.
    ///
    /// - Parameters:
    ///   - run: The run.
    ///   - database: Where its verdicts are.
    /// - Returns: The disagreements (empty when the run has verdicts in one mode only).
    /// - Throws: A database error.
    public static func find(run: RunRecord, database: ResultsDatabase) throws -> [ModeDisagreement] {
        let strict = Dictionary(try database.scores(runID: run.runID, mode: .strict).map { ($0.key, $0.verdict) },
                                uniquingKeysWith: { a, _ in a })
        return try database.scores(runID: run.runID, mode: .official).compactMap { score in
            guard let other = strict[score.key], other.correct != score.verdict.correct else { return nil }
            return ModeDisagreement(run: run.displayName, benchmark: score.key.benchmark, itemID: score.key.itemID,
                                    sample: score.key.sampleIndex, officialExtracted: score.verdict.extracted,
                                    officialCorrect: score.verdict.correct, strictExtracted: other.extracted,
                                    strictCorrect: other.correct, officialRule: score.verdict.rule, strictRule: other.rule)
        }
    }
}

extension Report {
    /// The Markdown section listing `disagreements` (nothing when there are none).
    func disagreementsMarkdown() -> String {
        guard !disagreements.isEmpty else { return "" }
        var out = "\n### Items where official and strict disagree\n\n"
        let counts = Dictionary(grouping: disagreements, by: { "\($0.run) \($0.benchmark)" }).mapValues(\.count)
        out += counts.keys.sorted().map { "\($0): \(counts[$0] ?? 0) samples" }.joined(separator: "; ") + "\n\n"
        out += table(header: ["run", "benchmark", "item", "sample", "official extracted", "official", "strict extracted", "strict"],
                     rows: disagreements.map { d in
                         [d.run, d.benchmark, d.itemID, String(d.sample), Self.shown(d.officialExtracted, d.officialRule),
                          d.officialCorrect ? "correct" : "wrong", Self.shown(d.strictExtracted, d.strictRule),
                          d.strictCorrect ? "correct" : "wrong"]
                     })
        return out
    }

    /// An extraction for a table cell: at most 80 characters, with its rule; `—` when none was found.
    static func shown(_ extracted: String?, _ rule: String) -> String {
        guard let extracted, !extracted.isEmpty else { return "— (\(rule))" }
        let short = extracted.count > 80 ? String(extracted.prefix(77)) + "…" : extracted
        return "\(short) (\(rule))"
    }
}
