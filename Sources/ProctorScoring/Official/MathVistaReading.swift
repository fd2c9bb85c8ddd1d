import MathEquivalence

/// How MathVista's few-shot GPT-4 extractor reads a free-text response, as deterministic rules (docs/scoring.md,
/// "MathVista from raw responses"): it reads the statement that answers the question, not supporting material.
enum MathVistaReading {
    /// The response without what never holds the answer: fenced code and its printed output, `[asy]` drawings,
    /// table rows, closing courtesies or offers ("I hope this helps", "Here is a table …"), and everything from an
    /// echoed next prompt on.
    static func readable(_ response: String) -> String {
        var kept: [Substring] = []
        let response = response.scanReplacing("\r\n", with: "\n")
        var inFence = false, inAsy = false
        for line in response.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingSpaces()
            if t.hasPrefix("```") { inFence.toggle(); continue }
            if t.hasPrefix("[asy]") { inAsy = true }
            if inAsy { if t.scanContains("[/asy]") { inAsy = false }; continue }
            // A model that echoes the next prompt ("Hint: Please answer …", "Question: …") has stopped answering.
            if !kept.isEmpty, t.hasPrefix("Hint:") || t.hasPrefix("Question:") { break }
            if inFence || t.hasPrefix("|") || t.filter({ $0 == "|" }).count >= 1 && !t.contains("$") { continue }
            let lower = t.lowercased()
            if closingPhrases.contains(where: { lower.hasPrefix($0) }) || AnswerCues.pleasantries.contains(where: { lower.scanContains($0) }) { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Line openings of material that follows an answer without restating it.
    static let closingPhrases = ["here is a", "here's a", "here are", "do you want", "is there anything", "i also wrote",
                                 "this code outputs", "the code outputs", "i hope"]

    /// The sentences of `text`: split at `.`, `!`, `?` followed by a space or line break, and at line breaks.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text.scanReplacing("\r\n", with: "\n"))
        for (k, c) in chars.enumerated() {
            if c == "\n" {
                if !current.trimmingSpaces().isEmpty { result.append(current.trimmingSpaces()) }
                current = ""
                continue
            }
            current.append(c)
            if ".!?".contains(c), k + 1 == chars.count || chars[k + 1] == " " || chars[k + 1] == "\n" {
                if !current.trimmingSpaces().isEmpty { result.append(current.trimmingSpaces()) }
                current = ""
            }
        }
        if !current.trimmingSpaces().isEmpty { result.append(current.trimmingSpaces()) }
        return result
    }

    /// Whether a sentence only repeats the question ("The model has 4 dots divided into 2 equal groups.").
    static func restates(_ sentence: String, question: String) -> Bool {
        var s = Substring(sentence.trimmingSpaces())
        while let l = s.last, ".!?".contains(l) { s = s.dropLast() }
        return s.count >= 12 && question.scanContains(s)
    }

    /// Words that open a concluding sentence.
    static let conclusions = ["therefore", "so,", "so ", "thus", "hence", "in conclusion", "in summary", "overall",
                              "as a result", "the final answer", "final answer"]

    /// The sentence that states the answer: the last concluding sentence ("Therefore, …"), else the first sentence
    /// that holds a value, as a model that answers first and explains after; sentences giving only numbers the
    /// question already mentions (a restatement) are passed over while another sentence gives a new one.
    static func answerSentence(_ sentences: [String], holdsValue: (String, Bool) -> Bool) -> (String, String)? {
        for newOnly in [true, false] {
            if let last = sentences.last(where: { s in
                let l = s.lowercased().drop { !$0.isLetter }
                return conclusions.contains { l.hasPrefix($0) } && holdsValue(s, newOnly)
            }) { return (last, "conclusion") }
            if let first = sentences.first(where: { holdsValue($0, newOnly) }) { return (first, "answer-first") }
        }
        return nil
    }

    /// The value a sentence gives for the question: its first bold number, else what follows its last `=`, else
    /// its first number that the question does not mention, else (unless `newOnly`) its last number. With
    /// `words`, number words count as numbers ("There are two bars with values larger than 4" → 2).
    static func value(in sentence: String, question: String, words: Bool = false, newOnly: Bool = false) -> String? {
        let asked = Set(numbers(in: question, words: words))
        if let bold = boldSpans(sentence).lazy.compactMap({ numbers(in: $0, words: words).first }).first { return bold }
        if let eq = sentence.scanRange(of: "=", backwards: true) {
            let rhs = String(sentence[eq.upperBound...])
            if let v = MathVistaOfficial.numericPart(AnswerCues.cleanTail(Substring(rhs))), Double(v) != nil,
               !newOnly || !asked.contains(v) { return v }
        }
        let found = numbers(in: sentence, words: words)
        if let new = found.first(where: { !asked.contains($0) }) { return new }
        // Only the question's numbers: the restatement comes first, the answer after it ("9 dots in 3 groups,
        // with each group containing 3 dots").
        return newOnly ? nil : found.last
    }

    /// The numbers of a text in order (thousands separators dropped), with number words as digits.
    static func numbers(in text: String, words: Bool = true) -> [String] {
        var out: [String] = []
        var word = ""
        let cleaned = stripThousands(text)
        var scan = Substring(cleaned)
        while !scan.isEmpty {
            let c = scan.first!
            if c.isNumber && c.isASCII || (c == "-" || c == ".") && scan.dropFirst().first.map({ $0.isASCII && $0.isNumber }) == true && !word.last.map({ $0.isLetter }).orFalse {
                var number = String(c)
                scan = scan.dropFirst()
                var seenDot = c == "."
                while let n = scan.first, n.isASCII && n.isNumber || n == "." && !seenDot && scan.dropFirst().first.map({ $0.isASCII && $0.isNumber }) == true {
                    if n == "." { seenDot = true }
                    number.append(n)
                    scan = scan.dropFirst()
                }
                if let v = Double(number) { out.append(PythonNumbers.string(v).hasSuffix(".0") ? String(Int(v)) : number) }
                word = ""
                continue
            }
            if c.isLetter { word.append(c) } else {
                if words, let v = numberWords[word.lowercased()] { out.append(String(v)) }
                word = ""
            }
            scan = scan.dropFirst()
        }
        if words, let v = numberWords[word.lowercased()] { out.append(String(v)) }
        return out
    }

    /// `1,234` → `1234` (a comma between a digit and exactly three digits).
    static func stripThousands(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        for (k, c) in chars.enumerated() {
            if c == ",", k > 0, chars[k - 1].isNumber, k + 3 < chars.count,
               chars[(k + 1)...(k + 3)].allSatisfy(\.isNumber), k + 4 == chars.count || !chars[k + 4].isNumber { continue }
            out.append(c)
        }
        return out
    }

    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20]

