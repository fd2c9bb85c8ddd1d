import Foundation
import ProctorCore

/// Published output files that are one JSON document keyed by item id, as benchmark repositories publish their
/// baselines: MathVista's `output_<model>.json` (`{pid: {…, "response", "extraction"}}`) and MMMU's eval-only
/// `{id: prediction}` files.
///
/// An object value contributes its `response` and, when present, the `extraction` the benchmark's own pipeline
/// made from it (scored as given, as the official scorer does); a string value is the prediction itself.
struct KeyedOutputsFormat: PredictionFormat {
    let name: String

    func read(_ url: URL, items: [String: BenchmarkItem], split: String) throws -> [ImportedPrediction]? {
        let data = try Data(contentsOf: url)
        guard data.first(where: { !$0.isWhitespace }) == UInt8(ascii: "{"),
              let object = try? JSONDecoder().decode([String: JSONValue].self, from: data),
              // One Proctor line (`{"id", "response"}`) is a JSON object too; it is not keyed by item.
              object["id"] == nil, object["response"] == nil
        else { return nil }
        let ids = object.keys.sorted { a, b in
            switch (Int(a), Int(b)) {
            case let (x?, y?): x < y
            default: a < b
            }
        }
        return try ids.enumerated().map { index, id in
            switch object[id] {
            case .string(let prediction)?:
                return ImportedPrediction(line: index + 1, itemID: id, response: prediction, extraction: prediction)
            case .object(let fields)?:
                guard let response = fields["response"]?.stringValue else {
                    throw ProctorError(.invalidInput, "\(url.path): entry \"\(id)\" (\(name)) has no \"response\" string")
                }
                let extraction = fields["extraction"].flatMap { $0.isNull ? nil : $0.stringValue }
                return ImportedPrediction(line: index + 1, itemID: id, response: response, extraction: extraction, fields: fields)
            default:
                throw ProctorError(.invalidInput, "\(url.path): entry \"\(id)\" (\(name)) is neither a prediction string nor an object with \"response\"")
            }
        }
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
