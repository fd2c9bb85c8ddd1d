import MathEquivalence
import ProctorCore

/// MATH-Vision: `official` = the official extraction and `is_equal` (2-dp rounding, letter or option value);
/// `strict` = §1 letter rules or the boxed value equal to the gold option's value (MC), and the exact comparator
/// with 1e-6 relative tolerance and no rounding (open questions).
public struct MathVisionScorer: AnswerScorer {
    public let id = "mathvision"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let options = item.choices.isEmpty ? (item.fields["options"]?.arrayValue?.compactMap(\.stringValue) ?? []) : item.choices
        let gold = item.fields["answer"]?.stringValue ?? item.answer
        var goldValue = ""
        if !options.isEmpty, gold.count == 1, let scalar = gold.unicodeScalars.first, scalar.value >= 65,
           Int(scalar.value) - 65 < options.count {
            goldValue = options[Int(scalar.value) - 65]
        }
        if let given = input.preExtracted, mode == .official {
            let correct = MathVisionOfficial.isEqual(gold, given) || MathVisionOfficial.isEqual(goldValue, given)
            return Verdict(extracted: given, correct: correct, rule: "pre-extracted")
        }
        let text: Substring
        switch ScoringSteps.answerText(input) {
        case .failure(let early): return early.verdict
        case .success(let t): text = t
        }
        switch mode {
        case .official:
            let answer = MathVisionOfficial.extract(String(text))
            let correct = MathVisionOfficial.isEqual(gold, answer) || MathVisionOfficial.isEqual(goldValue, answer)
            return Verdict(extracted: answer, correct: correct, unparsed: answer.isEmpty, rule: "official")
        case .strict:
            return strict(text, gold: gold, goldValue: goldValue, options: options)
        }
    }

    private func strict(_ text: Substring, gold: String, goldValue: String, options: [String]) -> Verdict {
        var tolerance = EquivalenceOptions()
        tolerance.numeric = .relative(1e-6)
        if !options.isEmpty {
            if let (letter, rule) = ChoiceExtractor.letter(in: text, choices: options) {
                return Verdict(extracted: String(letter), correct: String(letter) == gold, rule: rule)
            }
            if let boxed = BoxedAnswer.last(in: text), !goldValue.isEmpty {
                let equal = AnswerEquivalence.compare(gold: goldValue, prediction: String(boxed), options: tolerance) == .equal
                return Verdict(extracted: String(boxed), correct: equal, rule: "boxed-value")
            }
            return ScoringSteps.unparsed()
        }
        guard let (answer, rule) = AnswerCues.freeForm(text) else { return ScoringSteps.unparsed() }
        let outcome = AnswerEquivalence.compare(gold: gold, prediction: answer, options: tolerance)
        return Verdict(extracted: answer, correct: outcome == .equal, rule: rule,
                       details: outcome == .undecided ? ["undecided": true] : [:])
    }
}
