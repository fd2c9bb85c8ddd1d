import MathEquivalence

/// LiveBench's AMPS_Hard scorer (`amps_hard_process_results`): the last boxed answer (else the last `$…$` of the
/// answer), normalised as Minerva's `normalize_final_answer`, compared with the ground truth.
///
/// The official comparison parses both with sympy's `parse_latex` and accepts `simplify(a − b) == 0` or
/// `|simplify(a − b)| < 0.001`; Proctor's `AnswerEquivalence` decides the same question with exact rationals and
/// random-point evaluation, with an absolute tolerance of 0.001 for numbers. The optional LLM fallback (only with
/// `OPENAI_API_KEY` set) is not used, as it was not for the published judgments. Where the comparator proves more
/// than sympy does, `equivalent` applies sympy's readings (the `official` mode).
enum AMPSHard {
    static func score(truth: String, answer: String, sympyReading: Bool = true) throws -> TaskOutcome {
        var llm = answer
        for (old, new) in [
            ("+C", ""), ("+ C", ""), ("+ c", ""), ("+c", ""), ("\\\\fbox{", "\\\\boxed{"), ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"),
            ("\\left", ""), ("\\right", ""), ("\\bigl", ""), ("\\bigr", ""), ("\\Bigl", ""), ("\\Bigr", ""), ("\\,", ""), ("\\;", ""),
            ("\n", ""), ("\\cdot", "*"),
        ] {
            llm = PyText.replace(llm, old, new)
        }
        var gold = truth
        for (old, new) in [("\\left", ""), ("\\right", ""), (" ^", "^"), ("\\ ", "*")] { gold = PyText.replace(gold, old, new) }

        var parsed: String?
        var rule = "boxed"
        if let boxed = PyText.lastBoxedOnlyString(llm) { parsed = normalizeFinalAnswer(try PyText.removeBoxed(boxed)) }
        if parsed == nil {
            let line = PyText.scalars(PyText.split(llm, "\n").last ?? "")
            if line.filter({ $0 == "$" }).count >= 2, var close = PyText.rfind(["$"], in: line) {
                if close > 0, line[close - 1] == "$" { close -= 1 }
                let open = PyText.rfind(["$"], in: line, to: close) ?? -1
                var math = PyText.string(line[(open + 1)..<max(open + 1, close)])
                if PyText.contains(math, "=") {
                    math = PyText.strip(PyText.split(math, "=").last ?? "")
                } else if PyText.contains(math, "\\quad \\text{or} \\quad") {
                    math = PyText.strip(PyText.split(math, "\\quad \\text{or} \\quad").last ?? "")
                }
                parsed = normalizeFinalAnswer(math)
                rule = "last-dollars"
            }
        }
        guard let parsed else {
            var tail = llm
            if tail.unicodeScalars.last == "." { tail = PyText.string(tail.unicodeScalars.dropLast()) }
            let right = gold == PyText.suffix(tail, PyText.count(gold))
            return TaskOutcome(score: right ? 1 : 0, extracted: right ? gold : nil, rule: "suffix")
        }
        return TaskOutcome(score: equivalent(gold, parsed, sympyReading: sympyReading) ? 1 : 0, extracted: parsed, rule: rule)
    }

    /// The official `is_equiv`, decided by Proctor's comparator; with `sympyReading`, three readings of sympy's that
    /// reject answers equal over the reals are applied too (`antlrFunctionApplication`, `ComplexCheck`,
    /// `MultipleAngleCheck`).
    static func equivalent(_ gold: String, _ answer: String, sympyReading: Bool = true) -> Bool {
        var options = EquivalenceOptions()
        options.numeric = .absolute(0.001)
        options.orderedLists = true
        guard AnswerEquivalence.compare(gold: gold, prediction: answer, options: options) == .equal else { return false }
        guard sympyReading else { return true }
        if antlrFunctionApplication(gold) || antlrFunctionApplication(answer) { return false }
        return !ComplexCheck.differ(gold, answer) && !MultipleAngleCheck.needsMultipleAngle(gold, answer)
    }

