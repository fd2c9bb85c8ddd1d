/// What `--model` and its companion options say, handed to each backend area's resolver.
struct ModelSpec: Sendable {
    /// The `--model` value: `openai:http://HOST:PORT/v1`, a GGUF file, a Hugging Face checkpoint folder, or the
    /// name of a model Proctor knows (`smollm2`).
    var model: String
    /// `--model-name`: the name sent to a server and shown in reports.
    var modelName: String?
    /// `--chat-template FILE`: a template overriding the model's own.
    var chatTemplate: String?
    /// `--threads`: engine threads (nil: one per physical core).
    var threads: Int?
    /// `--request-timeout` in seconds, per request to a server.
    var requestTimeout: Double
    /// `--max-retries` for a server on 429, 5xx, timeouts and dropped connections.
    var maxRetries: Int
    /// `--folder-weights`: how the engine holds a checkpoint folder's float weights (`f32` or `q8_0`).
    var folderWeights: String = "f32"
}
