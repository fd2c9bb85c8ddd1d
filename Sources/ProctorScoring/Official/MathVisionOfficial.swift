import MathEquivalence

/// MATH-V's official evaluation (`evaluation/evaluate.py` + `utils.py`): rule extraction, `find_math_answer`,
/// and `is_equal` with latex2sympy evaluation rounded to 2 decimals (replaced by Proctor's parser and evaluator).
public enum MathVisionOfficial {
    /// The `model_answer` the official script derives from a response.
    ///
    /// - Parameter response: The (think-stripped) response.
    public static func extract(_ response: String) -> String {
        var answer = response.trimmingSpaces()
        for c in ["A", "B", "C", "D", "E"] {
            if answer.hasSuffix(" \(c).") || answer.hasSuffix(" (\(c)).") || answer.hasPrefix("\(c)\n")
                || answer.hasPrefix("(\(c))\n") || answer.hasPrefix("(\(c)) \(c)\n") {
                answer = c
            }
        }
        let afterIs = PythonText.rstrip(PythonText.lastPart(answer, "is "), ["."])
        if PythonNumbers.float(afterIs) != nil { answer = afterIs }
        if !answer.scanContains("oxed{") {
            for flag in ["the final answer is", "the answer is", "the correct answer is", "the answer should be"] {
                for variant in [flag, flag.scanReplacing("the", with: "The")] {
                    let had = answer.scanContains(variant)
                    answer = PythonText.strip(PythonText.lastPart(answer, variant))
                    if had { answer = answer.scanSplit("\n")[0].scanSplit(". ")[0] }
                }
            }
        } else if answer.scanSplit("oxed{").count > 2 {
            answer = "\\boxed{" + PythonText.lastPart(answer, "oxed{")
        }
        var result = findMathAnswer(answer)
        for (from, to) in [("(a)", "a"), ("(b)", "b"), ("(c)", "c"), ("(d)", "d"), ("(e)", "e"),
                           ("{a}", "a"), ("{b}", "b"), ("{c}", "c"), ("{d}", "d"), ("{e}", "e")] {
            result = result.scanReplacing(from, with: to)
        }
        result = PythonText.lstrip(PythonText.rstrip(result, ["."]), [":"])
        return PythonText.strip(result)
    }

    /// `find_math_answer`: the greedy `oxed{(.*)}` span, cut and cleaned, then `_strip_string`.
    static func findMathAnswer(_ input: String) -> String {
        var s = input.lowercased()
        if s.scanContains("{}") { s = s.scanReplacing("{}", with: "") }
        var ans = s
        if let start = s.scanRange(of: "oxed{"), let close = s[start.upperBound...].lastIndex(of: "}") {
            ans = String(s[start.upperBound..<close])
        }
        if let close = ans.firstIndex(of: "}") {
            if let open = ans.firstIndex(of: "{") { if close < open { ans = String(ans[..<close]) } } else { ans = String(ans[..<close]) }
        }
        ans = PythonText.lastPart(ans, "=")
        ans = PythonText.lastPart(ans, "\\approx")
        for (from, to) in [(" ", ""), ("\\,", ""), ("∞", "\\infty"), ("+\\infty", "\\infty"), ("\\\\", "\\"), ("\n", ""),
                           ("\\text", ""), ("\\mbox", ""), ("bmatrix", "pmatrix"), ("\\left", ""), ("\\right", ""),
                           ("^{\\circ}", ""), ("^\\circ", ""), ("{m}^3", ""), ("m^3", ""), ("{units}", ""), ("units", ""),
                           ("{km}", ""), ("km", "")] {
            ans = ans.scanReplacing(from, with: to)
        }
        return stripString(ans)
    }

    /// MATH-V's `_strip_string`.
    static func stripString(_ input: String) -> String {
        var s = input
        for (from, to) in [("\n", ""), ("\\!", ""), ("\\\\", "\\"), ("tfrac", "frac"), ("dfrac", "frac"), ("\\left", ""),
                           ("\\right", ""), ("^{\\circ}", ""), ("^\\circ", ""), ("\\$", ""), ("$", "")] {
            s = s.scanReplacing(from, with: to)
        }
        s = s.scanSplit("\\text{ ")[0]
        s = s.scanReplacing("\\%", with: "")
        s = s.scanReplacing(" .", with: " 0.").scanReplacing("{.", with: "{0.")
        if s.isEmpty { return s }
        if s.first == "." { s = "0" + s }
        let byEquals = s.scanSplit("=")
        if byEquals.count == 2 { s = byEquals[1] }
        let byApprox = s.scanSplit("\\approx")
        if byApprox.count == 2 { s = byApprox[1] }
        if s.scanContains("sqrt") { s = fixSqrt(s) }
        s = s.scanReplacing(" ", with: "")
        if s.scanContains("sqrt") { s = QwenFractions.fixFracs(s) }
        if s == "0.5" { s = "\\frac{1}{2}" }
        return QwenFractions.fixSlash(s, allowSqrt: false)
    }

