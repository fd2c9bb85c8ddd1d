/// LiveBench's zebra-puzzle scorers: the questions released before 2024-11-25 have one answer
/// (`zebra_puzzle_process_results_old`), later ones a comma-separated list scored with partial credit
/// (`zebra_puzzle_process_results`: half for all cells right, half for the fraction right).
enum ZebraPuzzle {
    static let numberWords = ["1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"]

    /// One answer: the last `***word***`, else the last word.
    static func scoreOld(truth: String, answer: String) -> TaskOutcome {
        let gold = PyText.lower(truth)
        let bold = tripleStarWords(answer)
        let word: String
        let rule: String
        if let last = bold.last {
            word = last
            rule = "bold"
        } else {
            word = words(answer).last ?? ""
            rule = "last-word"
        }
        let right = PyText.lower(word) == gold || numberWords[word].map { PyText.lower($0) == gold } == true
            || PyText.lower(word) + " movies" == gold
        return TaskOutcome(score: right ? 1 : 0, extracted: word.isEmpty ? nil : word, rule: rule)
    }

    /// A list of answers, from `<solution>`, the last boxed text or a last line with the right number of commas.
    static func score(truth: String, answer: String) throws -> TaskOutcome {
        let gold = PyText.split(truth, ",")
        var matches = PyText.findAll(between: "<solution>", and: "</solution>", in: answer, dotAll: false)
        if matches.isEmpty { matches = PyText.findAll(between: "</solution>", and: "</solution>", in: answer, dotAll: false) }
        var rule = "solution-tag"
        if matches.isEmpty {
            let llm = PyText.replace(answer, "\\\\fbox{", "\\\\boxed{")
            if let boxed = PyText.lastBoxedOnlyString(llm) {
                var text = try PyText.removeBoxed(boxed)
                for piece in ["\\text{", "}", "\\"] { text = PyText.replace(text, piece, "") }
                matches.append(text)
                rule = "boxed"
            }
        }
        if matches.isEmpty {
            let lastLine = PyText.split(PyText.strip(answer), "\n").last ?? ""
            if PyText.occurrences(of: ",", in: lastLine) == gold.count - 1 {
                matches.append(lastLine)
                rule = "last-line"
            }
        }
        guard !matches.isEmpty else { return TaskOutcome(score: 0, extracted: nil, rule: "no-match") }
        let solution = matches.count > 1 ? Array(matches.flatMap { PyText.split($0, ",") }.suffix(gold.count)) : PyText.split(matches[matches.count - 1], ",")
        var correct = 0
        for (i, cell) in gold.enumerated() where i < solution.count {
            let g = PyText.replace(PyText.lower(PyText.strip(cell)), "-", " ")
            let l = PyText.replace(PyText.replace(PyText.lower(PyText.strip(solution[i])), "-", " "), "position", "")
            if g == l || PyText.contains(l, g) { correct += 1 }
        }
        let total = Double(gold.count)
        let score = ((correct == gold.count ? 1 : 0) + Double(correct) / total) / 2
        return TaskOutcome(score: score, extracted: solution.joined(separator: ","), rule: rule)
    }

    /// `re.findall(r'\*\*\*(\w+)\*\*\*', s)`.
    static func tripleStarWords(_ s: String) -> [String] {
        let h = PyText.scalars(s)
        var out: [String] = []
        var i = 0
        while i + 2 < h.count {
            guard h[i] == "*", h[i + 1] == "*", h[i + 2] == "*" else { i += 1; continue }
            var j = i + 3
            while j < h.count, PyText.isWord(h[j]) { j += 1 }
            if j > i + 3, j + 2 < h.count, h[j] == "*", h[j + 1] == "*", h[j + 2] == "*" {
                out.append(PyText.string(h[(i + 3)..<j]))
                i = j + 3
            } else {
                i += 1
            }
        }
        return out
    }

    /// `re.findall(r'\b\w+\b', s)`: the runs of word characters.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current: [Unicode.Scalar] = []
        for c in s.unicodeScalars {
            if PyText.isWord(c) {
                current.append(c)
            } else if !current.isEmpty {
                out.append(PyText.string(current))
                current = []
            }
        }
        if !current.isEmpty { out.append(PyText.string(current)) }
        return out
    }
}
