/// LiveBench's column-type annotation scorer (`cta_process_results`): the class name, compared on its word
/// characters only, equal to the answer (or the last boxed text) or to its end.
enum ColumnTypeAnnotation {
    static func score(truth: String, answer: String) throws -> TaskOutcome {
        var parsed = answer
        var rule = "whole-answer"
        if PyText.contains(parsed, "\\boxed{") {
            guard let boxed = PyText.lastBoxedOnlyString(parsed) else {
                throw OfficialFailure(reason: "cta: remove_boxed(None) raises (an unclosed \\boxed{)")
            }
            parsed = try PyText.removeBoxed(boxed)
            for piece in ["\\text{", "}", "\\"] { parsed = PyText.replace(parsed, piece, "") }
            rule = "boxed"
        }
        let gold = clean(truth), mine = clean(parsed)
        let right = gold == mine || gold == PyText.suffix(mine, PyText.count(gold))
        return TaskOutcome(score: right ? 1 : 0, extracted: parsed, rule: rule)
    }

    /// `re.sub(r'[^\w]', '', text.lower().strip())`.
    static func clean(_ text: String) -> String {
        PyText.string(PyText.strip(PyText.lower(text)).unicodeScalars.filter(PyText.isWord))
    }
}

/// LiveBench's table-join scorer (`joinmap_process_results`): the F1 of the model's column mapping against the gold
/// mapping, rounded to two decimals.
enum TableJoin {
    static func score(truth: String, answer: String) throws -> TaskOutcome {
        guard let gold = PyLiteral.parse(truth), case .dict(let goldPairs) = gold else {
            throw OfficialFailure(reason: "tablejoin ground truth is not a Python dict literal")
        }
        let mapping = try clean(answer)
        guard !mapping.isEmpty else { return TaskOutcome(score: 0, extracted: nil, rule: "unparsed") }
        var tp = 0, fp = 0, fn = 0
        for (key, value) in mapping {
            guard let expected = gold.lookup(key), expected.isTruthy else { fp += 1; continue }
            if expected == value { tp += 1 } else { fp += 1; fn += 1 }
        }
        let mine = PyLiteral.dict(mapping)
        for (key, _) in goldPairs where !(mine.lookup(key)?.isTruthy ?? false) { fn += 1 }
        let f1 = Double(2 * tp) / Double(2 * tp + fp + fn)
        let rounded = (f1 * 100).rounded(.toNearestOrEven) / 100
        let shown = mapping.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", ")
        return TaskOutcome(score: rounded, extracted: "{\(shown)}", rule: "mapping")
    }

    /// `clean_llm_output`: the dict in the last `<solution>`, the whole answer, the last fenced block or the last
    /// boxed text; its `None` values dropped; empty when there is none.
    static func clean(_ s: String) throws -> [(key: PyLiteral, value: PyLiteral)] {
        if let last = PyText.findAll(between: "<solution>", and: "</solution>", in: s, dotAll: true).last {
            return try clean(PyText.strip(last))
        }
        var parsed = PyLiteral.parse(s)
        if parsed == nil {
            let flat = PyText.replace(s, "\n", "")
            var matches = PyText.findAll(between: "```python", and: "```", in: flat, dotAll: false)
            if matches.isEmpty { matches = PyText.findAll(between: "```json", and: "```", in: flat, dotAll: false) }
            if matches.isEmpty { matches = PyText.findAll(between: "```", and: "```", in: flat, dotAll: false) }
            if matches.isEmpty, PyText.contains(s, "\\boxed"), let boxed = PyText.lastBoxedOnlyString(flat) {
                matches = [PyText.replace(unquoteText(try PyText.removeBoxed(boxed)), "\\", "")]
            }
            if matches.isEmpty { matches = [s] }
            parsed = PyLiteral.parse(PyText.replace(matches[matches.count - 1], "null", "None"))
        }
        guard case .dict(let pairs)? = parsed else { return [] }
        return pairs.filter { $0.value != .none }
    }

    /// `re.sub(r"\\text{['|\"](.*?)['|\"]}", r"'\1'", s)`.
    static func unquoteText(_ s: String) -> String {
        let h = PyText.scalars(s)
        let open = PyText.scalars("\\text{")
        let quotes: Set<Unicode.Scalar> = ["'", "|", "\""]
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < h.count {
            if h[i...].starts(with: open), i + open.count < h.count, quotes.contains(h[i + open.count]) {
                let body = i + open.count + 1
                var k = body
                while k + 1 < h.count, !(quotes.contains(h[k]) && h[k + 1] == "}"), h[k] != "\n" { k += 1 }
                if k + 1 < h.count, quotes.contains(h[k]), h[k + 1] == "}" {
                    out += ["'"] + h[body..<k] + ["'"]
                    i = k + 2
                    continue
                }
            }
            out.append(h[i])
            i += 1
        }
        return PyText.string(out)
    }

    static func describe(_ value: PyLiteral) -> String {
        switch value {
        case .string(let s): "'\(s)'"
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let n): String(n)
        case .float(let d): String(d)
        case .list(let a): "[" + a.map(describe).joined(separator: ", ") + "]"
        case .tuple(let a): "(" + a.map(describe).joined(separator: ", ") + ")"
        case .set(let a): "{" + a.map(describe).joined(separator: ", ") + "}"
        case .dict(let d): "{" + d.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
