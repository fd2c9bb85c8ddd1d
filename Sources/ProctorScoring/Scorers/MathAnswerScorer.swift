import MathEquivalence
import ProctorCore

/// Scores free-form math answers: AIME (integer answers) and MATH / MATH-500.
///
/// `official` is Qwen2.5-Math's `extract_answer` + `math_equal` (SCORING-NOTES §5–6). `strict` takes the last
/// box (or an answer cue on the last lines) and decides with Proctor's exact comparator (§7); for AIME the answer
/// must be an integer (§5).
public struct MathAnswerScorer: AnswerScorer {
    public let id: String
    public let version = 2
    /// Whether answers are integers by contract (AIME).
    public let integerAnswers: Bool
    /// Decisions already taken in this process, per (item, mode, answer): answers are shared by the samples of one
    /// item, not across items, so the key names the item as well as its gold answer.
    private let decisions = DecisionMemo<DecisionKey, Verdict>()
    /// Gold answers after `strip_string`.
    private let golds = DecisionMemo<String, String>()

    struct DecisionKey: Hashable, Sendable {
        var itemID: String
        var gold: String
        var mode: ScoringMode
        var answer: String
    }

    /// Creates the scorer.
    ///
    /// - Parameters:
    ///   - id: `aime` or `math`.
    ///   - integerAnswers: True for AIME.
    public init(id: String, integerAnswers: Bool) {
        self.id = id
        self.integerAnswers = integerAnswers
    }

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        if let given = input.preExtracted { return decide(given, rule: "pre-extracted", item: item, mode: mode) }
        let text: Substring
        switch ScoringSteps.answerText(input) {
        case .failure(let early): return early.verdict
        case .success(let t): text = t
        }
        switch mode {
        case .official:
            // `strip_string` of the answer as found is part of the (remembered) decision.
            let (answer, rule) = QwenMathGrader.extractRaw(String(text))
            return decide(answer, rule: rule, item: item, mode: mode)
        case .strict:
            guard let (answer, rule) = AnswerCues.freeForm(text) else { return ScoringSteps.unparsed() }
            return decide(answer, rule: rule, item: item, mode: mode)
        }
    }

    /// The verdict on `answer` (official: before `strip_string`), decided once per (item, mode, answer).
    private func decide(_ answer: String, rule: String, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        var verdict = decisions.value(for: DecisionKey(itemID: item.id, gold: item.answer, mode: mode, answer: answer)) {
            decide(answer, item: item, mode: mode)
        }
        verdict.rule = rule
        return verdict
    }

    private func decide(_ answer: String, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let rule = ""
        switch mode {
        case .official:
            let prediction = QwenStripString.strip(answer)
            let gold = golds.value(for: item.answer) { QwenStripString.strip(item.answer) }
            let correct = QwenMathGrader.mathEqual(prediction, gold)
            return Verdict(extracted: prediction, correct: correct, unparsed: prediction.isEmpty, rule: rule,
                           details: ["gold_normalized": .string(gold)])
        case .strict:
            if integerAnswers {
                guard let value = Self.integerAnswer(answer), let gold = Self.integerAnswer(item.answer) else {
                    return Verdict(extracted: answer, correct: false, rule: rule, details: ["not_integer": true])
                }
                return Verdict(extracted: answer, correct: value == gold, rule: rule, details: ["normalized": .string(value)])
            }
            var outcome = AnswerEquivalence.compare(gold: item.answer, prediction: answer)
            if outcome != .equal, let amount = Self.withoutCurrency(answer) {
                outcome = AnswerEquivalence.compare(gold: Self.withoutCurrency(item.answer) ?? item.answer, prediction: amount)
            }
            var details: [String: JSONValue] = [:]
            if outcome == .undecided { details["undecided"] = true }
            return Verdict(extracted: answer, correct: outcome == .equal, rule: rule, details: details)
        }
    }

    /// An amount without its currency sign or word (`\$18.50`, `$18.50`, `18.50 dollars` → `18.50`), nil when
    /// the answer has none: a careful grader reads `\$18.50` as 18.50 when the question asks for dollars.
    static func withoutCurrency(_ answer: String) -> String? {
        var s = answer.trimmingSpaces()
        var changed = false
        for sign in ["\\$", "\\\\$", "$", "€", "£"] where s.hasPrefix(sign) { s.removeFirst(sign.count); changed = true; break }
        for word in ["\\text{ dollars}", "\\text{dollars}", " dollars", "\\text{ USD}", " USD"] where s.hasSuffix(word) {
            s.removeLast(word.count); changed = true; break
        }
        return changed && !s.isEmpty ? s.trimmingSpaces() : nil
    }

    /// An AIME answer as a canonical integer string: wrappers, spaces, separators and leading zeros removed; the
    /// right side of the last `=` (`m+n=17`); nil unless it is `-?\d+(\.0+)?`.
    static func integerAnswer(_ raw: String) -> String? {
        var s = LatexNormalizer.normalize(raw).text
        if let eq = s.lastIndex(of: "=") { s = String(s[s.index(after: eq)...]) }
        for wrapper in ["\\text{", "\\textbf{", "\\mathbf{", "{", "}", " ", ",", "\\,", "\\!"] {
            s = s.scanReplacing(wrapper, with: "")
        }
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        if let dot = s.firstIndex(of: ".") {
            guard s[s.index(after: dot)...].allSatisfy({ $0 == "0" }), s.index(after: dot) < s.endIndex else { return nil }
            s = String(s[..<dot])
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        while s.count > 1, s.hasPrefix("0") { s.removeFirst() }
        return (negative && s != "0" ? "-" : "") + s
    }
}
