import Foundation
import ProctorCore
import ProctorOpenAI
import Synchronization

extension ChatCompletionService {
    /// Answers `stream: true` with server-sent events as OpenAI sends them: per choice a role chunk, content (and
    /// `reasoning_content`) deltas and a chunk with `finish_reason`; then the usage chunk when
    /// `stream_options.include_usage` is set; then `data: [DONE]`.
    ///
    /// The status is decided when the first text arrives: a request that fails before (a prompt longer than the
    /// context) gets an ordinary error answer. A failure after that is sent as a `data: {"error": …}` event.
    func stream(_ accepted: AcceptedCompletion, number: Int) async -> HTTPAction {
        let (events, sink) = AsyncStream<Data>.makeStream()
        let id = "chatcmpl-proctor-\(number)"
        let chunks = ChunkWriter(id: id, created: Int(Date().timeIntervalSince1970), model: modelID, writesUsage: accepted.includeUsage)
        let gate = StreamGate(sink: sink, opening: (0..<accepted.choices.count).map { chunks.event($0, ChatCompletionWire.Delta(role: "assistant", content: "")) })
        let started = Date()
        let producer = Task {
            let results = await withTaskGroup(of: (Int, Result<GenerationResult, ProctorError>).self) { group in
                for (index, request) in accepted.choices.enumerated() {
                    group.addTask {
                        let outcome = await self.generate(request) { delta in
                            guard !delta.isEmpty else { return }
                            gate.send(chunks.event(index, ChatCompletionWire.Delta(
                                content: delta.text.isEmpty ? nil : delta.text, reasoningContent: delta.reasoning.isEmpty ? nil : delta.reasoning),
                                logprobs: accepted.wantsLogprobs ? ChatCompletionWire.Logprobs(delta.logprobs) : nil))
                        }
                        if case .success(let result) = outcome {
                            gate.send(chunks.event(index, ChatCompletionWire.Delta(), finish: Self.finishReason(result)))
                        }
                        return (index, outcome)
                    }
                }
                return await group.reduce(into: [Int: Result<GenerationResult, ProctorError>]()) { $0[$1.0] = $1.1 }
            }
            let failures = results.values.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            if let error = failures.first {
                if error.code == .cancelled || Task.isCancelled {
                    let left = await self.activeRequests()
                    logger.notice("request \(number): the client went away after \(String(format: "%.2f", Date().timeIntervalSince(started))) s; generation cancelled, \(left) request(s) still generating")
                } else {
                    logger.error("request \(number): the backend failed mid-stream: \(error.message)")
                }
                gate.fail(error)
                return
            }
            let finished = results.values.compactMap { try? $0.get() }
            if accepted.includeUsage { gate.send(chunks.usage(Self.usage(finished))) }
            gate.send(Data("data: [DONE]\n\n".utf8))
            gate.finish()
            let tokens = finished.reduce(0) { $0 + ($1.completionTokens ?? 0) }
            logger.info("request \(number): streamed \(tokens) tokens in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        }
        sink.onTermination = { _ in producer.cancel() }
        let opened = await withTaskCancellationHandler { await gate.opened() } onCancel: { producer.cancel() }
        if let error = opened {
            producer.cancel()
            return .respond(.json(error.code == .invalidInput || error.code == .invalidArgument ? 400 : (error.code == .cancelled ? 499 : 500), Self.failureEnvelope(error)))
        }
        return .stream(status: 200, headers: ["Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"], body: events)
    }
}

/// Builds the `data: …` events of one streamed completion.
struct ChunkWriter: Sendable {
    let id: String
    let created: Int
    let model: String
    let writesUsage: Bool

    func event(_ index: Int, _ delta: ChatCompletionWire.Delta, finish: String? = nil, logprobs: ChatCompletionWire.Logprobs? = nil) -> Data {
        encode(ChatCompletionWire.Chunk(
            id: id, created: created, model: model,
            choices: [ChatCompletionWire.ChunkChoice(index: index, delta: delta, finishReason: finish, logprobs: logprobs)],
            writesUsage: writesUsage))
    }

    func usage(_ usage: ChatCompletionWire.Usage) -> Data {
        encode(ChatCompletionWire.Chunk(id: id, created: created, model: model, choices: [], usage: usage, writesUsage: true))
    }

    func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = (try? encoder.encode(value)) ?? Data(#"{"error":{"message":"could not encode a chunk","type":"server_error","param":null,"code":null}}"#.utf8)
        return Data("data: ".utf8) + json + Data("\n\n".utf8)
    }
}

/// Holds a stream's events back until the first text (or the end) is known, so that the status can still be an
/// error; then sends the role chunks first and everything else in order.
final class StreamGate: Sendable {
    private struct State {
        var open = false
        var failure: ProctorError?
        var waiter: CheckedContinuation<ProctorError?, Never>?
        var decided = false
    }

    private let sink: AsyncStream<Data>.Continuation
    private let opening: [Data]
    private let state = Mutex(State())

    init(sink: AsyncStream<Data>.Continuation, opening: [Data]) {
        self.sink = sink
        self.opening = opening
    }

    /// Waits until the stream opens (nil) or fails before opening (the error).
    func opened() async -> ProctorError? {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> ProctorError?? in
                if state.decided { return .some(state.failure) }
                state.waiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Sends an event, opening the stream first if needed.
    func send(_ event: Data) {
        state.withLock { state in
            if !state.open {
                state.open = true
                for chunk in opening { sink.yield(chunk) }
                decide(&state, nil)
            }
            sink.yield(event)
        }
    }

    /// Ends the stream.
    func finish() {
        sink.finish()
    }

    /// Ends the stream with an error: an error answer before it opened, an error event after.
    func fail(_ error: ProctorError) {
        state.withLock { state in
            if state.open {
                if error.code != .cancelled {
                    sink.yield(ChunkWriter(id: "", created: 0, model: "", writesUsage: false).encode(ChatCompletionService.failureEnvelope(error)))
                }
            } else {
                decide(&state, error)
            }
        }
        sink.finish()
    }

    private func decide(_ state: inout State, _ failure: ProctorError?) {
        guard !state.decided else { return }
        state.decided = true
        state.failure = failure
        state.waiter?.resume(returning: failure)
        state.waiter = nil
    }
}
