import Foundation
import InstructionChecks
import ProctorCore
import ProctorScoring

/// IFEval's checker: every instruction of the prompt checked on the response, strict and loose, as google-research's
/// `evaluation_lib` does it; one `SubResult` per instruction (kind `instruction`, `passed` = strict,
/// `values["loose"]` = loose), in `instruction_id_list` order. The verdict is correct when every instruction is
/// followed strictly (prompt-level strict accuracy).
///
/// `official`: reasoning blocks removed as lighteval's `ifeval_metric` removes them (every `<think>…</think>`
/// pair); an output whose reasoning never closed fails every instruction; an output cut at the token limit is
/// checked as it is (lighteval does so). `strict`: only the text after the last `</think>` is checked, and an
/// output that hit the token limit, or whose reasoning never closed, fails every instruction.
public struct IFEvalScorer: AnswerScorer {
    public let id = "ifeval"
    public let version = 2

    /// The sub-result kind of an instruction.
    public static let kind = "instruction"

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let instructions = Self.instructions(of: item)
        let cutAtLimit = input.finishReason == .length
        let text: String?
        if let given = input.preExtracted {
            text = given
        } else {
            switch mode {
            case .official:
                let kept = Self.removingThinkBlocks(input.response)
                text = kept.contains("<think>") ? nil : kept
            case .strict:
                let parts = ReasoningSplit.split(input.response, finishReason: input.finishReason)
                text = parts.truncated ? nil : String(parts.answerText)
            }
        }
        guard let text else {
            let failed = instructions.map { Self.failed($0, reason: "truncated") }
            return Verdict(extracted: nil, correct: false, truncated: true, rule: "truncated", subResults: failed)
        }
        let variants = ResponseVariants(text)
        let subResults = instructions.map { instruction -> SubResult in
            switch instruction.check {
            case .failure(let error):
                return Self.failed(instruction, reason: "scorer-error: \(error.message)")
            case .success(let check):
                let result = check.evaluate(variants)
                var values: [String: Double] = ["loose": result.loose ? 1 : 0]
                // The official checker draws this instruction's argument at random: its verdict is not reproducible.
                // Official mode's metrics count the probability that its draw passes, over its equally likely draws.
                if check.officialDrawsRandomArgument { values["official_random"] = 1 }
                if mode == .official, let expected = check.officialExpectation(variants) {
                    values[SubResult.expectationKey(nil)] = expected.strict
                    values[SubResult.expectationKey("loose")] = expected.loose
                }
                return SubResult(
                    kind: Self.kind, index: instruction.index, id: instruction.id, passed: result.strict, values: values,
                    reason: result.strict ? nil : "not followed")
            }
        }
        let strict = subResults.count { $0.passed }, loose = subResults.count { $0.values["loose"] == 1 }
        let unreadable = instructions.contains { if case .failure = $0.check { true } else { false } }
        return Verdict(
            extracted: nil, correct: !subResults.isEmpty && strict == subResults.count, truncated: cutAtLimit,
            unparsed: !text.unicodeScalars.contains { !$0.properties.isWhitespace },
            rule: unreadable ? "scorer-error" : "ifeval",
            details: [
                "strict_followed": .int(strict), "loose_followed": .int(loose), "instructions": .int(subResults.count),
                "loose_all": .bool(!subResults.isEmpty && loose == subResults.count),
            ],
            subResults: subResults)
    }

    /// One instruction of an item, with its check or why it cannot be checked.
    struct Instruction {
        var index: Int
        var id: String
        var check: Result<InstructionCheck, InstructionCheckError>
    }

    /// The item's instructions from its official fields; an instruction whose id or arguments cannot be read still
    /// counts, as a failure naming the reason (so that the instruction-level denominator stays the dataset's).
    static func instructions(of item: BenchmarkItem) -> [Instruction] {
        let ids = item.fields["instruction_id_list"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let kwargs = item.fields["kwargs"]?.arrayValue ?? []
        return ids.enumerated().map { index, id in
            let arguments = index < kwargs.count ? kwargs[index].objectValue ?? [:] : [:]
            do {
                return Instruction(index: index, id: id, check: .success(try InstructionCheck(id: id, kwargs: arguments)))
            } catch let error as InstructionCheckError {
                return Instruction(index: index, id: id, check: .failure(error))
            } catch {
                return Instruction(index: index, id: id, check: .failure(InstructionCheckError(.invalidArgument, "\(error)")))
            }
        }
    }

    static func failed(_ instruction: Instruction, reason: String) -> SubResult {
        SubResult(kind: kind, index: instruction.index, id: instruction.id, passed: false, values: ["loose": 0], reason: reason)
    }

    /// lighteval's `remove_think_tags`: while the text holds both tags, the first `<think>` through the first
    /// `</think>` after it is cut out; a `</think>` with no `<think>` before it stops the removal.
    static func removingThinkBlocks(_ text: String) -> String {
        var result = text
        while let open = result.range(of: "<think>"), let close = result.range(of: "</think>", range: open.lowerBound..<result.endIndex) {
            result.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return result
    }
}
