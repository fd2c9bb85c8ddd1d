import EngineThreads
import Foundation

/// Why a sequence stopped.
public enum StopReason: String, Sendable, Hashable {
    /// A stop token (EOS, end of turn) was sampled; it is not part of the output.
    case stopToken = "stop_token"
    /// The caller's stop check (a stop string) matched.
    case stopCondition = "stop_condition"
    /// `maxTokens` tokens were generated.
    case length
    /// The context is full.
    case contextFull = "context_full"
}

/// Decodes many sequences together: each `step()` runs one forward pass over the weights for every active
/// sequence (batched decoding), so the tokens per second grow with the number of sequences.
///
/// A sequence's tokens depend only on its prompt, parameters and seed, not on what else is in the batch.
/// Not thread-safe: drive it from one task (the backend keeps it inside an actor).
public final class Generator {
    /// One sequence being decoded.
    public struct Sequence: Sendable {
        public let id: Int
        public let promptCount: Int
        /// Generated tokens so far.
        public fileprivate(set) var tokens: [Int] = []
        /// Per generated token, its log-probabilities (empty unless the parameters ask for `topLogprobs`).
        public fileprivate(set) var logprobs: [TokenLogprobs] = []
        /// Set when the sequence has finished.
        public fileprivate(set) var stopReason: StopReason?
        fileprivate var history: [Int]
        fileprivate var logits: [Float]
        fileprivate var random: SeededRandom
        fileprivate let parameters: SamplingParameters
    }

    /// Timing totals, for tokens-per-second reports.
    public struct Timing: Sendable {
        public var prefillTokens = 0
        public var prefillSeconds = 0.0
        public var decodeTokens = 0
        public var decodeSeconds = 0.0
    }

    public let model: LanguageModel
    private let forward: ForwardPass
    private var caches: [Int: KVCache] = [:]
    private var sequences: [Int: Sequence] = [:]
    private var nextId = 0
    /// The most prompt tokens run through one forward pass.
    public var prefillChunk = 256
    /// Store keys and values as halves (the default for quantized models; f32 in the reference path).
    public var halfPrecisionCache: Bool
    /// Accumulated timing.
    public private(set) var timing = Timing()

    /// Creates a generator over a loaded model.
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - threads: Worker threads (the caller included).
    ///   - kernels: The SIMD kernels (default: the fastest this CPU runs). Each generator keeps its own set, so
    ///     generators with different sets can run side by side in one process.
    public init(model: LanguageModel, threads: Int, kernels: KernelSet = .best) throws {
        self.model = model
        self.kernels = kernels
        halfPrecisionCache = !model.reference
        forward = ForwardPass(model: model, pool: try ThreadPool(threads: threads), kernels: kernels)
    }

    /// The SIMD kernels this generator runs.
    public let kernels: KernelSet

    /// The generator's worker threads, for other work of the same owner between steps (the vision tower): never
    /// use it while a step or prefill is running.
    public var threadPool: ThreadPool { forward.pool }

    /// The sequences that have not finished.
    public var activeIDs: [Int] { sequences.values.filter { $0.stopReason == nil }.map(\.id).sorted() }

    /// A sequence's state.
    public func sequence(_ id: Int) -> Sequence? { sequences[id] }

    /// Adds a sequence and runs its prompt (prefill).
    ///
    /// - Returns: The sequence id.
    /// - Throws: `EngineError` (`.invalidRequest`) for an empty prompt, an id outside the vocabulary, or a prompt
    ///   longer than the context.
    public func add(prompt: [Int], parameters: SamplingParameters) throws -> Int {
        try add(prompt: prompt, embeddings: [:], parameters: parameters)
    }

