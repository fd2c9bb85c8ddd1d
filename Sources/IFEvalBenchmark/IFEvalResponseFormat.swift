import Foundation
import ProctorCore

/// The official checker's `input_response_data` file: one `{"prompt", "response"}` object per line, matched to the
/// input by the exact prompt text (`evaluation_main.py` reads it so). The checker's own `eval_results_*.jsonl`
/// files have the same two fields and read the same way.
///
/// A file is in this format when its first line has `prompt` and `response` and no `id` (Proctor's own lines carry
/// `id`). Every line must then be an object with string `prompt` and `response`, and every prompt must match an
/// input; otherwise the error names the line and nothing is stored.
public struct IFEvalResponseFormat: PredictionFormat {
    public let name = "ifeval input_response_data"

    /// Creates the format.
    public init() {}

    public func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]? {
        let lines = try JSONLines.decode(JSONValue.self, from: url)
        guard let first = lines.first?.value.objectValue, first["id"] == nil, first["prompt"] != nil, first["response"] != nil else {
            return nil
        }
        var byPrompt: [String: String] = [:]
        for item in items.values {
            if case .string(let prompt)? = item.fields["prompt"] { byPrompt[prompt] = item.id }
        }
        return try lines.map { number, value in
            guard let object = value.objectValue else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): expected a {\"prompt\", \"response\"} object, found \(value)")
            }
            guard case .string(let prompt)? = object["prompt"] else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): \"prompt\" must be a string (the input's prompt text)")
            }
            guard case .string(let response)? = object["response"] else {
                throw ProctorError(.invalidInput, "\(url.path):\(number): \"response\" must be a string (the model's output)")
            }
            guard let id = byPrompt[prompt] else {
                let shown = String(reflecting: prompt.count > 80 ? String(prompt.prefix(80)) + "…" : prompt)
                if items.isEmpty {
                    throw ProctorError(
                        .invalidInput,
                        "\(url.path):\(number): no IFEval inputs were found to match the prompt \(shown) against; pass --data FOLDER or run `proctor fetch ifeval`")
                }
                throw ProctorError(
                    .invalidInput,
                    "\(url.path):\(number): the prompt \(shown) matches none of the \(items.count) IFEval inputs (responses are matched by their exact prompt text); fix or drop that line")
            }
            return ImportedPrediction(line: number, itemID: id, response: response, fields: ["prompt": .string(prompt)])
        }
    }
}
