import MathEquivalence
import Foundation

/// Rule-based answer cues for free-form answers (SCORING-NOTES §7.1), scanning only the end of the answer text.
public enum AnswerCues {
    /// The final answer of a free-form (math) response: the last box(es), else a cue on the last three lines.
    ///
    /// - Parameter text: The think-stripped answer text.
    /// - Returns: The answer and the rule that fired, or nil when nothing answer-like was found.
    public static func freeForm(_ text: Substring) -> (answer: String, rule: String)? {
        if let boxed = BoxedAnswer.finalAnswer(in: text) { return (boxed, "boxed") }
        let lines = lastLines(withoutClosingPleasantries(text), count: 3)
        let tail = lines.joined(separator: "\n")
        for (cue, rule) in [("final answer is", "final-answer-is"), ("final answer:", "final-answer"),
                            ("answer is", "answer-is"), ("answer:", "answer-colon")] {
            if let r = tail.scanRange(of: cue, backwards: true, caseInsensitive: true) {
                var rest = tail[r.upperBound...]
                // Minerva's format: "Final Answer: The final answer is $5$. I hope it is correct."
                if let hope = rest.scanRange(of: "I hope it is correct") { rest = rest[..<hope.lowerBound] }
                let value = cleanTail(rest)
                if !value.isEmpty { return (value, rule) }
            }
        }
        guard let lastLine = lines.last else { return nil }
        if let bold = lastBold(lastLine) { return (cleanTail(Substring(bold)), "bold") }
        let sentence = lastSentence(lastLine)
        if let eq = sentence.scanRange(of: "=", backwards: true) {
            let value = cleanTail(sentence[eq.upperBound...])
            if !value.isEmpty, value.count <= 40 { return (value, "equals") }
        }
        if let number = lastNumber(in: sentence) { return (number, "last-number") }
        return nil
    }

    /// Phrases of a closing courtesy line ("I hope this helps! Let me know …"), which never hold the answer.
    static let pleasantries = ["i hope this", "let me know", "anything else i can help", "other questions",
                               "do you have any", "feel free to", "hope that helps"]

    /// `text` without trailing lines that are only closing courtesies.
    public static func withoutClosingPleasantries(_ text: Substring) -> Substring {
        var end = text.endIndex
        while true {
            let body = text[..<end]
            guard let lastBreak = body.dropLast().lastIndex(of: "\n") else { return body }
            let line = body[body.index(after: lastBreak)...].lowercased()
            let blank = line.allSatisfy(\.isWhitespace)
            guard blank || pleasantries.contains(where: { line.scanContains($0) }) else { return body }
            end = lastBreak
        }
    }

    /// The last `count` non-empty lines of `text`, scanning from the end.
    static func lastLines(_ text: Substring, count: Int) -> [Substring] {
        var lines: [Substring] = []
        var end = text.endIndex
        var index = text.endIndex
        while index > text.startIndex, lines.count < count {
            index = text.index(before: index)
            if text[index] == "\n" {
                let line = text[text.index(after: index)..<end]
                if !line.allSatisfy(\.isWhitespace) { lines.insert(line, at: 0) }
                end = index
            }
        }
        if lines.count < count {
            let line = text[text.startIndex..<end]
            if !line.allSatisfy(\.isWhitespace) { lines.insert(line, at: 0) }
        }
        return lines
    }

    /// A cue's tail up to the end of its line, without math delimiters, bold markers and final punctuation.
    static func cleanTail(_ tail: Substring) -> String {
        var s = tail.prefix { $0 != "\n" }
        var t = s.trimmingSpaces()
        for wrapper in ["**", "$$", "$", "\\[", "\\]", "\\(", "\\)", "__"] { t = t.scanReplacing(wrapper, with: "") }
        t = t.trimmingSpaces()
        while let l = t.last, l == "." || l == "," || l == ";" || l == ":" || l == "!" { t.removeLast() }
        while let f = t.first, f == ":" || f == " " { t.removeFirst() }
        s = Substring(t)
        return s.trimmingSpaces()
    }

    /// The content of the last `**…**` span of a line.
    static func lastBold(_ line: Substring) -> String? {
        guard let close = line.scanRange(of: "**", backwards: true),
              let open = line[..<close.lowerBound].scanRange(of: "**", backwards: true) else { return nil }
        let inner = line[open.upperBound..<close.lowerBound]
        return inner.isEmpty ? nil : String(inner)
    }

    /// The text after the last `. ` of a line.
    static func lastSentence(_ line: Substring) -> Substring {
        if let r = line.scanRange(of: ". ", backwards: true) { return line[r.upperBound...] }
        return line
    }

    /// The last signed decimal number in `text` (thousands separators removed).
    public static func lastNumber(in text: Substring) -> String? {
        let numbers = SimpleNumberScan.numbers(in: String(text).scanReplacing(",", with: ""))
        return numbers.last
    }
}

/// The `-?\d*\.?\d+` scan used by several reference extractors.
enum SimpleNumberScan {
    static func numbers(in s: String) -> [String] { PythonText.simpleNumbers(s) }
}
