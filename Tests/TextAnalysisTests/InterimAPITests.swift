import Testing
import TextAnalysis

@Suite struct InterimAPITests {
    @Test func textWithoutLettersHasNoFeatures() {
        #expect(throws: TextAnalysisError.self) { try LanguageDetection.detect("12345 !!") }
    }

    @Test func regexpWordsAreWordCharacterRuns() {
        #expect(WordTokenizer.regexpWords("It's a_b, 42!") == ["It", "s", "a_b", "42"])
    }
}
