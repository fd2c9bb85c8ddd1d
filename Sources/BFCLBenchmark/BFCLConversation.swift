import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// bfcl_eval's multi-turn inference (`inference_multi_turn_prompting` / `inference_multi_turn_FC` of
/// `base_handler.py`, gorilla cd9429cc): for every turn, the turn's user messages (a held-out turn: the
/// additional-function prompt, the functions added), then steps until the model's answer decodes to no call or
/// does not decode; each step's calls run on the entry's simulator instances (which persist over the whole
/// conversation) and their results go back to the model — in prompt mode as one user message holding
/// `repr([{"role": "tool", "name": call, "content": result}, …])` (the OpenAI-style prompting handlers), in
/// function-calling mode as one `tool` message per call with its `tool_call_id`. More than `maximumSteps` steps in
/// a turn force-quit the entry (its later turns are not asked, so the checker fails it as `force_terminated`).
///
/// The output is the official result line's `result` (per turn, per step, the raw text, or in function-calling
/// mode the `[{name: arguments}]` list) and `inference_log` (initial and per-turn states, each step's answer,
/// decoding and execution results), which `BFCLScorer` scores like an imported result file.
public struct BFCLConversation: ConversationDriver {
    /// `MAXIMUM_STEP_LIMIT`.
    public static let maximumSteps = 20
    /// `DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_FC`.
    static let additionalFunctionPrompt = "I have updated some more functions you can choose from. What about now?"
    /// `STATELESS_CLASSES`: no state is logged for them.
    static let statelessClasses: Set<String> = ["MathAPI"]

    /// Creates the driver.
    public init() {}

    public func converse(_ item: BenchmarkItem, parameters: GenerationParameters, backend: any InferenceBackend) async throws -> Conversation {
        var session: BFCLConversationSession
        do {
            session = try BFCLConversationSession(item: item)
        } catch {
            let message = "\(item.id): \(error)"
            return Conversation(
                output: PyValue.dict([(.string("result"), .string("Error during inference: \(message)"))]).jsonDumps, messages: item.messages,
                finishReason: .error, promptTokens: 0, completionTokens: 0, generations: 0, error: message)
        }
        return try await session.run(parameters: parameters, backend: backend)
    }
}

/// One entry's conversation in progress.
struct BFCLConversationSession {
    let functionCalling: Bool
    let turns: [[ChatMessage]]
    let holdout: [String: [PyValue]]
    let classes: [String]
    var executor: MultiTurnExecutor
    var functions: [PyValue]
    var tools: [JSONValue]?
    var messages: [ChatMessage]
    var result: [PyValue] = []
    var log: [PyValue] = []
    var promptTokens = 0
    var completionTokens = 0
    var generations = 0
    var finishReason = FinishReason.stop

    init(item: BenchmarkItem) throws {
        guard let entryText = item.fields["bfcl_entry"]?.stringValue, let entry = try? JSONTree.parse(Data(entryText.utf8)),
            case .array(let questionTurns)? = entry["question"], let config = entry["initial_config"],
            case .array(let classList)? = entry["involved_classes"],
            let functionsText = item.fields["bfcl_functions"]?.stringValue, let functionTree = try? JSONTree.parse(Data(functionsText.utf8)),
            let holdoutText = item.fields["bfcl_holdout"]?.stringValue, case .object(let holdoutMembers) = try? JSONTree.parse(Data(holdoutText.utf8))
        else { throw ProctorError(.invalidInput, "the item lacks its multi-turn entry fields (question, initial_config, involved_classes, functions)") }
        functionCalling = item.fields["tools"] != nil
        classes = classList.compactMap(\.string)
        let category = item.fields["bfcl_category"]?.stringValue ?? ""
        executor = try MultiTurnExecutor(classes: classes, initialConfig: PyValue(json: config), longContext: category == "multi_turn_long_context")
        turns = try questionTurns.enumerated().map { index, turn in
            guard case .array(let list) = turn else { throw ProctorError(.invalidInput, "question turn \(index) is not a list of messages") }
            return try list.map { message in
                guard let role = message["role"]?.string.flatMap(ChatRole.init(rawValue:)), let content = message["content"]?.string else {
                    throw ProctorError(.invalidInput, "question turn \(index) has a message without role or content")
                }
                return ChatMessage(role: role, text: content)
            }
        }
        holdout = Dictionary(holdoutMembers.map { ($0.key, PyValue(json: $0.value).elements ?? []) }, uniquingKeysWith: { first, _ in first })
        // The item's messages are the first turn already prompted (prompt mode: the system prompt with the
        // functions prepended); its tools the first compiled tool list, whose descriptions carry the hint once.
        functions = BFCLPrompt.preprocess(PyValue(json: functionTree).elements ?? [], category: category, layout: .v3)
        tools = item.fields["tools"]?.arrayValue
        messages = item.messages
    }

