import Foundation
import MathEquivalence

/// Qwen2.5-Math's answer extraction (`extract_answer(text, "math")`) and grader (`math_equal`), the `official`
/// scorer for MATH-500, MATH and AIME.
///
/// sympy is replaced by Proctor's comparator: `symbolic_equal` becomes "both parse and agree at random points, or
/// both evaluate to numbers within 1e-4 relative", which is what sympy's `simplify(a-b)==0` and `N()` checks
/// decide on real answers. The reference's 3-second process timeout has no counterpart: budgets decide instead.
public enum QwenMathGrader {
    /// Extracts the answer as the reference does, then normalises it with `strip_string`.
    ///
    /// - Parameter text: The answer text (think-stripped).
    /// - Returns: The normalised prediction (possibly empty) and the rule that fired.
    public static func extract(_ text: String) -> (answer: String, rule: String) {
        let (raw, rule) = extractRaw(text)
        return (QwenStripString.strip(raw), rule)
    }

    /// The answer `extract(_:)` finds, before `strip_string` (which a caller may then apply once per distinct
    /// answer).
    ///
    /// - Parameter text: The answer text (think-stripped).
    /// - Returns: The prediction as found (possibly empty) and the rule that fired.
    public static func extractRaw(_ text: String) -> (answer: String, rule: String) {
        let s = text.scanReplacing("\u{043a}\u{0438}", with: "")
        var prediction: String
        var rule: String
        if s.scanContains("final answer is $"), s.scanContains("$. I hope"),
           let start = s.scanRange(of: "final answer is $") {
            let tail = s[start.upperBound...]
            prediction = PythonText.strip(tail.scanSplit("$. I hope")[0])
            rule = "final-answer-dollar"
        } else if s.scanContains("boxed") {
            let tail = PythonText.lastPart(s, "boxed")
            if tail.isEmpty { return ("", "boxed-empty") }
            if tail.first == "{" {
                var depth = 1
                var content = ""
                for c in tail.dropFirst() {
                    if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
                    content.append(c)
                }
                prediction = content
            } else {
                prediction = PythonText.strip(tail.scanSplit("$")[0])
            }
            rule = "boxed"
        } else if s.scanContains("he answer is") {
            prediction = PythonText.strip(PythonText.lastPart(s, "he answer is"))
            rule = "answer-is"
        } else if s.scanContains("final answer is") {
            prediction = PythonText.strip(PythonText.lastPart(s, "final answer is"))
            rule = "final-answer-is"
        } else if let r = s.scanRange(of: "答案是") {
            prediction = PythonText.strip(PythonText.strip(s[r.upperBound...]).scanSplit("\n\n")[0])
            rule = "answer-is-zh"
        } else {
            prediction = PythonText.simpleNumbers(s.scanReplacing(",", with: "")).last ?? ""
            rule = prediction.isEmpty ? "none" : "last-number"
        }
        prediction = removeNewlineRuns(prediction)
        if prediction.first == ":" { prediction.removeFirst() }
        if prediction.last == "." { prediction.removeLast() }
        if prediction.last == "/" { prediction.removeLast() }
        return (prediction, rule)
    }

    /// `re.sub(r"\n\s*", "", s)`.
    static func removeNewlineRuns(_ s: String) -> String {
        guard s.scanContains("\n") else { return s }
        var out = ""
        var skipping = false
        for c in s {
            if c == "\n" { skipping = true; continue }
            if skipping, c.isWhitespace { continue }
            skipping = false
            out.append(c)
        }
        return out
    }

    /// `math_equal(prediction, reference)` with percentage leniency and `isclose(rel_tol=1e-4)`.
    ///
    /// - Parameters:
    ///   - prediction: The normalised prediction.
    ///   - reference: The normalised gold answer.
    ///   - depth: Recursion guard for nested lists.
    public static func mathEqual(_ prediction: String, _ reference: String, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        if PythonText.strip(prediction).lowercased() == PythonText.strip(reference).lowercased() { return true }
        if ["A", "B", "C", "D", "E"].contains(reference), choiceAnswerClean(prediction) == reference { return true }
        if numericallyEqual(prediction, reference) { return true }
        if prediction.isEmpty { return false }
        var ref = PythonText.strip(reference)
        let pred = PythonText.strip(prediction)
        if pred.scanContains("pmatrix"), !ref.scanContains("pmatrix") { ref = stringToPmatrix(ref) }
        var predStr = pred, refStr = ref
        if (hasFormat(predStr, "[", "]") && !hasFormat(refStr, "(", ")"))
            || (hasFormat(predStr, "(", ")") && !hasFormat(refStr, "[", "]")) {
            predStr = PythonText.strip(predStr, ["[", "]", "(", ")"])
            refStr = PythonText.strip(refStr, ["[", "]", "(", ")"])
        }
        predStr.removeAll { "{}()".contains($0) }
        refStr.removeAll { "{}()".contains($0) }
        if predStr.lowercased() == refStr.lowercased() { return true }
        if isListFormat(pred), isListFormat(ref) {
            let p = pred.dropFirst().dropLast().scanSplit(","), r = ref.dropFirst().dropLast().scanSplit(",")
            return p.count == r.count && zip(p, r).allSatisfy { mathEqual($0, $1, depth: depth + 1) }
        }
        if isMatrixFormat(pred), isMatrixFormat(ref) { return compareMatrices(pred, ref, depth: depth) }
        let pEquals = pred.filter { $0 == "=" }.count, rEquals = ref.filter { $0 == "=" }.count
        if pEquals == 1, rEquals == 1 {
            let p = formatEquation(pred), r = formatEquation(ref)
            return QwenSymbolic.equal(p, r) || QwenSymbolic.equal("-(\(p))", r)
        } else if isSimpleEquation(pred), rEquals == 0 {
            return mathEqual(pred.scanSplit("=")[1], ref, depth: depth + 1)
        } else if isSimpleEquation(ref), pEquals == 0 {
            return mathEqual(pred, ref.scanSplit("=")[1], depth: depth + 1)
        }
        return QwenSymbolic.equal(pred, ref)
    }

