import Foundation
import ProctorCore
import ProctorScoring

/// OlympiadBench's judge examples (`olympiadbench/reference-outputs/scoring_examples.json`).
public enum OlympiadBenchReference {
    /// The judge on every (GT, answer, precision) pair vs the expected `equal`.
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Throws: `ProctorError` when the file is malformed.
    public static func agreement(dataRoot: URL) throws -> [ReferenceAgreement] {
        let file = dataRoot.appendingPathComponent("olympiadbench/reference-outputs/scoring_examples.json")
        var tally = ReferenceAgreement(benchmark: "olympiadbench", model: "scoring_examples.json", comparison: "judge(GT, answer, precision) vs `equal`")
        for (n, example) in (try ReferenceFiles.json(file).arrayValue ?? []).enumerated() {
            guard let gt = example["GT"]?.stringValue, let answers = example["Ans"]?.arrayValue else {
                throw ProctorError(.invalidInput, "\(file.path) example \(n): expected GT and Ans")
            }
            for (k, answer) in answers.enumerated() {
                let precision: [Double]
                switch answer["precision"] {
                case .array(let values)?: precision = values.compactMap(\.doubleValue)
                case let value?: precision = [value.doubleValue ?? 1e-8]
                case nil: precision = [1e-8]
                }
                let verdict = OlympiadBenchJudge.judge(gt, answer["answer"]?.stringValue ?? "", precision: precision)
                tally.record(id: "\(n).\(k)", proctor: verdict, published: answer["equal"] == .bool(true))
            }
        }
        return [tally]
    }
}
