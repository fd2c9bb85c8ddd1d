import Foundation
import ProctorCore

/// The official runner's evaluation file (`Scenario.codegeneration_<n>_<temperature>_eval_all.json`, as the
/// LiveCodeBench submissions repository publishes it): a JSON list with one object per problem holding the problem's
/// fields, `output_list` (the k raw outputs), `code_list` (the official extraction of each), and, once graded,
/// `graded_list` (one boolean per output) and `pass@1`.
///
/// Each output becomes one sample; Proctor extracts its code itself and records whether that equals the file's
/// `code_list` entry (`details["official_code_matches"]`). Where the file carries `graded_list` and the problem's
/// tests are not in the local data, the file's verdict is stored as imported (not re-graded); with tests present,
/// the outputs are graded again in the sandbox.
public struct LCBSubmissionFormat: PredictionFormat {
    /// The format's name in messages.
    public let name = "LiveCodeBench Scenario.codegeneration eval_all.json"

    /// Creates the format.
    public init() {}

    /// The problem fields copied onto each prediction (so problems absent from the local data still resolve).
    static let problemFields = ["question_title", "question_content", "platform", "question_id", "contest_id", "contest_date", "starter_code", "difficulty"]

    /// Reads the file when it is a JSON list of problems with `output_list`.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - items: The local items by id (their `has_tests` decides import or re-grading).
    ///   - split: The split scored.
    /// - Returns: One prediction per output, or nil for another format.
    /// - Throws: `ProctorError` naming the problem when a record is malformed.
    public func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]? {
        guard let data = FileManager.default.contents(atPath: url.path),
              data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "["),
              let records = try? JSONDecoder().decode([JSONValue].self, from: data),
              let first = records.first?.objectValue, first["output_list"] != nil, first["question_id"] != nil
        else { return nil }
        var predictions: [ImportedPrediction] = []
        for (index, record) in records.enumerated() {
            let place = "\(url.path): problem \(index + 1)"
            guard let object = record.objectValue, let id = object["question_id"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(place) is not an object with a question_id")
            }
            guard let outputs = object["output_list"]?.arrayValue?.map(\.stringValue), !outputs.contains(nil) else {
                throw ProctorError(.invalidInput, "\(place) (\(id)): output_list is not a list of strings")
            }
            let codes = try Self.list(object["code_list"], count: outputs.count, name: "code_list", place: "\(place) (\(id))") { $0.stringValue }
            let graded = try Self.list(object["graded_list"], count: outputs.count, name: "graded_list", place: "\(place) (\(id))") { value -> Bool? in
                if case .bool(let b) = value { return b }
                return nil
            }
            var fields: [String: JSONValue] = [:]
            for key in Self.problemFields { if let value = object[key] { fields[key] = value } }
            let hasTests = items[id]?.fields["has_tests"] == .bool(true)
            for (sample, output) in outputs.enumerated() {
                let response = output ?? ""
                var imported: Verdict?
                if let graded, !hasTests {
                    let code = LCBCodeExtraction.extract(response)
                    var details: [String: JSONValue] = ["imported": .string("graded_list of \(url.lastPathComponent)")]
                    if let codes {
                        details["official_code_matches"] = .bool(codes[sample] == code)
                        if codes[sample] != code { details["official_code"] = .string(codes[sample]) }
                    }
                    imported = Verdict(extracted: code, correct: graded[sample], unparsed: code.isEmpty, rule: "imported", details: details)
                }
                predictions.append(ImportedPrediction(line: index + 1, itemID: id, sample: sample, response: response, fields: fields, importedVerdict: imported))
            }
        }
        return predictions
    }

    /// An optional per-output list of the record, checked for length and element type.
    static func list<T>(_ value: JSONValue?, count: Int, name: String, place: String, _ element: (JSONValue) -> T?) throws -> [T]? {
        guard let value, !value.isNull else { return nil }
        guard let array = value.arrayValue else { throw ProctorError(.invalidInput, "\(place): \(name) is not a list") }
        guard array.count == count else {
            throw ProctorError(.invalidInput, "\(place): \(name) has \(array.count) entries for \(count) outputs")
        }
        let elements = array.compactMap(element)
        guard elements.count == count else { throw ProctorError(.invalidInput, "\(place): \(name) holds an entry of the wrong type") }
        return elements
    }
}
