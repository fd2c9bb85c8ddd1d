import Foundation

/// The float32 building blocks of the vision tower and the reference text model (row-major matrices).
enum FloatMath {
    /// `y[r, o] = Σ_i x[r, i] · w[o, i] + b[o]` for `rows` rows: a PyTorch `Linear` with weight `[out, in]`.
    static func linear(_ x: [Float], rows: Int, weight: [Float], bias: [Float]?, inFeatures: Int, outFeatures: Int) -> [Float] {
        var y = [Float](repeating: 0, count: rows * outFeatures)
        x.withUnsafeBufferPointer { xp in
            weight.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    for r in 0..<rows {
                        let xr = r * inFeatures
                        for o in 0..<outFeatures {
                            let wo = o * inFeatures
                            var sum: Float = 0
                            for i in 0..<inFeatures { sum += xp[xr + i] * wp[wo + i] }
                            yp[r * outFeatures + o] = sum + (bias?[o] ?? 0)
                        }
                    }
                }
            }
        }
        return y
    }

    /// RMSNorm of each row: `x / sqrt(mean(x²) + eps) · w`.
    static func rmsNorm(_ x: [Float], width: Int, weight: [Float], eps: Float) -> [Float] {
        var y = x
        for start in stride(from: 0, to: x.count, by: width) {
            var sum: Float = 0
            for i in 0..<width { sum += x[start + i] * x[start + i] }
            let scale = 1 / (sum / Float(width) + eps).squareRoot()
            for i in 0..<width { y[start + i] = x[start + i] * scale * weight[i] }
        }
        return y
    }

    /// LayerNorm of each row: `(x - mean) / sqrt(var + eps) · w + b`.
    static func layerNorm(_ x: [Float], width: Int, weight: [Float], bias: [Float]?, eps: Float) -> [Float] {
        var y = x
        for start in stride(from: 0, to: x.count, by: width) {
            var mean: Float = 0
            for i in 0..<width { mean += x[start + i] }
            mean /= Float(width)
            var variance: Float = 0
            for i in 0..<width { variance += (x[start + i] - mean) * (x[start + i] - mean) }
            let scale = 1 / (variance / Float(width) + eps).squareRoot()
            for i in 0..<width { y[start + i] = (x[start + i] - mean) * scale * weight[i] + (bias?[i] ?? 0) }
        }
        return y
    }

    /// An activation by its Hugging Face name (`gelu` exact, `gelu_pytorch_tanh`/`gelu_new` tanh, `silu`).
    static func activation(_ name: String) throws -> @Sendable (Float) -> Float {
        switch name {
        case "gelu": return { x in 0.5 * x * (1 + erf(x / Float(2).squareRoot())) }
        case "gelu_pytorch_tanh", "gelu_new", "gelu_fast":
            return { x in 0.5 * x * (1 + tanh(0.797_884_56 * (x + 0.044_715 * x * x * x))) }
        case "silu", "swish": return { x in x / (1 + exp(-x)) }
        default: throw VisionEncoderError("activation \"\(name)\" is not supported (gelu, gelu_pytorch_tanh, silu)")
        }
    }

    /// Softmax of a row in place.
    static func softmax(_ row: inout [Float]) {
        let maximum = row.max() ?? 0
        var sum: Float = 0
        for i in row.indices { row[i] = exp(row[i] - maximum); sum += row[i] }
        for i in row.indices { row[i] /= sum }
    }
}
