import Foundation
import Testing
@testable import TextAnalysis

/// The Swift tokenizers against Python nltk 3.9.2 on the 540 published IFEval responses, response by response.
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
        #expect(differing.count == 0, "\(what) differs from nltk on responses \(Array(differing.prefix(20)))")
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

    /// The fixture script's `summary`: one hash over the sentence spans, `word_tokenize` tokens, upper-case count
    /// and `\w+` runs of a text.
    static func summary(_ text: String) -> String {
        let words = WordTokenizer.words(text)
        let parts = ["S"] + SentenceTokenizer.spans(text).map { "\($0.lowerBound)-\($0.upperBound)" } + ["W"] + words
            + ["U", String(words.count(where: WordTokenizer.isUpper)), "R"] + WordTokenizer.regexpWords(text)
        return IFEvalFixtures.fnv1a64(parts)
    }

    /// The same on the seven other loose variants of every response (first/last line removed, "*" removed) and on
    /// every prompt: 4,320 more texts.
    @Test func looseVariantsAndPromptsEqualNLTK() throws {
        let answers = try Self.answers.get()
        let rows = try Self.rows.get()
        var compared = 0
        var differing: [String] = []
        for answer in answers.responses {
            let texts = PublishedVerdictTests.looseVariants(rows[answer.index].response).dropFirst() + [rows[answer.index].prompt]
            try #require(texts.count == answer.variantHashes.count, "row \(answer.index): \(answer.variantHashes.count) hashes")
            for (variant, (text, hash)) in zip(texts, answer.variantHashes).enumerated() {
                compared += 1
                if Self.summary(text) != hash { differing.append("row \(answer.index) variant \(variant)") }
            }
        }
        print("loose variants and prompts: \(compared - differing.count)/\(compared) texts equal to \(answers.source)")
        #expect(differing.isEmpty, "differs: \(differing.prefix(20))")
    }
}
