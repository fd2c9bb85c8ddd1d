import Testing
import TextAnalysis

/// Hand-checked cases (the expected values are what Python nltk 3.10.4 and langdetect 1.0.9 answer).
@Suite struct TextAnalysisExampleTests {
    @Test func textWithoutLettersHasNoFeatures() {
        #expect(throws: TextAnalysisError.self) { try LanguageDetection.detect("12345 !! https://example.com") }
    }

    @Test func regexpWordsAreWordCharacterRuns() {
        #expect(WordTokenizer.regexpWords("It's a_b, 42! ½ café") == ["It", "s", "a_b", "42", "½", "café"])
    }

    @Test func punktKeepsAbbreviationsAndSplitsSentences() {
        #expect(SentenceTokenizer.sentences("Dr. Smith went to Washington. He arrived at 5 p.m. on Tuesday! Then e.g. this.")
            == ["Dr. Smith went to Washington.", "He arrived at 5 p.m. on Tuesday!", "Then e.g.", "this."])
    }

    @Test func treebankWords() {
        #expect(WordTokenizer.words(#"He said, "I can't go." It costs $5.00... OK?"#)
            == ["He", "said", ",", "``", "I", "ca", "n't", "go", ".", "''", "It", "costs", "$", "5.00", "...", "OK", "?"])
    }

    @Test func englishAndGerman() throws {
        #expect(try LanguageDetection.detect("This is a short English sentence about the weather today.") == "en")
        #expect(try LanguageDetection.detect("Das ist ein kurzer deutscher Satz über das Wetter heute.") == "de")
    }
}
