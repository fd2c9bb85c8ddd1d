import EngineThreads
import Foundation
import InferenceEngine
import ModelFormats
import ProctorCore
import TextTokenizers
import TextTokenizersGGUF

/// A model with its tokenizer, as loaded from a GGUF file or a Hugging Face checkpoint folder.
struct LoadedModel {
    var model: LanguageModel
    var tokenizer: Tokenizer
    /// Token ids that end a generation: the tokenizer's end-of-turn tokens plus the config's EOS ids.
    var stopTokens: Set<Int>
    var weightsSHA256: String
    /// The vision tower of an InternVL-family checkpoint folder (nil: text only).
    var vision: VisionFrontEnd? = nil
    /// Recorded in the model identity (architecture, format, …).
    var details: [String: String]

    /// Loads a `.gguf` file, or a folder with config.json, `*.safetensors` and tokenizer.json.
    ///
    /// - Parameters:
    ///   - path: The file or folder.
    ///   - floatWeights: How a checkpoint folder's F32/F16/BF16 weights are held (f32, or Q8_0 for speed).
    ///   - threads: Threads of the vision tower's forward passes (vision checkpoints).
    ///   - kernels: The SIMD kernels of the vision tower.
    ///   - checksums: The cache of the weights' SHA-256.
    /// - Throws: The loaders' errors, naming the file that is missing, truncated or unsupported.
    static func load(path: String, floatWeights: WeightMatrix.FloatWeights = .f32, threads: Int, kernels: KernelSet, checksums: ChecksumCache) throws -> LoadedModel {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            let gguf = try GGUFFile(path: path)
            let model = try LanguageModel(gguf: gguf)
            let tokenizer = try Tokenizer(gguf: gguf)
            return LoadedModel(
                model: model, tokenizer: tokenizer, stopTokens: tokenizer.endOfGeneration,
                weightsSHA256: try checksums.sha256(ofFileAt: path),
                details: [
                    "architecture": model.config.architecture, "format": "gguf",
                    "file_type": (try? gguf.int("general.file_type")).flatMap { $0 }.map(String.init) ?? "unknown",
                    "weights": EngineBackend.weightTypeName(gguf),
                ])
        }
        let folder = URL(fileURLWithPath: path)
        let model = try LanguageModel(huggingFaceFolder: folder, weights: floatWeights)
        let tokenizer = try Tokenizer(huggingFaceFolder: folder)
        let vision = VisionFrontEnd.isVisionCheckpoint(folder) ? try VisionFrontEnd(folder: folder, tokenizer: tokenizer, threads: threads, kernels: kernels) : nil
        return LoadedModel(
            model: model, tokenizer: tokenizer, stopTokens: tokenizer.endOfGeneration.union(model.config.endOfGenerationIds),
            weightsSHA256: try checksums.sha256(ofCheckpoint: model.sourceFiles),
            vision: vision,
            details: ["architecture": model.config.architecture, "format": "safetensors", "weights": floatWeights.rawValue + " (converted at load)"])
    }
}

extension EngineBackend {
    /// The vision settings recorded in the model identity (they change what the model sees).
    static func visionDetails(_ vision: VisionFrontEnd) -> [String: String] {
        let p = vision.preprocessor
        return ["vision": "internvl", "vision_tile": String(p.imageSize), "vision_tiles": "\(p.minTiles)-\(p.maxTiles)",
                "vision_thumbnail": String(p.useThumbnail), "vision_tokens_per_tile": String(vision.model.tokensPerTile)]
    }

    /// How a checkpoint folder's float weights are held (`f32` or `q8_0`), for callers that do not import the engine.
    public typealias FolderWeights = WeightMatrix.FloatWeights
}

extension EngineBackend {
    /// The kernel set `PROCTOR_KERNELS` names (the fastest this CPU runs when it is unset).
    ///
    /// - Throws: `ProctorError` (`.invalidArgument`) naming the value and the sets this CPU runs.
    public static func environmentKernels() throws -> KernelSet {
        do {
            return try KernelSet.fromEnvironment(ProcessInfo.processInfo.environment)
        } catch let error as KernelSetError {
            throw ProctorError(.invalidArgument, error.message, underlying: error)
        }
    }

    /// The engine threads used when none are asked for: one per physical core (hyper-threads add nothing to the
    /// engine's kernels), or every logical processor when the CPU topology cannot be read.
    public static var defaultThreadCount: Int { ProcessorTopology.physicalCoreCount() }

    /// The `--threads` help text, so that the CLI says what the default really is.
    public static var threadsHelp: String {
        "Engine threads (default: one per physical core, \(defaultThreadCount) on this machine)."
    }
}

extension EngineBackend {
    /// The weights' format as reports name it (`GGUF Q4_1`): the ggml type held by most matrices of the file.
    static func weightTypeName(_ gguf: GGUFFile) -> String {
        var counts: [String: Int] = [:]
        for tensor in gguf.tensors where tensor.shape.count >= 2 { counts[tensor.type.name, default: 0] += 1 }
        let top = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        return "GGUF " + (top ?? "without matrices")
    }
}
