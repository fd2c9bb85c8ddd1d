import Foundation
import Testing
@testable import TextAnalysis

/// The langdetect port against Python langdetect 1.0.9 on the IFEval responses, prompts and response paragraphs.
@Suite(.enabled(if: IFEvalFixtures.available, "needs ../shared/data/ifeval/reference-outputs/eval_results_strict.jsonl"))
struct LanguageAgreementTests {
    /// The Swift answer in the fixture's vocabulary ("error" where langdetect raises).
    static func swiftAnswer(_ text: String) -> String {
        do { return try LanguageDetection.detect(text) } catch { return "error" }
    }

    static let comparison = Result { () throws -> [(IFEvalFixtures.LanguageAnswers.Text, String)] in
        let answers = try IFEvalFixtures.load(IFEvalFixtures.LanguageAnswers.self, "langdetect.json")
        let rows = try IFEvalFixtures.rows()
        return try answers.texts.map { ($0, swiftAnswer(try IFEvalFixtures.text(of: $0, in: rows))) }
    }

    /// Seeded with 0 and with the profiles in the same (sorted) order, Python draws the same random numbers, so every
    /// answer must be identical.
    @Test func equalsPythonWithSeedZero() throws {
        let comparison = try Self.comparison.get()
        let differing = comparison.filter { $0.0.seed0 != $0.1 }
        print("langdetect seed 0 (sorted profiles): \(comparison.count - differing.count)/\(comparison.count) texts equal")
        #expect(differing.isEmpty, "differs on \(differing.prefix(10).map { "\($0.0.kind) \($0.0.index)/\($0.0.piece): Python \($0.0.seed0), Swift \($0.1)" })")
    }

    /// Against stock langdetect (profiles in `os.listdir` order) seeded with 0, and against the majority of unseeded
    /// runs (what IFEval's checker does): measured and reported; the bound only guards against a broken port.
    @Test func nearlyEqualsStockAndUnseededPython() throws {
        let comparison = try Self.comparison.get()
        let stock = comparison.filter { $0.0.stockSeed0 == $0.1 }.count
        let majority = comparison.filter { $0.0.unseededMajority == $0.1 }.count
        let responses = comparison.filter { $0.0.kind == "response" }
        let responsesMajority = responses.filter { $0.0.unseededMajority == $0.1 }.count
        let unstable = comparison.filter { $0.0.unseededAgreeing < $0.0.runs }.count
        let runs = comparison.first?.0.runs ?? 0
        print("langdetect vs stock seed 0: \(stock)/\(comparison.count); vs unseeded majority of \(runs) runs: "
            + "\(majority)/\(comparison.count) (responses \(responsesMajority)/\(responses.count)); texts where some unseeded "
            + "run differs from the seed-0 answer: \(unstable)")
        #expect(Double(stock) >= 0.99 * Double(comparison.count))
        #expect(Double(majority) >= 0.99 * Double(comparison.count))
    }
}
