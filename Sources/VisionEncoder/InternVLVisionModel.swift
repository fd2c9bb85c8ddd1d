import EngineThreads
import Foundation
import SafeTensors

/// The InternVL / Skywork-R1V vision front end in float32: InternViT (patch embedding, CLS token, learned
/// positions, pre-norm blocks with RMSNorm or LayerNorm, qk-norm, layer-scale, GELU MLP), pixel shuffle and the
/// MLP projector (LayerNorm → Linear → GELU → Linear) that maps each tile to `tokensPerTile` text embeddings.
///
/// ```swift
/// let model = try InternVLVisionModel(folder: checkpointFolder)
/// let features = try model.imageFeatures(pixels: tiles, tileCount: n)   // [n · tokensPerTile · textHidden]
/// ```
/// The engine writes these rows, in order, over the embeddings of the `<IMG_CONTEXT>` tokens.
public struct InternVLVisionModel: Sendable {
    /// The configuration.
    public let config: InternVLConfig
    let weights: InternViTWeights
    private let visionActivation: @Sendable (Float) -> Float
    private let projectorActivation: @Sendable (Float) -> Float
    /// Threads of the pool a forward pass starts when it is given none.
    public let threads: Int
    /// The SIMD kernels of the tower's matrix products.
    public let kernels: KernelSet

    /// Loads the vision tower and projector of a checkpoint folder (`config.json` + safetensors).
    ///
    /// - Parameter folder: The checkpoint folder.
    /// - Throws: ``VisionEncoderError`` or `SafeTensorsError` naming the file and tensor that is missing or
    ///   has the wrong shape.
    ///   - threads: Threads per forward pass (default: 2, or all cores if fewer).
    ///   - kernels: The SIMD kernels (default: the fastest this CPU runs).
    public init(folder: URL, threads: Int? = nil, kernels: KernelSet = .best) throws {
        try self.init(checkpoint: SafeTensorsCheckpoint(folder: folder), config: InternVLConfig.load(folder: folder), threads: threads,
                      kernels: kernels)
    }

    /// Builds the model from opened weights.
    ///
    /// - Parameters:
    ///   - checkpoint: The weights.
    ///   - config: The configuration.
    ///   - threads: Threads per forward pass (default: 2, or all cores if fewer).
    ///   - kernels: The SIMD kernels (default: the fastest this CPU runs).
    /// - Throws: As ``init(folder:)``.
    public init(checkpoint: SafeTensorsCheckpoint, config: InternVLConfig, threads: Int? = nil, kernels: KernelSet = .best) throws {
        guard config.vision.hiddenSize % config.vision.numAttentionHeads == 0 else {
            throw VisionEncoderError("vision hidden_size \(config.vision.hiddenSize) is not a multiple of num_attention_heads \(config.vision.numAttentionHeads)")
        }
        guard ["rms_norm", "layer_norm"].contains(config.vision.normType) else {
            throw VisionEncoderError("vision norm_type \"\(config.vision.normType)\" is not supported (rms_norm, layer_norm)")
        }
        guard config.vision.useMeanPooling else {
            throw VisionEncoderError("use_mean_pooling = false (a final vision LayerNorm) is not supported; InternViT checkpoints use true")
        }
        self.config = config
        self.kernels = kernels
        self.threads = max(1, threads ?? min(2, ProcessInfo.processInfo.activeProcessorCount))
        self.weights = try InternViTWeights(checkpoint: checkpoint, config: config)
        visionActivation = try FloatMath.activation(config.vision.hiddenAct)
        projectorActivation = try FloatMath.activation(config.projectorHiddenAct)
    }

    /// Image tokens per tile.
    public var tokensPerTile: Int { config.tokensPerTile }
    /// The width of the projected features (the language model's hidden size).
    public var outputWidth: Int { weights.textHidden }

    /// Runs the vision tower.
    ///
    /// - Parameters:
    ///   - pixels: Normalized tiles, `[tileCount, 3, imageSize, imageSize]` row-major (channels first).
    ///   - tileCount: The number of tiles.
    ///   - layers: How many encoder layers to run (default: up to `vision_feature_layer`).
    ///   - pool: The threads to run on (the engine's pool; nil: a pool of ``threads`` for this call).
    /// - Returns: The hidden states `[tileCount, 1 + patches, hidden]`, CLS first.
    /// - Throws: ``VisionEncoderError`` when `pixels` has the wrong size.
    public func hiddenStates(pixels: [Float], tileCount: Int, layers: Int? = nil, pool: ThreadPool? = nil) throws -> [Float] {
        let side = config.vision.imageSize
        guard tileCount > 0, pixels.count == tileCount * 3 * side * side else {
            throw VisionEncoderError("expected \(tileCount) tiles of 3×\(side)×\(side) pixels (\(tileCount * 3 * side * side) floats), got \(pixels.count)")
        }
        let total = config.vision.numHiddenLayers
        let feature = config.visionFeatureLayer
        let count = layers ?? (feature < 0 ? total + 1 + feature : feature)
        guard (0...total).contains(count) else {
            throw VisionEncoderError("vision_feature_layer \(feature) is outside the \(total) layers")
        }
        let pool = try pool ?? ThreadPool(threads: threads)
        var result: [Float] = []
        for tile in 0..<tileCount {
            var x = embed(Array(pixels[(tile * 3 * side * side)..<((tile + 1) * 3 * side * side)]), pool: pool)
            for layer in weights.layers.prefix(count) { x = block(x, layer, pool: pool) }
            result += x
        }
        return result
    }