    mutating func run(parameters: GenerationParameters, backend: any InferenceBackend) async throws -> Conversation {
        log.append(.list(stateLog()))
        var forceQuit = false
        turnLoop: for (index, turnMessages) in turns.enumerated() {
            var query = turnMessages
            if let added = holdout[String(index)] {
                if functionCalling {
                    // `_compile_tools` again: the hint is appended to every function already in the list once more
                    // (the official preprocessing edits the entry's function list in place), to the added ones once.
                    functions = BFCLPrompt.preprocess(functions + added, category: "multi_turn", layout: .v3)
                    tools = BFCLTools.openAI(functions).map(\.jsonValue)
                    query = [ChatMessage(role: .user, text: BFCLConversation.additionalFunctionPrompt)]
                } else {
                    query = [ChatMessage(role: .user, text: PyValue.list(added).description + "\n" + BFCLConversation.additionalFunctionPrompt)]
                }
            }
            if index > 0 { messages += query }
            var turnLog: [(key: PyValue, value: PyValue)] = [(.string("begin_of_turn_query"), .list(query.map(Self.logged)))]
            var steps: [PyValue] = []
            var step = 0
            while true {
                var stepLog: [PyValue] = []
                let answer: GenerationResult
                do {
                    answer = try await backend.generate(GenerationRequest(messages: messages, parameters: parameters, tools: tools))
                } catch {
                    if Task.isCancelled || error is CancellationError { throw CancellationError() }
                    if let proctorError = error as? ProctorError, proctorError.code == .cancelled { throw CancellationError() }
                    let message = (error as? ProctorError)?.description ?? "\(error)"
                    stepLog.append(Self.entry("handler_log", .string("Error during inference: \(message)")))
                    turnLog.append((.string("step_\(step)"), .list(stepLog)))
                    log.append(.dict(turnLog))
                    return finished(error: "turn \(index) step \(step): \(message)", partialTurn: steps)
                }
                generations += 1
                promptTokens += answer.promptTokens ?? 0
                completionTokens += answer.completionTokens ?? 0
                finishReason = answer.finishReason
                let calls = functionCalling ? (answer.toolCalls ?? []) : []
                let raw: PyValue = calls.isEmpty
                    ? .string(answer.content ?? answer.text)
                    : .list(calls.map { .dict([(.string($0.name), .string($0.arguments))]) })
                steps.append(raw)
                messages.append(ChatMessage(role: .assistant, text: calls.isEmpty ? answer.text : (answer.content ?? ""), toolCalls: calls.isEmpty ? nil : calls))
                stepLog.append(Self.entry("assistant", raw))
                let decoded: [String]
                do {
                    decoded = try Self.decode(raw, functionCalling: functionCalling)
                } catch {
                    stepLog.append(.dict([
                        (.string("role"), .string("handler_log")), (.string("content"), .string("Error decoding the model response. Proceed to next turn.")),
                        (.string("error"), .string("\(error)")),
                    ]))
                    turnLog.append((.string("step_\(step)"), .list(stepLog)))
                    break
                }
                stepLog.append(.dict([
                    (.string("role"), .string("handler_log")), (.string("content"), .string("Successfully decoded model response.")),
                    (.string("model_response_decoded"), .list(decoded.map(PyValue.string))),
                ]))
                if decoded.isEmpty || (decoded.count == 1 && decoded[0].isEmpty) {
                    stepLog.append(Self.entry("handler_log", .string("Empty response from the model. Proceed to next turn.")))
                    turnLog.append((.string("step_\(step)"), .list(stepLog)))
                    break
                }
                let results = executor.execute(decoded)
                if functionCalling {
                    for (result, call) in zip(results, calls) { messages.append(ChatMessage(role: .tool, text: result, toolCallID: call.id)) }
                } else {
                    let repr = PyValue.list(zip(decoded, results).map { call, result in
                        .dict([(.string("role"), .string("tool")), (.string("name"), .string(call)), (.string("content"), .string(result))])
                    }).description
                    messages.append(ChatMessage(role: .user, text: repr))
                }
                stepLog += results.map { Self.entry("tool", .string($0)) }
                step += 1
                if step > BFCLConversation.maximumSteps {
                    forceQuit = true
                    stepLog.append(Self.entry("handler_log", .string("Model has been forced to quit after \(BFCLConversation.maximumSteps) steps.")))
                    turnLog.append((.string("step_\(step - 1)"), .list(stepLog)))
                    break
                }
                turnLog.append((.string("step_\(step - 1)"), .list(stepLog)))
            }
            result.append(.list(steps))
            log.append(.dict(turnLog))
            log.append(.list(stateLog()))
            if forceQuit { break turnLoop }
        }
        return finished(error: nil, partialTurn: nil)
    }

