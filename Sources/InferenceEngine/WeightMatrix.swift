import CKernels
import ModelFormats

/// A weight matrix in the engine's own layout, built at load from a GGUF or safetensors tensor.
///
/// Q4_1 and Q8_0 matrices are repacked into 8-row interleaved blocks for the int8 SIMD kernels; every other type
/// (and every type in the f32 reference mode) is dequantized to f32.
///
/// `@unchecked Sendable`: the storage is written once in `init` and only read afterwards.
public final class WeightMatrix: @unchecked Sendable {
    /// The storage layout.
    public enum Layout: Sendable { case q4x8, q8x8, f32 }

    public let rows: Int
    public let cols: Int
    public let layout: Layout
    let storage: UnsafeMutableRawPointer
    public let byteCount: Int

    /// Converts a GGUF tensor.
    ///
    /// - Parameters:
    ///   - tensor: A 2-D tensor (`[cols, rows]`).
    ///   - gguf: The file it belongs to.
    ///   - reference: Dequantize to f32 whatever the type.
    /// - Throws: `EngineError` (`.unsupported`) naming the tensor and type when the type cannot be read.
    public convenience init(_ tensor: GGUFTensorInfo, in gguf: GGUFFile, reference: Bool) throws {
        try self.init(WeightTensor(name: tensor.name, file: gguf.path, type: tensor.type, shape: tensor.shape,
                                   rowLength: tensor.rowLength, rowCount: tensor.rowCount, data: try gguf.data(of: tensor)),
                      reference: reference)
    }

    /// Converts a stored tensor (GGUF, or safetensors F32/F16/BF16, which become f32).
    init(_ tensor: WeightTensor, reference: Bool) throws {
        rows = tensor.rowCount
        cols = tensor.rowLength
        let source = tensor.data
        guard ck_type_supported(Int32(tensor.type.rawValue)) != 0, let base = source.baseAddress else {
            throw EngineError(.unsupported, "\(tensor.file): tensor `\(tensor.name)` has type \(tensor.type), which the engine does not support (F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K–Q6_K are)")
        }
        if !reference && tensor.type == .q4_1 && cols % 32 == 0 {
            layout = .q4x8
            byteCount = ck_q4_1x8_size(Int64(rows), Int64(cols))
            storage = .allocate(byteCount: byteCount, alignment: 64)
            ck_q4_1x8_repack(base, Int64(rows), Int64(cols), storage)
        } else if !reference && tensor.type == .q8_0 && cols % 32 == 0 {
            layout = .q8x8
            byteCount = ck_q8_0x8_size(Int64(rows), Int64(cols))
            storage = .allocate(byteCount: byteCount, alignment: 64)
            ck_q8_0x8_repack(base, Int64(rows), Int64(cols), storage)
        } else {
            layout = .f32
            byteCount = rows * cols * 4
            storage = .allocate(byteCount: byteCount, alignment: 64)
            let status = ck_dequantize_row(Int32(tensor.type.rawValue), base, storage.assumingMemoryBound(to: Float.self), Int64(rows * cols))
            guard status == 0 else {
                storage.deallocate()
                throw EngineError(.unsupported, "\(tensor.file): tensor `\(tensor.name)` (\(tensor.type), shape \(tensor.shape)) cannot be dequantized: its rows are not whole blocks")
            }
        }
    }

    deinit { storage.deallocate() }

    /// Whether the matrix takes int8-quantized activations.
    var isQuantized: Bool { layout != .f32 }

    /// y[v·ldy + r] = row r · x_v for rows in `range` (quantized layouts: `act` holds the quantized x), with the
    /// engine's kernel set.
    func multiply(act: ck_act, floats: UnsafePointer<Float>, vectors: Int, y: UnsafeMutablePointer<Float>, ldy: Int,
                  rows range: Range<Int>, kernels: ck_kernels) {
        guard !range.isEmpty else { return }
        switch layout {
        case .q4x8, .q8x8:
            var a = act
            kernels.matmul_x8!(layout == .q4x8 ? 0 : 1, storage, Int64(rows), Int64(cols), &a, y, Int64(ldy),
                         Int64(range.lowerBound), Int64(range.upperBound))
        case .f32:
            let w = storage.assumingMemoryBound(to: Float.self)
            kernels.matmul_f32!(w, Int64(cols), floats, Int64(vectors), y, Int64(ldy), Int64(range.lowerBound), Int64(range.upperBound))
        }
    }
}
