import ArgumentParser
import ProctorCore

// The embedded engine's place in the executable (owned by the engine area).
extension Proctor {
    /// The engine's subcommands (`generate`).
    static let engineSubcommands: [any ParsableCommand.Type] = []
}

/// Turns a `--model` value into the embedded engine, when it names a model file, folder or known model.
enum EngineModelResolver {
    /// - Returns: nil when `spec` is not for the engine.
    static func backend(for spec: ModelSpec) async throws -> (any InferenceBackend)? {
        nil
    }
}
