import Foundation

/// A Qwen2 language model's shape, read from a plain Qwen2 `config.json`, from InternVL's `text_config`
/// (Hugging Face-native) or from InternVL-chat's `llm_config` (original Skywork-R1V layout).
public struct Qwen2Config: Sendable, Hashable, Decodable {
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var numAttentionHeads: Int
    public var numKeyValueHeads: Int
    public var numHiddenLayers: Int
    public var headDim: Int
    public var rmsNormEps: Double
    public var ropeTheta: Double
    public var vocabSize: Int
    public var hiddenAct: String

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
        case numAttentionHeads = "num_attention_heads", numKeyValueHeads = "num_key_value_heads"
        case numHiddenLayers = "num_hidden_layers", headDim = "head_dim", rmsNormEps = "rms_norm_eps"
        case ropeTheta = "rope_theta", ropeParameters = "rope_parameters", vocabSize = "vocab_size", hiddenAct = "hidden_act"
    }

    private struct RopeParameters: Decodable {
        var ropeTheta: Double?
        var ropeType: String?
        enum CodingKeys: String, CodingKey { case ropeTheta = "rope_theta", ropeType = "rope_type" }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
        intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
        numAttentionHeads = try c.decode(Int.self, forKey: .numAttentionHeads)
        numKeyValueHeads = try c.decodeIfPresent(Int.self, forKey: .numKeyValueHeads) ?? numAttentionHeads
        numHiddenLayers = try c.decode(Int.self, forKey: .numHiddenLayers)
        headDim = try c.decodeIfPresent(Int.self, forKey: .headDim) ?? hiddenSize / max(numAttentionHeads, 1)
        rmsNormEps = try c.decodeIfPresent(Double.self, forKey: .rmsNormEps) ?? 1e-6
        let rope = try c.decodeIfPresent(RopeParameters.self, forKey: .ropeParameters)
        if let type = rope?.ropeType, type != "default" {
            throw DecodingError.dataCorruptedError(forKey: .ropeParameters, in: c, debugDescription: "rope_type \(type) is not supported (default only)")
        }
        ropeTheta = try c.decodeIfPresent(Double.self, forKey: .ropeTheta) ?? rope?.ropeTheta ?? 10_000
        vocabSize = try c.decode(Int.self, forKey: .vocabSize)
        hiddenAct = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "silu"
    }

    /// Reads the language model's config from a checkpoint folder's `config.json` (`text_config`, `llm_config`
    /// or the top level).
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Returns: The configuration.
    /// - Throws: ``VisionEncoderError`` naming the file.
    public static func load(folder: URL) throws -> Qwen2Config {
        let url = folder.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw VisionEncoderError("\(url.path) is missing or not JSON; a Qwen2 checkpoint folder needs its config.json")
        }
        let section = (root["text_config"] ?? root["llm_config"] ?? root) as? [String: Any] ?? root
        do {
            return try JSONDecoder().decode(Qwen2Config.self, from: JSONSerialization.data(withJSONObject: section))
        } catch {
            throw VisionEncoderError("\(url.path): the language-model config cannot be read (\(error))")
        }
    }
}
