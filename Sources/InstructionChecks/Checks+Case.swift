import PythonCompat
import TextAnalysis

/// The `change_case:` instructions and `language:response_language`, the checks that need nltk's word tokenizer or
/// langdetect. Where langdetect raises (a text with no features), the official checker counts the instruction as
/// followed; so does this port.
enum CaseChecks {
    static let builders: [String: InstructionCheck.Builder] = [
        // The number of `nltk.word_tokenize` tokens for which `str.isupper()` holds.
        "change_case:capital_word_frequency": { args in
            let frequency = try args.integer("capital_frequency"), relation = try args.relation("capital_relation")
            return { text in relation.holds(WordTokenizer.words(text).count(where: PythonString.isUpper), frequency) }
        },
        // `value.isupper() and langdetect.detect(value) == "en"` (detection only runs when the case test passes).
        "change_case:english_capital": { _ in
            { text in PythonString.isUpper(text) && detected(text, is: "en") }
        },
        "change_case:english_lowercase": { _ in
            { text in PythonString.isLower(text) && detected(text, is: "en") }
        },
        "language:response_language": { args in
            let language = try args.text("language")
            return { text in detected(text, is: language) }
        },
    ]

    /// Whether langdetect names `language` for the text; true when it finds nothing to detect (it raises then, and
    /// the official checker counts the instruction as followed).
    static func detected(_ text: String, is language: String) -> Bool {
        do {
            return try LanguageDetection.detect(text) == language
        } catch {
            return true
        }
    }
}
