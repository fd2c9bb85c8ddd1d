import Foundation

/// Reading the hyperparameters of a Hugging Face checkpoint folder (`config.json`, `generation_config.json`).
extension ModelConfig {
    /// The `architectures` entries the engine loads, with the engine's architecture name.
    public static let huggingFaceArchitectures = ["Qwen2ForCausalLM": "qwen2", "LlamaForCausalLM": "llama"]
    /// The `model_type` values accepted when a nested language-model config names no architecture.
    static let huggingFaceModelTypes = ["qwen2": "qwen2", "llama": "llama"]

    /// Reads the configuration of a Hugging Face checkpoint folder.
    ///
    /// Plain causal language models (`Qwen2ForCausalLM`, `LlamaForCausalLM`) use `config.json` itself; vision-
    /// language checkpoints (InternVL-chat and Skywork-R1V: `llm_config`; transformers' InternVL: `text_config`)
    /// use their nested language-model config. End-of-generation ids come from `eos_token_id` in both config
    /// files. HF Llama weights are not permuted the way llama.cpp's converter permutes them, so every HF model
    /// rotates NeoX-style (pairs i, i + d/2), as transformers does.
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Returns: The configuration and whether the output head is tied to the token embeddings.
    /// - Throws: `EngineError` naming `config.json` when it is missing, malformed, or describes an architecture
    ///   or option the engine does not support.
    public static func load(huggingFaceFolder folder: URL) throws -> (config: ModelConfig, tiedEmbeddings: Bool) {
        let file = folder.appendingPathComponent("config.json").path
        guard FileManager.default.fileExists(atPath: file) else {
            throw EngineError(.unsupported, "\(file) is missing: a Hugging Face checkpoint folder needs config.json next to its *.safetensors files")
        }
        guard let data = FileManager.default.contents(atPath: file),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw EngineError(.unsupported, "\(file) is not a JSON object; re-download config.json")
        }
        let nested = (root["llm_config"] as? [String: Any]) ?? (root["text_config"] as? [String: Any])
        let text = nested ?? root
        let architectures = (text["architectures"] as? [String]) ?? []
        let arch = architectures.lazy.compactMap { huggingFaceArchitectures[$0] }.first
            ?? (architectures.isEmpty && nested != nil ? (text["model_type"] as? String).flatMap { huggingFaceModelTypes[$0] } : nil)
        guard let arch else {
            let named = architectures.isEmpty ? (root["architectures"] as? [String] ?? []) : architectures
            throw EngineError(.unsupported, "\(file): architecture \(named.isEmpty ? "(none named)" : named.joined(separator: ", ")) is not supported; the engine loads \(huggingFaceArchitectures.keys.sorted().joined(separator: ", ")) and the language model of InternVL/Skywork-R1V checkpoints (llm_config or text_config)")
        }
        var config = try ModelConfig(huggingFace: text, architecture: arch, file: file)
        // transformers' InternVL ties by its top-level flag; InternVL-chat's remote code builds the language model
        // from llm_config alone, so there the nested flag decides.
        let topLevelTie = root["text_config"] != nil ? root["tie_word_embeddings"] as? Bool : nil
        let tied = topLevelTie ?? (text["tie_word_embeddings"] as? Bool) ?? false
        var eos = Set(Self.ids(text["eos_token_id"]) + Self.ids(root["eos_token_id"]))
        let generation = folder.appendingPathComponent("generation_config.json")
        if let data = FileManager.default.contents(atPath: generation.path) {
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw EngineError(.unsupported, "\(generation.path) is not a JSON object; fix or delete it")
            }
            eos.formUnion(Self.ids(object["eos_token_id"]))
        }
        config.endOfGenerationIds = eos.filter { $0 >= 0 && $0 < config.vocabSize }
        return (config, tied)
    }

    /// Reads the hyperparameters of one (language-model) config object.
    init(huggingFace text: [String: Any], architecture arch: String, file: String) throws {
        func int(_ key: String) throws -> Int {
            guard let value = (text[key] as? NSNumber)?.intValue else {
                throw EngineError(.unsupported, "\(file): `\(key)` is missing or not a number; the config is incomplete")
            }
            return value
        }
        func number(_ key: String, in object: [String: Any]? = nil) -> Double? { ((object ?? text)[key] as? NSNumber)?.doubleValue }
        if let act = text["hidden_act"] as? String, act != "silu" {
            throw EngineError(.unsupported, "\(file): hidden_act \(act) is not supported (silu is)")
        }
        let ropeSettings = (text["rope_scaling"] as? [String: Any]) ?? (text["rope_parameters"] as? [String: Any])
        let ropeType = (ropeSettings?["rope_type"] ?? ropeSettings?["type"]) as? String ?? "default"
        guard ropeType == "default" || ropeType == "llama3" else {
            throw EngineError(.unsupported, "\(file): RoPE scaling `\(ropeType)` is not supported (unscaled and llama3 are)")
        }
        if (text["use_sliding_window"] as? Bool) == true {
            throw EngineError(.unsupported, "\(file): use_sliding_window is true; sliding-window attention is not supported for Hugging Face checkpoints")
        }
        architecture = arch
        layerCount = try int("num_hidden_layers")
        embeddingLength = try int("hidden_size")
        feedForwardLength = try int("intermediate_size")
        headCount = try int("num_attention_heads")
        kvHeadCount = (text["num_key_value_heads"] as? NSNumber)?.intValue ?? headCount
        headDim = (text["head_dim"] as? NSNumber)?.intValue ?? embeddingLength / max(headCount, 1)
        vocabSize = try int("vocab_size")
        contextLength = (text["max_position_embeddings"] as? NSNumber)?.intValue ?? 4096
        rmsEpsilon = Float(number("rms_norm_eps") ?? 1e-6)
        let parameters = text["rope_parameters"] as? [String: Any]
        ropeBase = Float(number("rope_theta") ?? number("rope_theta", in: parameters) ?? number("rope_theta", in: ropeSettings) ?? 10_000)
        ropeBaseLocal = ropeBase
        ropeNeox = true
        slidingWindow = 0
        slidingWindowPattern = 0
        isGemma = false
        attentionScale = 1 / Float(headDim).squareRoot()
        if ropeType == "llama3", let settings = ropeSettings {
            ropeFrequencyScales = try Self.llama3FrequencyScales(settings, base: Double(ropeBase), headDim: headDim, file: file)
        }
        try validate(file)
    }

    /// Llama 3's RoPE scaling (transformers' `_compute_llama3_parameters`): frequencies whose wavelength exceeds
    /// `original_max_position_embeddings / low_freq_factor` are divided by `factor`, those shorter than
    /// `… / high_freq_factor` are kept, and the band between is interpolated.
    ///
    /// - Returns: Per rotary pair, the factor on its frequency.
    /// - Throws: `EngineError` naming `file` when a setting is missing.
    static func llama3FrequencyScales(_ settings: [String: Any], base: Double, headDim: Int, file: String) throws -> [Float] {
        func value(_ key: String) throws -> Double {
            guard let number = (settings[key] as? NSNumber)?.doubleValue else {
                throw EngineError(.unsupported, "\(file): llama3 RoPE scaling lacks `\(key)`")
            }
            return number
        }
        let factor = try value("factor"), low = try value("low_freq_factor"), high = try value("high_freq_factor")
        let context = try value("original_max_position_embeddings")
        return (0..<(headDim / 2)).map { i in
            let frequency = pow(base, -2 * Double(i) / Double(headDim))
            let wavelength = 2 * Double.pi / frequency
            if wavelength < context / high { return 1 }
            if wavelength > context / low { return Float(1 / factor) }
            let smooth = (context / wavelength - low) / (high - low)
            return Float((1 - smooth) / factor + smooth)
        }
    }

    /// Token ids from an `eos_token_id` value (a number or a list of numbers).
    static func ids(_ value: Any?) -> [Int] {
        if let number = value as? NSNumber { return [number.intValue] }
        return ((value as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.intValue }
    }
}
