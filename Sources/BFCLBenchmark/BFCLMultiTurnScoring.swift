import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// Scoring a multi-turn answer: the official result's turns (per turn, per step, a prompt-mode text or a list of
/// calls) decoded and checked by `MultiTurnChecker` against the ground-truth turns on the ported simulators.
enum BFCLMultiTurnScoring {
    static func verdict(_ input: ScoringInput, entry: JSONTree, item: BenchmarkItem, category: BFCLCategory) -> Verdict {
        guard case .array(let classList)? = entry["involved_classes"], let config = entry["initial_config"] else {
            return Verdict(extracted: nil, correct: false, rule: "scorer-error", details: ["error": "the entry lacks involved_classes or initial_config"])
        }
        let classes = classList.compactMap(\.string)
        let missing = classes.filter { name in !MultiTurnExecutor.available.contains { $0.className == name } }
        let noLongContext = [VehicleControlAPI.className, GorillaFileSystem.className].filter(classes.contains)
        if !missing.isEmpty || (category.name == "multi_turn_long_context" && !noLongContext.isEmpty) {
            let what = missing.isEmpty ? "the long-context variant of \(noLongContext.joined(separator: ", "))" : missing.joined(separator: ", ")
            return Verdict(
                extracted: nil, correct: false, rule: "scorer-error",
                details: ["error": .string("\(what) not ported to Swift yet: \(BFCLBenchmark.multiTurnUnavailable)")])
        }
        guard let answerText = item.fields["bfcl_possible_answer"]?.stringValue, let answer = try? JSONTree.parse(Data(answerText.utf8)),
            case .array(let truthTurns)? = answer["ground_truth"]
        else {
            return Verdict(extracted: nil, correct: false, rule: "scorer-error", details: ["error": "the item lacks its ground truth"])
        }
        let truth = truthTurns.map { turn -> [String] in if case .array(let calls) = turn { calls.compactMap(\.string) } else { [] } }
        let text = input.preExtracted ?? input.response
        // A Proctor run stores the official result line's fields (`result`, `inference_log`); an import the `result` alone.
        var parsed = try? JSONTree.parse(Data(text.utf8))
        if case .object? = parsed { parsed = parsed?["result"] }
        guard let result = parsed, let turns = MultiTurnDecoding.turns(result) else {
            return Verdict(
                extracted: nil, correct: false, unparsed: true, rule: "multi-turn",
                details: ["error_type": "multi_turn:inference_error", "error": "Model did not output a list of model responses."])
        }
        let outcome = MultiTurnChecker.check(
            model: turns, groundTruth: truth, classes: classes, initialConfig: PyValue(json: config),
            longContext: category.name == "multi_turn_long_context")
        var details: [String: JSONValue] = ["layout": "v3"]
        if let errorType = outcome.errorType { details["error_type"] = .string(errorType) }
        if let message = outcome.message { details["error"] = .string(message) }
        let subResults = truth.indices.map { index -> SubResult in
            let failedHere = outcome.turn == index || (outcome.turn == nil && !outcome.valid)
            let passed = outcome.valid || (outcome.turn.map { index < $0 } ?? false)
            return SubResult(kind: "turn", index: index, id: "turn \(index)", passed: passed,
                             reason: passed ? nil : (failedHere ? outcome.errorType : "not checked: an earlier turn failed"))
        }
        let extracted = turns.map { $0.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: " ") }.joined(separator: " | ")
        return Verdict(extracted: extracted, correct: outcome.valid, rule: "multi-turn", details: details, subResults: subResults)
    }
}
