import Foundation
import MathEquivalence
import ProctorCore
import ProctorScoring

/// MathVista's published model outputs (`mathvista/reference-outputs/<model>/output_*.json` + `scores_*.json`).
public enum MathVistaReference {
    /// Per model: the official verdict from the published `extraction` (must reproduce every `true_false`), and
    /// from the raw `response` with rules in place of GPT-4 (agreement reported).
    ///
    /// - Parameters:
    ///   - dataRoot: The shared data folder.
    ///   - responseStride: Score every n-th item from the raw response (1 = all; tests use a sample to stay fast).
    /// - Returns: Two rows per output file.
    /// - Throws: `ProctorError` when a file is malformed.
    public static func agreement(dataRoot: URL, responseStride: Int = 1) throws -> [ReferenceAgreement] {
        let folder = dataRoot.appendingPathComponent("mathvista/reference-outputs")
        let scorer = MathVistaScorer()
        var rows: [ReferenceAgreement] = []
        for file in ReferenceFiles.files(under: folder, suffix: ".json") where file.lastPathComponent.hasPrefix("output_") {
            let model = String(file.lastPathComponent.dropFirst("output_".count).dropLast(".json".count))
            let scoresFile = file.deletingLastPathComponent().appendingPathComponent("scores_\(model).json")
            let published = (try? ReferenceFiles.json(scoresFile))?["average"]
            let stated = published.map { "\($0["accuracy"]?.stringValue ?? "?") (\($0["correct"]?.stringValue ?? "?")/\($0["total"]?.stringValue ?? "?"))" } ?? ""
            var fromExtraction = ReferenceAgreement(benchmark: "mathvista", model: model, comparison: "official (int(x) rule of the published run) from published `extraction` vs `true_false`", publishedScore: stated)
            var withResponse = ReferenceAgreement(benchmark: "mathvista", model: model, comparison: "official from raw `response`, rows whose `response` is non-empty", publishedScore: stated)
            var currentRule = ReferenceAgreement(benchmark: "mathvista", model: model, comparison: "official (current int(float(x)) rule) from published `extraction` vs `true_false`", publishedScore: stated)
            var fromResponse = ReferenceAgreement(benchmark: "mathvista", model: model, comparison: "official from raw `response` (rules for GPT-4) vs `true_false`", publishedScore: stated)
            guard let entries = try ReferenceFiles.json(file).objectValue else {
                throw ProctorError(.invalidInput, "\(file.path): expected an object keyed by pid")
            }
            for pid in entries.keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
                guard let row = entries[pid]?.objectValue, let truth = row["true_false"] else { continue }
                let item = Self.item(pid: pid, row: row)
                let expected = truth == .bool(true)
                let viaExtraction = scorer.scoreExtraction(row["extraction"] ?? .string(""), item: item, integerRule: .parseInteger)
                fromExtraction.record(id: pid, proctor: viaExtraction.correct, published: expected)
                let viaCurrent = scorer.scoreExtraction(row["extraction"] ?? .string(""), item: item)
                currentRule.record(id: pid, proctor: viaCurrent.correct, published: expected)
                guard (Int(pid) ?? 0) % responseStride == 0 else { continue }
                let viaResponse = scorer.score(ScoringInput(response: row["response"]?.stringValue ?? ""), item: item, mode: .official)
                fromResponse.record(id: pid, proctor: viaResponse.correct, published: expected)
                if !(row["response"]?.stringValue ?? "").trimmingSpaces().isEmpty {
                    withResponse.record(id: pid, proctor: viaResponse.correct, published: expected)
                }
            }
            rows += [fromExtraction, currentRule, fromResponse, withResponse]
        }
        return rows
    }

    /// A BenchmarkItem carrying the row's official fields.
    static func item(pid: String, row: [String: JSONValue]) -> BenchmarkItem {
        var fields: [String: JSONValue] = [:]
        for key in ["question_type", "answer_type", "precision", "choices", "answer", "unit", "question", "query"] { fields[key] = row[key] ?? .null }
        return BenchmarkItem(benchmark: BenchmarkName(name: "mathvista", split: "testmini"), id: pid, messages: [],
                             promptTemplate: "", answer: row["answer"]?.stringValue ?? "",
                             choices: row["choices"]?.arrayValue?.compactMap(\.stringValue) ?? [], fields: fields)
    }
}
