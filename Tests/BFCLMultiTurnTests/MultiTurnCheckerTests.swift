import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorTestSupport
import Testing

/// The multi-turn checker against bfcl_eval's `multi_turn_checker` on every entry whose classes are all ported
/// (TicketAPI, MessageAPI, TwitterAPI, VehicleControlAPI, GorillaFileSystem, TravelAPI, TradingBot, MathAPI;
/// VehicleControlAPI, GorillaFileSystem and TradingBot without long context: 650 entries), four answers
/// each built from the ground truth — itself, its last turn without its last call, its first turn empty, its last
/// turn split into one step per call with the first call repeated (`Fixtures/official-multi-turn-verdicts.jsonl`
/// holds the official verdicts, written by `benchmarks/bfcl/multi-turn-verdicts.py`; the answers are rebuilt here by
/// the same rules).
@Suite struct MultiTurnCheckerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/official-multi-turn-verdicts.jsonl")
    static let data = Fixtures.sharedData.appendingPathComponent("bfcl/v3")
    static let available = FileManager.default.fileExists(atPath: data.path)

    static func lines(_ name: String) throws -> [String: JSONTree] {
        var out: [String: JSONTree] = [:]
        for line in try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
            let tree = try JSONTree.parse(Data(line.utf8))
            if let id = tree["id"]?.string { out[id] = tree }
        }
        return out
    }

    /// The answer variants, as the fixture's generator builds them.
    static func answer(_ variant: String, truth: [[String]]) -> [[[String]]] {
        var model = truth.map { $0.isEmpty ? [] : [$0] }
        let last = truth.lastIndex { !$0.isEmpty } ?? 0
        switch variant {
        case "last_call_dropped": model[last] = truth[last].count > 1 ? [Array(truth[last].dropLast())] : []
        case "first_turn_empty": model[0] = []
        case "steps_split_first_repeated": model[last] = truth[last].map { [$0] } + [Array(truth[last].prefix(1))]
        default: break
        }
        return model
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"))
    func verdictsEqualTheOfficialChecker() throws {
        var entries: [String: [String: JSONTree]] = [:]
        var answers: [String: [String: JSONTree]] = [:]
        var mismatches: [String] = []
        var compared = 0
        for line in try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if entries[category] == nil {
                entries[category] = try Self.lines("BFCL_v3_\(category).json")
                answers[category] = try Self.lines("possible_answer/BFCL_v3_\(category).json")
            }
            let entry = try #require(entries[category]?[id]), answer = try #require(answers[category]?[id])
            guard case .array(let turns)? = answer["ground_truth"], case .array(let classes)? = entry["involved_classes"] else {
                Issue.record("\(id): malformed entry")
                continue
            }
            let truth = turns.map { turn -> [String] in if case .array(let calls) = turn { calls.compactMap(\.string) } else { [] } }
            let variant = try #require(record["variant"]?.string)
            let outcome = MultiTurnChecker.check(
                model: Self.answer(variant, truth: truth), groundTruth: truth, classes: classes.compactMap(\.string),
                initialConfig: PyValue(json: try #require(entry["initial_config"])), longContext: category.hasSuffix("long_context"))
            let expectedValid = record["valid"]?.bool ?? false
            if outcome.valid != expectedValid || outcome.errorType != record["error_type"]?.string {
                mismatches.append("\(id) \(variant): official \(record["error_type"]?.string ?? "valid"), Proctor \(outcome.errorType ?? "valid")")
            }
            compared += 1
        }
        #expect(compared == 2600)
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(10).joined(separator: "\n"))")
    }

    @Test func unportedClassesAndTurnCountsAreReported() {
        let missing = MultiTurnChecker.check(model: [[]], groundTruth: [["add(a=1, b=2)"]], classes: ["WeatherAPI"], initialConfig: .dict([]), longContext: false)
        #expect(missing.errorType == "multi_turn:simulator_unavailable")
        let short = MultiTurnChecker.check(model: [], groundTruth: [["logout()"]], classes: ["TicketAPI"], initialConfig: .dict([]), longContext: false)
        #expect(short.errorType == "multi_turn:force_terminated")
    }
}
