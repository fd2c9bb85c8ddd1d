import ArgumentParser
import ProctorCore

// The OpenAI-compatible client and server in the executable (owned by the OpenAI area).
extension Proctor {
    /// The OpenAI area's subcommands (`serve`).
    static let openAISubcommands: [any ParsableCommand.Type] = []
}

/// Turns `--model openai:URL` into a client of an OpenAI-compatible server.
enum OpenAIModelResolver {
    /// - Returns: nil when `spec` is not `openai:…`.
    static func backend(for spec: ModelSpec) async throws -> (any InferenceBackend)? {
        nil
    }
}
