import Foundation
import MathEquivalence
import ProctorCore

/// MathVista's official normalisation and comparison (`evaluation/calculate_score.py`) and its extraction
/// (`evaluation/extract_answer.py`) with the GPT-4 step replaced by rules.
public enum MathVistaOfficial {
    /// `normalize_extracted_answer`: MC → an option text (by letter, else nearest by Levenshtein distance);
    /// integer → `str(int(float(x)))`; float → `str(round(float(x), precision))`; list → `str(x)`.
    ///
    /// - Parameters:
    ///   - extraction: The extracted answer (a JSON value: published extractions are sometimes numbers).
    ///   - choices: The option texts (MC).
    ///   - questionType: `multi_choice` or `free_form`.
    ///   - answerType: `text`, `integer`, `float` or `list`.
    ///   - precision: Decimals for floats.
    ///   - integerRule: `int(float(x))` (the current code) or `int(x)` (the code the published results were scored with).
    /// - Returns: The normalised prediction, or nil where the reference gets `None`.
    public static func normalize(_ extraction: JSONValue, choices: [String], questionType: String, answerType: String,
                                 precision: JSONValue?, integerRule: IntegerRule = .truncateFloat) -> String? {
        if questionType == "multi_choice" {
            var text = PythonText.strip(pythonString(extraction))
            if let letter = firstParenthesizedLetter(text) { text = String(letter).uppercased() }
            let options = ChoiceExtractor.validLetters(count: choices.count).map(String.init)
            if let index = options.firstIndex(of: text), choices.count > 0 { return choices[index] }
            guard !choices.isEmpty else { return nil }
            let distances = choices.map { Levenshtein.distance(text, $0) }
            guard let best = distances.min(), let index = distances.firstIndex(of: best) else { return nil }
            return choices[index]
        }
        switch answerType {
        case "integer":
            if integerRule == .parseInteger {
                if case .int(let i) = extraction { return String(i) }
                return PythonInt.parse(pythonString(extraction)).map { String($0) }
            }
            guard let value = pythonFloat(extraction), value.isFinite, abs(value) < 9.2e18 else { return nil }
            return String(Int(value.rounded(.towardZero)))
        case "float":
            guard let value = pythonFloat(extraction), let digits = precision?.intValue, precision?.isIntegral == true else { return nil }
            return PythonNumbers.string(PythonNumbers.round(value, digits))
        case "list":
            return pythonString(extraction)
        default:
            return nil
        }
    }