    /// Runs the whole front end.
    ///
    /// - Parameters:
    ///   - pixels: Normalized tiles, `[tileCount, 3, imageSize, imageSize]`.
    ///   - tileCount: The number of tiles.
    ///   - pool: The threads to run on (the engine's pool; nil: one pool of ``threads`` for the whole call).
    /// - Returns: `[tileCount · tokensPerTile, outputWidth]` features, tile by tile.
    /// - Throws: ``VisionEncoderError`` when `pixels` has the wrong size.
    public func imageFeatures(pixels: [Float], tileCount: Int, pool: ThreadPool? = nil) throws -> [Float] {
        let pool = try pool ?? ThreadPool(threads: threads)
        let hidden = try hiddenStates(pixels: pixels, tileCount: tileCount, pool: pool)
        let c = config.vision.hiddenSize
        let grid = config.patchesPerSide
        let positions = grid * grid + 1
        var result: [Float] = []
        for tile in 0..<tileCount {
            let patches = Array(hidden[(tile * positions + 1) * c..<(tile + 1) * positions * c])
            result += project(PixelShuffle.apply(patches, side: grid, channels: c, ratio: config.downsampleRatio), pool: pool)
        }
        return result
    }

    /// Patch embedding, CLS token and position embeddings for one tile.
    private func embed(_ tile: [Float], pool: ThreadPool) -> [Float] {
        let c = config.vision.hiddenSize
        let p = config.vision.patchSize
        let side = config.vision.imageSize
        let grid = config.patchesPerSide
        var patches = [Float](repeating: 0, count: grid * grid * 3 * p * p)
        var index = 0
        for py in 0..<grid {
            for px in 0..<grid {
                for channel in 0..<3 {
                    for ky in 0..<p {
                        let row = (channel * side + py * p + ky) * side + px * p
                        for kx in 0..<p {
                            patches[index] = tile[row + kx]
                            index += 1
                        }
                    }
                }
            }
        }
        let embedded = FloatMath.linear(patches, rows: grid * grid, weight: weights.patchWeight, bias: weights.patchBias,
                                        inFeatures: 3 * p * p, outFeatures: c, pool: pool, kernels: kernels)
        var x = weights.classEmbedding + embedded
        for i in x.indices { x[i] += weights.positionEmbedding[i] }
        return x
    }

    private func norm(_ x: [Float], _ norm: InternViTWeights.Norm) -> [Float] {
        let eps = Float(config.vision.layerNormEps)
        let c = config.vision.hiddenSize
        if config.vision.normType == "rms_norm" { return FloatMath.rmsNorm(x, width: c, weight: norm.weight, eps: eps) }
        return FloatMath.layerNorm(x, width: c, weight: norm.weight, bias: norm.bias, eps: eps)
    }

    /// One pre-norm encoder block with layer-scale on both residual branches.
    private func block(_ x: [Float], _ layer: InternViTWeights.Layer, pool: ThreadPool) -> [Float] {
        let c = config.vision.hiddenSize
        let rows = x.count / c
        let attended = attention(norm(x, layer.norm1), layer, rows: rows, pool: pool)
        var h = x
        for i in h.indices { h[i] += attended[i] * (layer.ls1?[i % c] ?? 1) }
        let inner = FloatMath.linear(norm(h, layer.norm2), rows: rows, weight: layer.fc1, bias: layer.fc1Bias,
                                     inFeatures: c, outFeatures: config.vision.intermediateSize, pool: pool, kernels: kernels).map(visionActivation)
        let mlp = FloatMath.linear(inner, rows: rows, weight: layer.fc2, bias: layer.fc2Bias,
                                   inFeatures: config.vision.intermediateSize, outFeatures: c, pool: pool, kernels: kernels)
        for i in h.indices { h[i] += mlp[i] * (layer.ls2?[i % c] ?? 1) }
        return h
    }

