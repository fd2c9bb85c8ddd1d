import Foundation

/// Sentence splitting as nltk's English Punkt tokenizer does it.
public enum SentenceTokenizer {
    /// The sentences of `text`, as `nltk.data.load("nltk:tokenizers/punkt/english.pickle").tokenize(text)`
    /// (IFEval's `instructions_util.count_sentences`) and `nltk.sent_tokenize(text)` return them.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The sentences, each with surrounding whitespace removed.
    public static func sentences(_ text: String) -> [String] {
        // interim: splits after ".", "!" or "?" followed by whitespace, until the Punkt port lands.
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character.isWhitespace, let previous, ".!?".contains(previous) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            }
            current.append(character)
            previous = character
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { result.append(trimmed) }
        return result
    }
}
