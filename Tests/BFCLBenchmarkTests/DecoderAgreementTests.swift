import FunctionCallChecks
import Foundation
import OrderedJSON
import ProctorTestSupport
import Testing

/// The decoders against the official decodings the score files carry (`model_result_decoded`, `decoded_result`),
/// entry by entry: Python, Java and JavaScript prompt-mode answers of gpt-4-0125-preview.
@Suite struct BFCLDecoderAgreementTests {
    static let reference = Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs")
    static let available = FileManager.default.fileExists(atPath: reference.path)

    /// JSON has no tuples: the official files wrote them as lists.
    static func jsonShaped(_ value: PyValue) -> PyValue {
        switch value {
        case .list(let a), .tuple(let a), .set(let a): .list(a.map(jsonShaped))
        case .dict(let d): .dict(d.map { ($0.key, jsonShaped($0.value)) })
        default: value
        }
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/reference-outputs"),
          arguments: ["simple", "multiple_function", "parallel_function", "parallel_multiple_function", "java", "javascript", "relevance"])
    func decodedCallsEqualTheScoreFiles(category: String) throws {
        let url = Self.reference.appendingPathComponent("score/gpt-4-0125-preview/\(category)_score.json")
        var compared = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let entry = try JSONTree.parse(Data(line.utf8))
            guard let raw = (entry["model_result_raw"] ?? entry["model_result"])?.string,
                let published = entry["model_result_decoded"] ?? entry["decoded_result"]
            else { continue }
            // `decoder_wrong_output_format` entries store the decoding as its Python `str()`.
            if case .string = published { continue }
            let ours: PyValue
            switch category {
            case "java": ours = try JavaCallDecoder.decode(raw)
            case "javascript": ours = try JavaScriptCallDecoder.decode(raw)
            default: ours = try PromptDecoder.decodePython(raw, version: .v1)
            }
            #expect(Self.jsonShaped(ours) == PyValue(json: published), "\(category) #\(entry["id"]?.int ?? -1): \(raw)")
            compared += 1
        }
        #expect(compared > 0)
    }

    /// The official decoders' own output (`Fixtures/official-decodings.jsonl`, written by gorilla de8307b4's
    /// `ast_parse` with tree-sitter-java 0.21.0 and tree-sitter-javascript 0.21.4) for every Java and JavaScript
    /// result and every Python result that fails to decode or is not in call format; the raw texts are read from
    /// the published result files.
    @Test(.enabled(if: available, "needs ../shared/data/bfcl/reference-outputs"))
    func decodingsEqualTheOfficialDecoders() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-decodings.jsonl")
        var raws: [String: String] = [:]
        var mismatches: [String] = []
        var compared = 0
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if raws["\(category)/\(id)"] == nil {
                let results = Self.reference.appendingPathComponent("result/gpt-4-0125-preview/gorilla_openfunctions_v1_test_\(category)_result.json")
                for result in try String(contentsOf: results, encoding: .utf8).split(separator: "\n") {
                    let tree = try JSONTree.parse(Data(result.utf8))
                    if let rid = tree["id"]?.string, let text = tree["result"]?.string { raws["\(category)/\(rid)"] = text }
                }
            }
            let raw = try #require(raws["\(category)/\(id)"])
            let ours: PyValue?
            switch record["language"]?.string {
            case "Java": ours = try? JavaCallDecoder.decode(raw)
            case "JavaScript": ours = try? JavaScriptCallDecoder.decode(raw)
            default: ours = try? PromptDecoder.decodePython(raw, version: .v1)
            }
            let expected = record["decoded"].map { Self.noneKeys(PyValue(json: $0)) }
            compared += 1
            if ours.map(Self.jsonShaped) != expected {
                mismatches.append("\(category)/\(id): official \(expected?.description ?? "raises"), Proctor \(ours?.description ?? "raises")")
            }
        }
        #expect(compared > 200)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared): \(mismatches.prefix(5).joined(separator: "\n"))")
    }

    /// The fixture writes Java's positional-argument key `None` as `__None__`.
    static func noneKeys(_ value: PyValue) -> PyValue {
        switch value {
        case .list(let a): .list(a.map(noneKeys))
        case .dict(let d): .dict(d.map { ($0.key == .string("__None__") ? .none : $0.key, noneKeys($0.value)) })
        default: value
        }
    }
}
