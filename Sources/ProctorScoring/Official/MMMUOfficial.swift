import MathEquivalence
import ProctorCore

/// MMMU's official parsers (`mmmu/utils/eval_utils.py`) and MMMU-Pro's variant (`mmmu-pro/evaluate.py`), with the
/// unseeded/import-seeded random fallback replaced by a draw hashed from (item id, sample index, seed).
public enum MMMUOfficial {
    /// Which parser variant.
    public enum Variant: Sendable, Hashable {
        /// MMMU: `(X)`, then ` X `, then option text.
        case mmmu
        /// MMMU-Pro: the unique letter after the last `Answer:`, then `(X)`, `X `, `X.`, option text.
        case mmmuPro
    }

    /// A parsed multiple-choice answer.
    public struct ChoiceResult: Sendable, Hashable {
        /// The chosen letter.
        public var letter: String
        /// Whether the random fallback chose it.
        public var randomFallback: Bool
    }

    /// `parse_multi_choice_response`, made deterministic.
    ///
    /// - Parameters:
    ///   - response: The (think-stripped) response.
    ///   - options: Option texts in order (A, B, …).
    ///   - variant: MMMU or MMMU-Pro.
    ///   - fallbackKey: The item id and sample index, hashed for the fallback draw.
    public static func parseChoice(_ response: String, options: [String], variant: Variant, fallbackKey: [String]) -> ChoiceResult {
        let letters = ChoiceExtractor.validLetters(count: options.count).map(String.init)
        guard !letters.isEmpty else { return ChoiceResult(letter: "A", randomFallback: true) }
        if variant == .mmmuPro, let r = response.scanRange(of: "Answer:", backwards: true) {
            let tail = PythonText.strip(response[r.upperBound...])
            let matching = letters.filter { tail.scanContains($0) }
            if matching.count == 1 { return ChoiceResult(letter: matching[0], randomFallback: false) }
        }
        var text = response
        for c in [",", ".", "!", "?", ";", ":", "'"] { text = PythonText.strip(text, [Character(c)]) }
        text = " " + text + " "
        var candidates: [String] = []
        var bracketed = false, byContent = false
        for l in letters where text.scanContains("(\(l))") { candidates.append(l); bracketed = true }
        if candidates.isEmpty {
            let pattern: (String) -> String = variant == .mmmu ? { " \($0) " } : { "\($0) " }
            for l in letters where text.scanContains(pattern(l)) { candidates.append(l) }
        }
        if candidates.isEmpty, variant == .mmmuPro {
            for l in letters where text.scanContains("\(l).") { candidates.append(l) }
        }
        let lowered = text.lowercased()
        if candidates.isEmpty, text.split(whereSeparator: { $0.isWhitespace }).count > 5 {
            for (i, option) in options.enumerated() where lowered.scanContains(option.lowercased()) {
                candidates.append(letters[i])
                byContent = true
            }
        }
        if candidates.isEmpty {
            let draw = StableHash.combine(fallbackKey) % UInt64(letters.count)
            return ChoiceResult(letter: letters[Int(draw)], randomFallback: true)
        }
        if candidates.count == 1 { return ChoiceResult(letter: candidates[0], randomFallback: false) }
        var best = candidates[0], bestIndex = Int.min
        for c in candidates {
            let needle: String
            if byContent {
                needle = options[letters.firstIndex(of: c) ?? 0].lowercased()
            } else {
                needle = bracketed ? "(\(c))" : " \(c) "
            }
            let haystack = byContent ? lowered : text
            let index = haystack.scanRange(of: needle, backwards: true).map { haystack.utf8.distance(from: haystack.startIndex, to: $0.lowerBound) } ?? -1
            if index > bestIndex { best = c; bestIndex = index }
        }
        return ChoiceResult(letter: best, randomFallback: false)
    }

    /// A normalised open-answer candidate: a number rounded to 2 dp, or a lower-cased string.
    public enum OpenValue: Hashable, Sendable {
        case number(Double)
        case text(String)
    }

    /// `parse_open_response`: key tails of each sentence, plus every number in them, normalised.
    public static func parseOpen(_ response: String) -> [OpenValue] {
        let keys = keySubresponses(response)
        var predictions = keys
        for k in keys { predictions += MMMUNumbers.extract(k) }
        var seen = Set<OpenValue>(), result: [OpenValue] = []
        for p in predictions.flatMap(normalize) where seen.insert(p).inserted { result.append(p) }
        return result
    }

    static func keySubresponses(_ response: String) -> [String] {
        let trimmed = PythonText.strip(PythonText.strip(response), ["."]).lowercased()
        let sentences = MMMUNumbers.splitSentences(trimmed)
        var indicators = ["could be ", "so ", "is ", "thus ", "therefore ", "final ", "answer ", "result "]
        var keys: [String] = []
        for (index, sentence) in sentences.enumerated() {
            if index == sentences.count - 1 { indicators.append("=") }
            var shortest: String? = nil
            for indicator in indicators where sentence.scanContains(indicator) {
                let tail = PythonText.strip(PythonText.lastPart(sentence, indicator))
                if shortest == nil || shortest!.isEmpty || tail.count < shortest!.count { shortest = tail }
            }
            if let s = shortest, !s.isEmpty, ![":", ",", ".", "!", "?", ";", "'"].contains(PythonText.strip(s)) {
                keys.append(s)
            }
        }
        return keys.isEmpty ? [trimmed] : keys
    }

    /// `normalize_str`.
    public static func normalize(_ raw: String) -> [OpenValue] {
        let s = PythonText.strip(raw)
        if let v = PythonNumbers.float(s.scanReplacing(",", with: "")) { return [.number(PythonNumbers.round(v, 2))] }
        let lower = s.lowercased()
        if lower.count == 1 { return [.text(" " + lower), .text(lower + " ")] }
        return [.text(lower)]
    }

    /// `eval_open`: a float equal to a float gold, or a gold string contained in a predicted string.
    public static func evalOpen(golds: [String], predictions: [OpenValue]) -> Bool {
        let normalized = golds.flatMap(normalize)
        for p in predictions {
            switch p {
            case .text(let t):
                for case .text(let g) in normalized where t.scanContains(g) { return true }
            case .number:
                if normalized.contains(p) { return true }
            }
        }
        return false
    }
}
