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
            correct = Self.strictlyEqual(gold: gold, prediction: text, tolerances: tolerances)
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

    /// Multi-answer matching in gold order: each gold item (after `\pm` expansion) takes its own tolerance and must
    /// match a distinct predicted item; counts must agree.
    static func strictlyEqual(gold: String, prediction: String, tolerances: [Double]) -> Bool {
        let goldItems = OlympiadBenchJudge.expandPlusMinus(topLevelItems(gold))
        var predicted = OlympiadBenchJudge.expandPlusMinus(topLevelItems(prediction))
        guard goldItems.count == predicted.count, !goldItems.isEmpty else { return false }
        for (k, item) in goldItems.enumerated() {
            var options = EquivalenceOptions()
            options.numeric = .absolute(k < tolerances.count ? tolerances[k] : (tolerances.first ?? 1e-8))
            options.percentLeniency = item.scanContains("%") || predicted.contains { $0.scanContains("%") }
            guard let match = predicted.firstIndex(where: {
                AnswerEquivalence.compare(gold: item, prediction: $0, options: options) == .equal
            }) else { return false }
            predicted.remove(at: match)
        }
        return true
    }

    /// Comma-separated items outside `()`, `[]` and `{}` (a lone interval or set stays one item; `\,` is a space).
    static func topLevelItems(_ s: String) -> [String] {
        var items: [String] = []
        var depth = 0
        var current = ""
        for c in s.scanReplacing("$", with: "") {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 }
            // `\,` is a thin space (`5\,\mathrm{N}`), not a separator.
            if c == ",", depth == 0, current.last != "\\" { items.append(current.trimmingSpaces()); current = ""; continue }
            current.append(c)
        }
        items.append(current.trimmingSpaces())
        return items.filter { !$0.isEmpty }
    }
}
