import EngineThreads
import Foundation
import ImageCodec
import ProctorCore
import TextTokenizers
import VisionEncoder

/// The image side of an InternVL-family checkpoint (transformers' `InternVLForConditionalGeneration`, InternVL-chat,
/// Skywork-R1V): the vision tower and projector, the tiling settings, and the token block each image becomes in
/// the prompt (`<img>` + `<IMG_CONTEXT>` × tokens per tile × tiles + `</img>`).
struct VisionFrontEnd: Sendable {
    /// One decoded, tiled image.
    struct PreparedImage: Sendable {
        var pixels: [Float]
        var tileCount: Int
    }

    let model: InternVLVisionModel
    let preprocessor: InternVLPreprocessor
    /// `<img>`, `</img>`, `<IMG_CONTEXT>` as the tokenizer spells them.
    let startToken: String, endToken: String, contextToken: String
    /// The id whose embeddings the image features replace.
    let contextID: Int

    /// Whether a checkpoint folder is a vision-language model (its config.json has a `vision_config`).
    static func isVisionCheckpoint(_ folder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("config.json").path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return root["vision_config"] is [String: Any]
    }

    /// Loads the vision tower of an InternVL-family folder and finds its image tokens.
    ///
    /// The context token is config.json's `image_token_id` (transformers' naming) or the tokenizer's
    /// `<IMG_CONTEXT>` (InternVL-chat's constant); the start and end tokens are tokenizer_config.json's
    /// `start_image_token` / `end_image_token` (top-level or in `extra_special_tokens`), else `<img>` / `</img>`. Each must be one token of the tokenizer.
    ///
    /// - Parameters:
    ///   - threads: Threads of each vision forward pass (the engine's thread count).
    ///   - kernels: The SIMD kernels of the tower (the engine's set).
    /// - Throws: `ProctorError` naming the file and what is missing or inconsistent.
    init(folder: URL, tokenizer: Tokenizer, threads: Int, kernels: KernelSet) throws {
        do {
            model = try InternVLVisionModel(folder: folder, threads: threads, kernels: kernels)
            preprocessor = try InternVLPreprocessor(checkpointFolder: folder, config: model.config)
        } catch {
            throw ProctorError(.unsupported, "\(folder.path) has a vision_config but its vision tower cannot be loaded: \(error). The engine supports InternViT towers with a pixel-shuffle MLP projector (InternVL, Skywork-R1V)", underlying: error)
        }
        let root = Self.object(folder.appendingPathComponent("config.json"))
        if let version = root["ps_version"] as? String, version != "v2" {
            throw ProctorError(.unsupported, "\(folder.path)/config.json: ps_version \(version) is not supported; the engine's pixel shuffle is InternVL's v2 (InternVL 1.5 and later)")
        }
        // transformers keeps these as top-level keys or inside `extra_special_tokens` (InternVL-HF checkpoints).
        let tokenizerConfig = Self.object(folder.appendingPathComponent("tokenizer_config.json"))
        let names = (tokenizerConfig["extra_special_tokens"] as? [String: Any] ?? [:]).merging(tokenizerConfig) { $1 }
        startToken = names["start_image_token"] as? String ?? "<img>"
        endToken = names["end_image_token"] as? String ?? "</img>"
        let configuredID = root["image_token_id"] as? Int
        contextToken = names["context_image_token"] as? String
            ?? configuredID.flatMap { tokenizer.tokenText($0) } ?? "<IMG_CONTEXT>"
        for token in [startToken, endToken, contextToken] where tokenizer.id(of: token) == nil {
            throw ProctorError(.invalidInput, "\(folder.path): the tokenizer has no \(token) token, which InternVL prompts put around and inside each image; use the checkpoint's own tokenizer.json")
        }
        let id = tokenizer.id(of: contextToken) ?? -1
        if let configuredID, configuredID != id {
            throw ProctorError(.invalidInput, "\(folder.path)/config.json: image_token_id \(configuredID) is not the tokenizer's \(contextToken) (\(id)); the config and tokenizer.json belong to different checkpoints")
        }
        contextID = id
        if let length = root["image_seq_length"] as? Int, length != model.tokensPerTile {
            throw ProctorError(.invalidInput, "\(folder.path)/config.json: image_seq_length \(length) disagrees with the vision tower's \(model.tokensPerTile) tokens per tile (image_size / patch_size and downsample_ratio); fix the config")
        }
    }

    /// Decodes and tiles an image.
    ///
    /// - Throws: `ProctorError` naming the image when it is corrupt, truncated or not a JPEG/PNG.
    func prepare(_ image: ImageAttachment) throws -> PreparedImage {
        let decoded = try ImageDecoder.decode(image.data, name: image.name)
        do {
            let (pixels, tileCount) = try preprocessor.pixelValues(decoded)
            return PreparedImage(pixels: pixels, tileCount: tileCount)
        } catch {
            throw ProctorError(.invalidInput, "image \(image.name) could not be tiled for the vision tower: \(error)", underlying: error)
        }
    }

    /// The prompt text an image becomes (InternVL's `<img>` + `<IMG_CONTEXT>` × n + `</img>`).
    func block(tileCount: Int) -> String {
        startToken + String(repeating: contextToken, count: tileCount * model.tokensPerTile) + endToken
    }

    /// Runs the vision tower and projector: `tileCount · tokensPerTile` rows of the LLM's hidden size.
    ///
    /// - Throws: `ProctorError` (`.backend`) when the encoder fails.
    /// - Parameter pool: The threads to run on (the engine's pool).
    func features(_ image: PreparedImage, name: String, pool: ThreadPool) throws -> [Float] {
        do {
            return try model.imageFeatures(pixels: image.pixels, tileCount: image.tileCount, pool: pool)
        } catch {
            throw ProctorError(.backend, "the vision tower failed on image \(name): \(error)", underlying: error)
        }
    }

    private static func object(_ url: URL) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