    /// The contents of the `**…**` spans of a sentence.
    static func boldSpans(_ s: String) -> [String] {
        let parts = s.scanSplit("**")
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
    }
}

extension Optional where Wrapped == Bool {
    var orFalse: Bool { self ?? false }
}

extension MathVistaReading {
    /// Phrases of an explicit answer statement, followed by the option letter.
    static let letterCues = ["correct answer is", "correct option is", "correct choice is", "answer is", "choice is",
                             "option is", "answer would be", "answer:"]

    /// The letter of the last explicit answer statement anywhere in the text ("The answer is (C).",
    /// "The correct answer is **(B) No**.", "… is **(E)**"), as GPT-4 reads a statement at the start as readily
    /// as at the end, with where it stands.
    static func statedLetter(_ text: Substring, choices: [String]) -> (String.Index, Character)? {
        let letters = ChoiceExtractor.validLetters(count: max(choices.count, 2))
        var best: (String.Index, Character)?
        func consider(_ at: String.Index, _ l: Character) { if best.map({ at > $0.0 }) ?? true { best = (at, l) } }
        for cue in letterCues {
            var end = text.endIndex
            while let r = text[..<end].scanRange(of: cue, backwards: true, caseInsensitive: true) {
                if let l = ChoiceExtractor.wrappedLetter(ChoiceExtractor.droppingChoiceWord(text[r.upperBound...].prefix(40)), letters, allowTail: true) {
                    consider(r.lowerBound, l)
                    break
                }
                end = r.lowerBound
            }
        }
        // "Therefore, option (E) is the correct answer."
        for cue in ["is the correct answer", "is the correct option", "is the correct choice", "is correct"] {
            guard let r = text.scanRange(of: cue, backwards: true, caseInsensitive: true) else { continue }
            let before = text[..<r.lowerBound].suffix(6).trimmingSpaces()
            if before.count >= 3, before.hasSuffix(")"), let l = before.dropLast().last, letters.contains(l),
               before.dropLast(2).last == "(" { consider(r.lowerBound, l); break }
        }
        var end = text.endIndex
        while let r = text[..<end].scanRange(of: "**(", backwards: true) {
            let rest = text[r.upperBound...]
            if let l = rest.first, letters.contains(l), rest.dropFirst().first == ")" { consider(r.lowerBound, l); break }
            end = r.lowerBound
        }
        return best
    }

