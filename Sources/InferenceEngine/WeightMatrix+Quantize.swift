import CKernels
import ModelFormats

/// Quantizing float weights (a Hugging Face checkpoint's F32/F16/BF16 tensors) to Q8_0 at load, so that they run
/// on the int8 kernels of the GGUF fast path.
extension WeightMatrix {
    /// How a Hugging Face checkpoint's float weights are held.
    public enum FloatWeights: String, Sendable, Hashable, CaseIterable {
        /// Converted to f32 (exact: matches transformers in float32; 4 bytes per parameter).
        case f32
        /// Quantized to Q8_0 blocks (32 int8 values and an f16 scale: 1.06 bytes per parameter) and repacked for
        /// the int8 kernels; activations are quantized to int8 as on the GGUF Q8_0 path.
        case q8_0 = "q8_0"
    }

    /// Quantizes `count` floats (a whole number of 32-value blocks) to ggml's Q8_0 layout, as ggml's reference
    /// quantizer does: per block d = max|x| / 127 stored as f16, q = round(x / d).
    ///
    /// - Returns: The Q8_0 bytes (34 per block).
    static func quantizeQ8_0(_ x: UnsafePointer<Float>, count: Int) -> [UInt8] {
        let blocks = count / 32
        var out = [UInt8](repeating: 0, count: blocks * 34)
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for b in 0..<blocks {
                let block = x + b * 32, dst = base + b * 34
                var amax: Float = 0
                for j in 0..<32 { amax = max(amax, abs(block[j])) }
                let d = amax / 127
                let inverse: Float = d == 0 ? 0 : 1 / d
                let half = ck_fp32_to_fp16(d)
                dst[0] = UInt8(truncatingIfNeeded: half)
                dst[1] = UInt8(truncatingIfNeeded: half >> 8)
                for j in 0..<32 {
                    dst[2 + j] = UInt8(bitPattern: Int8(max(-127, min(127, (block[j] * inverse).rounded()))))
                }
            }
        }
        return out
    }

    /// Converts a float tensor (F32/F16/BF16) to Q8_0 and builds the repacked matrix from it.
    ///
    /// - Returns: nil when the tensor is not a float matrix with whole 32-value blocks per row (it stays f32).
    static func quantized(_ tensor: WeightTensor) throws -> WeightMatrix? {
        guard [GGMLType.f32, .f16, .bf16].contains(tensor.type), tensor.rowLength % 32 == 0,
              let base = tensor.data.baseAddress else { return nil }
        let count = tensor.elementCount
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { floats.deallocate() }
        guard ck_dequantize_row(Int32(tensor.type.rawValue), base, floats, Int64(count)) == 0 else { return nil }
        let bytes = quantizeQ8_0(floats, count: count)
        return try bytes.withUnsafeBytes { raw in
            var q = tensor
            q.type = .q8_0
            q.data = raw
            return try WeightMatrix(q, reference: false)
        }
    }
}
