import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor run --benchmarks bfcl-multi-turn:…`: each sample is a conversation whose stored steps, fed-back results
/// and per-turn states are checked by replaying the stored steps on fresh simulator instances.
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the BFCL v3 files)"))
struct BFCLMultiTurnRunTests {
    static func entries(_ category: String) throws -> [String: JSONTree] {
        let url = Fixtures.sharedData.appendingPathComponent("bfcl/v3/BFCL_v3_\(category).json")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var out: [String: JSONTree] = [:]
        for line in lines {
            let tree = try JSONTree.parse(Data(line.utf8))
            if let id = tree["id"]?.string { out[id] = tree }
        }
        return out
    }

    static func userTexts(_ entry: JSONTree) -> [[String]] {
        guard case .array(let turns)? = entry["question"] else { return [] }
        return turns.map { turn in
            guard case .array(let messages) = turn else { return [] }
            return messages.compactMap { $0["content"]?.string }
        }
    }

    /// Replays a stored conversation: every step decoded as the official handler does, executed on fresh instances;
    /// the logged execution results and the logged state after each turn must be the replay's, a step that does not
    /// decode to calls must end its turn, and the stored conversation must hold each step as an assistant message.
    /// Returns the stored result (per turn, per step).
    @discardableResult
    static func checkReplay(_ sample: SampleRecord, entry: JSONTree, functionCalling: Bool) throws -> [[JSONTree]] {
        let output = try JSONTree.parse(Data(try #require(sample.output).utf8))
        guard case .array(let turns)? = output["result"], case .array(let log)? = output["inference_log"] else {
            Issue.record("\(sample.key.itemID): the output has no result list and inference log: \(sample.output ?? "")")
            return []
        }
        let steps = turns.map { turn -> [JSONTree] in if case .array(let s) = turn { s } else { [] } }
        #expect(steps.count == userTexts(entry).count, "\(sample.key.itemID): one result per question turn")
        guard case .array(let classList)? = entry["involved_classes"], let config = entry["initial_config"] else { return steps }
        let classes = classList.compactMap(\.string)
        var executor = try MultiTurnExecutor(classes: classes, initialConfig: PyValue(json: config), longContext: false)
        let assistant = try JSONTree.parse(Data(sample.promptJSON.utf8))
        var assistantTexts: [String] = []
        if case .array(let messages) = assistant {
            for message in messages where message["role"]?.string == "assistant" {
                if case .array(let parts)? = message["parts"] {
                    assistantTexts.append(parts.compactMap { $0["text"]?["_0"]?.string ?? $0["text"]?.string }.joined())
                }
            }
        }
        #expect(assistantTexts.count == steps.joined().count, "\(sample.key.itemID): every step is an assistant message of the conversation")
        // log: [initial states, turn 0, states, turn 1, states, …]
        for (turn, turnSteps) in steps.enumerated() {
            let turnLog = log[1 + 2 * turn]
            for (index, step) in turnSteps.enumerated() {
                var calls: [String] = []
                switch step {
                case .string(let text) where !functionCalling: calls = (try? MultiTurnDecoding.calls(fromPrompt: text)) ?? []
                case .array(let items): calls = (try? MultiTurnDecoding.calls(fromFunctionCalls: items)) ?? []
                default: calls = []
                }
                guard case .array(let stepLog)? = turnLog["step_\(index)"] else {
                    Issue.record("\(sample.key.itemID) turn \(turn): no log of step \(index)")
                    continue
                }
                let logged = stepLog.filter { $0["role"]?.string == "tool" }.compactMap { $0["content"]?.string }
                if calls.isEmpty {
                    #expect(index == turnSteps.count - 1, "\(sample.key.itemID) turn \(turn): a step without calls must end the turn")
                    #expect(logged.isEmpty)
                } else {
                    #expect(executor.execute(calls) == logged, "\(sample.key.itemID) turn \(turn) step \(index): logged results differ from the replay")
                }
            }
            guard case .array(let states) = log[2 + 2 * turn] else { continue }
            for state in states {
                guard let name = state["class_name"]?.string, let content = state["content"] else { continue }
                #expect(PyValue(json: content).jsonDumps == executor.instances[name]?.state.jsonDumps,
                        "\(sample.key.itemID) turn \(turn): the logged \(name) state is not the replay's")
            }
        }
        return steps
    }

    /// The default model in prompt mode on the embedded engine, and the same model behind `proctor serve` through
    /// the OpenAI backend: both hold the conversations (replays agree), and at temperature 0 the steps are the same.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: defaultModel.path), "needs the default model (scripts/fetch-model)"))
    func engineAndServerRunsStoreReplayableConversations() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let entries = try Self.entries("multi_turn_base")
        let common = ["--benchmarks", "bfcl-multi-turn:multi_turn_base", "--limit", "1", "--max-tokens", "48", "--data", Fixtures.sharedData.path]
        let engineDB = folder.appendingPathComponent("engine.sqlite").path
        let engine = try await ProctorProcess.run(["run", "--model", "smollm2"] + common + ["--db", engineDB], timeout: 1200)
        #expect(engine.status == 0, "\(engine.stderr)")
        let engineDatabase = try ResultsDatabase(path: engineDB)
        let engineRun = try #require(try engineDatabase.runs().first)
        let engineSamples = try engineDatabase.samples(runID: engineRun.runID)
        #expect(engineSamples.count == 1)
        var engineSteps: [[JSONTree]] = []
        for sample in engineSamples {
            #expect(sample.error == nil)
            engineSteps = try Self.checkReplay(sample, entry: try #require(entries[sample.key.itemID]), functionCalling: false)
        }
        let verdicts = try engineDatabase.scores(runID: engineRun.runID, mode: .official)
        #expect(verdicts.count == 1)
        #expect(verdicts.allSatisfy { $0.verdict.rule == "multi-turn" && $0.verdict.subResults.count == Self.userTexts(entries[$0.key.itemID]!).count })

        let server = try await ServeProcess(["--model", "smollm2"])
        defer { server.stop() }
        let servedDB = folder.appendingPathComponent("served.sqlite").path
        let served = try await ProctorProcess.run(
            ["run", "--model", "openai:\(server.baseURL)", "--model-name", "SmolLM2-135M-Instruct.Q4_1.gguf"] + common + ["--db", servedDB], timeout: 1200)
        #expect(served.status == 0, "\(served.stderr)")
        let servedDatabase = try ResultsDatabase(path: servedDB)
        let servedRun = try #require(try servedDatabase.runs().first)
        let servedSamples = try servedDatabase.samples(runID: servedRun.runID)
        #expect(servedSamples.count == 1)
        for sample in servedSamples {
            #expect(sample.error == nil)
            let steps = try Self.checkReplay(sample, entry: try #require(entries[sample.key.itemID]), functionCalling: false)
            #expect(steps.map { $0.map(\.string) } == engineSteps.map { $0.map(\.string) }, "greedy steps differ between the engine and the server")
        }
    }

    /// Function calling over a real server (`proctor serve --echo`, which answers in text, never with tool calls):
    /// each turn is one step that does not decode, the held-out turn of a miss_func entry asks with the official
    /// additional-function prompt; a server error mid-conversation is a recorded failed sample keeping the steps
    /// before it, and the same command against a healthy server completes it.
    @Test func functionCallingConversationsOverAServerWithAFailure() async throws {
        let entries = try Self.entries("multi_turn_miss_func")
        let first = try #require(entries["multi_turn_miss_func_0"])
        let turnCount = Self.userTexts(first).count
        // Item 0's conversation takes one request per turn; the request after it (item 1's first) fails.
        let server = try await ServeProcess(["--echo", "--faults", "\(turnCount + 1):500"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("fc.sqlite").path
        let arguments = [
            "run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--prompt", "function-calling",
            "--benchmarks", "bfcl-multi-turn:multi_turn_miss_func", "--limit", "2", "--concurrency", "1", "--max-retries", "0",
            "--data", Fixtures.sharedData.path, "--db", db,
        ]
        let firstRun = try await ProctorProcess.run(arguments, timeout: 300)
        #expect(firstRun.status == 0, "\(firstRun.stderr)")
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        var samples = Dictionary(uniqueKeysWithValues: try database.samples(runID: run.runID).map { ($0.key.itemID, $0) })
        let complete = try #require(samples["multi_turn_miss_func_0"])
        #expect(complete.error == nil)
        let steps = try Self.checkReplay(complete, entry: first, functionCalling: true)
        #expect(steps.allSatisfy { $0.count == 1 }, "a text answer in function-calling mode ends its turn")
        for (turn, texts) in Self.userTexts(first).enumerated() where turn < steps.count {
            let expected = texts.isEmpty ? "I have updated some more functions you can choose from. What about now?" : texts.joined()
            #expect(steps[turn].first?.string == "echo: " + expected, "turn \(turn)")
        }
        let failed = try #require(samples["multi_turn_miss_func_1"])
        #expect(failed.error?.contains("turn 0 step 0") == true, "\(failed.error ?? "no error")")
        #expect(failed.finishReason == .error)
        #expect(failed.output?.contains("\"result\": \"Error during inference:") == true)
        #expect(try database.scores(runID: run.runID, mode: .official).first { $0.key.itemID == "multi_turn_miss_func_1" }?.verdict.correct == false)

        let healthy = try await ServeProcess(["--echo"])
        defer { healthy.stop() }
        var again = arguments
        again[2] = "openai:\(healthy.baseURL)"
        let second = try await ProctorProcess.run(again, timeout: 300)
        #expect(second.status == 0, "\(second.stderr)")
        samples = Dictionary(uniqueKeysWithValues: try database.samples(runID: run.runID).map { ($0.key.itemID, $0) })
        #expect(samples.count == 2)
        #expect(samples.values.allSatisfy { $0.error == nil })
        #expect(samples["multi_turn_miss_func_0"]?.output == complete.output, "the completed sample is not redone")
        try Self.checkReplay(try #require(samples["multi_turn_miss_func_1"]), entry: try #require(entries["multi_turn_miss_func_1"]), functionCalling: true)
    }

    /// Prompt mode on a miss_func entry: the held-out turn's message lists the added functions (`str(list)`) before
    /// the official additional-function sentence.
    @Test func promptModeHeldOutTurnListsTheAddedFunctions() async throws {
        let entries = try Self.entries("multi_turn_miss_func")
        let entry = try #require(entries["multi_turn_miss_func_0"])
        let server = try await ServeProcess(["--echo"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("p.sqlite").path
        let result = try await ProctorProcess.run([
            "run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--benchmarks", "bfcl-multi-turn:multi_turn_miss_func",
            "--limit", "1", "--data", Fixtures.sharedData.path, "--db", db,
        ], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let sample = try #require(try database.samples(runID: run.runID).first)
        let steps = try Self.checkReplay(sample, entry: entry, functionCalling: false)
        let held = try #require(Self.userTexts(entry).firstIndex { $0.isEmpty })
        try #require(held < steps.count)
        let text = try #require(steps[held].first?.string)
        let missed = try #require(entry["missed_function"]?[String(held)])
        guard case .array(let names) = missed else { Issue.record("missed_function is not a list"); return }
        #expect(text.hasPrefix("echo: [{'name': '\(names.first?.string ?? "")'"), "\(text.prefix(120))")
        #expect(text.hasSuffix("]\nI have updated some more functions you can choose from. What about now?"))
    }
}
