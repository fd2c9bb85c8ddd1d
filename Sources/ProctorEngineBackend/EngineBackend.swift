import ChatTemplates
import EngineThreads
import Foundation
import InferenceEngine
import ProctorCore
import TextTokenizers

/// The embedded engine as an `InferenceBackend`: renders the chat with the model's template, tokenizes it, and
/// hands it to the serial `EngineWorker`, which decodes concurrent requests together.
public final class EngineBackend: StreamingInferenceBackend {
    public let identity: ModelIdentity
    /// The model's tokenizer.
    public let tokenizer: Tokenizer
    let template: ChatTemplate
    /// The vision tower of an InternVL-family checkpoint (nil: a text-only model).
    let vision: VisionFrontEnd?
    let worker: EngineWorker
    private let model: LanguageModel
    private let stopTokens: Set<Int>

    /// Loads a GGUF model or a Hugging Face checkpoint folder with its tokenizer and chat template.
    ///
    /// - Parameters:
    ///   - path: The `.gguf` file, or a folder with config.json, `*.safetensors`, tokenizer.json and
    ///     tokenizer_config.json (whose `chat_template` is used).
    ///   - threads: Engine threads (nil: ``defaultThreadCount``, one per physical core).
    ///   - chatTemplate: A Jinja template file overriding the model's own (`--chat-template`).
    ///   - name: The name shown in reports (nil: the file or folder name).
    ///   - floatWeights: How a checkpoint folder's float weights are held: `.f32` (exact) or `.q8_0` (about 4×
    ///     less memory, int8 kernels). Ignored for GGUF files.
    ///   - checksums: Where the weights' SHA-256 is cached (Proctor's cache folder; never next to the model).
    ///   - kernels: The SIMD kernels (nil: the set `PROCTOR_KERNELS` names, else the fastest this CPU runs);
    ///     recorded in the model identity as `kernels`.
    /// - Throws: `ProctorError` saying what is wrong with the file and what to do, or `.invalidArgument` for a
    ///   `PROCTOR_KERNELS` value that is unknown or that this CPU cannot run.
    public init(path: String, threads: Int? = nil, chatTemplate: String? = nil, name: String? = nil,
                floatWeights: WeightMatrix.FloatWeights = .f32, checksums: ChecksumCache = .standard,
                kernels: KernelSet? = nil) throws {
        let kernels = try kernels ?? Self.environmentKernels()
        do {
            let count = threads ?? Self.defaultThreadCount
            let loaded = try LoadedModel.load(path: path, floatWeights: floatWeights, threads: count, kernels: kernels, checksums: checksums)
            model = loaded.model
            tokenizer = loaded.tokenizer
            stopTokens = loaded.stopTokens
            vision = loaded.vision
            if let chatTemplate {
                template = try ChatTemplate(contentsOf: URL(fileURLWithPath: chatTemplate))
            } else if let source = tokenizer.vocabulary.chatTemplate {
                template = try ChatTemplate(source: source)
            } else if model.config.isGemma {
                template = try ChatTemplate(source: ChatTemplate.gemmaTurns)
            } else {
                template = try ChatTemplate(source: ChatTemplate.chatML)
            }
            worker = EngineWorker(generator: try Generator(model: model, threads: count, kernels: kernels), tokenizer: tokenizer)
            // Weights quantized at load compute differently: a run with them is not the same run as one without.
            let quantizedAtLoad = loaded.details["format"] == "safetensors" && floatWeights == .q8_0
            identity = ModelIdentity(
                kind: quantizedAtLoad ? "engine-q8_0" : "engine", name: name ?? URL(fileURLWithPath: path).lastPathComponent, location: path,
                weightsSHA256: loaded.weightsSHA256,
                details: loaded.details.merging(["threads": String(count), "kernels": kernels.name, "kernels_detail": kernels.detail]) { $1 }
                    .merging(loaded.vision.map(Self.visionDetails) ?? [:]) { $1 })
        } catch let error as ProctorError {
            throw error
        } catch {
            throw ProctorError(.invalidInput, "cannot load the model \(path): \(error)", underlying: error)
        }
    }

