import Foundation
import OrderedJSON
import ProctorCore

/// The official result files (`<model>/<…>_<category>_result.json`): one `{"id", "result", …}` object per line,
/// `result` a string for prompt-mode models and a list of `{name: arguments}` for function-calling models. The
/// answer mode is read from that shape unless `forcedMode` says otherwise.
public struct BFCLResultFormat: PredictionFormat {
    /// The answer mode, when it is not read from each result's shape.
    public enum Mode: String, Sendable {
        case prompt, functionCalling = "function_calling"
    }

    public var name: String { "bfcl result file" }
    /// A mode that overrides the shape (nil: from the shape).
    public var forcedMode: Mode?

    /// Creates the format.
    ///
    /// - Parameter forcedMode: A mode that overrides each result's shape.
    public init(forcedMode: Mode? = nil) {
        self.forcedMode = forcedMode
    }

    public func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]? {
        let lines = try BFCLFiles.lines(url)
        guard let first = lines.first, first.tree["result"] != nil, first.tree["id"] != nil, first.tree["response"] == nil else { return nil }
        return try lines.map { line in
            guard let id = line.tree["id"]?.string else {
                throw ProctorError(.invalidInput, "\(url.path):\(line.number): a result without a string \"id\"")
            }
            guard let result = line.tree["result"] else {
                throw ProctorError(.invalidInput, "\(url.path):\(line.number): item \(id) has no \"result\"")
            }
            switch (result, forcedMode) {
            case (.string(let text), nil), (.string(let text), .prompt?):
                return ImportedPrediction(line: line.number, itemID: id, response: text)
            case (.array, nil), (.array, .functionCalling?), (.string, .functionCalling?):
                let text = try Self.jsonText(result, url: url, line: line.number)
                return ImportedPrediction(line: line.number, itemID: id, response: text, extraction: text)
            case (.array, .prompt?):
                throw ProctorError(.invalidInput, "\(url.path):\(line.number): item \(id) has a list result, which is not a prompt-mode answer")
            default:
                throw ProctorError(
                    .invalidInput,
                    "\(url.path):\(line.number): item \(id) has a \"result\" that is neither a string (prompt mode) nor a list of {name: arguments} (function calling)")
            }
        }
    }

    static func jsonText(_ tree: JSONTree, url: URL, line: Int) throws -> String {
        if case .string(let s) = tree { return s }
        do {
            let data = try JSONSerialization.data(withJSONObject: tree.foundation, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw ProctorError(.invalidInput, "\(url.path):\(line): the result cannot be written as JSON", underlying: nil)
        }
    }
}
