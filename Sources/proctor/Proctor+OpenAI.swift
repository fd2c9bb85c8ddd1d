import ArgumentParser
import Foundation
import Logging
import ProctorCore
import ProctorOpenAI

// The OpenAI-compatible client and server in the executable (owned by the OpenAI area).
extension Proctor {
    /// The OpenAI area's subcommands (`serve`).
    static let openAISubcommands: [any ParsableCommand.Type] = [ServeCommand.self]
}

/// Turns `--model openai:URL` into a client of an OpenAI-compatible server.
enum OpenAIModelResolver {
    /// Connects to the server `spec` names, asking its `/models` for the model when `--model-name` is absent.
    ///
    /// The API key, if the server wants one, comes from `OPENAI_API_KEY` and is never recorded;
    /// `PROCTOR_OPENAI_STREAM=1` asks for streamed answers (for servers that only stream).
    ///
    /// - Returns: nil when `spec` is not `openai:…`.
    /// - Throws: `ProctorError` for a malformed URL or when the model cannot be determined.
    static func backend(for spec: ModelSpec) async throws -> (any InferenceBackend)? {
        guard let baseURL = try OpenAIConfiguration.baseURL(fromModel: spec.model) else { return nil }
        guard spec.requestTimeout > 0 else {
            throw ProctorError(.invalidArgument, "--request-timeout must be a positive number of seconds (got \(spec.requestTimeout))")
        }
        guard spec.maxRetries >= 0 else {
            throw ProctorError(.invalidArgument, "--max-retries must be 0 or more (got \(spec.maxRetries))")
        }
        let environment = ProcessInfo.processInfo.environment
        let configuration = OpenAIConfiguration(
            baseURL: baseURL, modelName: spec.modelName, requestTimeout: spec.requestTimeout,
            retry: RetryPolicy(maxRetries: spec.maxRetries), apiKey: environment["OPENAI_API_KEY"],
            stream: ["1", "true", "yes"].contains(environment["PROCTOR_OPENAI_STREAM"]?.lowercased() ?? ""))
        return try await OpenAIBackend.connect(configuration, logger: Logger(label: "proctor.openai"))
    }
}
