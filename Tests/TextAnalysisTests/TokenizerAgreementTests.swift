import Foundation
import Testing
@testable import TextAnalysis

/// The Swift tokenizers against Python nltk 3.10.4 on the 540 published IFEval responses, response by response.
@Suite(.enabled(if: IFEvalFixtures.available, "needs ../shared/data/ifeval/reference-outputs/eval_results_strict.jsonl"))
struct TokenizerAgreementTests {
    static let answers = Result { try IFEvalFixtures.load(IFEvalFixtures.NLTKAnswers.self, "nltk.json") }
    static let rows = Result { try IFEvalFixtures.rows() }

    /// Runs `check` on every response and expects it to hold on all of them; reports the first differences.
    func agreement(_ what: String, _ check: (String, IFEvalFixtures.NLTKAnswers.Response) -> Bool) throws {
        let answers = try Self.answers.get()
        let rows = try Self.rows.get()
        try #require(answers.responses.count == rows.count, "the fixture covers \(answers.responses.count) of \(rows.count) rows")
        var differing: [Int] = []
        for answer in answers.responses where !check(rows[answer.index].response, answer) {
            differing.append(answer.index)
        }
        let agreeing = rows.count - differing.count
        print("\(what): \(agreeing)/\(rows.count) responses equal to \(answers.source)")
        #expect(differing.isEmpty, "\(what) differs from nltk on responses \(differing.prefix(20))")
    }

    @Test func sentenceSpansEqualNLTKPunkt() throws {
        try agreement("Punkt sentence spans") { text, answer in
            SentenceTokenizer.spans(text).map { [$0.lowerBound, $0.upperBound] } == answer.sentenceSpans
        }
    }

    @Test func sentenceCountsEqualNLTKPunkt() throws {
        try agreement("Punkt sentence counts") { text, answer in
            SentenceTokenizer.sentences(text).count == answer.sentenceSpans.count
        }
    }

    @Test func wordTokensEqualNLTKWordTokenize() throws {
        try agreement("word_tokenize tokens") { text, answer in
            let words = WordTokenizer.words(text)
            return words.count == answer.wordCount && IFEvalFixtures.fnv1a64(words) == answer.wordHash
        }
    }

    @Test func upperCaseWordCountsEqualNLTK() throws {
        try agreement("upper-case word counts") { text, answer in
            WordTokenizer.upperCaseWordCount(text) == answer.upperWordCount
        }
    }

    /// `re.findall(r"\w+")`, which is what `RegexpTokenizer(r"\w+")` ran up to nltk 3.9 (nltk 3.10 moved it to the
    /// `regex` module, whose `\w` also takes combining marks); see docs/text-analysis.md.
    @Test func regexpWordsEqualPythonReWordRuns() throws {
        try agreement(#"\w+ runs (Python re)"#) { text, answer in
            let words = WordTokenizer.regexpWords(text)
            return words.count == answer.regexpWordCount && IFEvalFixtures.fnv1a64(words) == answer.regexpWordHash
        }
    }
}
