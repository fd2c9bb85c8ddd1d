import Foundation
import ProctorCore
import MathEquivalence

/// MathVista (testmini): `official` = the official normalisation and string comparison, with rules in place of the
/// GPT-4 extractor (the Levenshtein mapping of any MC extraction to its nearest option included); `strict` = the
/// same normalisation on a rule extraction, with no Levenshtein fallback (an unparsed MC answer is wrong).
public struct MathVistaScorer: AnswerScorer {
    public let id = "mathvista"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let meta = Meta(item)
        let extraction: JSONValue
        var rule = "pre-extracted"
        // strict reads the response itself; a given (GPT-4) extraction is the official pipeline's step.
        if let given = input.preExtracted, mode == .official || input.response.isEmpty {
            extraction = .string(given)
        } else {
            let text: Substring
            switch ScoringSteps.answerText(input) {
            case .failure(let early): return early.verdict
            case .success(let t): text = t
            }
            let (value, fired) = MathVistaOfficial.extract(String(text), choices: meta.choices,
                                                           questionType: meta.questionType, answerType: meta.answerType,
                                                           question: meta.question)
            if mode == .strict, Self.unparsedInStrict.contains(fired) || value.isEmpty {
                return ScoringSteps.unparsed(fired)
            }
            if mode == .strict, let conflict = Self.letterTextConflict(value, in: text, choices: meta.choices) {
                return ScoringSteps.unparsed("letter-text-conflict", details: ["other_option": .string(conflict)])
            }
            extraction = .string(value)
            rule = fired
        }
        return decide(extraction, meta: meta, rule: rule)
    }

    /// Rules whose extraction names no answer: `official` hands them to the Levenshtein mapping as GPT-4's
    /// text would be; `strict` records them as unparsed.
    static let unparsedInStrict: Set<String> = ["levenshtein-fallback", "none", "refusal", "none-of-the-options", "no-option-matches"]

    /// The other option's text when the chosen letter is written with it ("(B) 3/11" where 3/11 is option A):
    /// a careful grader cannot tell which of the two was meant.
    static func letterTextConflict(_ letter: String, in text: Substring, choices: [String]) -> String? {
        let letters = ChoiceExtractor.validLetters(count: choices.count).map(String.init)
        guard let index = letters.firstIndex(of: letter), index < choices.count else { return nil }
        var searchFrom = text.startIndex
        while let r = text[searchFrom...].scanRange(of: "(\(letter))") {
            let after = text[r.upperBound...].drop { $0 == " " || $0 == "*" }.prefix { $0 != "\n" && $0 != "," }
            let stated = after.trimmingSpaces().trimmingCharacters(in: .init(charactersIn: ".*$ ")).lowercased()
            if !stated.isEmpty, stated != choices[index].lowercased(),
               let other = choices.first(where: { $0.lowercased() == stated }) { return other }
            searchFrom = r.upperBound
        }
        return nil
    }

    /// Scores an extraction exactly as `calculate_score.py` does.
    ///
    /// - Parameters:
    ///   - extraction: The extraction as stored (string or number).
    ///   - item: The item.
    /// - Returns: The verdict.
    ///   - integerRule: The integer normalisation (the published results used `parseInteger`).
    public func scoreExtraction(_ extraction: JSONValue, item: BenchmarkItem, integerRule: IntegerRule = .truncateFloat) -> Verdict {
        decide(extraction, meta: Meta(item), rule: "pre-extracted", integerRule: integerRule)
    }

    private func decide(_ extraction: JSONValue, meta: Meta, rule: String, integerRule: IntegerRule = .truncateFloat) -> Verdict {
        let prediction = MathVistaOfficial.normalize(extraction, choices: meta.choices, questionType: meta.questionType,
                                                     answerType: meta.answerType, precision: meta.precision,
                                                     integerRule: integerRule)
        let correct = prediction != nil && prediction == meta.gold
        return Verdict(extracted: MathVistaOfficial.pythonString(extraction), correct: correct,
                       unparsed: prediction == nil, rule: rule,
                       details: ["prediction": prediction.map(JSONValue.string) ?? .null])
    }

    /// The item's official fields.
    struct Meta {
        var choices: [String]
        var questionType: String
        var answerType: String
        var precision: JSONValue?
        var gold: String
        var question: String

        init(_ item: BenchmarkItem) {
            question = item.fields["question"]?.stringValue ?? ""
            choices = item.choices.isEmpty ? (item.fields["choices"]?.arrayValue?.compactMap(\.stringValue) ?? []) : item.choices
            questionType = item.fields["question_type"]?.stringValue ?? (choices.isEmpty ? "free_form" : "multi_choice")
            answerType = item.fields["answer_type"]?.stringValue ?? (choices.isEmpty ? "integer" : "text")
            precision = item.fields["precision"]
            var gold = item.fields["answer"]?.stringValue ?? item.answer
            if questionType == "multi_choice", !choices.contains(gold), gold.count == 1,
               let index = ChoiceExtractor.validLetters(count: choices.count).firstIndex(of: Character(gold)) {
                gold = choices[index]
            }
            self.gold = gold
        }
    }
}
