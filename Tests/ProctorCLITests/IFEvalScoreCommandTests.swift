import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor score --benchmark ifeval` on the official checker's published rows.
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the IFEval files)"))
struct IFEvalScoreCommandTests {
    struct Published: Decodable {
        var prompt: String
        var response: String
        var instructionIDs: [String]
        var followed: [Bool]
        enum CodingKeys: String, CodingKey { case prompt, response, instructionIDs = "instruction_id_list", followed = "follow_instruction_list" }
    }

    func firstRows(_ count: Int, response: (Published) -> String = \.response) throws -> (URL, [Published]) {
        let source = Fixtures.sharedData.appendingPathComponent("ifeval/reference-outputs/eval_results_strict.jsonl")
        let rows = try JSONLines.decode(Published.self, from: source).prefix(count).map(\.value)
        let text = try rows.map { row in
            String(decoding: try JSONEncoder().encode(["prompt": row.prompt, "response": response(row)]), as: UTF8.self) + "\n"
        }.joined()
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("input_response_data.jsonl")
        try Data(text.utf8).write(to: url)
        return (url, rows)
    }

    @Test func jsonItemsCarryThePromptAndEachInstructionsVerdicts() async throws {
        let (file, rows) = try firstRows(15)
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run(["score", "--benchmark", "ifeval", "--predictions", file.path, "--json", "--data", Fixtures.sharedData.path, "--db", db])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(outcome.stdout.utf8))
        #expect(object["benchmark"]?.stringValue == "ifeval:train")
        #expect(object["metrics"]?.objectValue?["metric_order"] == .array(["prompt_level_strict", "inst_level_strict", "prompt_level_loose", "inst_level_loose", "prompt_inst_strict_mean"]))
        let items = try #require(object["items"]?.arrayValue)
        #expect(items.count == rows.count)
        for (item, row) in zip(items, rows) {
            #expect(item["prompt"]?.stringValue == row.prompt)
            let instructions = try #require(item["instructions"]?.arrayValue)
            #expect(instructions.compactMap { $0["id"]?.stringValue } == row.instructionIDs, "in instruction_id_list order")
            #expect(instructions.map { $0["strict"] } == row.followed.map(JSONValue.bool), "the official strict verdicts")
            #expect(instructions.allSatisfy { $0["loose"]?.isNull == false })
            #expect(item["correct"] == .bool(row.followed.allSatisfy { $0 }))
        }
        // The metrics, read back from the database, against the published verdicts of the same rows.
        let metrics = try #require(object["metrics"]?.objectValue?["metrics"]?.objectValue)
        let prompt = 100 * Double(rows.count { $0.followed.allSatisfy { $0 } }) / Double(rows.count)
        let all = rows.flatMap(\.followed)
        let inst = 100 * Double(all.count { $0 }) / Double(all.count)
        #expect(abs((metrics["prompt_level_strict"]?.doubleValue ?? -1) - prompt) < 1e-9)
        #expect(abs((metrics["inst_level_strict"]?.doubleValue ?? -1) - inst) < 1e-9)
        #expect(abs((metrics["prompt_inst_strict_mean"]?.doubleValue ?? -1) - (prompt + inst) / 2) < 1e-9)
    }

    /// `compare` lists the instructions that flipped: emptying every response fails every instruction that the
    /// published responses followed.
    @Test func compareListsTheInstructionsThatFlipped() async throws {
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
        let (published, rows) = try firstRows(12)
        let (empty, _) = try firstRows(12) { _ in "" }
        for (file, name) in [(published, "base"), (empty, "emptied")] {
            let outcome = try await ProctorProcess.run([
                "score", "--benchmark", "ifeval", "--predictions", file.path, "--data", Fixtures.sharedData.path, "--db", db, "--model-name", name,
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let outcome = try await ProctorProcess.run(["compare", "base", "emptied", "--mode", "official", "--json", "--db", db])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let comparisons = try JSONDecoder().decode([JSONValue].self, from: Data(outcome.stdout.utf8))
        let flips = try #require(comparisons.first?["parts_flipped"]?.arrayValue)
        #expect(flips.count == rows.flatMap(\.followed).count { $0 })
        #expect(flips.allSatisfy { $0["kind"]?.stringValue == "instruction" && $0["base"]?.doubleValue == 1 && $0["new"]?.doubleValue == 0 })
    }

    @Test func aPromptMatchingNoInputNamesItsLineAndStoresNothing() async throws {
        let (file, _) = try firstRows(3)
        try Data((try String(contentsOf: file, encoding: .utf8) + #"{"prompt": "Nobody asked this.", "response": "x"}"# + "\n").utf8).write(to: file)
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run(["score", "--benchmark", "ifeval", "--predictions", file.path, "--data", Fixtures.sharedData.path, "--db", db])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("input_response_data.jsonl:4"), "\(outcome.stderr)")
        #expect(try ResultsDatabase(path: db).runs().isEmpty)
    }
}