    /// Bidirectional multi-head self-attention with optional RMSNorm on the full-width q and k; the (head, query row)
    /// jobs are dealt out to the pool's threads, each writing its own slice of the output.
    private func attention(_ x: [Float], _ layer: InternViTWeights.Layer, rows: Int, pool: ThreadPool) -> [Float] {
        let c = config.vision.hiddenSize
        let heads = config.vision.numAttentionHeads
        let d = c / heads
        let eps = Float(config.vision.layerNormEps)
        var q = FloatMath.linear(x, rows: rows, weight: layer.q, bias: layer.qBias, inFeatures: c, outFeatures: c, pool: pool, kernels: kernels)
        var k = FloatMath.linear(x, rows: rows, weight: layer.k, bias: layer.kBias, inFeatures: c, outFeatures: c, pool: pool, kernels: kernels)
        let v = FloatMath.linear(x, rows: rows, weight: layer.v, bias: layer.vBias, inFeatures: c, outFeatures: c, pool: pool, kernels: kernels)
        if let qNorm = layer.qNorm { q = FloatMath.rmsNorm(q, width: c, weight: qNorm, eps: eps) }
        if let kNorm = layer.kNorm { k = FloatMath.rmsNorm(k, width: c, weight: kNorm, eps: eps) }
        let scale = 1 / Float(d).squareRoot()
        // Each head's queries, keys and values gathered contiguously ([head][row][d]): a head's keys then fit in the
        // cache, where rows `c` apart made every score a cache and TLB miss.
        let gather = { (m: [Float]) -> [Float] in
            var out = [Float](repeating: 0, count: rows * c)
            for r in 0..<rows {
                for h in 0..<heads {
                    for e in 0..<d { out[(h * rows + r) * d + e] = m[r * c + h * d + e] }
                }
            }
            return out
        }
        let qh = gather(q), kh = gather(k), vh = gather(v)
        var output = [Float](repeating: 0, count: rows * c)
        qh.withUnsafeBufferPointer { qp in
            kh.withUnsafeBufferPointer { kp in
                vh.withUnsafeBufferPointer { vp in
                    output.withUnsafeMutableBufferPointer { op in
                        guard let vBase = vp.baseAddress, let out = op.baseAddress else { return }
                        pool.run { ith, nth in
                            var scores = [Float](repeating: 0, count: rows)
                            for job in stride(from: ith, to: heads * rows, by: nth) {
                                let head = job / rows, i = job % rows
                                let keys = head * rows * d
                                for j in 0..<rows {
                                    scores[j] = FloatMath.dot(qp, (head * rows + i) * d, kp, keys + j * d, d) * scale
                                }
                                FloatMath.softmax(&scores)
                                for j in 0..<rows {
                                    FloatMath.addScaled(scores[j], vBase + keys + j * d, into: out + i * c + head * d, count: d)
                                }
                            }
                        }
                    }
                }
            }
        }
        return FloatMath.linear(output, rows: rows, weight: layer.proj, bias: layer.projBias, inFeatures: c, outFeatures: c, pool: pool, kernels: kernels)
    }

    /// The projector: LayerNorm (eps 1e-5) → Linear → activation → Linear.
    private func project(_ x: [Float], pool: ThreadPool) -> [Float] {
        let width = weights.projectorNorm.weight.count
        let rows = x.count / width
        let normed = FloatMath.layerNorm(x, width: width, weight: weights.projectorNorm.weight, bias: weights.projectorNorm.bias, eps: 1e-5)
        let hidden = FloatMath.linear(normed, rows: rows, weight: weights.projector1, bias: weights.projector1Bias,
                                      inFeatures: width, outFeatures: weights.projectorHidden, pool: pool, kernels: kernels).map(projectorActivation)
        return FloatMath.linear(hidden, rows: rows, weight: weights.projector2, bias: weights.projector2Bias,
                                inFeatures: weights.projectorHidden, outFeatures: weights.textHidden, pool: pool, kernels: kernels)
    }
}

/// InternVL's pixel shuffle (ps_version v2): `[side, side, C]` → `[side·r, side·r, C/r²]`, flattened row-major.
public enum PixelShuffle {
    /// Applies the shuffle.
    ///
    /// Output token (a, b), channel ch comes from input (2a + ch / 2C, 2b + (ch mod 2C) / C), channel ch mod C
    /// for ratio 0.5 (generally 1/r rows and columns merged).
    ///
    /// - Parameters:
    ///   - x: Patch features `[side · side, channels]`, row-major over the patch grid.
    ///   - side: Patches per side.
    ///   - channels: Channels per patch.
    ///   - ratio: The downsample ratio (0.5).
    /// - Returns: `[(side·r)², channels / r²]`.
    public static func apply(_ x: [Float], side: Int, channels: Int, ratio: Double) -> [Float] {
        let factor = Int((1 / ratio).rounded())
        let outSide = side / factor
        let outChannels = channels * factor * factor
        var y = [Float](repeating: 0, count: outSide * outSide * outChannels)
        for a in 0..<outSide {
            for b in 0..<outSide {
                for ch in 0..<outChannels {
                    let row = factor * a + ch / (factor * channels)
                    let column = factor * b + (ch % (factor * channels)) / channels
                    y[(a * outSide + b) * outChannels + ch] = x[(row * side + column) * channels + ch % channels]
                }
            }
        }
        return y
    }
}
