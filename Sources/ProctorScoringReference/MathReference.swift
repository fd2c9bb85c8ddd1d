import Foundation
import ProctorCore
import ProctorScoring

/// Qwen2.5-Math's published MATH verdicts (`math/reference-outputs/math_cot_100.jsonl`: 100 problems × 8 samples).
public enum MathReference {
    /// Scores every sample in `official` mode and compares with the published `score` (and `pred`).
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Returns: Verdict agreement and extraction agreement.
    /// - Throws: `ProctorError` when the file is missing or malformed.
    public static func agreement(dataRoot: URL) throws -> [ReferenceAgreement] {
        let rows = try ReferenceFiles.jsonLines(dataRoot.appendingPathComponent("math/reference-outputs/math_cot_100.jsonl"))
        let scorer = MathAnswerScorer(id: "math", integerAnswers: false)
        var verdicts = ReferenceAgreement(benchmark: "math", model: "Qwen2.5-Math (math_cot_100)", comparison: "official verdict vs published `score`", publishedScore: "728/800")
        var strict = ReferenceAgreement(benchmark: "math", model: "Qwen2.5-Math (math_cot_100)", comparison: "strict verdict vs published `score` (strict is not meant to match)", publishedScore: "728/800")
        var extraction = ReferenceAgreement(benchmark: "math", model: "Qwen2.5-Math (math_cot_100)", comparison: "official extraction vs published `pred`")
        for (n, row) in rows.enumerated() {
            guard let gt = row["gt"]?.stringValue, let responses = row["code"]?.arrayValue ?? row["response"]?.arrayValue,
                  let scores = row["score"]?.arrayValue, let preds = row["pred"]?.arrayValue else {
                throw ProctorError(.invalidInput, "math_cot_100.jsonl line \(n + 1): expected gt, code, score and pred")
            }
            let item = BenchmarkItem(benchmark: BenchmarkName(name: "math", split: "test"), id: String(n), messages: [],
                                     promptTemplate: "", answer: gt)
            for (k, response) in responses.enumerated() where k < scores.count {
                let verdict = scorer.score(ScoringInput(response: response.stringValue ?? "", sampleIndex: k), item: item, mode: .official)
                let published = scores[k] == .bool(true)
                verdicts.record(id: "\(n)/\(k)", proctor: verdict.correct, published: published)
                let strictVerdict = scorer.score(ScoringInput(response: response.stringValue ?? "", sampleIndex: k), item: item, mode: .strict)
                strict.record(id: "\(n)/\(k)", proctor: strictVerdict.correct, published: published)
                let samePred = (verdict.extracted ?? "") == (preds[k].stringValue ?? "")
                extraction.record(id: "\(n)/\(k)", proctor: samePred, published: true)
            }
        }
        return [verdicts, extraction, strict]
    }
}
