import Foundation

/// The parts of an InternVL / Skywork-R1V `config.json` the vision front end needs, read from either the
/// Hugging Face-native layout (`InternVLForConditionalGeneration`: `vision_config.use_qk_norm`,
/// `vision_feature_layer`) or the original InternVL-chat layout (`vision_config.qk_normalization`, `select_layer`).
public struct InternVLConfig: Sendable, Hashable, Decodable {
    /// The vision tower's settings.
    public struct Vision: Sendable, Hashable, Decodable {
        public var hiddenSize: Int
        public var intermediateSize: Int
        public var numAttentionHeads: Int
        public var numHiddenLayers: Int
        /// Patch side in pixels (square patches).
        public var patchSize: Int
        /// Tile side in pixels (square tiles).
        public var imageSize: Int
        public var layerNormEps: Double
        /// `rms_norm` or `layer_norm`.
        public var normType: String
        /// RMSNorm over the full width of q and k before the heads split.
        public var qkNorm: Bool
        public var hiddenAct: String
        /// Whether the final norm is the identity (`use_mean_pooling`, always so in InternViT).
        public var useMeanPooling: Bool

        enum CodingKeys: String, CodingKey {
            case hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
            case numAttentionHeads = "num_attention_heads", numHiddenLayers = "num_hidden_layers"
            case patchSize = "patch_size", imageSize = "image_size", layerNormEps = "layer_norm_eps"
            case normType = "norm_type", useQKNorm = "use_qk_norm", qkNormalization = "qk_normalization"
            case hiddenAct = "hidden_act", useMeanPooling = "use_mean_pooling"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
            intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
            numAttentionHeads = try c.decode(Int.self, forKey: .numAttentionHeads)
            numHiddenLayers = try c.decode(Int.self, forKey: .numHiddenLayers)
            patchSize = try Self.side(c, .patchSize)
            imageSize = try Self.side(c, .imageSize)
            layerNormEps = try c.decodeIfPresent(Double.self, forKey: .layerNormEps) ?? 1e-6
            normType = try c.decodeIfPresent(String.self, forKey: .normType) ?? "rms_norm"
            qkNorm = try c.decodeIfPresent(Bool.self, forKey: .useQKNorm) ?? c.decodeIfPresent(Bool.self, forKey: .qkNormalization) ?? false
            hiddenAct = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "gelu"
            useMeanPooling = try c.decodeIfPresent(Bool.self, forKey: .useMeanPooling) ?? true
        }

        /// A size stored as `14` or `[14, 14]`.
        private static func side(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
            if let value = try? c.decode(Int.self, forKey: key) { return value }
            let pair = try c.decode([Int].self, forKey: key)
            guard let first = pair.first, pair.allSatisfy({ $0 == first }) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "only square sizes are supported, got \(pair)")
            }
            return first
        }
    }

    /// The vision tower's settings.
    public var vision: Vision
    /// Pixel-shuffle ratio (0.5 halves each side and quadruples the channels).
    public var downsampleRatio: Double
    /// The vision layer whose output feeds the projector (-1: the last).
    public var visionFeatureLayer: Int
    /// The projector's activation.
    public var projectorHiddenAct: String

    enum CodingKeys: String, CodingKey {
        case vision = "vision_config", downsampleRatio = "downsample_ratio"
        case visionFeatureLayer = "vision_feature_layer", selectLayer = "select_layer"
        case projectorHiddenAct = "projector_hidden_act"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vision = try c.decode(Vision.self, forKey: .vision)
        downsampleRatio = try c.decodeIfPresent(Double.self, forKey: .downsampleRatio) ?? 0.5
        visionFeatureLayer = try c.decodeIfPresent(Int.self, forKey: .visionFeatureLayer) ?? c.decodeIfPresent(Int.self, forKey: .selectLayer) ?? -1
        projectorHiddenAct = try c.decodeIfPresent(String.self, forKey: .projectorHiddenAct) ?? "gelu"
    }

    /// Reads `config.json` from a checkpoint folder.
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Returns: The configuration.
    /// - Throws: ``VisionEncoderError`` naming the file and the problem.
    public static func load(folder: URL) throws -> InternVLConfig {
        let url = folder.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VisionEncoderError("\(url.path) is missing; an InternVL checkpoint folder needs its config.json")
        }
        do {
            return try JSONDecoder().decode(InternVLConfig.self, from: data)
        } catch {
            throw VisionEncoderError("\(url.path) is not an InternVL config (\(error)); check vision_config")
        }
    }

    /// Patches per tile side.
    public var patchesPerSide: Int { vision.imageSize / vision.patchSize }

    /// Image tokens per tile after pixel shuffle (256 for 448-pixel tiles with 14-pixel patches).
    public var tokensPerTile: Int {
        let side = Int((Double(patchesPerSide) * downsampleRatio).rounded())
        return side * side
    }
}

/// The error the vision library throws: what went wrong and what to do.
public struct VisionEncoderError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do next.
    public var message: String
    /// Where in the library the error was raised.
    public var location: String

    /// Creates an error.
    ///
    /// - Parameter message: What went wrong and what to do next.
    public init(_ message: String, file: String = #fileID, line: Int = #line) {
        self.message = message
        self.location = "\(file):\(line)"
    }

    public var description: String { message }
}
