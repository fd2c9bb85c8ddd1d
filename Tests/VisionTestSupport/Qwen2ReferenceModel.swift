import Foundation
import InferenceEngine
import SafeTensors
import VisionEncoder

/// A float32 reference Qwen2 decoder (q/k/v biases, NeoX RoPE, grouped-query attention, SwiGLU, tied or separate
/// LM head), with image features written over the image-token embeddings as InternVL does.
///
/// It recomputes the whole sequence per call: meant for tests and tiny checkpoints, not for speed. It lives in a
/// test-support target so that the shipped `VisionEncoder` carries no test-only model; its hyperparameters come from
/// the engine's one Hugging Face config reader (`ModelConfig.load(huggingFaceFolder:)`).
public struct Qwen2ReferenceModel: Sendable {
    /// The configuration.
    public let config: ModelConfig
    private let weights: Qwen2Weights

    /// Loads the language model of a checkpoint folder (plain Qwen2, or the LLM inside an InternVL checkpoint).
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Throws: The engine's `EngineError` for the config, ``ReferenceModelError`` or `SafeTensorsError` naming
    ///   the file and tensor.
    public init(folder: URL) throws {
        let (config, _) = try ModelConfig.load(huggingFaceFolder: folder)
        try self.init(checkpoint: SafeTensorsCheckpoint(folder: folder), config: config)
    }

    /// Builds the model from opened weights.
    ///
    /// - Throws: ``ReferenceModelError`` for a shape this reference cannot run or a missing tensor.
    public init(checkpoint: SafeTensorsCheckpoint, config: ModelConfig) throws {
        guard config.architecture == "qwen2", config.ropeNeox, config.ropeFrequencyScales == nil else {
            throw ReferenceModelError("the reference decoder runs plain Qwen2 (unscaled NeoX RoPE), not \(config.architecture)")
        }
        guard config.kvHeadCount > 0, config.headCount % config.kvHeadCount == 0, config.headDim % 2 == 0 else {
            throw ReferenceModelError("num_attention_heads \(config.headCount) must be a multiple of num_key_value_heads \(config.kvHeadCount), with an even head_dim")
        }
        self.config = config
        self.weights = try Qwen2Weights(checkpoint: checkpoint, config: config)
    }

    /// Logits at every position.
    ///
    /// - Parameters:
    ///   - tokens: The input ids.
    ///   - imageTokenID: The id whose embeddings are replaced by image features (InternVL: `<IMG_CONTEXT>`).
    ///   - imageFeatures: `[count, hidden]` features for the image-token positions, in order.
    /// - Returns: `[tokens.count, vocabSize]` logits.
    /// - Throws: ``ReferenceModelError`` for out-of-range ids or a feature count that differs from the image tokens.
    public func logits(tokens: [Int], imageTokenID: Int? = nil, imageFeatures: [Float] = []) throws -> [Float] {
        let h = config.embeddingLength
        var x = [Float]()
        x.reserveCapacity(tokens.count * h)
        for token in tokens {
            guard (0..<config.vocabSize).contains(token) else { throw ReferenceModelError("token id \(token) is outside the vocabulary of \(config.vocabSize)") }
            x += weights.embedding[token * h..<(token + 1) * h]
        }
        if let imageTokenID {
            let positions = tokens.indices.filter { tokens[$0] == imageTokenID }
            guard imageFeatures.count == positions.count * h else {
                throw ReferenceModelError("\(positions.count) image tokens but \(imageFeatures.count / max(h, 1)) image feature rows")
            }
            for (row, position) in positions.enumerated() {
                x.replaceSubrange(position * h..<(position + 1) * h, with: imageFeatures[row * h..<(row + 1) * h])
            }
        }
        for layer in weights.layers { x = block(x, layer, count: tokens.count) }
        let normed = FloatMath.rmsNorm(x, width: h, weight: weights.norm, eps: config.rmsEpsilon)
        return FloatMath.linear(normed, rows: tokens.count, weight: weights.head, bias: nil, inFeatures: h, outFeatures: config.vocabSize)
    }