    /// `str(x)` of a JSON value as Python prints the decoded object.
    public static func pythonString(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return PythonNumbers.string(d)
        case .bool(let b): return b ? "True" : "False"
        case .null: return "None"
        case .array(let a): return "[" + a.map(pythonRepr).joined(separator: ", ") + "]"
        case .object: return ""
        }
    }

    static func pythonRepr(_ value: JSONValue) -> String {
        if case .string(let s) = value { return "'" + s + "'" }
        return pythonString(value)
    }

    /// `float(x)` of a JSON value.
    static func pythonFloat(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return PythonNumbers.float(s)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The first `(x)` letter of `re.findall(r'\(([a-zA-Z])\)', s)`.
    static func firstParenthesizedLetter(_ s: String) -> Character? {
        let chars = Array(s)
        guard chars.count >= 3 else { return nil }
        for k in 0..<(chars.count - 2) where chars[k] == "(" && chars[k + 2] == ")" {
            let c = chars[k + 1]
            if c.isASCII, c.isLetter { return c }
        }
        return nil
    }

    /// The official extraction's rule steps, then Proctor's rules in place of the GPT-4 call (`MathVistaReading`).
    ///
    /// - Parameters:
    ///   - response: The model response (think-stripped).
    ///   - choices: Option texts (MC).
    ///   - questionType: `multi_choice` or `free_form`.
    ///   - answerType: `text`, `integer`, `float` or `list`.
    ///   - question: The question text (numbers it mentions are not taken for the answer).
    /// - Returns: The extraction and the rule that produced it.
    public static func extract(_ response: String, choices: [String], questionType: String, answerType: String,
                               question: String = "") -> (String, String) {
        if response.isEmpty { return ("", "empty") }
        if questionType == "multi_choice", choices.contains(response) { return (response, "option-text-exact") }
        if answerType == "integer", let v = PythonInt.parse(response) { return (String(v), "integer") }
        if answerType == "float", let v = PythonNumbers.float(response) { return (PythonNumbers.string(v), "float") }
        if let quick = quickExtract(response) { return (quick, "quick-extract") }
        let readable = MathVistaReading.readable(response)
        let text = Substring(readable)
        if questionType == "multi_choice" {
            if let (_, letter) = MathVistaReading.statedLetter(text, choices: choices) { return (String(letter), "answer-is") }
            let lower = response.lowercased()
            if ["none of the options", "none of the choices", "none of the answer", "none of the given"].contains(where: { lower.scanContains($0) }) {
                // GPT-4 extracts "None" here; the official normalisation then maps it to the nearest option.
                return ("None", "none-of-the-options")
            }
            if ["not available in the choices", "not in the options", "not among the options", "not among the choices", "not in the choices"].contains(where: { lower.scanContains($0) }) {
                // GPT-4 copies the closing remark ("There might be a mistake in the question or the choices.").
                return (MathVistaReading.sentences(response).last ?? response, "no-option-matches")
            }
            if let letter = MathVistaReading.leadingLetter(response, choices: choices) { return (String(letter), "leading-letter") }
            if let (letter, rule) = ChoiceExtractor.letter(in: text, choices: choices) { return (String(letter), rule) }
            if let refusal = MathVistaReading.refusal(response) { return (refusal, "refusal") }
            if let yesNo = yesNoAnswer(response, choices: choices, question: question) { return (yesNo, "yes-no") }
            if let (value, rule) = freeFormValue(text, question: question) {
                if let option = optionByValue(value, choices: choices) { return (option, "option-value") }
                if let best = bestOverlap(MathVistaReading.sentences(readable).first ?? readable, choices: choices) { return (best, "option-overlap") }
                return (value, rule)
            }
            if let best = bestOverlap(MathVistaReading.sentences(readable).first ?? readable, choices: choices) { return (best, "option-overlap") }
            return (response, "levenshtein-fallback")
        }
        if answerType == "list", let open = response.lastIndex(of: "["), let close = response.lastIndex(of: "]"), open < close {
            let numbers = PythonText.simpleNumbers(String(response[open...close]))
            return ("[" + numbers.joined(separator: ", ") + "]", "list")
        }
        if MathVistaReading.refusal(response) != nil { return ("", "refusal") }
        return freeFormValue(text, question: question, words: answerType == "integer") ?? ("", "none")
    }

    /// The value a free-form answer states: the last box, else the last explicit "answer is" statement, else the
    /// answer sentence (`MathVistaReading.answerSentence`).
    static func freeFormValue(_ text: Substring, question: String, words: Bool = false) -> (String, String)? {
        if let boxed = BoxedAnswer.finalAnswer(in: text) { return (numericPart(boxed) ?? boxed, "boxed") }
        let sentences = MathVistaReading.sentences(String(text))
        for sentence in sentences.reversed() {
            guard let cue = sentence.scanRange(of: "answer is", backwards: true, caseInsensitive: true)
                ?? sentence.scanRange(of: "answer:", backwards: true, caseInsensitive: true) else { continue }
            if let v = MathVistaReading.value(in: String(sentence[cue.upperBound...]), question: question) { return (v, "answer-is") }
        }
        let holds = { (s: String, newOnly: Bool) in
            !MathVistaReading.restates(s, question: question)
                && MathVistaReading.value(in: s, question: question, words: words, newOnly: newOnly) != nil
        }
        guard let (sentence, rule) = MathVistaReading.answerSentence(sentences, holdsValue: holds),
              let v = MathVistaReading.value(in: sentence, question: question, words: words) else { return nil }
        return (v, rule)
    }

    /// For a Yes/No question: an explicit leading yes/no, else "No" when the first sentence is negated.
    static func yesNoAnswer(_ response: String, choices: [String], question: String = "") -> String? {
        let lower = choices.map { $0.lowercased() }
        guard lower.count == 2, let yes = lower.firstIndex(of: "yes"), let no = lower.firstIndex(of: "no") else { return nil }
        let r = response.trimmingSpaces().lowercased()
        if r.hasPrefix("yes") { return choices[yes] }
        if r.hasPrefix("no") { return choices[no] }
        // A refusal is copied verbatim by the GPT extractor and then mapped by Levenshtein distance.
        for refusal in ["not provide", "cannot", "can't", "unable", "not enough", "not possible", "no information", "not clear"]
        where r.scanContains(refusal) { return nil }
        let first = " " + (r.scanSplit(". ").first ?? r) + " "
        let negated = [" not ", "n't ", " no ", " neither ", " never "].contains { first.scanContains($0) }
        if !negated, let swapped = MathVistaReading.comparisonSwapped(question: question, answer: first) {
            return choices[swapped ? no : yes]
        }
        return choices[negated ? no : yes]
    }

    /// The option sharing the most words with the response, when one option strictly leads.
    static func bestOverlap(_ response: String, choices: [String]) -> String? {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(MathVistaReading.stem).filter { $0.count > 2 && !MathVistaReading.stopWords.contains($0) })
        }
        let r = words(response)
        let scores = choices.map { c -> Double in
            let w = words(c)
            return w.isEmpty ? 0 : Double(w.intersection(r).count) / Double(w.count)
        }
        guard let best = scores.max(), best >= 0.5, scores.filter({ $0 == best }).count == 1,
              let index = scores.firstIndex(of: best) else { return nil }
        return choices[index]
    }

    /// `The answer is "(.*)"\.`
    static func quickExtract(_ s: String) -> String? {
        guard let start = s.scanRange(of: "The answer is \"") else { return nil }
        let rest = s[start.upperBound...].prefix { $0 != "\n" }
        guard let end = rest.scanRange(of: "\".", backwards: true) else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// The number inside a free-form answer (`\frac{3}{4}` → `0.75`, `12 cm` → `12`).
    static func numericPart(_ answer: String) -> String? {
        let normalized = LatexNormalizer.normalize(answer).text
        if let node = LatexParser.parse(normalized), let v = MathEvaluator.evaluate(node)?.approximate, v.isFinite {
            if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
            return PythonNumbers.string(v)
        }
        return PythonText.simpleNumbers(normalized.scanReplacing(",", with: "")).last
    }

    /// The option whose numeric value equals `value`, when exactly one does.
    static func optionByValue(_ value: String, choices: [String]) -> String? {
        guard let v = Double(value) else { return nil }
        let hits = choices.filter { c in numericPart(c).flatMap { Double($0) }.map { abs($0 - v) <= 1e-9 * max(1, abs(v)) } ?? false }
        return hits.count == 1 ? hits[0] : nil
    }
}

/// How MathVista turns an integer-type extraction into its normal form.
public enum IntegerRule: Sendable, Hashable {
    /// `str(int(float(x)))`: `2.7` → `2` (calculate_score.py at the audited snapshot).
    case truncateFloat
    /// `str(int(x))`: `2.7` → None (the earlier code that scored the published results files: it reproduces every
    /// published `prediction` of integer items except one in the GPT-4 file, and every `true_false`).
    case parseInteger
}

extension JSONValue {
    /// Whether the value is an integer (an `int` in the authors' JSON).
    var isIntegral: Bool {
        if case .int = self { return true }
        return false
    }
}

/// Character-level edit distance (unit costs), as python-Levenshtein's `distance`.
public enum Levenshtein {
    /// The edit distance between `a` and `b` (compared by Unicode scalar, as Python compares code points).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count), current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
