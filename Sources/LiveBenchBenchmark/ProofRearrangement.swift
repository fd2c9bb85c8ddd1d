/// LiveBench's olympiad scorer (`proof_rearrangement_process_results` with `edit_distance=True`): the model lists
/// the expression numbers that fill a proof's gaps; the score is one minus the Levenshtein distance between its list
/// and the gold list, over the longer length.
enum ProofRearrangement {
    /// One entry of the model's list: a number, or nil for the official `'NO ANSWER'` placeholder.
    typealias Entry = Int?

    static func score(truth: String, answer: String) throws -> TaskOutcome {
        let gold = try PyText.split(truth, ",").map { text -> Entry in
            guard let n = PyText.int(text) else { throw OfficialFailure(reason: "olympiad ground truth \(truth) is not a list of integers") }
            return n
        }
        let (completions, rule) = try completions(answer)
        let distance = levenshtein(completions, gold)
        let score = 1 - Double(distance) / Double(max(completions.count, gold.count))
        let shown = completions.map { $0.map(String.init) ?? "NO ANSWER" }.joined(separator: ",")
        return TaskOutcome(score: score, extracted: completions.isEmpty ? nil : shown, rule: rule)
    }

    /// `extract_expression_completions_from_generation`: an `Answer:` line, else the last boxed list, else the last
    /// line's numbers, else the numbers after the last `answer:`.
    static func completions(_ generation: String) throws -> ([Entry], String) {
        let lowered = PyText.lower(generation)
        if PyText.contains(lowered, "answer:") {
            let lines = PyText.split(PyText.strip(lowered), "\n")
            if let index = lines.lastIndex(where: { PyText.contains($0, "answer:") }) {
                var text = clean(PyText.split(lines[index], "answer:")[1])
                if text.isEmpty, index < lines.count - 1 { text = clean(lines[index + 1]) }
                let numbers = PyText.split(text, ",").map { part -> Entry in
                    var n = PyText.split(PyText.strip(part), " ").last ?? ""
                    for piece in ["$", "{", "}", "\\", "boxed", "<", ">"] { n = PyText.replace(n, piece, "") }
                    return PyText.int(n)
                }
                if numbers.contains(where: { $0 != nil }) { return (numbers, "answer-line") }
            }
        }
        if PyText.contains(generation, "\\boxed") {
            var text = generation
            if let boxed = PyText.lastBoxedOnlyString(generation) { text = try PyText.removeBoxed(boxed) }
            for piece in ["\\text{", "}", "\\"] { text = PyText.replace(text, piece, "") }
            let numbers = PyText.split(PyText.strip(text), ",").map { PyText.int(PyText.strip($0)) }
            if numbers.contains(where: { $0 != nil }) { return (numbers, "boxed") }
        }
        let lastLine = PyText.split(PyText.lower(PyText.strip(generation)), "\n").last ?? ""
        var numbers: [Entry] = []
        for part in PyText.split(PyText.strip(lastLine), ",") {
            let digits = digitRun(part).digits
            if PyText.strip(digits).isEmpty { continue }
            numbers.append(PyText.int(PyText.strip(digits)))
        }
        if numbers.contains(where: { $0 != nil }) { return (numbers, "last-line") }
        let parts = PyText.split(PyText.split(lowered, "answer:").last ?? "", ",").map(PyText.strip)
        var found: [Entry] = []
        for (i, part) in parts.enumerated() {
            let (digits, removed) = digitRun(part)
            if !digits.isEmpty, digits != "₂" {
                guard let n = PyText.int(digits) else { throw OfficialFailure(reason: "olympiad: int(\(digits)) raises") }
                found.append(n)
            }
            if i > 0, removed > 0 { break }
        }
        return (found, "after-answer")
    }

    static func clean(_ s: String) -> String {
        var s = s
        for piece in ["answer:", "**", "."] { s = PyText.replace(s, piece, "") }
        return PyText.strip(s)
    }

    /// `remove_nonnumeric_chars_at_ends`: the first run of digits and how many characters are not in it.
    static func digitRun(_ s: String) -> (digits: String, removed: Int) {
        let h = PyText.scalars(s)
        var start = 0
        while start < h.count, !PyText.isDigit(h[start]) { start += 1 }
        var end = start
        while end < h.count, PyText.isDigit(h[end]) { end += 1 }
        return (PyText.string(h[start..<end]), h.count - (end - start))
    }

    /// The edit distance between two sequences (insertions, deletions, substitutions), as `Levenshtein.distance`.
    static func levenshtein(_ a: [Entry], _ b: [Entry]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
