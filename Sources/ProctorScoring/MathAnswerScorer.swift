import ProctorCore

/// Scores free-form math answers (AIME, MATH-500): the last `\boxed{}` of the answer text, compared with the gold
/// as an integer, a fraction or a normalised string.
///
/// This is the first scorer; the full equivalence engine and the official ports replace its comparison.
public struct MathAnswerScorer: AnswerScorer {
    public let id = "math-boxed"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        if let given = input.preExtracted {
            return Verdict(extracted: given, correct: Self.equivalent(given, item.answer), rule: "pre-extracted")
        }
        let parts = ReasoningSplit.split(input.response, finishReason: input.finishReason)
        if parts.truncated {
            return Verdict(extracted: nil, correct: false, truncated: true, rule: "truncated")
        }
        guard let boxed = BoxedAnswer.last(in: parts.answerText) else {
            return Verdict(extracted: nil, correct: false, unparsed: true, rule: "none")
        }
        let answer = String(boxed)
        return Verdict(extracted: answer, correct: Self.equivalent(answer, item.answer), rule: "boxed")
    }

    /// Whether two answers are equal as integers, as plain fractions, or as normalised strings.
    static func equivalent(_ prediction: String, _ gold: String) -> Bool {
        let p = normalize(prediction), g = normalize(gold)
        if p == g { return true }
        if let a = Fraction(p), let b = Fraction(g) { return a == b }
        return false
    }

    static func normalize(_ text: String) -> String {
        var s = text
        for (from, to) in [("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\left", ""), ("\\right", ""),
                           ("\\!", ""), ("\\,", ""), ("$", ""), ("^\\circ", ""), ("^{\\circ}", ""), (" ", "")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        if s.hasPrefix("\\text{"), s.hasSuffix("}") { s = String(s.dropFirst(6).dropLast()) }
        if let eq = s.lastIndex(of: "=") { s = String(s[s.index(after: eq)...]) }
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A fraction of two machine integers, from `n`, `-n`, `n.000`, `a/b` or `\frac{a}{b}`.
    struct Fraction: Equatable {
        var numerator: Int
        var denominator: Int

        init?(_ text: String) {
            var s = Substring(text)
            var negative = false
            if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
            if s.hasPrefix("\\frac{"), s.hasSuffix("}"), let mid = s.range(of: "}{") {
                let n = s[s.index(s.startIndex, offsetBy: 6)..<mid.lowerBound]
                let d = s[mid.upperBound..<s.index(before: s.endIndex)]
                guard let a = Int(n), let b = Int(d), b != 0 else { return nil }
                self.init(reducing: negative ? -a : a, b)
            } else if let slash = s.firstIndex(of: "/") {
                guard let a = Int(s[..<slash]), let b = Int(s[s.index(after: slash)...]), b != 0 else { return nil }
                self.init(reducing: negative ? -a : a, b)
            } else {
                let cleaned = s.replacingOccurrences(of: ",", with: "")
                var integral = Substring(cleaned)
                if let dot = cleaned.firstIndex(of: ".") {
                    guard cleaned[cleaned.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
                    integral = cleaned[..<dot]
                }
                guard !integral.isEmpty, integral.allSatisfy(\.isASCIIDigitCharacter), let a = Int(integral) else { return nil }
                self.init(reducing: negative ? -a : a, 1)
            }
        }

        init(reducing n: Int, _ d: Int) {
            var a = abs(n), b = abs(d)
            while b != 0 { (a, b) = (b, a % b) }
            let g = max(a, 1)
            let sign = (n < 0) != (d < 0) ? -1 : 1
            numerator = sign * abs(n) / g
            denominator = abs(d) / g
        }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
