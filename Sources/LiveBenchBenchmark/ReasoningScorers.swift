/// LiveBench's spatial reasoning scorer (`spatial_process_results`): the answer among the last three bold phrases
/// (or spelled out as a number, or a named shape inside a short phrase), else the last boxed answer.
enum Spatial {
    static let numberWords = [
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
        "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    ]

    static func score(truth: String, answer: String) throws -> TaskOutcome {
        if answer == truth { return TaskOutcome(score: 1, extracted: answer, rule: "exact") }
        let bold = boldPhrases(answer)
        let gold = PyText.lower(PyText.strip(truth))
        for phrase in bold.suffix(3).reversed() {
            let word = PyText.lower(PyText.strip(phrase))
            if word == gold || numberWords[word] == gold { return TaskOutcome(score: 1, extracted: word, rule: "bold") }
            for shape in ["tetrahedra", "tetrahedron", "triangle", "square"]
            where gold == shape && PyText.contains(word, shape) && PyText.count(word) < 2 * PyText.count(shape) + 5 {
                return TaskOutcome(score: 1, extracted: word, rule: "bold-shape")
            }
        }
        let llm = PyText.replace(answer, "\\\\fbox{", "\\\\boxed{")
        if let boxed = PyText.lastBoxedOnlyString(llm) {
            var parsed = try PyText.removeBoxed(boxed)
            for piece in ["\\textbf{", "\\mathbf{", "\\text{", "}"] { parsed = PyText.replace(parsed, piece, "") }
            return TaskOutcome(score: parsed == truth ? 1 : 0, extracted: parsed, rule: "boxed")
        }
        return TaskOutcome(score: 0, extracted: bold.last, rule: bold.isEmpty ? "no-match" : "bold")
    }

    /// `re.findall(r'\*\*([^\*]+)\*\*', s)`.
    static func boldPhrases(_ s: String) -> [String] {
        let h = PyText.scalars(s)
        var out: [String] = []
        var i = 0
        while i + 1 < h.count {
            guard h[i] == "*", h[i + 1] == "*" else { i += 1; continue }
            var j = i + 2
            while j < h.count, h[j] != "*" { j += 1 }
            if j > i + 2, j + 1 < h.count, h[j + 1] == "*" {
                out.append(PyText.string(h[(i + 2)..<j]))
                i = j + 2
            } else {
                i += 1
            }
        }
        return out
    }
}

/// LiveBench's web-of-lies scorer (`web_of_lies_process_results`): three yes/no/unknown answers from
/// `<solution>`, bold words, the last boxed text or the last plain triple.
enum WebOfLies {
    static let words = ["yes", "no", "unknown"]

    static func score(truth: String, answer: String) throws -> TaskOutcome {
        var llm = answer
        var matches = PyText.findAll(between: "<solution>", and: "</solution>", in: llm, dotAll: false)
        if matches.isEmpty { matches = PyText.findAll(between: "</solution>", and: "</solution>", in: llm, dotAll: false) }
        var parsed: String? = matches.last
        var rule = "solution-tag"
        let bold = PyText.findAll(between: "**", and: "**", in: llm, dotAll: false)
        if parsed == nil, !bold.isEmpty {
            let tokens = bold.flatMap { PyText.splitWhitespace($0) }.map { word in
                PyText.replace(PyText.replace(PyText.strip(PyText.lower(word)), ",", ""), ".", "")
            }
            var picked: [String] = []
            var i = tokens.count - 1
            while i >= 0, picked.count < 3 {
                if words.contains(tokens[i]) { picked.insert(tokens[i], at: 0) }
                i -= 1
            }
            if !picked.isEmpty { parsed = picked.joined(separator: ", "); rule = "bold" }
        }
        if parsed == nil || PyText.strip(parsed ?? "").isEmpty {
            llm = PyText.replace(llm, "\\\\boxed{\\\\textbf{", "\\\\boxed{")
            llm = PyText.replace(llm, "\\\\fbox{", "\\\\boxed{")
            llm = PyText.replace(llm, "\\textbf{", "\\boxed{")
            if let boxed = PyText.lastBoxedOnlyString(llm) { parsed = try PyText.removeBoxed(boxed); rule = "boxed" }
        }
        if parsed == nil {
            let lowered = PyText.scalars(PyText.lower(llm))
            var best: (index: Int, text: String)?
            for a in words { for b in words { for c in words {
                let text = [a, b, c].joined(separator: ", ")
                if let index = PyText.find(PyText.scalars(text), in: lowered), index > (best?.index ?? -1) { best = (index, text) }
            } } }
            if let best { parsed = best.text; rule = "plain" }
        }
        guard let parsed, !parsed.isEmpty else { return TaskOutcome(score: 0, extracted: nil, rule: "no-match") }
        let gold = PyText.lower(truth)
        if parsed == gold { return TaskOutcome(score: 1, extracted: parsed, rule: rule) }
        let count = PyText.occurrences(of: "yes", in: parsed) + PyText.occurrences(of: "no", in: parsed) + PyText.occurrences(of: "unknown", in: parsed)
        let score: Double = count == 3 && PyText.contains(parsed, gold) ? 1 : 0
        return TaskOutcome(score: score, extracted: parsed, rule: rule)
    }
}
