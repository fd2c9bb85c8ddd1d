/// LiveBench's `math_competitions` scorers: AMC-style multiple choice (`mathcontest_process_results`) and AIME
/// (`aime_process_results`).
enum MathCompetition {
    /// An AMC/SMC question: the gold letter repeated in `<solution>`, four times anywhere, as the last boxed letter,
    /// the option's value near the end, or the last line's letter.
    static func multipleChoice(truth: String, answer: String, question: String) throws -> TaskOutcome {
        let letters = PyText.scalars(truth)
        guard letters.count == 1, ("A"..."E").contains(letters[0]) else {
            throw OfficialFailure(reason: "math_comp ground truth \(truth) is not a single letter A–E")
        }
        let gold = PyText.lower(truth)
        var llm = answer
        if let last = PyText.findAll(between: "<solution>", and: "</solution>", in: llm, dotAll: false).last {
            let distinct = Set(last.unicodeScalars)
            if distinct.count == 1, let only = distinct.first, PyText.lower(String(only)) == gold {
                return TaskOutcome(score: 1, extracted: last, rule: "solution-tag")
            }
        }
        if PyText.contains(llm, String(repeating: truth, count: 4)) {
            return TaskOutcome(score: 1, extracted: truth, rule: "repeated-letter")
        }
        llm = PyText.replace(llm, "\\\\fbox{", "\\\\boxed{")
        var parsed: String?
        if let boxed = PyText.lastBoxedOnlyString(llm) {
            var text = try PyText.removeBoxed(boxed)
            for piece in ["\\text{", "}", "\\"] { text = PyText.replace(text, piece, "") }
            text = PyText.lower(text)
            if ["a", "b", "c", "d", "e"].contains(text) { parsed = text }
            if parsed == gold { return TaskOutcome(score: 1, extracted: parsed, rule: "boxed") }
        }
        let value = optionValue(question: question, letter: truth)
        if PyText.contains(PyText.suffix(llm, 20 + PyText.count(value)), value) {
            return TaskOutcome(score: 1, extracted: value, rule: "option-value")
        }
        let lastLine = PyText.split(PyText.strip(llm), "\n").last ?? ""
        if PyText.lower(PyText.replace(PyText.strip(lastLine), "*", "")) == gold {
            return TaskOutcome(score: 1, extracted: lastLine, rule: "last-line")
        }
        if PyText.contains(lastLine, "("), PyText.contains(lastLine, ")") {
            let inner = PyText.split(PyText.split(lastLine, "(")[1], ")")[0]
            if PyText.lower(inner) == gold { return TaskOutcome(score: 1, extracted: inner, rule: "last-line-parenthesis") }
        }
        return TaskOutcome(score: 0, extracted: parsed, rule: parsed == nil ? "no-match" : "boxed")
    }

    /// `extract_answer`: the text after `\textbf{(X)}` up to `\qquad` or `$` in the question, `FAILURE` when absent.
    static func optionValue(question: String, letter: String) -> String {
        let h = PyText.scalars(question)
        let open = PyText.scalars("\\textbf{(")
        let qquad = PyText.scalars("\\qquad")
        var options: [String: String] = [:]
        var i = 0
        search: while let start = PyText.find(open, in: h, from: i) {
            i = start + 1
            var j = start + open.count
            guard j + 1 < h.count, ("A"..."E").contains(h[j]), h[j + 1] == ")" else { continue }
            let key = String(h[j])
            j += 2
            if j < h.count, PyText.isSpace(h[j]), j + 1 < h.count, h[j + 1] == "}" { j += 1 }
            guard j < h.count, h[j] == "}" else { continue }
            let body = j + 1
            var k = body
            while k < h.count {
                if h[k] == "$" || h[k...].starts(with: qquad) {
                    options[key] = PyText.strip(PyText.string(h[body..<k]))
                    i = k + (h[k] == "$" ? 1 : qquad.count)
                    continue search
                }
                if h[k] == "\n" { break }
                k += 1
            }
        }
        var value = options[letter] ?? ""
        if value.isEmpty { value = "FAILURE" }
        return PyText.strip(PyText.strip(PyText.strip(value), "$"), "~")
    }

    /// An AIME question: the gold string among the last 50 characters.
    static func aime(truth: String, answer: String) -> TaskOutcome {
        PyText.contains(PyText.suffix(answer, 50), truth)
            ? TaskOutcome(score: 1, extracted: truth, rule: "last-50-characters")
            : TaskOutcome(score: 0, extracted: nil, rule: "no-match")
    }
}
