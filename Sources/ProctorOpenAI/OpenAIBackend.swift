import Foundation
import Logging
import ProctorCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of any OpenAI-compatible chat-completions server: vLLM, SGLang, llama.cpp's `llama-server`,
/// llama-cpp-python's server, or `proctor serve`.
///
/// Each `generate` call is one `POST {base}/chat/completions` (text and images interleaved as the messages give
/// them, images as base64 `data:` URLs), retried with exponential backoff and seeded jitter on 429, 5xx,
/// timeouts and dropped connections, honouring `Retry-After`. Cancelling the calling task cancels the request.
/// The value is safe to share between concurrent tasks.
public struct OpenAIBackend: InferenceBackend {
    /// The served model: kind `openai`, the model name, the API root, and what the server says about the model.
    public let identity: ModelIdentity
    /// The server and the retry settings.
    public let configuration: OpenAIConfiguration
    /// The name sent as `model`.
    public let modelName: String
    let transport: HTTPTransport
    let logger: Logger

    /// Connects to a server: asks `GET {base}/models` what it serves, picks the model, and records its identity.
    ///
    /// With a `modelName`, a server whose `/models` fails or does not list that name is still used (llama.cpp's
    /// servers answer any name), and the identity notes what the server listed. Without one, the server must
    /// serve exactly one model.
    ///
    /// - Parameters:
    ///   - configuration: The server and the retry settings.
    ///   - logger: Where retries are reported.
    /// - Returns: A ready backend.
    /// - Throws: `ProctorError` when no model name is given and the server's model cannot be determined.
    public static func connect(_ configuration: OpenAIConfiguration, logger: Logger = Logger(label: "proctor.openai")) async throws -> OpenAIBackend {
        let transport = HTTPTransport()
        let probe = OpenAIBackend(configuration: configuration, modelName: configuration.modelName ?? "", identity: nil, transport: transport, logger: logger)
        let models: [JSONValue]
        do {
            models = try await probe.listModels()
        } catch let error as ProctorError where configuration.modelName != nil && error.code != .cancelled {
            var identity = probe.identity
            identity.details["models_endpoint"] = "unavailable: \(error.message)"
            return OpenAIBackend(configuration: configuration, modelName: probe.modelName, identity: identity, transport: transport, logger: logger)
        }
        let name = try ModelChoice.pick(requested: configuration.modelName, from: models, url: configuration.endpoint("models"))
        var identity = probe.identity
        identity.name = name
        identity.details.merge(ModelChoice.details(of: name, in: models)) { _, new in new }
        return OpenAIBackend(configuration: configuration, modelName: name, identity: identity, transport: transport, logger: logger)
    }

    /// Creates a backend without asking the server anything.
    ///
    /// - Parameters:
    ///   - configuration: The server and the retry settings.
    ///   - modelName: The name sent as `model`.
    ///   - logger: Where retries are reported.
    public init(configuration: OpenAIConfiguration, modelName: String, logger: Logger = Logger(label: "proctor.openai")) {
        self.init(configuration: configuration, modelName: modelName, identity: nil, transport: HTTPTransport(), logger: logger)
    }

    init(configuration: OpenAIConfiguration, modelName: String, identity: ModelIdentity?, transport: HTTPTransport, logger: Logger) {
        self.configuration = configuration
        self.modelName = modelName
        self.identity = identity ?? ModelIdentity(kind: "openai", name: modelName, location: configuration.baseURL.absoluteString)
        self.transport = transport
        self.logger = logger
    }

    /// Sends one chat completion and returns the answer, `reasoning_content` kept apart from the text.
    ///
    /// - Parameter request: The conversation and the sampling settings.
    /// - Returns: The completion with finish reason and the server's token counts.
    /// - Throws: `ProctorError` with code `.timeout` (every attempt timed out last), `.backend` (HTTP errors,
    ///   dropped connections, a malformed answer), or `.cancelled`, its message naming the URL, the HTTP status and
    ///   the server's error text.
    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        let url = configuration.endpoint("chat/completions")
        let body: Data
        do {
            var wire = ChatCompletionWire.Request(request, model: modelName)
            if configuration.stream {
                wire.stream = true
                wire.streamOptions = ChatCompletionWire.StreamOptions(includeUsage: true)
            }
            body = try JSONEncoder().encode(wire)
        } catch {
            throw ProctorError(.invalidInput, "the request for \(url) could not be encoded as JSON", underlying: error)
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = body
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let reply = try await perform(urlRequest, seed: request.parameters.seed)
        return try ResponseReading.result(from: reply.body, url: url)
    }

    /// `GET {base}/models`: the entries the server lists.
    func listModels() async throws -> [JSONValue] {
        let url = configuration.endpoint("models")
        let reply = try await perform(URLRequest(url: url), seed: 0)
        do {
            return try JSONDecoder().decode(ChatCompletionWire.ModelList.self, from: reply.body).data
        } catch {
            throw ProctorError(
                .backend, "GET \(url) answered HTTP \(reply.status) with a body that is not a model list (\(ResponseReading.snippet(reply.body))); is this an OpenAI-compatible API root?",
                underlying: error)
        }
    }
}
