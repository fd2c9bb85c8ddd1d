/// A piece of a completion as it is generated: new answer text and new reasoning text, either possibly empty.
public struct GenerationDelta: Sendable, Codable, Hashable {
    /// Answer text added since the previous delta.
    public var text: String
    /// Reasoning text added since the previous delta (models whose template separates thinking).
    public var reasoning: String
    /// The log-probabilities of the tokens generated since the previous delta (when asked for).
    public var logprobs: [TokenLogprob]

    /// Creates a delta.
    ///
    /// - Parameters:
    ///   - text: New answer text.
    ///   - reasoning: New reasoning text.
    ///   - logprobs: The log-probabilities of the tokens generated since the previous delta.
    public init(text: String = "", reasoning: String = "", logprobs: [TokenLogprob] = []) {
        self.text = text
        self.reasoning = reasoning
        self.logprobs = logprobs
    }

    /// Whether the delta adds nothing.
    public var isEmpty: Bool { text.isEmpty && reasoning.isEmpty && logprobs.isEmpty }

    enum CodingKeys: String, CodingKey {
        case text, reasoning, logprobs
    }

    /// Decodes a delta; a missing `logprobs` is none.
    ///
    /// - Throws: `DecodingError` when `text` or `reasoning` is missing or a field has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        reasoning = try container.decode(String.self, forKey: .reasoning)
        logprobs = try container.decodeIfPresent([TokenLogprob].self, forKey: .logprobs) ?? []
    }
}

/// A backend that can report a completion piece by piece while it generates, and stops generating as soon as the
/// calling task is cancelled (the server relies on that to free a disconnected client's batch slot).
///
/// The deltas' texts concatenate to the result's `text` and their reasoning to its `reasoningContent`.
public protocol StreamingInferenceBackend: InferenceBackend {
    /// Generates one completion, calling `onDelta` with each new piece of text as it is generated.
    ///
    /// - Parameters:
    ///   - request: The conversation and the sampling settings.
    ///   - onDelta: Called in order, from any thread, with text not reported before.
    /// - Returns: The completion, the same as `generate(_:)` returns for the same request.
    /// - Throws: `ProctorError` as `generate(_:)`; `CancellationError` or `ProctorError.cancelled` when the task
    ///   was cancelled (the backend has then given up the request's resources).
    func generate(_ request: GenerationRequest, onDelta: @escaping @Sendable (GenerationDelta) -> Void) async throws -> GenerationResult

    /// Requests generating or waiting to generate now (what a server reports as busy slots).
    var activeRequests: Int { get async }

    /// The most tokens a prompt and its completion may hold together, when the backend knows it.
    var contextLength: Int? { get }

    /// Whether the backend honours `GenerationParameters.topLogprobs`, returning `GenerationResult.logprobs` and
    /// each delta's `logprobs` (the tokens' log-probabilities concatenate, in order, to the result's).
    var computesLogprobs: Bool { get }
}

extension StreamingInferenceBackend {
    /// False: a backend computes log-probabilities only when it says so.
    public var computesLogprobs: Bool { false }
}
