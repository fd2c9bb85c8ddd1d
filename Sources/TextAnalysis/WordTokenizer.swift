import Foundation
import PythonCompat

/// Word tokenisation as the two nltk calls IFEval makes.
///
/// * ``words(_:)`` is `nltk.word_tokenize(text)` (nltk 3.9.2, on Python's `re`): Punkt sentences
///   (``SentenceTokenizer``), then `NLTKWordTokenizer` (the improved Treebank tokenizer) on each. IFEval's `change_case:capital_word_frequency`
///   counts its tokens for which `str.isupper()` holds; ``upperCaseWordCount(_:)`` does that count.
/// * ``regexpWords(_:)`` is `nltk.tokenize.RegexpTokenizer(r"\w+").tokenize(text)`, which IFEval's
///   `instructions_util.count_words` (`length_constraints:number_words`) counts.
public enum WordTokenizer {
    /// The tokens of `text`, as `nltk.word_tokenize(text)` returns them.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The tokens in order (quotes become "``" and "''", as in the Penn Treebank).
    public static func words(_ text: String) -> [String] {
        SentenceTokenizer.sentences(text).flatMap(TreebankWords.tokenize)
    }

    /// The number of tokens of ``words(_:)`` that Python's `str.isupper()` accepts (at least one cased character,
    /// and no lower-case or title-case one): IFEval's count of capital words.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The count.
    public static func upperCaseWordCount(_ text: String) -> Int {
        words(text).count(where: isUpper)
    }

    /// Python's `str.isupper()`: some character is cased and none is lower case or title case.
    ///
    /// - Parameter word: Any string.
    /// - Returns: Whether Python calls it upper case.
    public static func isUpper(_ word: String) -> Bool {
        var cased = false
        for s in word.unicodeScalars {
            let p = s.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }

    /// The maximal runs of Python `\w` characters (letters, digits and other numerals, "_"), as
    /// `nltk.tokenize.RegexpTokenizer(r"\w+").tokenize(text)` returns them up to nltk 3.9.2, on Python's `re`.
    ///
    /// nltk 3.10 runs `RegexpTokenizer` on the third-party `regex` module, whose `\w` also takes combining marks
    /// (Kannada "ಹೌದು" is one word there, three here); the published IFEval checker outputs predate it, so this
    /// follows `re` (see docs/text-analysis.md for the measured difference).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The runs in order.
    public static func regexpWords(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if PythonCharacters.isWord(s.value) {
                current.append(s)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}
