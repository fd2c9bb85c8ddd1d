import PythonCompat

/// Sentence splitting as nltk's English Punkt tokenizer does it (nltk 3.9.2's `PunktSentenceTokenizer` on Python's
/// `re`, the `tokenize` path only, no training; 3.8 and 3.10 split the IFEval responses identically).
///
/// IFEval's `length_constraints:number_sentences` counts `nltk.data.load("nltk:tokenizers/punkt/english.pickle")
/// .tokenize(text)`, which nltk 3.9 and later serve with the English parameters of `nltk.sent_tokenize(text)`
/// (`PunktTokenizer("english")`, the punkt_tab model). The port follows nltk's steps: candidate ends are ".", "?"
/// and "!" followed by a non-word character or by whitespace and a token (`period_context_re`); the word before
/// each is found by scanning back to the last ASCII whitespace, overlapping candidates merge
/// (`_match_potential_end_contexts`); a candidate splits when Punkt's annotation of the context (its own word
/// segmentation, then the first pass — abbreviations, ellipses — and the second pass — collocations, the
/// orthographic heuristic, frequent sentence starters, initials and numbers) marks a sentence break before the
/// context's last token; closing quotes and brackets after a break move back into the sentence
/// (`_realign_boundaries`). Offsets are in Unicode code points, as Python's are.
public enum SentenceTokenizer {
    /// The sentences of `text`, as `PunktTokenizer("english").tokenize(text)` returns them.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The sentences (substrings of `text` with their inner whitespace; none is empty).
    ///
    /// The Punkt model is a resource of this package; a build without it stops with a message naming the file
    /// (a packaging error, not something the text can cause).
    public static func sentences(_ text: String) -> [String] {
        let scalars = PythonCharacters.scalars(text)
        return spans(scalars).map { PythonCharacters.string(scalars[$0]) }
    }

    /// The sentence spans of `text` in Unicode code points, as `span_tokenize(text)` yields them.
    ///
    /// - Parameter text: Any text.
    /// - Returns: Half-open code point ranges, in order.
    public static func spans(_ text: String) -> [Range<Int>] {
        spans(PythonCharacters.scalars(text))
    }

    static func spans(_ text: [UInt32]) -> [Range<Int>] {
        realign(text, slices(text, parameters: PunktParameters.englishModel))
    }

    /// `_slices_from_text`.
    static func slices(_ text: [UInt32], parameters: PunktParameters) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lastBreak = 0
        for (match, word) in candidateEnds(text) {
            var context = Array(text[word])
            context.append(text[match.position])
            context.append(contentsOf: text[match.after])
            if parameters.containsSentenceBreak(context[...]) {
                result.append(lastBreak..<(match.position + 1))
                lastBreak = match.nextToken?.lowerBound ?? match.position + 1
            }
        }
        var end = text.count
        while end > 0 && PythonCharacters.isSpace(text[end - 1]) { end -= 1 }
        result.append(lastBreak..<max(lastBreak, end))
        return result
    }

    /// `_match_potential_end_contexts`: each candidate with the slice of the word before it, dropping a
    /// candidate whose word overlaps the next one's.
    static func candidateEnds(_ text: [UInt32]) -> [(PunktWords.PeriodContext, Range<Int>)] {
        var result: [(PunktWords.PeriodContext, Range<Int>)] = []
        var previousSlice = 0..<0
        var previous: PunktWords.PeriodContext?
        for match in PunktWords.periodContexts(text) {
            var lastSpace = 0  // `_get_last_whitespace_index`: 0 when there is none (or it is the first character)
            var i = match.position - 1
            while i >= previousSlice.upperBound {
                if PythonCharacters.isASCIIWhitespace(text[i]) { lastSpace = i - previousSlice.upperBound; break }
                i -= 1
            }
            let start = lastSpace != 0 ? lastSpace + previousSlice.upperBound + 1 : previousSlice.lowerBound
            let wordSlice = start..<match.position
            if let previous, previousSlice.upperBound <= wordSlice.lowerBound {
                result.append((previous, previousSlice))
            }
            previous = match
            previousSlice = wordSlice
        }
        if let previous { result.append((previous, previousSlice)) }
        return result
    }

    /// `_realign_boundaries`: closing punctuation right after a break joins the sentence before it.
    static func realign(_ text: [UInt32], _ slices: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var shift = 0
        for (index, slice) in slices.enumerated() {
            let start = slice.lowerBound + shift
            let firstIsEmpty = start >= slice.upperBound
            guard index + 1 < slices.count else {
                if !firstIsEmpty { result.append(start..<slice.upperBound) }
                continue
            }
            let second = slices[index + 1]
            if let (closers, matchEnd) = closingPunctuation(text, second) {
                result.append(start..<max(start, second.lowerBound + closers))
                shift = matchEnd
            } else {
                shift = 0
                if !firstIsEmpty { result.append(start..<slice.upperBound) }
            }
        }
        return result
    }

    /// The closing characters of `re_boundary_realignment` (nltk 3.9; 3.10 adds ‘ ’ “ ” « »).
    static func isCloser(_ c: UInt32) -> Bool {
        switch c {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: true
        default: false
        }
    }

    /// `re_boundary_realignment.match(text[slice])` (`["')\]}]+?(?:\s+|(?=--)|$)`, multiline): the number of
    /// closing characters and the length of the match.
    static func closingPunctuation(_ text: [UInt32], _ slice: Range<Int>) -> (Int, Int)? {
        let s = text[slice]
        var k = s.startIndex
        while k < s.endIndex && isCloser(s[k]) {
            k += 1
            if k < s.endIndex && PythonCharacters.isSpace(s[k]) {
                var e = k
                while e < s.endIndex && PythonCharacters.isSpace(s[e]) { e += 1 }
                return (k - s.startIndex, e - s.startIndex)
            }
            if k + 1 < s.endIndex && s[k] == 0x2D && s[k + 1] == 0x2D { return (k - s.startIndex, k - s.startIndex) }
            if k == s.endIndex || s[k] == 0x0A { return (k - s.startIndex, k - s.startIndex) }
        }
        return nil
    }
}
