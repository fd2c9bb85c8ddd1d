import Foundation

/// One model output read from a predictions file made elsewhere (another harness, a leaderboard submission).
public struct ImportedPrediction: Sendable, Hashable {
    /// The 1-based line (or record) number in the file, for error messages.
    public var line: Int
    /// The benchmark's own item id.
    public var itemID: String
    /// Which of the item's samples it is.
    public var sample: Int
    /// The raw output text (for structured outputs, such as function calls, their JSON text).
    public var response: String
    /// An answer already extracted by the other tool, scored as given.
    public var extraction: String?
    /// The line's other fields under their official names (used for items absent from the local data).
    public var fields: [String: JSONValue]
    /// The official scorer's verdict carried by the file, stored as imported (not re-graded) when the data needed to
    /// grade is absent (LiveCodeBench's `graded_list` without test cases).
    public var importedVerdict: Verdict?

    /// Creates a prediction.
    public init(
        line: Int, itemID: String, sample: Int = 0, response: String, extraction: String? = nil, fields: [String: JSONValue] = [:],
        importedVerdict: Verdict? = nil
    ) {
        self.line = line
        self.itemID = itemID
        self.sample = sample
        self.response = response
        self.extraction = extraction
        self.fields = fields
        self.importedVerdict = importedVerdict
    }
}

/// A benchmark-specific predictions file shape that `proctor score` accepts besides Proctor's own `{id, response}`
/// lines: IFEval's `{prompt, response}` lines, a BFCL result file, a LiveCodeBench submission, LiveBench's
/// `model_answer` files.
public protocol PredictionFormat: Sendable {
    /// The format's name, for messages (`ifeval input_response_data`).
    var name: String { get }

    /// Reads the file if it has this format's shape.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - items: The benchmark's items that could be loaded, by id (IFEval matches by prompt text).
    ///   - split: The split being scored.
    /// - Returns: The predictions, or nil when the file is not in this format (the next format is tried).
    /// - Throws: `ProctorError` naming the line when the file is in this format but a line is malformed or matches
    ///   no item; nothing is stored then.
    func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]?
}