    /// `\sqrt3` → `\sqrt{3}` (one character).
    static func fixSqrt(_ s: String) -> String {
        let pieces = s.scanSplit("\\sqrt")
        var out = pieces[0]
        for piece in pieces.dropFirst() {
            if let first = piece.first, first != "{" {
                out += "\\sqrt{\(first)}" + piece.dropFirst()
            } else {
                out += "\\sqrt" + piece
            }
        }
        return out
    }

    /// `is_equal(a, b)`: equal strings, equal tuples after 2-dp evaluation, or equal 2-dp evaluations.
    public static func isEqual(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        if x.scanReplacing(" ", with: "").isEmpty || y.scanReplacing(" ", with: "").isEmpty { return false }
        if x.trimmingSpaces() == y.trimmingSpaces() { return true }
        let tx = evalTuple(x), ty = evalTuple(y)
        if tx == ty { return true }
        guard let u = evaluate(ty), let v = evaluate(tx) else { return false }
        return PythonNumbers.round(u.value, 2) == PythonNumbers.round(v.value, 2)
    }

    /// `eval_tuple`: each element of `(a,b,…)` / `[a,b,…]` replaced by its value rounded to 2 dp.
    static func evalTuple(_ s: String) -> String {
        guard let first = s.first, let last = s.last, s.count >= 2 else { return s }
        let inner = String(s.dropFirst().dropLast())
        let parts = inner.scanSplit(",")
        guard parts.count > 1, (first == "(" && last == ")") || (first == "[" && last == "]") else { return s }
        var rendered: [String] = []
        for part in parts {
            if part.scanContains("infty") || part == "a" || part == "-a" { rendered.append(part); continue }
            guard let v = evaluate(part) else { return s }
            rendered.append(v.isInteger ? String(Int(v.value)) : PythonNumbers.string(PythonNumbers.round(v.value, 2)))
        }
        return String(first) + rendered.joined(separator: ",") + String(last)
    }

    /// The value `eval(str(latex2sympy(s)))` would produce: a number when the text is a closed-form constant.
    ///
    /// latex2sympy ignores `$`, reads `a:b` as a ratio, and stops at an unbalanced `}` (so `\frac{1}{4}}of…`
    /// evaluates to 1/4); these are reproduced.
    static func evaluate(_ raw: String) -> (value: Double, isInteger: Bool)? {
        var s = raw.scanReplacing("\\$", with: "\\?").scanReplacing("$", with: "")
        if let cut = trailingTextStart(s) { s = String(s[..<cut]) }
        s = s.scanReplacing("\\%", with: "/100")
        // latex2sympy keeps `^{\circ}` and `\pm` symbolic: such values never evaluate to a number.
        if s.scanContains("\\circ") || s.scanContains("\\pm") { return nil }
        let ratio = s.scanSplit(":")
        if ratio.count >= 2 { s = ratio.map { "(\($0))" }.joined(separator: "/") }
        guard let node = LatexParser.parse(s), node.isScalar, node.freeSymbols.isEmpty,
              let v = MathEvaluator.evaluate(node), v.approximate.isFinite else { return nil }
        let integer = v.exact?.isInteger == true && !s.scanContains(".") && abs(v.approximate) < 1e15
        return (v.approximate, integer)
    }

    /// Where latex2sympy stops reading: at an unbalanced `}` or at a `.` followed by a letter (`5.so we …`).
    static func trailingTextStart(_ s: String) -> String.Index? {
        var depth = 0
        var previous: Character = " "
        for i in s.indices {
            let c = s[i]
            if c == "{" { depth += 1 } else if c == "}" {
                depth -= 1
                if depth < 0 { return i }
            } else if previous == ".", c.isLetter {
                return s.index(before: i)
            }
            previous = c
        }
        return nil
    }
}