    /// Adds a sequence whose prompt has input embeddings in place of some tokens (the image features a vision
    /// encoder produces for a multimodal prompt's image placeholders), and runs its prompt.
    ///
    /// - Parameters:
    ///   - prompt: The prompt token ids (placeholders included; they stay in the history).
    ///   - embeddings: Prompt position → an embedding of `embeddingLength` floats fed instead of that token's.
    ///   - parameters: Sampling settings.
    /// - Returns: The sequence id.
    /// - Throws: `EngineError` (`.invalidRequest`) as ``add(prompt:parameters:)``, or for an embedding of the
    ///   wrong width or at a position outside the prompt.
    public func add(prompt: [Int], embeddings: [Int: [Float]], parameters: SamplingParameters) throws -> Int {
        let width = model.config.embeddingLength
        if let bad = embeddings.first(where: { !prompt.indices.contains($0.key) || $0.value.count != width }) {
            throw EngineError(.invalidRequest, "the input embedding at position \(bad.key) has \(bad.value.count) values for a \(prompt.count)-token prompt; it needs \(width) values at a position inside the prompt")
        }
        let vocab = model.config.vocabSize
        guard !prompt.isEmpty else { throw EngineError(.invalidRequest, "the prompt is empty; give at least one token") }
        if let bad = prompt.first(where: { $0 < 0 || $0 >= vocab }) {
            throw EngineError(.invalidRequest, "token id \(bad) is outside the vocabulary (0..<\(vocab))")
        }
        guard prompt.count < model.config.contextLength else {
            throw EngineError(.invalidRequest, "the prompt has \(prompt.count) tokens; the model's context is \(model.config.contextLength)")
        }
        let id = nextId
        nextId += 1
        let cache = KVCache(layerCount: model.config.layerCount, width: model.config.kvWidth, headDim: model.config.headDim, isHalf: halfPrecisionCache)
        cache.reserve(prompt.count + min(parameters.maxTokens, 1024))
        let start = Date()
        var logits: [Float] = []
        var position = 0
        while position < prompt.count {
            let end = min(prompt.count, position + prefillChunk)
            let batch = (position..<end).map {
                ForwardPass.Entry(token: prompt[$0], position: $0, cache: cache, wantsLogits: $0 == prompt.count - 1,
                                  embedding: embeddings[$0])
            }
            if let last = forward.run(batch).last { logits = last }
            position = end
        }
        cache.count = prompt.count
        timing.prefillTokens += prompt.count
        timing.prefillSeconds += Date().timeIntervalSince(start)
        caches[id] = cache
        sequences[id] = Sequence(id: id, promptCount: prompt.count, history: prompt, logits: logits,
                                 random: SeededRandom(seed: parameters.seed), parameters: parameters)
        return id
    }

    /// Samples one token for every active sequence, then runs them all through one forward pass.
    ///
    /// - Parameter shouldStop: Called with a sequence id and its generated tokens after each new token; returning
    ///   true ends that sequence with `.stopCondition` (the backend checks stop strings here).
    /// - Returns: The ids of the sequences that advanced or finished in this step.
    @discardableResult
    public func step(shouldStop: (Int, [Int]) -> Bool = { _, _ in false }) -> [Int] {
        var batch: [ForwardPass.Entry] = []
        var order: [Int] = []
        let touched = activeIDs
        for id in touched {
            guard var seq = sequences[id], let cache = caches[id] else { continue }
            // The raw logits, before the penalty changes them in place (a copy only then: copy-on-write).
            let raw = seq.parameters.topLogprobs == nil ? nil : seq.logits
            let token = Sampler.sample(&seq.logits, history: seq.history, parameters: seq.parameters, random: &seq.random)
            if seq.parameters.stopTokens.contains(token) {
                seq.stopReason = .stopToken
            } else {
                if let raw, let top = seq.parameters.topLogprobs {
                    seq.logprobs.append(Sampler.logprobs(raw, chosen: token, top: top))
                }
                seq.tokens.append(token)
                seq.history.append(token)
                if shouldStop(id, seq.tokens) {
                    seq.stopReason = .stopCondition
                } else if seq.tokens.count >= seq.parameters.maxTokens {
                    seq.stopReason = .length
                } else if cache.count + 1 >= model.config.contextLength {
                    seq.stopReason = .contextFull
                } else {
                    batch.append(.init(token: token, position: cache.count, cache: cache, wantsLogits: true))
                    order.append(id)
                }
            }
            sequences[id] = seq
        }
        if !batch.isEmpty {
            let start = Date()
            let logits = forward.run(batch)
            timing.decodeSeconds += Date().timeIntervalSince(start)
            timing.decodeTokens += batch.count
            for (j, id) in order.enumerated() {
                sequences[id]?.logits = logits[j]
                caches[id]?.count += 1
            }
        }
        return touched
    }

    /// Forgets a sequence and frees its cache.
    public func remove(_ id: Int) {
        sequences[id] = nil
        caches[id] = nil
    }

    /// The logits the next token of a sequence will be sampled from (for tests and teacher forcing).
    public func logits(_ id: Int) -> [Float]? { sequences[id]?.logits }

    /// Feeds a chosen token to a sequence instead of sampling (teacher forcing) and returns the new logits.
    public func force(_ id: Int, token: Int) -> [Float]? {
        guard var seq = sequences[id], let cache = caches[id], token >= 0, token < model.config.vocabSize else { return nil }
        let logits = forward.run([.init(token: token, position: cache.count, cache: cache, wantsLogits: true)])
        cache.count += 1
        seq.history.append(token)
        seq.tokens.append(token)
        seq.logits = logits.first ?? []
        sequences[id] = seq
        return seq.logits
    }

    /// Generates to completion for several prompts decoded together.
    ///
    /// - Returns: Per prompt, the generated tokens and why generation stopped.
    public func generate(prompts: [[Int]], parameters: [SamplingParameters]) throws -> [(tokens: [Int], reason: StopReason)] {
        let ids = try zip(prompts, parameters).map { try add(prompt: $0, parameters: $1) }
        while !Set(activeIDs).isDisjoint(with: ids) { step() }
        defer { ids.forEach(remove) }
        return ids.map { (sequences[$0]?.tokens ?? [], sequences[$0]?.stopReason ?? .length) }
    }
}
