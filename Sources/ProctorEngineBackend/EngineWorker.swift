import EngineThreads
import Foundation
import InferenceEngine
import ProctorCore
import TextTokenizers

/// What one finished engine request produced.
public struct EngineCompletion: Sendable {
    /// The generated text (stop string and stop token excluded).
    public var text: String
    /// The generated token ids (the stop token excluded).
    public var tokenIds: [Int]
    /// The prompt token ids.
    public var promptIds: [Int]
    /// Why generation stopped.
    public var stopReason: StopReason
    /// Prompt tokens per second of this request's prefill.
    public var prefillTokensPerSecond: Double
    /// Generated tokens per second of this request (while it was decoding, possibly batched with others).
    public var decodeTokensPerSecond: Double
    /// Per token of `text`, its log-probabilities (when the parameters asked for `topLogprobs`): the tokens of
    /// `tokenIds` up to the one in which a stop string starts.
    public var logprobs: [TokenLogprob]?
}

/// The serial owner of the engine: it admits requests, prefills them, and decodes every running request together,
/// one batched forward pass per step, so that concurrent `generate` calls share each pass over the weights.
///
/// The actor runs on an `EngineExecutor` (a thread of its own), so the blocking forward passes never hold a thread
/// of Swift's cooperative pool. Between steps it takes new requests and cancellations: a cancelled request leaves
/// the batch before the next step.
actor EngineWorker {
    private struct Job {
        let key: Int
        let prompt: [Int]
        /// Prompt position → input embedding (image features), fed instead of the token's embedding.
        let embeddings: [Int: [Float]]
        let parameters: SamplingParameters
        let stop: [String]
        let continuation: CheckedContinuation<EngineCompletion, any Error>
        /// Receives the text as it grows (streaming requests), with the log-probabilities of the tokens it adds.
        let onText: (@Sendable (String, [TokenLogprob]) -> Void)?
        /// The text already handed to `onText`.
        var emitted = ""
        /// The generated tokens' log-probabilities with their texts, as far as converted.
        var logprobs: [TokenLogprob] = []
        /// How many of `logprobs` went to `onText`.
        var sentLogprobs = 0
        var id = -1
        var prefillSeconds = 0.0
        var decodeStart = Date()
    }

    private let generator: Generator
    private let tokenizer: Tokenizer
    private var pending: [Job] = []
    private var running: [Int: Job] = [:]
    private var looping = false
    private var nextKey = 0
    private let executor = EngineExecutor(name: "proctor-engine")

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(generator: Generator, tokenizer: Tokenizer) {
        self.generator = generator
        self.tokenizer = tokenizer
    }

    /// Requests running or waiting.
    var activeCount: Int { pending.count + running.count }

    /// Queues a request and waits for its completion.
    ///
    /// - Parameters:
    ///   - prompt: The prompt ids.
    ///   - embeddings: Prompt position → input embedding used instead of that token's (the image features of a
    ///     vision-language prompt); empty for text.
    ///   - parameters: Sampling settings.
    ///   - stop: Stop strings.
    ///   - onText: Called with each new piece of the text (never a piece of a stop string, never half a character)
    ///     and the log-probabilities of the tokens whose bytes it completes; the pieces concatenate to the
    ///     completion's text, their log-probabilities to the completion's.
    /// - Throws: `CancellationError` when the calling task is cancelled (the request has then left the batch).
    func submit(prompt: [Int], embeddings: [Int: [Float]] = [:], parameters: SamplingParameters, stop: [String],
                onText: (@Sendable (String, [TokenLogprob]) -> Void)? = nil) async throws -> EngineCompletion {
        let key = nextKey
        nextKey += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard !Task.isCancelled else { return continuation.resume(throwing: CancellationError()) }
                pending.append(Job(key: key, prompt: prompt, embeddings: embeddings, parameters: parameters, stop: stop,
                                   continuation: continuation, onText: onText))
                if !looping {
                    looping = true
                    Task { await self.loop() }
                }
            }
        } onCancel: {
            Task { await self.cancel(key) }
        }
    }

    /// Takes a request out of the queue or the batch and fails it with `CancellationError`.
    private func cancel(_ key: Int) {
        if let index = pending.firstIndex(where: { $0.key == key }) {
            pending.remove(at: index).continuation.resume(throwing: CancellationError())
        } else if let job = running.values.first(where: { $0.key == key }) {
            running[job.id] = nil
            generator.remove(job.id)
            job.continuation.resume(throwing: CancellationError())
        }
    }

    /// Runs `body` on the engine's thread pool, between two decode steps (the actor runs one thing at a time, so
    /// the pool is never used twice at once): the vision tower of a request runs here instead of on threads of its own.
    func onPool<T: Sendable>(_ body: @Sendable (ThreadPool) throws -> T) throws -> T {
        try body(generator.threadPool)
    }

    private func loop() async {
        while !pending.isEmpty || !running.isEmpty {
            admit()
            let tokenizer = self.tokenizer
            let stops = running.mapValues(\.stop)
            let touched = generator.step { id, tokens in
                guard let stop = stops[id], !stop.isEmpty else { return false }
                let text = tokenizer.decode(tokens)
                return stop.contains { text.contains($0) }
            }
            for id in touched {
                finishIfDone(id)
                stream(id)
            }
            await Task.yield()
        }
        looping = false
    }

    private func admit() {
        while !pending.isEmpty {
            var job = pending.removeFirst()
            let start = Date()
            do {
                job.id = try generator.add(prompt: job.prompt, embeddings: job.embeddings, parameters: job.parameters)
            } catch {
                job.continuation.resume(throwing: error)
                continue
            }
            job.prefillSeconds = Date().timeIntervalSince(start)
            job.decodeStart = Date()
            running[job.id] = job
            if job.parameters.maxTokens <= 0, let seq = generator.sequence(job.id), seq.stopReason == nil {
                finish(job, tokens: [], reason: .length)
            }
        }
    }

    private func finishIfDone(_ id: Int) {
        guard let job = running[id], let seq = generator.sequence(id), let reason = seq.stopReason else { return }
        finish(job, tokens: seq.tokens, reason: reason)
    }

    /// Hands a streaming request's new text to its receiver: what decodes completely and cannot be the start of a
    /// stop string.
    private func stream(_ id: Int) {
        guard var job = running[id], let onText = job.onText, let seq = generator.sequence(id) else { return }
        convertLogprobs(&job, seq)
        var text = tokenizer.decode(seq.tokens)
        while text.last == "\u{FFFD}" { text.removeLast() }
        let held = job.stop.map { stop in
            (0..<stop.count).reversed().first { text.hasSuffix(stop.prefix($0)) } ?? 0
        }.max() ?? 0
        text.removeLast(min(held, text.count))
        guard text.count > job.emitted.count, text.hasPrefix(job.emitted) else {
            running[id] = job
            return
        }
        // The tokens whose bytes the text sent so far covers.
        var covered = job.sentLogprobs
        var end = job.logprobs[..<covered].reduce(0) { $0 + $1.bytes.count }
        while covered < job.logprobs.count, end + job.logprobs[covered].bytes.count <= text.utf8.count {
            end += job.logprobs[covered].bytes.count
            covered += 1
        }
        onText(String(text.dropFirst(job.emitted.count)), Array(job.logprobs[job.sentLogprobs..<covered]))
        job.sentLogprobs = covered
        job.emitted = text
        running[id] = job
    }

    /// Gives the new tokens' log-probabilities their texts and bytes.
    private func convertLogprobs(_ job: inout Job, _ seq: Generator.Sequence) {
        guard seq.logprobs.count > job.logprobs.count else { return }
        for entry in seq.logprobs[job.logprobs.count...] {
            let bytes = tokenizer.bytes(of: entry.chosen.token)
            job.logprobs.append(TokenLogprob(
                token: TokenLogprob.text(of: bytes), bytes: bytes, logprob: Self.finite(entry.chosen.logprob),
                top: entry.top.map {
                    let bytes = tokenizer.bytes(of: $0.token)
                    return TokenLogprob.Alternative(token: TokenLogprob.text(of: bytes), bytes: bytes, logprob: Self.finite($0.logprob))
                }))
        }
    }

    /// A log-probability JSON can carry: -inf (a logit of -inf) becomes -9999, as OpenAI reports it.
    private static func finite(_ logprob: Double) -> Double { logprob.isFinite ? logprob : -9999 }

    private func finish(_ job: Job, tokens: [Int], reason: StopReason) {
        var job = job
        if let seq = generator.sequence(job.id) { convertLogprobs(&job, seq) }
        running[job.id] = nil
        generator.remove(job.id)
        var text = tokenizer.decode(tokens)
        if reason == .stopCondition, let cut = job.stop.compactMap({ text.range(of: $0)?.lowerBound }).min() {
            text = String(text[..<cut])
        }
        // The tokens that start before the stop string (all of them without one).
        var kept = job.logprobs.count
        if reason == .stopCondition {
            kept = 0
            var start = 0
            while kept < job.logprobs.count, start < text.utf8.count {
                start += job.logprobs[kept].bytes.count
                kept += 1
            }
        }
        let rest = Array(job.logprobs[min(job.sentLogprobs, kept)..<kept])
        let grew = text.count > job.emitted.count && text.hasPrefix(job.emitted)
        if let onText = job.onText, grew || !rest.isEmpty {
            onText(grew ? String(text.dropFirst(job.emitted.count)) : "", rest)
        }
        let decodeSeconds = Date().timeIntervalSince(job.decodeStart)
        job.continuation.resume(returning: EngineCompletion(
            text: text, tokenIds: tokens, promptIds: job.prompt, stopReason: reason,
            prefillTokensPerSecond: Double(job.prompt.count) / max(job.prefillSeconds, 1e-9),
            decodeTokensPerSecond: Double(tokens.count) / max(decodeSeconds, 1e-9),
            logprobs: job.parameters.topLogprobs == nil ? nil : Array(job.logprobs[..<kept])))
    }
}