    /// Renders the conversation with the chat template and tokenizes it; each image becomes its token block
    /// (`<img>` + `<IMG_CONTEXT>` × tokens + `</img>`) when the model has a vision tower.
    ///
    /// - Throws: `ProctorError`: `.unsupported` for images sent to a text-only model, `.invalidInput` for an image
    ///   that cannot be decoded or a chat template that fails.
    public func promptIds(for messages: [ChatMessage]) throws -> (text: String, ids: [Int]) {
        let prompt = try prepare(messages)
        return (prompt.text, prompt.ids)
    }

    /// Generates from prompt token ids (`proctor generate` uses this directly for ids and timing).
    public func complete(promptIds: [Int], parameters: GenerationParameters) async throws -> EngineCompletion {
        try await complete(promptIds: promptIds, embeddings: [:], parameters: parameters)
    }

    /// Generates from prompt token ids whose embeddings at some positions are given (image features).
    func complete(promptIds: [Int], embeddings: [Int: [Float]], parameters: GenerationParameters,
                  onText: (@Sendable (String, [TokenLogprob]) -> Void)? = nil) async throws -> EngineCompletion {
        let sampling = SamplingParameters(
            temperature: Float(parameters.temperature), topK: parameters.topK, topP: Float(parameters.topP),
            minP: parameters.minP.map(Float.init), repetitionPenalty: parameters.repetitionPenalty.map(Float.init),
            maxTokens: parameters.maxTokens, seed: parameters.seed, stopTokens: stopTokens,
            topLogprobs: parameters.topLogprobs.map { min(max($0, 0), Sampler.maxTopLogprobs) })
        do {
            return try await worker.submit(prompt: promptIds, embeddings: embeddings, parameters: sampling, stop: parameters.stop, onText: onText)
        } catch let error as EngineError {
            throw ProctorError(error.code == .invalidRequest ? .invalidArgument : .backend, error.message, underlying: error)
        }
    }

    /// Renders a conversation (its images through the vision tower when the model has one) and generates.
    ///
    /// - Parameters:
    ///   - messages: The conversation; image parts need an InternVL-family checkpoint.
    ///   - parameters: Sampling settings.
    /// - Returns: The rendered prompt text (image blocks written out) and the completion.
    /// - Throws: `ProctorError` as ``promptIds(for:)``, or `.backend` when the engine fails.
    public func complete(messages: [ChatMessage], parameters: GenerationParameters) async throws -> (prompt: String, completion: EngineCompletion) {
        let prompt = try await encodeImages(try prepare(messages))
        return (prompt.text, try await complete(promptIds: prompt.ids, embeddings: prompt.embeddings, parameters: parameters))
    }

    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        let (text, completion) = try await complete(messages: request.messages, parameters: request.parameters)
        return Self.result(completion, prompt: text)
    }

    /// Generates, handing each new piece of text to `onDelta`; a cancelled task leaves the batch before the next
    /// decode step and throws `CancellationError`.
    public func generate(_ request: GenerationRequest, onDelta: @escaping @Sendable (GenerationDelta) -> Void) async throws -> GenerationResult {
        let prompt = try await encodeImages(try prepare(request.messages))
        let completion = try await complete(promptIds: prompt.ids, embeddings: prompt.embeddings, parameters: request.parameters) {
            onDelta(GenerationDelta(text: $0, logprobs: $1))
        }
        return Self.result(completion, prompt: prompt.text)
    }

    /// Requests decoding or waiting in the engine's queue.
    public var activeRequests: Int {
        get async { await worker.activeCount }
    }

    /// The model's context length in tokens.
    public var contextLength: Int? { model.config.contextLength }

    /// True: the engine reports the log-softmax of the raw logits for `GenerationParameters.topLogprobs`.
    public var computesLogprobs: Bool { true }

    private static func result(_ completion: EngineCompletion, prompt text: String) -> GenerationResult {
        GenerationResult(
            text: completion.text, finishReason: completion.stopReason == .length || completion.stopReason == .contextFull ? .length : .stop,
            promptTokens: completion.promptIds.count, completionTokens: completion.tokenIds.count, renderedPrompt: text,
            logprobs: completion.logprobs)
    }
}
