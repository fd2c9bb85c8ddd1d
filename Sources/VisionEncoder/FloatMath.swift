import CKernels
import Foundation
import EngineThreads

/// The float32 building blocks of the vision tower (row-major matrices); public so that the test-only reference
/// text model in `VisionTestSupport` computes with the same ones.
public enum FloatMath {
    /// `y[r, o] = Σ_i x[r, i] · w[o, i] + b[o]` for `rows` rows: a PyTorch `Linear` with weight `[out, in]`.
    ///
    /// The engine's f32 kernel of `kernels` (AVX-512 or AVX2/FMA when available) over 64 input rows at a time, so that they stay in the cache
    /// while every weight row passes over them; the output rows are shared among the pool's threads.
    ///
    /// - Returns: `rows × outFeatures` floats.
    public static func linear(_ x: [Float], rows: Int, weight: [Float], bias: [Float]?, inFeatures: Int, outFeatures: Int,
                              pool: ThreadPool? = nil, kernels: KernelSet = .best) -> [Float] {
        let matmul = kernels.table.pointee.matmul_f32!
        var y = [Float](repeating: 0, count: rows * outFeatures)
        x.withUnsafeBufferPointer { xp in
            weight.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    guard let xb = xp.baseAddress, let wb = wp.baseAddress, let yb = yp.baseAddress else { return }
                    let multiply = { (outputs: Range<Int>) in
                        guard !outputs.isEmpty else { return }
                        for v in stride(from: 0, to: rows, by: 64) {
                            matmul(wb, Int64(inFeatures), xb + v * inFeatures, Int64(min(64, rows - v)),
                                   yb + v * outFeatures, Int64(outFeatures), Int64(outputs.lowerBound), Int64(outputs.upperBound))
                        }
                    }
                    if let pool, pool.threads > 1 {
                        pool.run { ith, nth in multiply(ThreadPool.share(outFeatures, ith, nth, granule: 8)) }
                    } else {
                        multiply(0..<outFeatures)
                    }
                }
            }
        }
        if let bias {
            for r in 0..<rows {
                for o in 0..<outFeatures { y[r * outFeatures + o] += bias[o] }
            }
        }
        return y
    }

    /// y[i] += a · x[i] for `count` floats, eight lanes at a time.
    @inline(__always)
    static func addScaled(_ a: Float, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        let px = UnsafeRawPointer(x), py = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= count {
            let sum = py.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
                + SIMD8(repeating: a) * px.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            py.storeBytes(of: sum, toByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            y[i] += a * x[i]
            i += 1
        }
    }

    /// The dot product of `count` floats of `a` from `aStart` and of `b` from `bStart`, eight lanes at a time.
    @inline(__always)
    static func dot(_ a: UnsafeBufferPointer<Float>, _ aStart: Int, _ b: UnsafeBufferPointer<Float>, _ bStart: Int, _ count: Int) -> Float {
        guard count > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else { return 0 }
        let pa = UnsafeRawPointer(aBase + aStart)
        let pb = UnsafeRawPointer(bBase + bStart)
        var lanes = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            lanes += pa.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
        var sum = lanes.sum()
        while i < count {
            sum += a[aStart + i] * b[bStart + i]
            i += 1
        }
        return sum
    }

    /// RMSNorm of each row: `x / sqrt(mean(x²) + eps) · w`.
    ///
    /// - Returns: The normalised rows.
    public static func rmsNorm(_ x: [Float], width: Int, weight: [Float], eps: Float) -> [Float] {
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
    ///
    /// - Returns: The function.
    /// - Throws: ``VisionEncoderError`` for another name.
    public static func activation(_ name: String) throws -> @Sendable (Float) -> Float {
        switch name {
        case "gelu": return { x in 0.5 * x * (1 + erf(x / Float(2).squareRoot())) }
        case "gelu_pytorch_tanh", "gelu_new", "gelu_fast":
            return { x in 0.5 * x * (1 + tanh(0.797_884_56 * (x + 0.044_715 * x * x * x))) }
        case "silu", "swish": return { x in x / (1 + exp(-x)) }
        default: throw VisionEncoderError("activation \"\(name)\" is not supported (gelu, gelu_pytorch_tanh, silu)")
        }
    }

    /// Softmax of a row in place.
    public static func softmax(_ row: inout [Float]) {
        let maximum = row.max() ?? 0
        var sum: Float = 0
        for i in row.indices { row[i] = exp(row[i] - maximum); sum += row[i] }
        for i in row.indices { row[i] /= sum }
    }
}
