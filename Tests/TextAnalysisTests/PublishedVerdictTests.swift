import Foundation
import Testing
import TextAnalysis

/// The four IFEval instructions that rest on these ports, checked with them against the published strict verdicts
/// (`follow_instruction_list` in eval_results_strict.jsonl), instruction by instruction. The checks are the official
/// ones in miniature (`count < N` for "less than", else `count >= N`; a langdetect exception counts as followed);
/// the full checker lives in the IFEval benchmark target.
@Suite(.enabled(if: IFEvalFixtures.available, "needs ../shared/data/ifeval (input_data.jsonl and reference-outputs)"))
struct PublishedVerdictTests {
    static let inputFile = IFEvalFixtures.responsesFile.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("input_data.jsonl")

    /// The published rows with their instructions' kwargs, matched to the input by prompt.
    static func instructions() throws -> [(row: Int, id: String, kwargs: [String: Any], followed: Bool, response: String)] {
        var kwargsByPrompt: [String: [[String: Any]]] = [:]
        for (number, line) in try String(contentsOf: inputFile, encoding: .utf8).split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let prompt = object["prompt"] as? String, let kwargs = object["kwargs"] as? [[String: Any]] else {
                throw FixtureError("\(inputFile.path) line \(number + 1): expected prompt and kwargs")
            }
            kwargsByPrompt[prompt] = kwargs
        }
        var result: [(row: Int, id: String, kwargs: [String: Any], followed: Bool, response: String)] = []
        let text = try String(contentsOf: IFEvalFixtures.responsesFile, encoding: .utf8)
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let prompt = object["prompt"] as? String, let response = object["response"] as? String,
                  let ids = object["instruction_id_list"] as? [String], let followed = object["follow_instruction_list"] as? [Bool],
                  let kwargs = kwargsByPrompt[prompt], kwargs.count == ids.count, followed.count == ids.count else {
                throw FixtureError("\(IFEvalFixtures.responsesFile.path) line \(number + 1): no matching input or bad fields")
            }
            for i in ids.indices { result.append((number, ids[i], kwargs[i], followed[i], response)) }
        }
        return result
    }

    static func holds(_ count: Int, _ relation: Any?, _ threshold: Any?) -> Bool {
        let n = (threshold as? Int) ?? 0
        return (relation as? String) == "less than" ? count < n : count >= n
    }

    /// The verdict these ports give, or nil for instructions that do not use them.
    static func verdict(_ id: String, _ kwargs: [String: Any], _ response: String) -> Bool? {
        switch id {
        case "length_constraints:number_sentences":
            holds(SentenceTokenizer.sentences(response).count, kwargs["relation"], kwargs["num_sentences"])
        case "length_constraints:number_words":
            holds(WordTokenizer.regexpWords(response).count, kwargs["relation"], kwargs["num_words"])
        case "change_case:capital_word_frequency":
            holds(WordTokenizer.upperCaseWordCount(response), kwargs["capital_relation"], kwargs["capital_frequency"])
        case "language:response_language":
            (try? LanguageDetection.detect(response)).map { $0 == (kwargs["language"] as? String) } ?? true
        default: nil
        }
    }

    @Test func strictVerdictsEqualThePublishedOnes() throws {
        var checked: [String: (all: Int, equal: Int)] = [:]
        var differing: [String] = []
        for item in try Self.instructions() {
            guard let verdict = Self.verdict(item.id, item.kwargs, item.response) else { continue }
            checked[item.id, default: (0, 0)].all += 1
            if verdict == item.followed { checked[item.id, default: (0, 0)].equal += 1 } else { differing.append("row \(item.row + 1) \(item.id)") }
        }
        for (id, counts) in checked.sorted(by: { $0.key < $1.key }) { print("\(id): \(counts.equal)/\(counts.all) published verdicts") }
        #expect(checked.count == 4, "expected all four instruction ids in the data")
        #expect(differing.isEmpty, "verdicts differ: \(differing.prefix(20))")
    }
}
