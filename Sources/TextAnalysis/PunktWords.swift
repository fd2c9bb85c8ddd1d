import PythonCompat

/// Punkt's own word segmentation (`PunktLanguageVars.word_tokenize` and `period_context_re`, nltk 3.9.2), written
/// as scanners over code points that follow Python `re`'s matching of nltk's patterns.
enum PunktWords {
    /// `_re_non_word_chars`: characters that cannot appear within words (nltk 3.9; 3.10 adds ‘ ’ “ ” « »).
    static func isNonWord(_ c: UInt32) -> Bool {
        switch c {
        case 0x29, 0x22, 0x3B, 0x7D, 0x5D, 0x2A, 0x3A, 0x40, 0x27, 0x28, 0x7B, 0x5B, 0x3F, 0x21: true  // ) " ; } ] * : @ ' ( { [ ? !
        default: false
        }
    }

    /// `_re_word_start`: characters a word token may start with.
    static func isWordStart(_ c: UInt32) -> Bool {
        switch c {
        case 0x28, 0x22, 0x60, 0x7B, 0x5B, 0x3A, 0x3B, 0x26, 0x23, 0x2A, 0x40, 0x29, 0x7D, 0x5D, 0x2D, 0x2C: false  // ( " ` { [ : ; & # * @ ) } ] - ,
        default: true
        }
    }

    /// The end of `_re_multi_char_punct` (`-{2,}`, `\.{2,}` or `(?:\.\s){2,}\.`) matched at `i`, if it matches.
    static func multiCharEnd(_ s: ArraySlice<UInt32>, at i: Int) -> Int? {
        let end = s.endIndex
        guard i + 1 < end else { return nil }
        let dot: UInt32 = 0x2E
        if (s[i] == 0x2D || s[i] == dot) && s[i + 1] == s[i] {
            var j = i + 2
            while j < end && s[j] == s[i] { j += 1 }
            return j
        }
        guard s[i] == dot else { return nil }
        var repeats = 0
        while i + 2 * repeats + 1 < end, s[i + 2 * repeats] == dot, PythonCharacters.isSpace(s[i + 2 * repeats + 1]) { repeats += 1 }
        if repeats >= 2, i + 2 * repeats < end, s[i + 2 * repeats] == dot { return i + 2 * repeats + 1 }
        if repeats >= 3 { return i + 2 * repeats - 1 }
        return nil
    }

    /// Whether a word may end before `k` (the lookahead of `_word_tokenize_fmt`).
    static func wordMayEnd(_ s: ArraySlice<UInt32>, before k: Int) -> Bool {
        let end = s.endIndex
        if k == end || PythonCharacters.isSpace(s[k]) || isNonWord(s[k]) || multiCharEnd(s, at: k) != nil { return true }
        if s[k] == 0x2C {  // a comma at the end of a word
            let n = k + 1
            return n == end || PythonCharacters.isSpace(s[n]) || isNonWord(s[n]) || multiCharEnd(s, at: n) != nil
        }
        return false
    }

    /// `PunktLanguageVars.word_tokenize(line)`: the token ranges of one line (a line holds no "\n").
    static func tokenize(_ s: ArraySlice<UInt32>) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var i = s.startIndex
        while i < s.endIndex {
            if let end = multiCharEnd(s, at: i) {
                tokens.append(i..<end)
                i = end
                continue
            }
            if PythonCharacters.isSpace(s[i]) {
                i += 1
                continue
            }
            var k = i + 1
            if isWordStart(s[i]) {
                while !wordMayEnd(s, before: k) { k += 1 }
            }
            tokens.append(i..<k)
            i = k
        }
        return tokens
    }

    /// One match of `period_context_re`: a sentence-end character and what follows it.
    struct PeriodContext {
        /// The position of the ".", "?" or "!".
        var position: Int
        /// The `after_tok` group: a non-word character, or whitespace and the next token.
        var after: Range<Int>
        /// The `next_tok` group, when whitespace and a token follow.
        var nextToken: Range<Int>?
    }

    /// `period_context_re().finditer(text)`.
    static func periodContexts(_ s: [UInt32]) -> [PeriodContext] {
        var result: [PeriodContext] = []
        for i in s.indices where s[i] == 0x2E || s[i] == 0x3F || s[i] == 0x21 {
            let next = i + 1
            guard next < s.count else { continue }
            if isNonWord(s[next]) {
                result.append(PeriodContext(position: i, after: next..<(next + 1), nextToken: nil))
                continue
            }
            var j = next
            while j < s.count && PythonCharacters.isSpace(s[j]) { j += 1 }
            guard j > next, j < s.count else { continue }
            var k = j
            while k < s.count && !PythonCharacters.isSpace(s[k]) { k += 1 }
            result.append(PeriodContext(position: i, after: next..<k, nextToken: j..<k))
        }
        return result
    }
}
