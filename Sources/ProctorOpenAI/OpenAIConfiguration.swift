import Foundation
import ProctorCore

/// Where an OpenAI-compatible server is and how patiently to talk to it.
public struct OpenAIConfiguration: Sendable, Hashable {
    /// The API root, the part before `/chat/completions` (for example `http://127.0.0.1:8000/v1`).
    public var baseURL: URL
    /// The model name sent with each request; nil asks the server's `/models` for its only model.
    public var modelName: String?
    /// Seconds one attempt may take, from sending the request to the last byte of the answer.
    public var requestTimeout: Double
    /// Retries and backoff on 429, 5xx, timeouts and dropped connections.
    public var retry: RetryPolicy
    /// A bearer token for servers started with an API key (vLLM's `--api-key`); never recorded.
    public var apiKey: String?
    /// Ask for a streamed answer (`stream: true` with `stream_options.include_usage`), for servers that only
    /// stream. Streamed answers are read whether or not they were asked for.
    public var stream: Bool

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - baseURL: The API root.
    ///   - modelName: The served model's name, or nil to ask the server.
    ///   - requestTimeout: Seconds per attempt.
    ///   - retry: The retry policy.
    ///   - apiKey: A bearer token, if the server wants one.
    ///   - stream: Whether to ask for server-sent events.
    public init(baseURL: URL, modelName: String? = nil, requestTimeout: Double = 600, retry: RetryPolicy = RetryPolicy(), apiKey: String? = nil,
                stream: Bool = false) {
        self.baseURL = baseURL
        self.modelName = modelName
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.apiKey = apiKey
        self.stream = stream
    }

    /// Reads a `--model` value of the form `openai:http://HOST:PORT/v1`.
    ///
    /// - Parameter model: The `--model` value.
    /// - Returns: The API root, or nil when `model` does not start with `openai:`.
    /// - Throws: `ProctorError.invalidArgument` when the rest is not an http(s) URL with a host.
    public static func baseURL(fromModel model: String) throws -> URL? {
        guard model.hasPrefix("openai:") else { return nil }
        var rest = String(model.dropFirst("openai:".count))
        while rest.hasSuffix("/") { rest.removeLast() }
        guard let url = URL(string: rest), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else {
            throw ProctorError(
                .invalidArgument,
                "--model \(model): expected openai:http://HOST:PORT/v1 (the server's API root, usually ending in /v1)")
        }
        return url
    }

    /// The URL of an endpoint under the API root (`chat/completions`, `models`).
    func endpoint(_ path: String) -> URL {
        baseURL.appendingPathComponent(path)
    }
}
