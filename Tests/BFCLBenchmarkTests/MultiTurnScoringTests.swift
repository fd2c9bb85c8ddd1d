import BFCLBenchmark
import BFCLMultiTurn
import FunctionCallChecks
import Foundation
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// Multi-turn answers in the official result-file shape, through `proctor score`'s reader and the scorer: the
/// ground truth written as one prompt-mode step per turn passes on every entry whose classes are ported, and
/// fails with the official error types when a turn is missing or unparsable.
@Suite struct BFCLMultiTurnScoringTests {
    static let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)
    static let available = FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/v3").path)

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func groundTruthAnswersPassAndBrokenOnesFail() async throws {
        let definition = BFCLBenchmark.multiTurn
        let items = try definition.adapter.load(split: "multi_turn_base", from: Self.location)
        let ported = Set(MultiTurnExecutor.available.map { $0.className })
        var lines: [String] = []
        var expected: [String: String?] = [:]
        for item in items {
            let entry = try JSONTree.parse(Data(try #require(item.fields["bfcl_entry"]?.stringValue).utf8))
            guard case .array(let classes)? = entry["involved_classes"], Set(classes.compactMap(\.string)).isSubset(of: ported) else { continue }
            let answer = try JSONTree.parse(Data(try #require(item.fields["bfcl_possible_answer"]?.stringValue).utf8))
            guard case .array(let turns)? = answer["ground_truth"] else { continue }
            // The official prompt decoder drops positional arguments (`get_zipcode_based_on_city('San Francisco')`
            // becomes `get_zipcode_based_on_city()`), so such ground truths do not pass when written as prompt text.
            let calls = turns.flatMap { turn -> [String] in if case .array(let c) = turn { c.compactMap(\.string) } else { [] } }
            if try calls.contains(where: { try !PythonCall(parsing: $0).positional.isEmpty }) { continue }
            let steps: [[String]] = turns.map { turn in
                guard case .array(let calls) = turn, !calls.isEmpty else { return [] }
                return ["[" + calls.compactMap(\.string).joined(separator: ", ") + "]"]
            }
            let variant = lines.count % 3
            let result: Any = variant == 0 ? steps : variant == 1 ? Array(steps.dropLast()) : "not a list of turns"
            let line = try JSONSerialization.data(withJSONObject: ["id": item.id, "result": result])
            lines.append(String(decoding: line, as: UTF8.self))
            expected[item.id] = variant == 0 ? nil : variant == 1 ? "multi_turn:force_terminated" : "multi_turn:inference_error"
        }
        #expect(lines.count > 20)
        let url = try Fixtures.temporaryDirectory("bfcl-mt").appendingPathComponent("result.json")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let predictions = try #require(try definition.predictionFormats.first?.read(url, items: byID, split: "multi_turn_base"))
        let scorer = try definition.makeScorer(ScorerContext())
        for prediction in predictions {
            let verdict = await scorer.verdict(
                ScoringInput(response: prediction.response, preExtracted: prediction.extraction), item: try #require(byID[prediction.itemID]), mode: .official)
            let want = expected[prediction.itemID] ?? nil
            #expect(verdict.correct == (want == nil), "\(prediction.itemID): \(verdict.details) \(verdict.extracted ?? "")")
            #expect(verdict.details["error_type"]?.stringValue == want, "\(prediction.itemID)")
        }
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func entriesWithUnportedClassesAreScorerErrors() async throws {
        let definition = BFCLBenchmark.multiTurn
        // Every class of the data is ported: a MathAPI entry with its class renamed stands for a class that is not.
        var item = try #require(try definition.adapter.load(split: "multi_turn_base", from: Self.location).first { item in
            item.fields["bfcl_entry"]?.stringValue?.contains("MathAPI") == true
        })
        item.fields["bfcl_entry"] = .string(try #require(item.fields["bfcl_entry"]?.stringValue).replacingOccurrences(of: "MathAPI", with: "WeatherAPI"))
        let verdict = await (try definition.makeScorer(ScorerContext())).verdict(ScoringInput(response: "[[\"[ls()]\"]]"), item: item, mode: .official)
        #expect(verdict.rule == "scorer-error")
        #expect(verdict.details["error"]?.stringValue?.contains("WeatherAPI") == true)
    }
}