    /// `decode_execute`: prompt mode `default_decode_execute_prompting`, function calling `convert_to_function_call`
    /// (a text answer there does not decode).
    static func decode(_ raw: PyValue, functionCalling: Bool) throws -> [String] {
        switch raw {
        case .string(let text):
            if functionCalling { throw PromptDecoder.DecodeError(description: "'str' object has no attribute 'items'") }
            return try MultiTurnDecoding.calls(fromPrompt: text)
        default:
            let tree = try JSONTree.parse(Data(raw.jsonDumps.utf8))
            guard case .array(let items) = tree else { return [] }
            return try MultiTurnDecoding.calls(fromFunctionCalls: items)
        }
    }

    /// The output: the result (or, after a failed generation, bfcl_eval's `Error during inference: …` text, the
    /// steps done kept in the log) and the inference log.
    func finished(error: String?, partialTurn: [PyValue]?) -> Conversation {
        var members: [(key: PyValue, value: PyValue)] = []
        if let error {
            members.append((.string("result"), .string("Error during inference: \(error)")))
            members.append((.string("partial_result"), .list(result + [.list(partialTurn ?? [])])))
        } else {
            members.append((.string("result"), .list(result)))
        }
        members.append((.string("inference_log"), .list(log)))
        return Conversation(
            output: PyValue.dict(members).jsonDumps, messages: messages, finishReason: error == nil ? finishReason : .error,
            promptTokens: promptTokens, completionTokens: completionTokens, generations: generations, error: error)
    }

    /// The `state_info` entries of the stateful instances.
    func stateLog() -> [PyValue] {
        classes.filter { !BFCLConversation.statelessClasses.contains($0) }.compactMap { name in
            executor.instances[name].map { instance in
                .dict([(.string("role"), .string("state_info")), (.string("class_name"), .string(name)), (.string("content"), instance.state)])
            }
        }
    }

    static func entry(_ role: String, _ content: PyValue) -> PyValue {
        .dict([(.string("role"), .string(role)), (.string("content"), content)])
    }

    static func logged(_ message: ChatMessage) -> PyValue {
        entry(message.role.rawValue, .string(message.text))
    }
}
