import MathEquivalence

/// OlympiadBench's judge (`eval/auto_scoring_judge.py`, `inference/code/math_judger.py`): comma lists matched in
/// any order with per-item tolerances, `\pm` expansion, intervals, numbers within `precision` (with percent
/// leniency), expressions, and equations equal up to an integer factor. sympy is replaced by Proctor's parser,
/// exact/numeric evaluation and random-point comparison.
public enum OlympiadBenchJudge {
    /// `judge(expression1, expression2, precision)`.
    ///
    /// - Parameters:
    ///   - expression1: The first answer (the ground truth in the authors' examples).
    ///   - expression2: The second answer.
    ///   - precision: One tolerance, or one per item of `expression1`.
    public static func judge(_ expression1: String, _ expression2: String, precision: [Double] = [1e-8]) -> Bool {
        guard let a = preprocess(expression1), let b = preprocess(expression2) else { return false }
        if a == b { return true }
        var list1 = expandPlusMinus(splitByComma(removeCJK(a)))
        var list2 = expandPlusMinus(splitByComma(removeCJK(b)))
        var tolerances = precision.count <= 1 ? Array(repeating: precision.first ?? 1e-8, count: list1.count) : precision
        guard list1.count == list2.count else { return false }
        var index = -1
        while !list1.isEmpty {
            index = (index + 1) % list1.count
            let item1 = list1[index]
            let tolerance = index < tolerances.count ? tolerances[index] : 1e-8
            guard let match = list2.firstIndex(where: { isEqual(item1, $0, precision: tolerance) }) else { return false }
            list1.remove(at: index)
            list2.remove(at: match)
            if let t = tolerances.firstIndex(of: tolerance) { tolerances.remove(at: t) }
        }
        return true
    }

    /// `preprocess`: box contents (all boxes, joined by `,`), else the `$…$` spans of the last line, then symbol
    /// replacement and stripping. Nil when a box is not closed (the reference raises and the judge says False).
    static func preprocess(_ s: String) -> String? {
        var result = ""
        var rest = Substring(s)
        while let r = rest.scanRange(of: "\\boxed{") {
            var depth = 1
            var i = r.upperBound
            while depth > 0, i < rest.endIndex {
                if rest[i] == "{" { depth += 1 } else if rest[i] == "}" { depth -= 1 }
                i = rest.index(after: i)
            }
            guard depth == 0 else { return nil }
            result += rest[r.upperBound..<rest.index(before: i)] + ","
            rest = rest[i...]
        }
        if result.isEmpty {
            let lastLine = PythonText.strip(s).scanSplit("\n").last ?? ""
            let spans = dollarSpans(lastLine)
            result = spans.isEmpty ? s : spans.map { $0 + "," }.joined()
        }
        if let r = result.scanRange(of: "\\in ") { result = String(result[r.upperBound...]).scanSplit("\\in ")[0] }
        for (from, to) in [("\\left", ""), ("\\right", ""), ("∶", ":"), ("，", ","), ("$", ""), ("\\approx", "="),
                           ("\\simeq", "="), ("\\sim", "="), ("^\\prime", "'"), ("^{\\prime}", "'"), ("^\\circ", ""), ("%", "")] {
            result = result.scanReplacing(from, with: to)
        }
        result = PythonText.strip(result, Set("\n$,.:;^_=+`!@#$%^&*~，。"))
        for command in ["\\mathrm{", "\\mathbf{"] {
            while let r = result.scanRange(of: command), let close = result[r.upperBound...].firstIndex(of: "}") {
                var inner = result[r.upperBound..<close]
                if inner.first == "~" { inner = inner.dropFirst() }
                result.replaceSubrange(r.lowerBound...close, with: String(inner))
            }
        }
        return result
    }

    /// `re.findall(r"\$(.*?)\$", line)`.
    static func dollarSpans(_ line: String) -> [String] {
        let parts = line.scanSplit("$")
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
    }

