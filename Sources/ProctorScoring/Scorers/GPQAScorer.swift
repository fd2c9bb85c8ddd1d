import MathEquivalence
import ProctorCore

/// GPQA-Diamond (four options). `official` = simple-evals: the first `(?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?` match,
/// compared case-sensitively with the gold letter (so `answer: c` fails). `strict` = the last `Answer:` line in
/// any common wrapper, else the last box, `answer is X`, or a final line holding only a letter; upper-cased.
public struct GPQAScorer: AnswerScorer {
    public let id = "gpqa"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let gold = item.answer.trimmingSpaces()
        let text: Substring
        switch ScoringSteps.textOrPreExtracted(input) {
        case .failure(let early): return early.verdict
        case .success(let t): text = t
        }
        switch mode {
        case .official:
            guard let letter = Self.simpleEvalsMatch(text) else { return ScoringSteps.unparsed() }
            return Verdict(extracted: String(letter), correct: String(letter) == gold, rule: "simple-evals")
        case .strict:
            let choices = item.choices.isEmpty ? ["", "", "", ""] : item.choices
            let lines = AnswerCues.lastLines(text, count: 12)
            for line in lines.reversed() {
                if let r = line.scanRange(of: "answer", caseInsensitive: true),
                   let l = ChoiceExtractor.wrappedLetter(line[r.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " || $0 == "*" },
                                                         ChoiceExtractor.validLetters(count: choices.count) + Array("abcd"), allowTail: true) {
                    let upper = String(l).uppercased()
                    return Verdict(extracted: upper, correct: upper == gold, rule: "answer-line")
                }
            }
            guard let (letter, rule) = ChoiceExtractor.letter(in: text, choices: choices) else { return ScoringSteps.unparsed() }
            return Verdict(extracted: String(letter), correct: String(letter) == gold, rule: rule)
        }
    }

    /// The first `Answer: X` (case-insensitive keyword, optional `$`, X in A–D either case), as simple-evals reads it.
    static func simpleEvalsMatch(_ text: Substring) -> Character? {
        var rest = text
        while let r = rest.scanRange(of: "answer", caseInsensitive: true) {
            var i = r.upperBound
            while i < rest.endIndex, rest[i] == " " || rest[i] == "\t" { i = rest.index(after: i) }
            if i < rest.endIndex, rest[i] == ":" {
                i = rest.index(after: i)
                while i < rest.endIndex, rest[i] == " " || rest[i] == "\t" { i = rest.index(after: i) }
                if i < rest.endIndex, rest[i] == "$" { i = rest.index(after: i) }
                if i < rest.endIndex, "ABCDabcd".contains(rest[i]) { return rest[i] }
            }
            rest = rest[r.upperBound...]
        }
        return nil
    }
}
