import ArgumentParser
import Foundation
import ProctorCore
import ProctorEngineBackend

// The embedded engine's place in the executable (owned by the engine area).
extension Proctor {
    /// The engine's subcommands (`generate`).
    static let engineSubcommands: [any ParsableCommand.Type] = [GenerateCommand.self]
}

/// Turns a `--model` value into the embedded engine, when it names a model file, folder or known model.
enum EngineModelResolver {
    /// The models known by name, with the file `scripts/fetch-model` puts in the cache.
    static let knownModels = ["smollm2": "SmolLM2-135M-Instruct.Q4_1.gguf"]

    /// The model cache: `$PROCTOR_CACHE`, else `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    static var cacheFolder: String {
        let env = ProcessInfo.processInfo.environment
        if let cache = env["PROCTOR_CACHE"], !cache.isEmpty { return cache }
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/proctor"
    }

    /// The GGUF file or Hugging Face checkpoint folder a `--model` value names, or nil when it is not for the engine.
    ///
    /// - Throws: `ProctorError` when it names a known model that is not downloaded, a missing file, or a folder
    ///   without config.json.
    static func modelPath(for model: String) throws -> String? {
        if model.hasPrefix("openai:") { return nil }
        if let file = knownModels[model.lowercased()] {
            let path = cacheFolder + "/models/" + file
            guard FileManager.default.fileExists(atPath: path) else {
                throw ProctorError(.notFound, "the default model \(model) is not downloaded (\(path) is missing): run scripts/fetch-model")
            }
            return path
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: model, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            guard FileManager.default.fileExists(atPath: model + "/config.json") else {
                throw ProctorError(.notFound, "\(model) is a folder without config.json: the embedded engine loads Hugging Face checkpoint folders (config.json, *.safetensors, tokenizer.json) or .gguf files")
            }
            return model
        }
        if model.lowercased().hasSuffix(".gguf") {
            guard exists else { throw ProctorError(.notFound, "the model file \(model) does not exist; check the path") }
            return model
        }
        return nil
    }

    /// - Returns: nil when `spec` is not for the engine.
    static func backend(for spec: ModelSpec) async throws -> (any InferenceBackend)? {
        guard let path = try modelPath(for: spec.model) else { return nil }
        guard let weights = EngineBackend.FolderWeights(rawValue: spec.folderWeights) else {
            throw ProctorError(.invalidArgument, "--folder-weights must be f32 or q8_0, not \"\(spec.folderWeights)\"")
        }
        return try EngineBackend(path: path, threads: spec.threads, chatTemplate: spec.chatTemplate, name: spec.modelName,
                                 floatWeights: weights)
    }
}
