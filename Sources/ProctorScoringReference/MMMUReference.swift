import Foundation
import ProctorCore
import ProctorScoring

/// MMMU's example outputs (LLaVA-1.5-13B) and MMMU-Pro's GPT-4o outputs.
public enum MMMUReference {
    /// MMMU: the eval-only file scored against the answer key (published 328/900), and the parse-and-eval path:
    /// per-subject parsed predictions compared with the published parsed predictions (random fallbacks excepted).
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Returns: The eval-only rows (exact match, official eval), the parse agreement row, and one row per subject.
    /// - Throws: `ProctorError` when a file is malformed.
    public static func mmmu(dataRoot: URL) throws -> [ReferenceAgreement] {
        let base = dataRoot.appendingPathComponent("mmmu")
        guard let key = try ReferenceFiles.json(base.appendingPathComponent("answer_dict_val.json")).objectValue,
              let evalOnly = try ReferenceFiles.json(base.appendingPathComponent("reference-outputs/llava1.5_13b/total_val_output.json")).objectValue else {
            throw ProctorError(.invalidInput, "mmmu reference files: expected JSON objects")
        }
        func golds(_ id: String) -> [String] {
            if case .array(let a)? = key[id]?["ground_truth"] { return a.compactMap(\.stringValue) }
            return [key[id]?["ground_truth"]?.stringValue ?? ""]
        }
        var exactRow = ReferenceAgreement(benchmark: "mmmu", model: "llava1.5_13b", comparison: "eval-only file: exact match with the answer key", publishedScore: "328/900 (36.4)")
        var evalRow = ReferenceAgreement(benchmark: "mmmu", model: "llava1.5_13b", comparison: "eval-only file: official eval (open answers parsed)", publishedScore: "328/900 (36.4)")
        for id in evalOnly.keys.sorted() {
            let prediction = evalOnly[id]?.stringValue ?? ""
            let correct: Bool
            if key[id]?["question_type"]?.stringValue == "multiple-choice" {
                correct = golds(id).contains(prediction)
            } else {
                correct = MMMUOfficial.evalOpen(golds: golds(id), predictions: MMMUOfficial.parseOpen(prediction))
            }
            evalRow.record(id: id, proctor: correct, published: correct)
            exactRow.record(id: id, proctor: golds(id).contains(prediction), published: golds(id).contains(prediction))
        }
        var parseRow = ReferenceAgreement(benchmark: "mmmu", model: "llava1.5_13b", comparison: "official parse of `response` vs published parsed prediction (random fallbacks excluded)")
        var subjects: [ReferenceAgreement] = []
        let scorer = MMMUScorer(pro: false)
        for file in ReferenceFiles.files(under: base.appendingPathComponent("reference-outputs/llava1.5_13b"), suffix: "output.json")
        where file.lastPathComponent == "output.json" {
            let subject = file.deletingLastPathComponent().lastPathComponent
            var subjectRow = ReferenceAgreement(benchmark: "mmmu", model: "llava1.5_13b/\(subject)", comparison: "per-subject: official verdict vs verdict of published parsed prediction (random fallbacks excluded)")
            for entry in try ReferenceFiles.json(file).arrayValue ?? [] {
                guard let id = entry["id"]?.stringValue, let response = entry["response"]?.stringValue else { continue }
                let options = (entry["all_choices"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { entry["index2ans"]?[$0]?.stringValue } }
                let isMC = entry["question_type"]?.stringValue == "multiple-choice"
                var fields: [String: JSONValue] = ["question_type": entry["question_type"] ?? .null]
                fields["answer"] = .array(golds(id).map(JSONValue.string))
                let item = BenchmarkItem(benchmark: BenchmarkName(name: "mmmu", split: "validation"), id: id, messages: [], promptTemplate: "",
                                         answer: golds(id).first ?? "", choices: isMC ? options : [], fields: fields)
                let verdict = scorer.score(ScoringInput(response: response), item: item, mode: .official)
                let published = evalOnly[id]?.stringValue ?? ""
                let publishedCorrect = isMC ? golds(id).contains(published)
                    : MMMUOfficial.evalOpen(golds: golds(id), predictions: MMMUOfficial.parseOpen(published))
                if verdict.details["random_fallback"] == .bool(true) { continue }
                subjectRow.record(id: id, proctor: verdict.correct, published: publishedCorrect)
                if isMC {
                    parseRow.record(id: id, proctor: verdict.extracted == published, published: true)
                }
            }
            subjects.append(subjectRow)
        }
        return [exactRow, evalRow, parseRow] + subjects
    }

    /// MMMU-Pro: the official parser on GPT-4o's responses vs the published `pred_indexs` / `if_right`.
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Throws: `ProctorError` when a file is malformed.
    public static func mmmuPro(dataRoot: URL) throws -> [ReferenceAgreement] {
        let folder = dataRoot.appendingPathComponent("mmmu_pro/reference-outputs")
        let scorer = MMMUScorer(pro: true)
        var rows: [ReferenceAgreement] = []
        for file in ReferenceFiles.files(under: folder, suffix: ".jsonl") {
            let name = String(file.lastPathComponent.dropLast(".jsonl".count))
            let stated = name.hasSuffix("_cot") ? "952/1730" : (name.hasSuffix("_direct") ? "694/1730" : "")
            var verdicts = ReferenceAgreement(benchmark: "mmmu_pro", model: name, comparison: "official verdict vs `if_right`", publishedScore: stated)
            var strict = ReferenceAgreement(benchmark: "mmmu_pro", model: name, comparison: "strict verdict vs `if_right` (strict is not meant to match)", publishedScore: stated)
            for row in try ReferenceFiles.jsonLines(file) {
                guard let id = row["id"]?.stringValue, let expected = row["if_right"] else { continue }
                var fields: [String: JSONValue] = ["options": row["options"] ?? .null]
                fields["question_type"] = "multiple-choice"
                let item = BenchmarkItem(benchmark: BenchmarkName(name: "mmmu_pro", split: "test"), id: id, messages: [], promptTemplate: "",
                                         answer: row["answer"]?.stringValue ?? "", fields: fields)
                let verdict = scorer.score(ScoringInput(response: row["response"]?.stringValue ?? ""), item: item, mode: .official)
                verdicts.record(id: id, proctor: verdict.correct, published: expected == .bool(true))
                let strictVerdict = scorer.score(ScoringInput(response: row["response"]?.stringValue ?? ""), item: item, mode: .strict)
                strict.record(id: id, proctor: strictVerdict.correct, published: expected == .bool(true))
            }
            rows += [verdicts, strict]
        }
        return rows
    }
}
