/// Sampling and length settings for one generation.
public struct GenerationParameters: Sendable, Codable, Hashable {
    /// Softmax temperature; 0 means greedy.
    public var temperature: Double
    /// Nucleus sampling mass (1 disables it).
    public var topP: Double
    /// Keep only the k most likely tokens (nil disables it).
    public var topK: Int?
    /// Drop tokens below `minP` × the top probability (nil disables it).
    public var minP: Double?
    /// Repetition penalty as in CTRL / transformers (nil or 1 disables it).
    public var repetitionPenalty: Double?
    /// The most tokens to generate.
    public var maxTokens: Int
    /// The seed of this sample (derived per item and sample by the runner).
    public var seed: UInt64
    /// Strings that end generation.
    public var stop: [String]
    /// Return each generated token's log-probability with this many of the most likely alternatives (0…20;
    /// nil: no log-probabilities). Only backends whose `computesLogprobs` is true honour it.
    public var topLogprobs: Int?

    /// Creates parameters.
    public init(
        temperature: Double = 0, topP: Double = 1, topK: Int? = nil, minP: Double? = nil,
        repetitionPenalty: Double? = nil, maxTokens: Int = 2048, seed: UInt64 = 0, stop: [String] = [],
        topLogprobs: Int? = nil
    ) {
        self.topLogprobs = topLogprobs
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
    }

    enum CodingKeys: String, CodingKey {
        case temperature, topP = "top_p", topK = "top_k", minP = "min_p", repetitionPenalty = "repetition_penalty"
        case maxTokens = "max_tokens", seed, stop, topLogprobs = "top_logprobs"
    }
}

/// A request to generate one completion.
public struct GenerationRequest: Sendable, Codable, Hashable {
    /// The conversation, images included.
    public var messages: [ChatMessage]
    /// Sampling settings, seed included.
    public var parameters: GenerationParameters
    /// Tools the model may call, in OpenAI's `tools` form (`{"type": "function", "function": {…}}`), for
    /// function-calling benchmarks (nil: none). A backend that calls tools returns the calls as the JSON text
    /// `[{"<name>": "<arguments JSON>"}]`, the shape of BFCL's result files.
    public var tools: [JSONValue]?

    /// Creates a request.
    public init(messages: [ChatMessage], parameters: GenerationParameters, tools: [JSONValue]? = nil) {
        self.messages = messages
        self.parameters = parameters
        self.tools = tools
    }
}

/// Why generation stopped.
public enum FinishReason: String, Sendable, Codable, Hashable {
    /// End of sequence or a stop string.
    case stop
    /// The token limit was reached.
    case length
    /// The request failed; the sample's `error` says why.
    case error
}

/// A completion and what is known about how it was produced.
public struct GenerationResult: Sendable, Codable, Hashable {
    /// The generated text (with any `<think>` trace the model wrote inline).
    public var text: String
    /// Reasoning returned separately by the server (`reasoning_content`), never mixed into `text`.
    public var reasoningContent: String?
    /// Why generation stopped.
    public var finishReason: FinishReason
    /// Prompt tokens, as counted by the backend.
    public var promptTokens: Int?
    /// Generated tokens, as counted by the backend.
    public var completionTokens: Int?
    /// The prompt as the backend rendered it (chat template applied), when the backend knows it.
    public var renderedPrompt: String?
    /// The tool calls of the answer with their ids (nil when it called none); `text` holds them as
    /// `[{"<name>": "<arguments JSON>"}]` as well.
    public var toolCalls: [ToolCall]?
    /// The answer's own text beside tool calls (`content`), when it called tools.
    public var content: String?
    /// Per generated token of `text`, its log-probabilities (when the parameters asked for them).
    public var logprobs: [TokenLogprob]?

    /// Creates a result.
    public init(
        text: String, reasoningContent: String? = nil, finishReason: FinishReason, promptTokens: Int? = nil,
        completionTokens: Int? = nil, renderedPrompt: String? = nil, toolCalls: [ToolCall]? = nil, content: String? = nil,
        logprobs: [TokenLogprob]? = nil
    ) {
        self.logprobs = logprobs
        self.toolCalls = toolCalls
        self.content = content
        self.text = text
        self.reasoningContent = reasoningContent
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.renderedPrompt = renderedPrompt
    }

    enum CodingKeys: String, CodingKey {
        case text, reasoningContent = "reasoning_content", finishReason = "finish_reason"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", renderedPrompt = "rendered_prompt"
        case toolCalls = "tool_calls", content, logprobs
    }
}

/// What model produced a run: recorded with every run so that numbers can be traced to weights.
public struct ModelIdentity: Sendable, Codable, Hashable {
    /// The backend kind (`openai`, `engine`).
    public var kind: String
    /// The model's name (`--model-name`, or the file name).
    public var name: String
    /// Where it lives (a server URL, a file path).
    public var location: String
    /// SHA-256 of the weights, when known.
    public var weightsSHA256: String?
    /// Anything else worth recording (quantization, architecture, server version).
    public var details: [String: String]

    /// Creates an identity.
    public init(kind: String, name: String, location: String, weightsSHA256: String? = nil, details: [String: String] = [:]) {
        self.kind = kind
        self.name = name
        self.location = location
        self.weightsSHA256 = weightsSHA256
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, location, weightsSHA256 = "weights_sha256", details
    }
}

/// Something that turns a chat request into a completion: an OpenAI-compatible server, the embedded engine, or a
/// scripted test double.
///
/// Conformers must be safe to call concurrently; the runner keeps up to `--concurrency` requests in flight, which
/// lets a server batch them and lets the embedded engine decode several sequences in one pass over the weights.
public protocol InferenceBackend: Sendable {
    /// The model behind this backend.
    var identity: ModelIdentity { get }

    /// Generates one completion.
    ///
    /// - Parameter request: The conversation and the sampling settings.
    /// - Returns: The completion.
    /// - Throws: `ProctorError` when the request failed after any retries; the runner records it in the sample's
    ///   row and goes on.
    func generate(_ request: GenerationRequest) async throws -> GenerationResult
}
