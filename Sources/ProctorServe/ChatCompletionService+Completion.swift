import Foundation
import ProctorCore
import ProctorOpenAI
import Synchronization

/// A chat-completion request that passed the checks: its wire form and one generation request per choice.
struct AcceptedCompletion: Sendable {
    let wire: ChatCompletionWire.Request
    /// Choice `i` samples with seed `seed + i`, so that `n > 1` gives different samples and choice 0 is the `n = 1`
    /// answer.
    let choices: [GenerationRequest]
    var includeUsage: Bool { wire.streamOptions?.includeUsage == true }
    /// Whether each choice carries its tokens' log-probabilities (`logprobs: true`).
    var wantsLogprobs: Bool { wire.logprobs == true }
}

/// The error answer a request that fails the checks gets.
struct Refusal: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
    }
}

extension ChatCompletionService {
    /// Reads, checks and answers one chat-completion body.
    func complete(_ body: Data, number: Int) async -> HTTPAction {
        let accepted: AcceptedCompletion
        switch accept(body) {
        case .success(let value): accepted = value
        case .failure(let refusal):
            logger.info("request \(number): refused with HTTP \(refusal.response.status)")
            return .respond(refusal.response)
        }
        if accepted.wire.stream == true { return await stream(accepted, number: number) }
        let started = Date()
        let outcomes = await withTaskGroup(of: (Int, Result<GenerationResult, ProctorError>).self) { group in
            for (index, request) in accepted.choices.enumerated() {
                group.addTask { (index, await self.generate(request) { _ in }) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        var choices: [ChatCompletionWire.Choice] = []
        var results: [GenerationResult] = []
        for index in accepted.choices.indices {
            switch outcomes[index] {
            case .success(let result)?:
                results.append(result)
                let message = ChatCompletionWire.ResponseMessage(role: "assistant", content: result.text, reasoningContent: result.reasoningContent)
                let logprobs = accepted.wantsLogprobs ? ChatCompletionWire.Logprobs(result.logprobs ?? []) : nil
                choices.append(ChatCompletionWire.Choice(index: index, message: message, finishReason: Self.finishReason(result), logprobs: logprobs))
            case .failure(let error)?:
                return .respond(failure(error, number: number))
            case nil:
                return .respond(Self.error(500, "choice \(index) produced nothing; check the server's log"))
            }
        }
        let completion = results.reduce(0) { $0 + ($1.completionTokens ?? 0) }
        logger.info("request \(number): \(choices.map { $0.finishReason ?? "" }.joined(separator: ",")), \(completion) tokens in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        let response = ChatCompletionWire.Response(
            id: "chatcmpl-proctor-\(number)", created: Int(Date().timeIntervalSince1970), model: modelID,
            choices: choices, usage: Self.usage(results))
        return .respond(.json(200, response))
    }

    /// The checks every request passes before it reaches the backend, each failure with OpenAI's status and error.
    func accept(_ body: Data) -> Result<AcceptedCompletion, Refusal> {
        let fields: [String: JSONValue]
        do {
            guard let object = try JSONDecoder().decode(JSONValue.self, from: body).objectValue else {
                return .failure(Refusal(Self.error(400, "the body is not a chat-completion request: it is JSON but not an object")))
            }
            fields = object
        } catch {
            return .failure(Refusal(Self.error(400, "the body is not a chat-completion request: it is not valid JSON (\(error)); send a JSON object with model and messages")))
        }
        let wire: ChatCompletionWire.Request
        var request: GenerationRequest
        do {
            wire = try JSONDecoder().decode(ChatCompletionWire.Request.self, from: body)
            request = try wire.generationRequest(defaultMaxTokens: defaultMaxTokens)
        } catch let error as ProctorError {
            return .failure(Refusal(Self.error(400, error.message, param: "messages")))
        } catch {
            return .failure(Refusal(Self.error(400, "the body is not a chat-completion request: \(Self.describe(error))")))
        }
        guard wire.model == modelID else {
            return .failure(Refusal(Self.error(404, "The model `\(wire.model)` does not exist or you do not have access to it; this server serves \"\(modelID)\"", param: "model", code: "model_not_found")))
        }
        if let refusal = Self.unsupported(fields) { return .failure(Refusal(refusal)) }
        switch logprobsSetting(wire) {
        case .success(let top): request.parameters.topLogprobs = top
        case .failure(let refusal): return .failure(refusal)
        }
        let n = wire.n ?? 1
        guard (1...maxChoices).contains(n) else {
            return .failure(Refusal(Self.error(400, "n is \(n); ask for 1 to \(maxChoices) choices", param: "n")))
        }
        let limitName = wire.maxCompletionTokens != nil ? "max_completion_tokens" : "max_tokens"
        let maxTokens = request.parameters.maxTokens
        guard maxTokens >= 1 else {
            return .failure(Refusal(Self.error(400, "\(limitName) is \(maxTokens); it must be at least 1", param: limitName)))
        }
        if let context = (backend as? any StreamingInferenceBackend)?.contextLength, maxTokens >= context {
            return .failure(Refusal(Self.error(400, "\(limitName) is too large: \(maxTokens). This model's maximum context length is \(context) tokens, prompt included; ask for fewer tokens", param: limitName, code: "context_length_exceeded")))
        }
        let seed = request.parameters.seed
        let choices = (0..<n).map { i -> GenerationRequest in
            request.parameters.seed = seed &+ UInt64(i)
            return request
        }
        return .success(AcceptedCompletion(wire: wire, choices: choices))
    }

    /// The `topLogprobs` a request asks for (nil: no log-probabilities), checked as OpenAI checks it:
    /// `top_logprobs` 0…20 and only with `logprobs: true`; refused when the backend cannot compute them.
    func logprobsSetting(_ wire: ChatCompletionWire.Request) -> Result<Int?, Refusal> {
        if let top = wire.topLogprobs {
            guard (0...20).contains(top) else {
                return .failure(Refusal(Self.error(400, "top_logprobs is \(top); it must be an integer from 0 to 20", param: "top_logprobs")))
            }
            guard wire.logprobs == true else {
                return .failure(Refusal(Self.error(400, "top_logprobs is set but logprobs is not true; send logprobs: true with top_logprobs", param: "top_logprobs")))
            }
        }
        guard wire.logprobs == true else { return .success(nil) }
        guard (backend as? any StreamingInferenceBackend)?.computesLogprobs == true else {
            return .failure(Refusal(Self.error(400, "logprobs are not computed by this server's backend (\(backend.identity.kind)); serve a model with the embedded engine (--model) or leave logprobs out", param: "logprobs")))
        }
        return .success(wire.topLogprobs ?? 0)
    }

    /// Parameters Proctor reads but cannot honour yet, refused rather than silently ignored.
    static func unsupported(_ fields: [String: JSONValue]) -> HTTPResponse? {
        for name in ["frequency_penalty", "presence_penalty"] {
            if let value = fields[name], value != .null, value.doubleValue != 0 {
                return error(400, "\(name) is not supported by proctor serve; use repetition_penalty (or leave \(name) at 0)", param: name)
            }
        }
        if let format = fields["response_format"]?["type"]?.stringValue, format != "text" {
            return error(400, "response_format \(format) is not supported by proctor serve; leave response_format out", param: "response_format")
        }
        if let bias = fields["logit_bias"]?.objectValue, !bias.isEmpty {
            return error(400, "logit_bias is not supported by proctor serve; leave it out", param: "logit_bias")
        }
        return nil
    }

    /// Runs one choice, streaming when the backend can; never throws (a failure is a value).
    func generate(_ request: GenerationRequest, onDelta: @escaping @Sendable (GenerationDelta) -> Void) async -> Result<GenerationResult, ProctorError> {
        inFlight.withLock { $0 += 1 }
        defer { inFlight.withLock { $0 -= 1 } }
        let splitter = Mutex(ThinkSplitter())
        let splits = splitsThinking
        let forward: @Sendable (GenerationDelta) -> Void = { delta in
            guard splits else { return onDelta(delta) }
            let piece = splitter.withLock { splitter -> GenerationDelta in
                let fed = splitter.feed(delta.text)
                return GenerationDelta(text: fed.text, reasoning: delta.reasoning + fed.reasoning, logprobs: delta.logprobs)
            }
            onDelta(piece)
        }
        do {
            var result: GenerationResult
            if let streaming = backend as? any StreamingInferenceBackend {
                result = try await streaming.generate(request, onDelta: forward)
            } else {
                result = try await backend.generate(request)
                forward(GenerationDelta(text: result.text, reasoning: result.reasoningContent ?? ""))
            }
            if splitsThinking && result.reasoningContent == nil {
                let rest = splitter.withLock { $0.finish() }
                onDelta(rest)
                let split = ThinkSplitter.split(result.text)
                result.text = split.text
                result.reasoningContent = split.reasoning
            }
            return .success(result)
        } catch let error as ProctorError {
            return .failure(error)
        } catch is CancellationError {
            return .failure(ProctorError(.cancelled, "the client went away; the generation was cancelled"))
        } catch {
            return .failure(ProctorError(.backend, "\(error)", underlying: error))
        }
    }

    /// The error answer for a failed generation: 400 for what the request got wrong, 500 for the backend.
    func failure(_ error: ProctorError, number: Int) -> HTTPResponse {
        logger.error("request \(number): the backend failed: \(error.message)")
        let envelope = Self.failureEnvelope(error)
        return .json(error.code == .invalidInput || error.code == .invalidArgument ? 400 : 500, envelope)
    }

    static func failureEnvelope(_ error: ProctorError) -> ChatCompletionWire.ErrorEnvelope {
        let client = error.code == .invalidInput || error.code == .invalidArgument
        let overflow = client && error.message.contains("context")
        return ErrorBody.envelope(client ? 400 : 500, client ? error.message : "the backend failed: \(error.message)",
                                  param: overflow ? "messages" : nil, code: overflow ? "context_length_exceeded" : nil)
    }

    static func finishReason(_ result: GenerationResult) -> String {
        result.finishReason == .length ? "length" : "stop"
    }

    /// Token counts over all choices: the prompt once, the completions summed (as OpenAI counts `n > 1`).
    static func usage(_ results: [GenerationResult]) -> ChatCompletionWire.Usage {
        let prompt = results.first?.promptTokens
        let completion = results.contains { $0.completionTokens == nil } ? nil : results.reduce(0) { $0 + ($1.completionTokens ?? 0) }
        return ChatCompletionWire.Usage(promptTokens: prompt, completionTokens: completion, totalTokens: prompt.flatMap { p in completion.map { p + $0 } })
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "the field \((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
