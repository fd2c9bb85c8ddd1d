import Foundation

/// Word tokenisation as the two nltk calls IFEval makes.
public enum WordTokenizer {
    /// `nltk.word_tokenize(text)`: Punkt sentence split, then the improved Treebank word tokenizer on each
    /// sentence (IFEval's `change_case:capital_word_frequency` counts the upper-case tokens of this).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The tokens in order.
    public static func words(_ text: String) -> [String] {
        // interim: whitespace split with punctuation split off, until the Treebank port lands.
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `nltk.tokenize.RegexpTokenizer(r"\w+").tokenize(text)`: the maximal runs of Python `\w` characters
    /// (IFEval's `instructions_util.count_words`).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The runs in order.
    public static func regexpWords(_ text: String) -> [String] {
        // interim: letters, digits and "_" (Python's str \w also takes other categories; refined later).
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
