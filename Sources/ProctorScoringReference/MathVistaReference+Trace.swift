import Foundation
import ProctorCore
import ProctorScoring

/// One MathVista item scored from its raw response beside the published extraction and verdict.
public struct MathVistaTraceRow: Sendable, Hashable, Codable {
    /// The item id (pid).
    public var pid: String
    /// `multi_choice` or `free_form`, then the answer type.
    public var type: String
    /// The gold answer.
    public var gold: String
    /// The published (GPT-4) extraction.
    public var publishedExtraction: String
    /// The published verdict.
    public var published: Bool
    /// Proctor's extraction from the raw response.
    public var extraction: String
    /// The rule that produced it.
    public var rule: String
    /// Proctor's verdict.
    public var verdict: Bool
    /// The raw response.
    public var response: String
}

extension MathVistaReference {
    /// Every item of one published output file scored from its raw `response`, for reading disagreements.
    ///
    /// - Parameters:
    ///   - dataRoot: The shared data folder.
    ///   - model: The file's model name (`bard` for `output_bard.json`).
    /// - Returns: One row per item, in pid order.
    /// - Throws: `ProctorError` when the file is missing or malformed.
    public static func trace(dataRoot: URL, model: String) throws -> [MathVistaTraceRow] {
        let folder = dataRoot.appendingPathComponent("mathvista/reference-outputs")
        guard let file = ReferenceFiles.files(under: folder, suffix: ".json").first(where: { $0.lastPathComponent == "output_\(model).json" }) else {
            throw ProctorError(.invalidInput, "\(folder.path): no output_\(model).json; the models are the file names after output_")
        }
        guard let entries = try ReferenceFiles.json(file).objectValue else {
            throw ProctorError(.invalidInput, "\(file.path): expected an object keyed by pid")
        }
        let scorer = MathVistaScorer()
        return entries.keys.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.compactMap { pid in
            guard let row = entries[pid]?.objectValue, let truth = row["true_false"] else { return nil }
            let item = Self.item(pid: pid, row: row)
            let response = row["response"]?.stringValue ?? ""
            let verdict = scorer.score(ScoringInput(response: response), item: item, mode: .official)
            return MathVistaTraceRow(pid: pid, type: "\(row["question_type"]?.stringValue ?? "?")/\(row["answer_type"]?.stringValue ?? "?")",
                                     gold: row["answer"].map(MathVistaOfficial.pythonString) ?? "",
                                     publishedExtraction: row["extraction"].map(MathVistaOfficial.pythonString) ?? "",
                                     published: truth == .bool(true), extraction: verdict.extracted ?? "",
                                     rule: verdict.rule, verdict: verdict.correct, response: response)
        }
    }
}