    /// Greedy decoding: appends the argmax token `steps` times.
    ///
    /// - Parameters:
    ///   - tokens: The prompt ids.
    ///   - steps: New tokens to generate.
    ///   - imageTokenID: See ``logits(tokens:imageTokenID:imageFeatures:)``.
    ///   - imageFeatures: See ``logits(tokens:imageTokenID:imageFeatures:)``.
    /// - Returns: The prompt followed by the generated ids.
    public func greedy(tokens: [Int], steps: Int, imageTokenID: Int? = nil, imageFeatures: [Float] = []) throws -> [Int] {
        var sequence = tokens
        for _ in 0..<steps {
            let all = try logits(tokens: sequence, imageTokenID: imageTokenID, imageFeatures: imageFeatures)
            let last = all[(sequence.count - 1) * config.vocabSize..<sequence.count * config.vocabSize]
            var best = last.startIndex
            for index in last.indices where last[index] > last[best] { best = index }
            sequence.append(best - last.startIndex)
        }
        return sequence
    }

    private func block(_ x: [Float], _ layer: Qwen2Weights.Layer, count: Int) -> [Float] {
        let h = config.embeddingLength
        let eps = config.rmsEpsilon
        let attended = attention(FloatMath.rmsNorm(x, width: h, weight: layer.inputNorm, eps: eps), layer, count: count)
        var y = x
        for i in y.indices { y[i] += attended[i] }
        let m = FloatMath.rmsNorm(y, width: h, weight: layer.postNorm, eps: eps)
        let f = config.feedForwardLength
        let gate = FloatMath.linear(m, rows: count, weight: layer.gate, bias: nil, inFeatures: h, outFeatures: f)
        let up = FloatMath.linear(m, rows: count, weight: layer.up, bias: nil, inFeatures: h, outFeatures: f)
        let inner = zip(gate, up).map { ($0 / (1 + exp(-$0))) * $1 }  // SwiGLU: silu(gate) · up
        let down = FloatMath.linear(inner, rows: count, weight: layer.down, bias: nil, inFeatures: f, outFeatures: h)
        for i in y.indices { y[i] += down[i] }
        return y
    }

    /// Causal grouped-query attention with NeoX rotary embeddings (pairs (i, i + d/2)).
    private func attention(_ x: [Float], _ layer: Qwen2Weights.Layer, count: Int) -> [Float] {
        let h = config.embeddingLength
        let d = config.headDim
        let heads = config.headCount
        let kvHeads = config.kvHeadCount
        var q = FloatMath.linear(x, rows: count, weight: layer.q, bias: layer.qBias, inFeatures: h, outFeatures: heads * d)
        var k = FloatMath.linear(x, rows: count, weight: layer.k, bias: layer.kBias, inFeatures: h, outFeatures: kvHeads * d)
        let v = FloatMath.linear(x, rows: count, weight: layer.v, bias: layer.vBias, inFeatures: h, outFeatures: kvHeads * d)
        Rope.neox(&q, count: count, heads: heads, headDim: d, theta: Double(config.ropeBase))
        Rope.neox(&k, count: count, heads: kvHeads, headDim: d, theta: Double(config.ropeBase))
        let scale = 1 / Float(d).squareRoot()
        var output = [Float](repeating: 0, count: count * heads * d)
        for head in 0..<heads {
            let kvHead = head / (heads / kvHeads)
            for i in 0..<count {
                var scores = [Float](repeating: 0, count: i + 1)
                for j in 0...i {
                    var dot: Float = 0
                    for e in 0..<d { dot += q[(i * heads + head) * d + e] * k[(j * kvHeads + kvHead) * d + e] }
                    scores[j] = dot * scale
                }
                FloatMath.softmax(&scores)
                for j in 0...i {
                    for e in 0..<d { output[(i * heads + head) * d + e] += scores[j] * v[(j * kvHeads + kvHead) * d + e] }
                }
            }
        }
        return FloatMath.linear(output, rows: count, weight: layer.o, bias: nil, inFeatures: heads * d, outFeatures: h)
    }
}

/// Rotary position embeddings.
enum Rope {
    /// NeoX style: element i of each head pairs with i + d/2; position p rotates pair i by p · θ^(−2i/d).
    static func neox(_ x: inout [Float], count: Int, heads: Int, headDim d: Int, theta: Double) {
        let half = d / 2
        for position in 0..<count {
            for i in 0..<half {
                let frequency = Float(1 / pow(theta, Double(2 * i) / Double(d)))
                let angle = Float(position) * frequency
                let (c, s) = (cos(angle), sin(angle))
                for head in 0..<heads {
                    let base = (position * heads + head) * d
                    let (a, b) = (x[base + i], x[base + i + half])
                    x[base + i] = a * c - b * s
                    x[base + i + half] = b * c + a * s
                }
            }
        }
    }
}

/// The error the reference decoder throws: what is wrong with the checkpoint or the inputs.
public struct ReferenceModelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
