import Foundation
import PythonCompat
import Testing
@testable import TextAnalysis

/// The four IFEval instructions that rest on these ports, checked with them against the published verdicts
/// (`follow_instruction_list` in eval_results_strict.jsonl and eval_results_loose.jsonl), instruction by
/// instruction. The checks are the official ones in miniature (`count < N` for "less than", else `count >= N`; a
/// langdetect exception counts as followed; a whitespace-only text fails; loose passes if any of the checker's eight
/// variants passes); the full checker lives in the IFEval benchmark target.
@Suite(.enabled(if: IFEvalFixtures.available, "needs ../shared/data/ifeval (input_data.jsonl and reference-outputs)"))
struct PublishedVerdictTests {
    static let inputFile = IFEvalFixtures.responsesFile.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("input_data.jsonl")

    /// The published rows with their instructions' kwargs, matched to the input by prompt.
    static func instructions(_ file: URL) throws -> [(row: Int, id: String, kwargs: [String: Any], followed: Bool, response: String)] {
        var kwargsByPrompt: [String: [[String: Any]]] = [:]
        for (number, line) in try String(contentsOf: inputFile, encoding: .utf8).split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let prompt = object["prompt"] as? String, let kwargs = object["kwargs"] as? [[String: Any]] else {
                throw FixtureError("\(inputFile.path) line \(number + 1): expected prompt and kwargs")
            }
            kwargsByPrompt[prompt] = kwargs
        }
        var result: [(row: Int, id: String, kwargs: [String: Any], followed: Bool, response: String)] = []
        let text = try String(contentsOf: file, encoding: .utf8)
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let prompt = object["prompt"] as? String, let response = object["response"] as? String,
                  let ids = object["instruction_id_list"] as? [String], let followed = object["follow_instruction_list"] as? [Bool],
                  let kwargs = kwargsByPrompt[prompt], kwargs.count == ids.count, followed.count == ids.count else {
                throw FixtureError("\(file.path) line \(number + 1): no matching input or bad fields")
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

    /// Python's `str.strip()` is non-empty.
    static func hasText(_ text: String) -> Bool { text.unicodeScalars.contains { !isPythonSpace($0) } }

    static func isPythonSpace(_ s: Unicode.Scalar) -> Bool { PythonCharacters.isSpace(s.value) }

    /// Python's `str.strip()`.
    static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
              let last = scalars.lastIndex(where: { !isPythonSpace($0) }) else { return "" }
        return IFEvalFixtures.string(scalars[first...last])
    }

    /// The checker's eight loose variants: the response, without its first line, last line or both (stripped),
    /// and each of those with every "*" removed.
    static func looseVariants(_ response: String) -> [String] {
        let lines = IFEvalFixtures.pythonSplit(response, on: "\n")
        let removeFirst = strip(lines.dropFirst().joined(separator: "\n"))
        let removeLast = strip(lines.dropLast().joined(separator: "\n"))
        let removeBoth = strip(lines.dropFirst().dropLast().joined(separator: "\n"))
        let noStars = { (text: String) in text.replacingOccurrences(of: "*", with: "") }
        return [response, noStars(response), removeFirst, removeLast, removeBoth, noStars(removeFirst), noStars(removeLast), noStars(removeBoth)]
    }

    @Test(arguments: ["strict", "loose"])
    func verdictsEqualThePublishedOnes(mode: String) throws {
        let file = IFEvalFixtures.responsesFile.deletingLastPathComponent().appendingPathComponent("eval_results_\(mode).jsonl")
        var checked: [String: (all: Int, equal: Int)] = [:]
        var differing: [String] = []
        for item in try Self.instructions(file) {
            let texts = mode == "loose" ? Self.looseVariants(item.response) : [item.response]
            guard Self.verdict(item.id, item.kwargs, "") != nil else { continue }
            let verdict = texts.contains { Self.hasText($0) && Self.verdict(item.id, item.kwargs, $0) == true }
            checked[item.id, default: (0, 0)].all += 1
            if verdict == item.followed { checked[item.id, default: (0, 0)].equal += 1 } else { differing.append("row \(item.row + 1) \(item.id)") }
        }
        for (id, counts) in checked.sorted(by: { $0.key < $1.key }) { print("\(mode) \(id): \(counts.equal)/\(counts.all) published verdicts") }
        #expect(checked.count == 4, "expected all four instruction ids in the data")
        #expect(differing.isEmpty, "verdicts differ: \(differing.prefix(20))")
    }
}
