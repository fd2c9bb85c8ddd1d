/// Compares two answers given as text: normalise, parse, compare (the strict math comparator).
public enum AnswerEquivalence {
    /// Decides whether `prediction` is equivalent to `gold`.
    ///
    /// - Parameters:
    ///   - gold: The reference answer as the benchmark writes it.
    ///   - prediction: The extracted model answer.
    ///   - options: Tolerances and list rules.
    /// - Returns: `equal`, `different`, or `undecided` when a budget was exceeded.
    public static func compare(gold: String, prediction: String, options: EquivalenceOptions = .init()) -> EquivalenceOutcome {
        guard prediction.utf8.count <= LatexParser.maxLength else { return .undecided }
        let g = LatexNormalizer.normalize(gold), p = LatexNormalizer.normalize(prediction)
        if squeeze(g.text) == squeeze(p.text) { return squeeze(g.text).isEmpty ? .different : .equal }
        guard let goldTree = parseExpanding(g.text) else {
            return textEqual(g.text, p.text) ? .equal : .different
        }
        guard let predictionTree = parseExpanding(p.text) else {
            if case .text = goldTree { return textEqual(g.text, p.text) ? .equal : .different }
            return p.text.utf8.count > LatexParser.maxLength / 2 ? .undecided : .different
        }
        if MathComparator.compare(goldTree, predictionTree, options: options) { return .equal }
        if options.percentLeniency, goldTree.isScalar, predictionTree.isScalar {
            for factor in [Rational(100)!, Rational(1, 100)!] {
                if MathComparator.compare(.product([goldTree, .number(factor)]), predictionTree, options: options) { return .equal }
            }
        }
        if case .text = goldTree, textEqual(g.text, p.text) { return .equal }
        if case .text(let word) = predictionTree, let n = NumberWords.value(word),
           MathComparator.compare(goldTree, .number(n), options: options) { return .equal }
        if case .text(let word) = goldTree, let n = NumberWords.value(word),
           MathComparator.compare(.number(n), predictionTree, options: options) { return .equal }
        return .different
    }

    /// Parses, expanding `\pm` into the two answers it stands for.
    static func parseExpanding(_ text: String) -> MathNode? {
        if text.scanContains("\\pm") {
            let plus = text.scanReplacing("\\pm", with: "+")
            let minus = text.scanReplacing("\\pm", with: "-")
            if let a = LatexParser.parse(plus), let b = LatexParser.parse(minus) {
                if case .relation(let xs, let ops) = a, case .relation(let ys, _) = b, ops == ["="], xs.count == 2 {
                    return .relation([xs[0], .list([xs[1], ys[1]])], ops)
                }
                return .list([a, b])
            }
        }
        return LatexParser.parse(text)
    }

    static func squeeze(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\t" })
    }

    static func textEqual(_ a: String, _ b: String) -> Bool {
        func clean(_ s: String) -> String {
            var t = s
            for wrapper in ["\\text{", "\\textbf{", "\\mathrm{", "\\mbox{", "{", "}"] { t = t.scanReplacing(wrapper, with: "") }
            return squeeze(t)
        }
        let x = clean(a), y = clean(b)
        return !x.isEmpty && x == y
    }
}

/// English number words (`one` … `twenty`, tens, `hundred`, `thousand`).
enum NumberWords {
    static let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]

    static func value(_ text: String) -> Rational? {
        var total = 0, current = 0, any = false
        for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if let k = small.firstIndex(of: String(word)) { current += k } else if let t = tens[String(word)] { current += t } else if word == "hundred" { current = max(current, 1) * 100 } else if word == "thousand" {
                total += max(current, 1) * 1000
                current = 0
            } else if word == "and" { continue } else { return nil }
            any = true
        }
        return any ? Rational(total + current) : nil
    }
}