    static func choiceAnswerClean(_ s: String) -> String {
        var p = PythonText.strip(s, ["\n"])
        p = PythonText.rstrip(p, ["."])
        p = PythonText.rstrip(p, ["/"])
        p = PythonText.lstrip(PythonText.strip(p, [" "]), [":"])
        let letters = standaloneLetters(p.uppercased())
        var chosen = letters.last.map(String.init) ?? PythonText.strip(PythonText.strip(p), ["."])
        chosen = PythonText.rstrip(PythonText.rstrip(chosen, ["."]), ["/"])
        return chosen
    }

    /// `re.findall(r"\b(A|B|C|D|E)\b", s)`.
    static func standaloneLetters(_ s: String) -> [Character] {
        let chars = Array(s)
        var found: [Character] = []
        for (k, c) in chars.enumerated() where "ABCDE".contains(c) {
            let beforeOK = k == 0 || !PythonText.isWord(chars[k - 1])
            let afterOK = k + 1 == chars.count || !PythonText.isWord(chars[k + 1])
            if beforeOK && afterOK { found.append(c) }
        }
        return found
    }

    static func parseDigits(_ s: String) -> Double? {
        let t = s.scanReplacing(",", with: "")
        if let v = PythonNumbers.float(t) { return v }
        if t.hasSuffix("%") {
            var u = String(t.dropLast())
            if u.hasSuffix("\\") { u.removeLast() }
            if let v = PythonNumbers.float(u) { return v / 100 }
        }
        return nil
    }

    static func numericallyEqual(_ prediction: String, _ reference: String) -> Bool {
        guard let p = parseDigits(prediction), let r = parseDigits(reference) else { return false }
        return [r / 100, r, r * 100].contains { isClose($0, p, relative: 1e-4) }
    }

    /// Python's `math.isclose(a, b, rel_tol=t)`.
    static func isClose(_ a: Double, _ b: Double, relative t: Double) -> Bool {
        if a == b { return true }
        if a.isInfinite || b.isInfinite { return false }
        return abs(a - b) <= t * max(abs(a), abs(b))
    }

    static func hasFormat(_ s: String, _ start: String, _ end: String) -> Bool { s.hasPrefix(start) && s.hasSuffix(end) }

    /// `regex.match(r"(\(|\[).+(\)|\])", s)`: starts with a bracket and has a closing one after at least one char.
    static func isListFormat(_ s: String) -> Bool {
        guard let f = s.first, f == "(" || f == "[" else { return false }
        let rest = s.dropFirst().dropFirst()
        return rest.scanContains(")") || rest.scanContains("]")
    }

    static func isMatrixFormat(_ s: String) -> Bool {
        (s.hasPrefix("\\begin{pmatrix}") || s.hasPrefix("\\begin{bmatrix}"))
            && (s.hasSuffix("\\end{pmatrix}") || s.hasSuffix("\\end{bmatrix}"))
    }

    static func compareMatrices(_ p: String, _ r: String, depth: Int) -> Bool {
        func rows(_ s: String) -> [[String]] {
            let inner = String(s.dropFirst("\\begin{pmatrix}".count).dropLast("\\end{pmatrix}".count))
            return inner.scanSplit("\\\\").map { PythonText.strip($0) }.filter { !$0.isEmpty }
                .map { $0.scanSplit("&") }
        }
        let a = rows(p), b = rows(r)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.count == y.count, zip(x, y).allSatisfy({ mathEqual($0, $1, depth: depth + 1) }) else { return false }
        }
        return true
    }

    static func stringToPmatrix(_ s: String) -> String {
        let t = PythonText.strip(s)
        guard let open = t.firstIndex(of: "{"), let close = t.lastIndex(of: "}"), open < close,
              t[open...close].scanContains(",") else { return "" }
        let m = PythonText.strip(t[open...close], ["{", "}"])
        return "\\begin{pmatrix}" + m.scanReplacing(",", with: "\\") + "\\end{pmatrix}"
    }

    static func formatEquation(_ s: String) -> String {
        let parts = s.scanSplit("=")
        return "\(PythonText.strip(parts[0])) - (\(PythonText.strip(parts[1])))"
    }

    static func isSimpleEquation(_ s: String) -> Bool {
        let parts = s.scanSplit("=")
        return parts.count == 2 && PythonText.strip(parts[0]).count <= 2
    }
}

/// The stand-in for Qwen's sympy-based `symbolic_equal`.
enum QwenSymbolic {
    static func equal(_ a: String, _ b: String) -> Bool {
        guard let x = LatexParser.parse(a.scanReplacing("\\\\", with: "\\")),
              let y = LatexParser.parse(b.scanReplacing("\\\\", with: "\\")) else { return false }
        if x == y { return true }
        var options = EquivalenceOptions()
        options.orderedLists = true
        if x.isScalar, y.isScalar {
            if MathComparator.compare(x, y, options: options) { return true }
            if x.freeSymbols.isEmpty, y.freeSymbols.isEmpty,
               let u = MathEvaluator.evaluate(x), let v = MathEvaluator.evaluate(y) {
                return QwenMathGrader.isClose(v.approximate, u.approximate, relative: 1e-4)
            }
            return false
        }
        return MathComparator.compare(x, y, options: options)
    }
}
