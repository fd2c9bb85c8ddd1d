import Testing
import TextAnalysis

/// Small tables of tricky cases; every expected value is what Python answers (langdetect 1.0.9 with seed 0,
/// nltk 3.9.2), printed by a throwaway script when this file was written.
enum PythonAnswers {
    static let languages: [(String, String)] = [
        ("Xin chào, tôi là một sinh viên. Tôi đang học tiếng Việt.", "vi"),
        ("Xin cha\u{300}o, to\u{302}i la\u{300} mo\u{323}\u{302}t sinh vie\u{302}n.", "vi"),
        ("我们今天去公园散步，天气非常好。", "zh-cn"),
        ("今日は天気がとても良いので、公園に散歩に行きました。", "ja"),
        ("오늘은 날씨가 아주 좋아서 공원에 산책을 갔습니다.", "ko"),
        ("Сегодня очень хорошая погода, и мы пошли гулять в парк.", "ru"),
        ("Write to john.doe@example.com or visit https://example.org/path?x=1 for the Spanish version: hola amigos, ¿cómo estáis?", "en"),
        ("THE QUICK BROWN FOX JUMPS OVER the lazy dog", "en"),
        ("ok", "sk"),
        ("", "error"),
        ("   ", "error"),
        ("1234 5678", "error"),
        ("Ceci n'est pas une pipe, c'est une image.", "fr"),
        ("Mesajul acesta este scris în limba română, cu diacritice: ș și ț.", "ro"),
    ]

    static let sentences: [(String, [String])] = [
        ("Mr. and Mrs. Smith arrived at 3 p.m. They left at 5.", ["Mr. and Mrs. Smith arrived at 3 p.m.", "They left at 5."]),
        ("He said \"Stop.\" Then he left. (It was late.) Really?", ["He said \"Stop.\"", "Then he left.", "(It was late.)", "Really?"]),
        ("The U.S. economy grew 2.5% in Q3... Analysts were surprised!  Next year? Unclear.", ["The U.S. economy grew 2.5% in Q3... Analysts were surprised!", "Next year?", "Unclear."]),
        ("1. First item.\n2. Second item.\n\nA new paragraph starts here. It ends here.", ["1.", "First item.", "2.", "Second item.", "A new paragraph starts here.", "It ends here."]),
        ("Is it e.g. this or i.e. that? Yes.", ["Is it e.g.", "this or i.e.", "that?", "Yes."]),
        ("Wait... what?! No way!!! OK.", ["Wait...", "what?!", "No way!!!", "OK."]),
        ("", []),
    ]

    static let words: [(String, [String], Int)] = [
        ("I'm gonna tell 'em: \"don't\" cannot wait—really—it's 'quoted' text.", ["I", "'m", "gon", "na", "tell", "'em", ":", "``", "do", "n't", "''", "can", "not", "wait—really—it", "'s", "'quoted", "'", "text", "."], 1),
        ("Prices: $3.88 (roughly 3,36 euros), 50% off!", ["Prices", ":", "$", "3.88", "(", "roughly", "3,36", "euros", ")", ",", "50", "%", "off", "!"], 0),
        ("«Bonjour», dit-il… C'est « fini ».", ["«", "Bonjour", "»", ",", "dit-il…", "C'est", "«", "fini", "»", "."], 0),
        ("THE END. NOW, WHAT?", ["THE", "END", ".", "NOW", ",", "WHAT", "?"], 4),
    ]
}

@Suite struct TextAnalysisExampleTests {
    @Test(arguments: PythonAnswers.languages)
    func languageEqualsLangdetect(text: String, expected: String) {
        let answer: String
        do { answer = try LanguageDetection.detect(text) } catch { answer = "error" }
        #expect(answer == expected)
    }

    @Test func noFeaturesIsAnError() {
        #expect(throws: TextAnalysisError.self) { try LanguageDetection.detect("12345 !! https://example.com") }
    }

    @Test func anotherSeedDrawsOtherNumbersButAgreesOnClearText() throws {
        let text = "This is a short English sentence about the weather today."
        let seed0 = try LanguageDetection.probabilities(text)
        let seed7 = try LanguageDetection.probabilities(text, seed: 7)
        #expect(seed0.first?.language == "en" && seed7.first?.language == "en")
        #expect(seed0.first?.probability != seed7.first?.probability)
    }

    @Test(arguments: PythonAnswers.sentences)
    func sentencesEqualPunkt(text: String, expected: [String]) {
        #expect(SentenceTokenizer.sentences(text) == expected)
    }

    @Test(arguments: PythonAnswers.words)
    func wordsEqualWordTokenize(text: String, expected: [String], upperCase: Int) {
        #expect(WordTokenizer.words(text) == expected)
        #expect(WordTokenizer.upperCaseWordCount(text) == upperCase)
    }

    @Test func regexpWordsAreWordCharacterRuns() {
        // Python: re.findall(r"\w+", ...) -> ['It', 's', 'a_b', '42', '½', 'café', 'ಹ', 'ದ']
        #expect(WordTokenizer.regexpWords("It's a_b, 42! ½ café ಹೌದು") == ["It", "s", "a_b", "42", "½", "café", "ಹ", "ದ"])
    }
}