    /// sympy's lark grammar cannot read a power followed by an implicit product (`e^{3x} x (…)`), so
    /// `parse_latex` falls back to its ANTLR parser, which reads a letter followed by `(` as an undefined function
    /// applied to the bracket: such an expression equals no ordinary one.
    static func antlrFunctionApplication(_ text: String) -> Bool {
        text.firstMatch(of: /\^(\{[^{}]*\}|[A-Za-z0-9])\s*[A-Za-z]\s*\(/) != nil
    }

    /// `normalize_final_answer` (Lewkowycz et al. 2022, appendix D), as LiveBench copies it.
    static func normalizeFinalAnswer(_ text: String) -> String {
        var s = PyText.split(text, "=").last ?? ""
        s = PyText.perLine(s) { line in
            let dollars = line.indices.filter { line[$0] == "$" }
            guard dollars.count >= 2 else { return line }
            return ["$"] + line[(dollars[0] + 1)..<dollars[1]] + ["$"]
        }
        for command in ["\\text{", "\\textbf{", "\\overline{"] { s = unwrapShortest(s, command) }
        s = PyText.perLine(s) { line in
            let open = PyText.scalars("\\boxed{")
            guard let start = PyText.find(open, in: line), let end = line.lastIndex(of: "}"), end >= start + open.count else { return line }
            return Array(line[..<start]) + line[(start + open.count)..<end] + line[(end + 1)...]
        }
        s = PyText.substitute(s) { h, i in
            guard h[i...].starts(with: "frac".unicodeScalars), i + 5 < h.count, h[i + 4] != "{", h[i + 5] != "\n" else { return nil }
            return (6, PyText.scalars("frac{") + [h[i + 4]] + ["}", "{", h[i + 5], "}"])
        }
        s = PyText.substitute(s) { h, i in
            guard h[i...].starts(with: "sqrt".unicodeScalars), i + 4 < h.count, h[i + 4] != "{", h[i + 4] != "[" else { return nil }
            return (5, PyText.scalars("sqrt{") + [h[i + 4], "}"])
        }
        s = PyText.replace(s, "$", "")
        let digits = PyText.replace(s, ",", "")
        if !digits.isEmpty, digits.unicodeScalars.allSatisfy(PyText.isDigit) { s = digits }
        return s
    }

    /// `re.sub(r"(\\command\{)(.*?)(\})", "\\2", s)`: each `\command{…}` replaced by its text up to the first `}`.
    static func unwrapShortest(_ s: String, _ command: String) -> String {
        let open = PyText.scalars(command)
        return PyText.substitute(s) { h, i in
            guard h[i...].starts(with: open) else { return nil }
            var k = i + open.count
            while k < h.count, h[k] != "}", h[k] != "\n" { k += 1 }
            guard k < h.count, h[k] == "}" else { return nil }
            return (k + 1 - i, Array(h[(i + open.count)..<k]))
        }
    }
}

extension PyText {
    /// `re.sub` with a hand-written matcher: at each position, `match` returns the length consumed and the
    /// replacement, or nil to copy one character and move on.
    static func substitute(_ s: String, _ match: (Scalars, Int) -> (Int, Scalars)?) -> String {
        let h = scalars(s)
        var out: Scalars = []
        var i = 0
        while i < h.count {
            if let (length, replacement) = match(h, i) {
                out += replacement
                i += max(1, length)
            } else {
                out.append(h[i])
                i += 1
            }
        }
        return string(out)
    }

    /// Applies `transform` to each line (the patterns whose `.` cannot cross a line break).
    static func perLine(_ s: String, _ transform: (Scalars) -> Scalars) -> String {
        split(s, "\n").map { string(transform(scalars($0))) }.joined(separator: "\n")
    }
}