    static func removeCJK(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !($0.value >= 0x4E00 && $0.value <= 0x9FFF) }))
    }

    /// Split at commas outside `()`/`[]`.
    static func splitByComma(_ s: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in s {
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
            if c == ",", depth == 0 { parts.append(PythonText.strip(current)); current = ""; continue }
            current.append(c)
        }
        if !current.isEmpty { parts.append(PythonText.strip(current)) }
        return parts
    }

    static func expandPlusMinus(_ items: [String]) -> [String] {
        items.flatMap { $0.scanContains("\\pm") ? [$0.scanReplacing("\\pm", with: "+"), $0.scanReplacing("\\pm", with: "-")] : [$0] }
    }

    static func isInterval(_ s: String) -> Bool {
        (s.hasPrefix("(") || s.hasPrefix("[")) && (s.hasSuffix(")") || s.hasSuffix("]"))
    }

    /// `is_equal`: identical, interval, numerical, expression, equation.
    static func isEqual(_ e1: String, _ e2: String, precision: Double) -> Bool {
        if e1 == e2, !e1.isEmpty { return true }
        if isInterval(e1), isInterval(e2) {
            if intervalEqual(e1, e2, precision: precision) { return true }
            // The reference returns False at once when interval parsing throws; tuples then fall through.
        }
        if let a = PythonNumbers.float(e1), let b = PythonNumbers.float(e2) {
            if [a / 100, a, a * 100].contains(where: { abs($0 - b) <= precision * 1.01 }) { return true }
        }
        if expressionEqual(e1, e2, precision: precision), !(e1.scanContains("=") && e2.scanContains("=")) { return true }
        return equationEqual(e1, e2)
    }

    static func intervalEqual(_ e1: String, _ e2: String, precision: Double) -> Bool {
        let a = e1.scanSplit("\\cup"), b = e2.scanSplit("\\cup")
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.first == y.first, x.last == y.last else { return false }
            let xs = PythonText.strip(x, ["[", "]", "(", ")"]).scanSplit(","), ys = PythonText.strip(y, ["[", "]", "(", ")"]).scanSplit(",")
            for (p, q) in zip(xs, ys) where !expressionEqual(p, q, precision: precision) { return false }
        }
        return true
    }

    /// `expression_equal`: right sides of `=`, structurally equal, or both constant within `precision`, or both
    /// symbolic and equal at random points.
    static func expressionEqual(_ e1: String, _ e2: String, precision: Double) -> Bool {
        func rhs(_ s: String) -> String { PythonText.strip(s.scanContains("=") ? s.scanSplit("=")[1] : s) }
        guard let x = LatexParser.parse(rhs(e1)), let y = LatexParser.parse(rhs(e2)), x.isScalar, y.isScalar else { return false }
        if x == y { return true }
        let symbolic1 = !x.freeSymbols.isEmpty, symbolic2 = !y.freeSymbols.isEmpty
        if symbolic1 != symbolic2 { return false }
        if !symbolic1 {
            guard let a = MathEvaluator.evaluate(x)?.approximate, let b = MathEvaluator.evaluate(y)?.approximate,
                  a.isFinite, b.isFinite else { return false }
            return abs(a - b) <= precision * 1.01
        }
        return MathComparator.compare(x, y, options: EquivalenceOptions())
    }

    /// `equation_equal`: `lhs − rhs` of both, equal up to a non-zero integer factor.
    static func equationEqual(_ e1: String, _ e2: String) -> Bool {
        let a = e1.scanSplit("="), b = e2.scanSplit("=")
        guard a.count == 2, b.count == 2, let l1 = LatexParser.parse(a[0]), let r1 = LatexParser.parse(a[1]),
              let l2 = LatexParser.parse(b[0]), let r2 = LatexParser.parse(b[1]) else { return false }
        let f = MathNode.sum([l1, .negate(r1)]), g = MathNode.sum([l2, .negate(r2)])
        for (p, q) in [(f, g), (g, f)] {
            if let ratio = MathComparator.constantRatio(p, q), ratio != 0, abs(ratio - ratio.rounded()) < 1e-9 { return true }
        }
        return false
    }
}
