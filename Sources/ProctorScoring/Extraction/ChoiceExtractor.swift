import MathEquivalence
import Foundation

/// Multiple-choice letter extraction by human-correct rules (SCORING-NOTES §1 Stage A), on the answer text only.
public enum ChoiceExtractor {
    /// The chosen letter and the rule that found it, or nil (unparsed).
    ///
    /// - Parameters:
    ///   - text: The think-stripped answer text.
    ///   - choices: The option texts in order (A, B, …); their count bounds the accepted letters.
    public static func letter(in text: Substring, choices: [String]) -> (letter: Character, rule: String)? {
        let letters = validLetters(count: max(choices.count, 2))
        if let box = BoxedAnswer.last(in: text), let l = wrappedLetter(box, letters, allowTail: true) { return (l, "boxed") }
        let lines = AnswerCues.lastLines(AnswerCues.withoutClosingPleasantries(text), count: 12)
        for line in lines.reversed() {
            if let l = answerLineLetter(line, letters) { return (l, "answer-line") }
        }
        let tail = text.suffix(600)
        for cue in ["correct answer is", "correct option is", "correct choice is", "answer is", "choice is", "option is"] {
            if let r = tail.scanRange(of: cue, backwards: true, caseInsensitive: true),
               let l = wrappedLetter(Self.droppingChoiceWord(tail[r.upperBound...].prefix(40)), letters, allowTail: true) {
                return (l, "answer-is")
            }
        }
        for line in lines.reversed() {
            if let l = wrappedLetter(line, letters, allowTail: false) { return (l, "letter-line") }
        }
        for line in lines.suffix(3).reversed() {
            if let l = letterWithOptionText(line, letters, choices: choices) { return (l, "letter-with-option") }
        }
        if let index = uniqueOption(in: text.suffix(300), choices: choices) {
            return (letters[index], "option-text")
        }
        return nil
    }

    /// A line `C. option text` / `(C) option text` / `**C) option text**` whose text is that option's text.
    static func letterWithOptionText(_ line: Substring, _ letters: [Character], choices: [String]) -> Character? {
        let t = line.filter { $0 != "*" }.trimmingSpaces()
        var rest = Substring(t)
        if rest.first == "(" { rest = rest.dropFirst() }
        guard let letter = rest.first, let index = letters.firstIndex(of: letter), index < choices.count else { return nil }
        rest = rest.dropFirst()
        guard let mark = rest.first, mark == "." || mark == ")" || mark == ":" else { return nil }
        let text = rest.dropFirst().trimmingSpaces().lowercased()
        let option = choices[index].trimmingSpaces().lowercased()
        guard !option.isEmpty, !text.isEmpty else { return nil }
        return text.hasPrefix(String(option.prefix(12))) || option.hasPrefix(String(text.prefix(12))) ? letter : nil
    }

    /// ` choice (B)` / ` option B` → ` (B)` / ` B`.
    static func droppingChoiceWord(_ s: Substring) -> Substring {
        let trimmed = s.drop { $0 == " " || $0 == ":" }
        for word in ["choice", "option", "Choice", "Option"] where trimmed.hasPrefix(word) { return trimmed.dropFirst(word.count) }
        return s
    }

    /// `A`, `B`, … for `count` options (at most J).
    public static func validLetters(count: Int) -> [Character] {
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".prefix(min(max(count, 1), 26)))
    }

    /// A letter alone in a wrapper: `C`, `(C)`, `**C**`, `$C$`, `\text{C}`, `C.`, `C)`; with `allowTail`, option
    /// text may follow the letter after `)`, `.`, `:` or a space.
    static func wrappedLetter(_ raw: Substring, _ letters: [Character], allowTail: Bool) -> Character? {
        var s = String(raw)
        for wrapper in ["\\text{", "\\textbf{", "\\mathrm{", "\\mathbf{", "\\boxed{", "\\("] {
            s = s.scanReplacing(wrapper, with: "")
        }
        let skip: Set<Character> = [" ", "*", "$", "(", "[", "{", ":", "：", "\"", "'", "_", "\t"]
        var chars = Substring(s)
        while let f = chars.first, skip.contains(f) { chars = chars.dropFirst() }
        guard let letter = chars.first, letters.contains(letter) else { return nil }
        let rest = chars.dropFirst()
        guard let next = rest.first else { return letter }
        if next.isLetter || next.isNumber { return nil }
        let after = rest.drop { " *$)]}.:\\\"'".contains($0) }
        if after.isEmpty || allowTail && (next == ")" || next == "." || next == ":" || next == " " || next == "*" || next == "$" || next == "}") {
            return letter
        }
        return nil
    }

    /// `^\W*(final\s+)?answer\W*[:：]?\W*\(?([A-J])\b` on one line (keyword case-insensitive).
    static func answerLineLetter(_ line: Substring, _ letters: [Character]) -> Character? {
        var rest = line.drop { !$0.isLetter }
        if rest.lowercased().hasPrefix("final") {
            rest = rest.dropFirst(5).drop { $0.isWhitespace }
        }
        guard rest.lowercased().hasPrefix("answer") else { return nil }
        rest = rest.dropFirst(6)
        if rest.first?.isLetter == true { return nil }
        return wrappedLetter(rest.drop { !$0.isLetter }, letters, allowTail: true)
            ?? wrappedLetter(rest, letters, allowTail: true)
    }

    /// The index of the only option whose text occurs in `text` once options contained in other matched
    /// options are dropped (`Gothic` inside `Neo-Gothic`).
    public static func uniqueOption(in text: Substring, choices: [String]) -> Int? {
        let lower = text.lowercased()
        var matched = choices.indices.filter { i in
            let c = choices[i].trimmingSpaces().lowercased()
            return !c.isEmpty && containsWord(lower, c)
        }
        matched = matched.filter { i in
            !matched.contains { j in j != i && choices[j].lowercased().contains(choices[i].lowercased()) && choices[j].count > choices[i].count }
        }
        return matched.count == 1 ? matched[0] : nil
    }

    /// Whether `needle` occurs in `haystack` with no letter or digit directly before or after it.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        var searchStart = haystack.startIndex
        while let r = haystack[searchStart...].scanRange(of: needle) {
            let beforeOK = r.lowerBound == haystack.startIndex || !isWordCharacter(haystack[haystack.index(before: r.lowerBound)])
            let afterOK = r.upperBound == haystack.endIndex || !isWordCharacter(haystack[r.upperBound])
            if beforeOK && afterOK { return true }
            searchStart = haystack.index(after: r.lowerBound)
        }
        return false
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
