import Foundation
import ProctorCore

/// LiveBench's `model_answer/<model>.jsonl` files as `gen_api_answer` writes them: one line per question with
/// `question_id`, `answer_id`, `model_id` and `choices[0].turns`, whose last turn is the answer the judge scores.
public struct LiveBenchAnswerFile: PredictionFormat {
    public let name = "livebench model_answer"

    /// Creates the format.
    public init() {}

    public func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]? {
        let lines = try JSONLines.decode(JSONValue.self, from: url)
        guard let first = lines.first?.value, first["question_id"] != nil, first["choices"] != nil else { return nil }
        return try lines.map { number, row in
            guard let id = row["question_id"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): a model_answer line needs \"question_id\"")
            }
            guard let turns = row["choices"]?.arrayValue?.first?["turns"]?.arrayValue, let last = turns.last?.stringValue else {
                throw ProctorError(
                    .invalidInput, "\(url.path):\(number): question \(id) has no choices[0].turns (the official judge scores its last turn)")
            }
            var fields: [String: JSONValue] = [:]
            for key in ["answer_id", "model_id"] { fields[key] = row[key] }
            return ImportedPrediction(line: number, itemID: id, response: last, fields: fields)
        }
    }
}