    /// What GPT-4 extracts from a response that declines to answer: `N/A` for a disclaimer about the assistant or
    /// the question ("As an AI, I'm unable to view images", "The question is incomplete"), the first sentence for
    /// a statement that information is missing ("The text does not provide …"); nil when the response answers.
    static func refusal(_ response: String) -> String? {
        let first = sentences(response).first ?? response
        let lower = first.lowercased()
        let disclaimers = ["as an ai", "as a text-based ai", "i'm unable", "i am unable", "i can't", "i cannot", "sorry",
                           "question is incomplete", "question is not clear", "question is unclear", "question is ambiguous",
                           "question seems to be", "question is missing", "is not provided", "are not provided",
                           "question is subjective", "question is not valid", "question is invalid"]
        if disclaimers.contains(where: { lower.scanContains($0) }) { return "N/A" }
        let missing = ["not provide", "n't provide", "not enough information", "insufficient", "cannot be determined",
                       "can't be determined", "cannot be answered", "can't be answered", "impossible to"]
        if missing.contains(where: { lower.scanContains($0) }) { return first }
        return nil
    }
}

extension MathVistaReading {
    /// Words that say nothing about which option is meant.
    static let stopWords: Set<String> = ["the", "and", "are", "was", "were", "for", "with", "that", "this", "its", "from"]

    /// A word without a plural or past-tense ending (`frogs` → `frog`, `flipped` → `flip`).
    static func stem(_ word: Substring) -> String {
        var w = String(word)
        for suffix in ["ped", "ies", "es", "ed", "s"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            if suffix == "ies" { w += "y" }
            break
        }
        return w
    }
}

extension MathVistaReading {
    /// The option letter a response opens with (`(E) 0.33%`, `B. 12`): GPT-4 takes the letter even where the text
    /// after it is another option's.
    static func leadingLetter(_ response: String, choices: [String]) -> Character? {
        let letters = ChoiceExtractor.validLetters(count: max(choices.count, 2))
        var t = Substring(response.trimmingSpaces()).drop { $0 == "*" }
        let open = t.first == "("
        if open { t = t.dropFirst() }
        guard let l = t.first, letters.contains(l) else { return nil }
        let next = t.dropFirst().first
        return next == ")" || !open && (next == "." || next == ":") ? l : nil
    }
}

extension MathVistaReading {
    /// For a comparison question ("Are there more A than B?"), whether the answer's comparison names the question's
    /// first object after its `than` ("there are more B than A"): GPT-4 then types "No". Nil when either has no
    /// `than` or the objects cannot be told apart.
    static func comparisonSwapped(question: String, answer: String) -> Bool? {
        func sides(_ s: String) -> (Set<String>, Set<String>)? {
            let lower = s.lowercased()
            guard let than = lower.scanRange(of: " than ") else { return nil }
            let comparatives = ["more", "fewer", "less", "greater", "larger", "smaller", "bigger", "higher", "lower"]
            let head = lower[..<lower.index(after: than.lowerBound)]
            guard let c = comparatives.compactMap({ head.scanRange(of: " \($0) ", backwards: true) }).max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
            func words(_ t: Substring) -> Set<String> {
                Set(t.split { !$0.isLetter }.map(stem).filter { $0.count > 2 && !stopWords.contains($0) && !["number", "there"].contains($0) })
            }
            // "more A than B", or "the number of A greater than B" (the first object before the comparative).
            let between = c.upperBound < than.lowerBound ? words(lower[c.upperBound..<than.lowerBound]) : []
            let first = between.isEmpty ? words(head[..<c.lowerBound]) : between
            return (first, words(lower[than.upperBound...].prefix { $0 != "?" && $0 != "." }))
        }
        guard let (qFirst, qSecond) = sides(question), let (_, aSecond) = sides(answer) else { return nil }
        let towardFirst = aSecond.intersection(qFirst).count, towardSecond = aSecond.intersection(qSecond).count
        guard towardFirst != towardSecond else { return nil }
        return towardFirst > towardSecond
    }
}
