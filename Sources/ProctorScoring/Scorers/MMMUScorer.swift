import Foundation
import MathEquivalence
import ProctorCore

/// MMMU and MMMU-Pro. `official` = the official parsers (random fallback drawn from a hash of item id, sample
/// index and seed 42, flagged `random_fallback`); `strict` = the §1 Stage A rules (unparsed → wrong) for multiple
/// choice, and the last box or answer tail compared with 2-dp tolerance plus the official substring rule for open
/// questions.
public struct MMMUScorer: AnswerScorer {
    public let id: String
    public let version = 1
    let variant: MMMUOfficial.Variant

    /// Creates the scorer.
    ///
    /// - Parameter pro: MMMU-Pro's parser variant instead of MMMU's.
    public init(pro: Bool) {
        id = pro ? "mmmu_pro" : "mmmu"
        variant = pro ? .mmmuPro : .mmmu
    }

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let options = ItemOptions.options(of: item)
        let golds = ItemOptions.golds(of: item)
        let isOpen = options.isEmpty || item.fields["question_type"]?.stringValue == "open"
            || item.fields["question_type"]?.stringValue == "short-answer"
        let text: String
        switch ScoringSteps.textOrPreExtracted(input) {
        case .failure(let early): return early.verdict
        case .success(let t): text = String(t)
        }
        // An item known from the answer key alone (its subject's file absent): multiple-choice predictions are
        // compared to the gold letter as given, as MMMU's eval-only scorer does; there are no options to parse.
        if item.fields["answer_key_only"] == .bool(true), item.fields["question_type"]?.stringValue == "multiple-choice" {
            let letter = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return Verdict(extracted: letter, correct: golds.contains(letter), rule: "official-eval-only")
        }
        if isOpen { return open(text, golds: golds, mode: mode) }
        switch mode {
        case .official:
            let parsed = MMMUOfficial.parseChoice(text, options: options, variant: variant,
                                                  fallbackKey: [item.id, String(input.sampleIndex), "42"])
            return Verdict(extracted: parsed.letter, correct: golds.contains(parsed.letter),
                           rule: parsed.randomFallback ? "random-fallback" : "official-parser",
                           details: ["random_fallback": .bool(parsed.randomFallback),
                                     "fallback_expected_score": .double(parsed.randomFallback ? 1 / Double(options.count) : 0)])
        case .strict:
            guard let (letter, rule) = ChoiceExtractor.letter(in: Substring(text), choices: options) else {
                return ScoringSteps.unparsed()
            }
            return Verdict(extracted: String(letter), correct: golds.contains(String(letter)), rule: rule)
        }
    }

    private func open(_ text: String, golds: [String], mode: ScoringMode) -> Verdict {
        switch mode {
        case .official:
            let predictions = MMMUOfficial.parseOpen(text)
            let correct = MMMUOfficial.evalOpen(golds: golds, predictions: predictions)
            return Verdict(extracted: text, correct: correct, rule: "official-open")
        case .strict:
            guard let (answer, rule) = AnswerCues.freeForm(Substring(text)) else { return ScoringSteps.unparsed() }
            var options = EquivalenceOptions()
            options.numeric = .decimals(2)
            let lowered = answer.lowercased()
            let correct = golds.contains { gold in
                AnswerEquivalence.compare(gold: gold, prediction: answer, options: options) == .equal
                    || (PythonNumbers.float(gold) == nil && gold.count > 1 && lowered.scanContains(gold.lowercased()))
            }
            return Verdict(extracted: answer, correct: correct, rule: rule)
        }
    }
}
