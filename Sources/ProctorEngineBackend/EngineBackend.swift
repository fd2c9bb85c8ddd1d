import ChatTemplates
import Foundation
import InferenceEngine
import ProctorCore
import TextTokenizers

/// The embedded engine as an `InferenceBackend`: renders the chat with the model's template, tokenizes it, and
/// hands it to the serial `EngineWorker`, which decodes concurrent requests together.
public final class EngineBackend: InferenceBackend {
    public let identity: ModelIdentity
    /// The model's tokenizer.
    public let tokenizer: Tokenizer
    private let template: ChatTemplate
    private let worker: EngineWorker
    private let model: LanguageModel
    private let stopTokens: Set<Int>

    /// Loads a GGUF model or a Hugging Face checkpoint folder with its tokenizer and chat template.
    ///
    /// - Parameters:
    ///   - path: The `.gguf` file, or a folder with config.json, `*.safetensors`, tokenizer.json and
    ///     tokenizer_config.json (whose `chat_template` is used).
    ///   - threads: Engine threads (nil: 2, or all cores if fewer).
    ///   - chatTemplate: A Jinja template file overriding the model's own (`--chat-template`).
    ///   - name: The name shown in reports (nil: the file or folder name).
    ///   - floatWeights: How a checkpoint folder's float weights are held: `.f32` (exact) or `.q8_0` (about 4×
    ///     less memory, int8 kernels). Ignored for GGUF files.
    /// - Throws: `ProctorError` saying what is wrong with the file and what to do.
    public init(path: String, threads: Int? = nil, chatTemplate: String? = nil, name: String? = nil,
                floatWeights: WeightMatrix.FloatWeights = .f32) throws {
        do {
            let loaded = try LoadedModel.load(path: path, floatWeights: floatWeights)
            model = loaded.model
            tokenizer = loaded.tokenizer
            stopTokens = loaded.stopTokens
            if let chatTemplate {
                template = try ChatTemplate(contentsOf: URL(fileURLWithPath: chatTemplate))
            } else if let source = tokenizer.vocabulary.chatTemplate {
                template = try ChatTemplate(source: source)
            } else if model.config.isGemma {
                template = try ChatTemplate(source: ChatTemplate.gemmaTurns)
            } else {
                template = try ChatTemplate(source: ChatTemplate.chatML)
            }
            let count = threads ?? min(2, ProcessInfo.processInfo.activeProcessorCount)
            worker = EngineWorker(generator: try Generator(model: model, threads: count), tokenizer: tokenizer)
            // Weights quantized at load compute differently: a run with them is not the same run as one without.
            let quantizedAtLoad = loaded.details["format"] == "safetensors" && floatWeights == .q8_0
            identity = ModelIdentity(
                kind: quantizedAtLoad ? "engine-q8_0" : "engine", name: name ?? URL(fileURLWithPath: path).lastPathComponent, location: path,
                weightsSHA256: loaded.weightsSHA256,
                details: loaded.details.merging(["threads": String(count), "simd": Generator.simdPath]) { $1 })
        } catch let error as ProctorError {
            throw error
        } catch {
            throw ProctorError(.invalidInput, "cannot load the model \(path): \(error)", underlying: error)
        }
    }

    /// Renders the conversation with the chat template and tokenizes it.
    public func promptIds(for messages: [ChatMessage]) throws -> (text: String, ids: [Int]) {
        if messages.contains(where: { !$0.images.isEmpty }) {
            throw ProctorError(.unsupported, "the embedded engine runs text-only models; this request has images (use an OpenAI-compatible server for vision models)")
        }
        let values = messages.map { TemplateValue.message(role: $0.role.rawValue, content: $0.text) }
        let vocab = tokenizer.vocabulary
        let text: String
        do {
            text = try template.render(
                messages: values, addGenerationPrompt: true,
                bosToken: vocab.bos.flatMap { vocab.tokens.indices.contains($0) ? vocab.tokens[$0] : nil } ?? "",
                eosToken: vocab.eos.flatMap { vocab.tokens.indices.contains($0) ? vocab.tokens[$0] : nil } ?? "",
                now: Date(timeIntervalSince1970: 0))
        } catch {
            throw ProctorError(.invalidInput, "the chat template failed: \(error); pass --chat-template FILE", underlying: error)
        }
        return (text, tokenizer.encode(text, addSpecialTokens: true, parseSpecial: true))
    }

    /// Generates from prompt token ids (`proctor generate` uses this directly for ids and timing).
    public func complete(promptIds: [Int], parameters: GenerationParameters) async throws -> EngineCompletion {
        let sampling = SamplingParameters(
            temperature: Float(parameters.temperature), topK: parameters.topK, topP: Float(parameters.topP),
            minP: parameters.minP.map(Float.init), repetitionPenalty: parameters.repetitionPenalty.map(Float.init),
            maxTokens: parameters.maxTokens, seed: parameters.seed, stopTokens: stopTokens)
        do {
            return try await worker.submit(prompt: promptIds, parameters: sampling, stop: parameters.stop)
        } catch let error as EngineError {
            throw ProctorError(error.code == .invalidRequest ? .invalidArgument : .backend, error.message, underlying: error)
        }
    }

    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        let (text, ids) = try promptIds(for: request.messages)
        let completion = try await complete(promptIds: ids, parameters: request.parameters)
        return GenerationResult(
            text: completion.text, finishReason: completion.stopReason == .length || completion.stopReason == .contextFull ? .length : .stop,
            promptTokens: ids.count, completionTokens: completion.tokenIds.count, renderedPrompt: text)
    }
}
