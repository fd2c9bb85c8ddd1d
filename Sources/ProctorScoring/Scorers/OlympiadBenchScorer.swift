import MathEquivalence
import ProctorCore

/// OlympiadBench (open-ended, maths and physics). `official` = the last `So the final answer is …` line (else the
/// whole output) judged by the official judge with the item's `error` tolerance, model answer first as the
/// official driver calls it; `strict` = the final boxes (joined), else the final-answer tail, compared with
/// unordered multi-answer matching, absolute tolerance `error` (default 1e-8) per gold item in gold order, and
/// percent leniency only when a `%` is present.
public struct OlympiadBenchScorer: AnswerScorer {
    public let id = "olympiadbench"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let gold = item.fields["final_answer"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? item.answer
        let tolerances = Self.tolerances(item.fields["error"])
        var text: String
        var rule = "pre-extracted"
        if let given = input.preExtracted {
            text = given
        } else {
            switch ScoringSteps.answerText(input) {
            case .failure(let early): return early.verdict
            case .success(let t): text = String(t)
            }
            switch mode {
            case .official:
                rule = "whole-output"
                for cue in ["So the final answer is", "所以最终答案是", "The answer is:"] {
                    if let r = text.scanRange(of: cue, backwards: true) {
                        text = String(text[r.upperBound...].prefix { $0 != "\n" })
                        rule = "final-answer-line"
                        break
                    }
                }
            case .strict:
                let parts = Substring(text)
                if let boxed = BoxedAnswer.finalAnswer(in: parts) {
                    text = boxed
                    rule = "boxed"
                } else if let r = text.scanRange(of: "final answer is", backwards: true, caseInsensitive: true) {
                    text = AnswerCues.cleanTail(text[r.upperBound...])
                    rule = "final-answer-is"
                } else {
                    return ScoringSteps.unparsed()
                }
            }
        }
        let correct: Bool
        switch mode {
        case .official:
            correct = OlympiadBenchJudge.judge(text, gold, precision: tolerances)
        case .strict:
            var options = EquivalenceOptions()
            options.numeric = .absolute(tolerances.first ?? 1e-8)
            options.percentLeniency = text.scanContains("%") || gold.scanContains("%")
            correct = AnswerEquivalence.compare(gold: gold, prediction: text, options: options) == .equal
        }
        return Verdict(extracted: text, correct: correct, rule: rule)
    }

    /// The item's `error` field: a number, a numeric string, or a comma list; default 1e-8.
    static func tolerances(_ value: JSONValue?) -> [Double] {
        switch value {
        case .double(let d)?: return [d]
        case .int(let i)?: return [Double(i)]
        case .string(let s)?:
            let values = s.scanSplit(",").compactMap { PythonNumbers.float($0) }
            return values.isEmpty ? [1e-8] : values
        case .array(let a)?: return a.compactMap(\.doubleValue)
        default: return [1e-8]
        }
    }
}
