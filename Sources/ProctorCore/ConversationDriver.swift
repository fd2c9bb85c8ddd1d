/// A benchmark whose answer is a conversation of several generations rather than one (BFCL's multi-turn
/// categories: each turn's calls are executed and their results fed back until the model stops calling).
///
/// The runner hands such an item to its benchmark's driver instead of generating once; the driver calls the
/// backend as often as its protocol says and returns one stored output that the benchmark's scorer reads, so that
/// `score` and `rescore` treat the sample like any other.
public protocol ConversationDriver: Sendable {
    /// Holds the conversation of one item.
    ///
    /// - Parameters:
    ///   - item: The item (its messages are the first turn's prompt).
    ///   - parameters: The sample's settings (its seed included), used for every generation.
    ///   - backend: What generates each step.
    /// - Returns: The conversation; a failed generation ends it early with `error` set, it is not thrown.
    /// - Throws: Only `CancellationError` (nothing is stored then).
    func converse(_ item: BenchmarkItem, parameters: GenerationParameters, backend: any InferenceBackend) async throws -> Conversation
}

/// A finished (or failed) conversation: what is stored as the sample.
public struct Conversation: Sendable, Hashable {
    /// The output the scorer reads (for BFCL the official result line's `result` and `inference_log`).
    public var output: String
    /// Every message of the conversation in order, the model's steps and the fed-back results included.
    public var messages: [ChatMessage]
    /// How the last generation stopped (`error` when one failed).
    public var finishReason: FinishReason
    /// Prompt tokens over all generations.
    public var promptTokens: Int
    /// Generated tokens over all generations.
    public var completionTokens: Int
    /// Generations made.
    public var generations: Int
    /// Why the conversation stopped early (a backend failure), nil when it ran to its end.
    public var error: String?

    /// Creates a conversation.
    public init(
        output: String, messages: [ChatMessage], finishReason: FinishReason, promptTokens: Int, completionTokens: Int,
        generations: Int, error: String? = nil
    ) {
        self.output = output
        self.messages = messages
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.generations = generations
        self.error = error
    }
}
