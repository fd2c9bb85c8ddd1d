import Foundation
import ProctorCore
import ProctorScoring

/// MATH-V's published outputs (`mathvision/reference-outputs/**.jsonl` with `correct`, and `*_result.json`).
public enum MathVisionReference {
    /// Per model file: the official verdict recomputed from `response` vs the published `correct` (and, for
    /// information, the strict verdict).
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Throws: `ProctorError` when a file is malformed.
    public static func agreement(dataRoot: URL) throws -> [ReferenceAgreement] {
        let base = dataRoot.appendingPathComponent("mathvision")
        var questions: [String: [String: JSONValue]] = [:]
        for row in try ReferenceFiles.jsonLines(base.appendingPathComponent("data/test.jsonl")) {
            if let o = row.objectValue, let id = o["id"]?.stringValue { questions[id] = o }
        }
        let scorer = MathVisionScorer()
        var rows: [ReferenceAgreement] = []
        for file in ReferenceFiles.files(under: base.appendingPathComponent("reference-outputs"), suffix: ".jsonl") {
            let name = String(file.lastPathComponent.dropLast(".jsonl".count))
            let resultFile = file.deletingLastPathComponent().appendingPathComponent("\(name)_result.json")
            let stated = (try? ReferenceFiles.json(resultFile))?["-all"]?.stringValue ?? ""
            var strict = ReferenceAgreement(benchmark: "mathvision", model: name, comparison: "strict verdict vs `correct` (strict is not meant to match)", publishedScore: stated)
            var tally = ReferenceAgreement(benchmark: "mathvision", model: name, comparison: "official from `response` vs `correct`", publishedScore: stated)
            for (n, row) in try ReferenceFiles.jsonLines(file).enumerated() {
                guard let id = row["id"]?.stringValue, let q = questions[id], let expected = row["correct"] else {
                    throw ProctorError(.invalidInput, "\(file.path) line \(n + 1): unknown id or no `correct`")
                }
                let options = q["options"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let item = BenchmarkItem(benchmark: BenchmarkName(name: "mathvision", split: "test"), id: id, messages: [],
                                         promptTemplate: "", answer: q["answer"]?.stringValue ?? "", choices: options)
                let verdict = scorer.score(ScoringInput(response: row["response"]?.stringValue ?? ""), item: item, mode: .official)
                tally.record(id: id, proctor: verdict.correct, published: expected == .bool(true))
                let strictVerdict = scorer.score(ScoringInput(response: row["response"]?.stringValue ?? ""), item: item, mode: .strict)
                strict.record(id: id, proctor: strictVerdict.correct, published: expected == .bool(true))
            }
            rows += [tally, strict]
        }
        return rows
    }
}
