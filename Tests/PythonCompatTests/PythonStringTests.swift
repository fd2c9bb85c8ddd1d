import PythonCompat
import Testing

/// `PythonString` and `PythonCharacters` on cases where Swift's own string operations differ from Python's. Each
/// expected value was printed by Python 3.11.7 (`'ΟΔΟΣ ΣΑ'.lower()`, `'\x1c a\u3000'.strip()`, …); the classes are
/// checked over every code point in `TextAnalysisTests.PythonCharactersTests`.
@Suite struct PythonStringTests {
    @Test func lowerAppliesFinalSigmaAndFullMappings() {
        #expect(PythonString.lower("ΟΔΟΣ ΣΑ") == "οδος σα")
        #expect(PythonString.lower("İ").unicodeScalars.count == 2)
    }

    @Test func whitespaceIsPythons() {
        #expect(PythonString.strip("\u{1C} a\u{3000}") == "a")
        #expect(PythonString.splitOnWhitespace(" a\u{2003}b\u{85}c ") == ["a", "b", "c"])
        #expect(!PythonString.hasNonSpace("\u{1F}\u{A0}"))
    }

    @Test func codePointsNotCharacters() {
        #expect(PythonString.hasPrefix("e\u{301}", "e"))
        #expect(PythonString.split("a,,b", separator: ",") == ["a", "", "b"])
        #expect(PythonString.contains("e\u{301}x", "\u{301}"))
    }

    /// `re`'s `\w` is `isalnum` (letter categories and numerics), not Unicode's `Alphabetic`: the Devanagari vowel
    /// sign U+093F is alphabetic but not `\w`; `isdigit` takes ² but not ½.
    @Test func characterClasses() {
        #expect(!PythonCharacters.isWord(0x093F))
        #expect(PythonCharacters.isWord(0xBD))
        #expect(PythonCharacters.isDigit(0xB2) && !PythonCharacters.isDigit(0xBD))
        #expect(PythonString.isUpper("ABC") && !PythonString.isUpper("ǅ") && PythonString.isLower("abc1"))
    }
}
