import Foundation
import PythonCompat
import Testing
@testable import TextAnalysis

/// The hand-written scanners that stand in for Python regular expressions, against Python on 2,000 random strings
/// (`Fixtures/fuzz.json`: 1,000 over punctuation, quotes, dashes, URLs and abbreviations, 1,000 shaped like e-mail
/// addresses with long runs): langdetect's URL and e-mail substitutions, Punkt's word segmentation and sentence
/// spans, and `word_tokenize`; and the seed-0 language of those and of 1,000 multi-script strings.
@Suite struct ScannerFuzzTests {
    struct Fuzz: Decodable {
        var source: String
        var texts: [Entry]
        struct Entry: Decodable {
            var text: String
            var url: String
            var mail: String
            var punktWords: String
            var spans: String
            var words: String
            var language: String

            enum CodingKeys: String, CodingKey {
                case text, url, mail, spans, words, language
                case punktWords = "punkt_words"
            }
        }
    }

    static let fuzz = Result { try IFEvalFixtures.load(Fuzz.self, "fuzz.json") }

    func agreement(_ what: String, _ answer: (Fuzz.Entry) -> String, _ swift: (String) -> String) throws {
        let fuzz = try Self.fuzz.get()
        let texts = fuzz.texts.filter { !answer($0).isEmpty }
        let differing = texts.filter { swift($0.text) != answer($0) }
        print("\(what): \(texts.count - differing.count)/\(texts.count) random strings equal to \(fuzz.source)")
        let examples = differing.prefix(5).map(\.text.debugDescription)
        #expect(differing.count == 0, "\(what) differs on \(examples)")
    }

    static func scalarsHash(_ scalars: [UInt32]) -> String { IFEvalFixtures.fnv1a64([PythonCharacters.string(scalars)]) }

    @Test func urlSubstitutionEqualsPython() throws {
        try agreement("URL_RE.sub", \.url) { Self.scalarsHash(LanguageFeatures.replaceURLs(PythonCharacters.scalars($0))) }
    }

    @Test func mailSubstitutionEqualsPython() throws {
        try agreement("MAIL_RE.sub", \.mail) { Self.scalarsHash(LanguageFeatures.replaceMailAddresses(PythonCharacters.scalars($0))) }
    }

    @Test func punktWordSegmentationEqualsPython() throws {
        try agreement("PunktLanguageVars.word_tokenize", \.punktWords) { text in
            let scalars = PythonCharacters.scalars(text)
            return IFEvalFixtures.fnv1a64(PunktWords.tokenize(scalars[...]).map { PythonCharacters.string(scalars[$0]) })
        }
    }

    @Test func sentenceSpansEqualPython() throws {
        try agreement("span_tokenize", \.spans) { text in
            IFEvalFixtures.fnv1a64(SentenceTokenizer.spans(text).map { "\($0.lowerBound)-\($0.upperBound)" })
        }
    }

    @Test func wordTokenizeEqualsPython() throws {
        try agreement("word_tokenize", \.words) { IFEvalFixtures.fnv1a64(WordTokenizer.words($0)) }
    }

    @Test func seedZeroLanguageEqualsPython() throws {
        try agreement("langdetect seed 0", \.language) { text in
            do { return try LanguageDetection.detect(text) } catch { return "error" }
        }
    }
}
