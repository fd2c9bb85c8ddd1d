import CKernels
import EngineThreads
import Testing

/// A deterministic pseudo-random byte stream for building quantized blocks.
private struct Bytes {
    var state: UInt64
    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

@Suite("C kernels", .serialized)
struct KernelTests {
    @Test("every kernel set's activation quantization equals the scalar one bit for bit, ties and zeros included",
          arguments: KernelSet.available.map(\.name))
    func quantizationPaths(set: String) throws {
        let kernels = try KernelSet(named: set).table.pointee
        var bytes = Bytes(state: 42)
        let n = 32 * 48
        var x = (0..<n).map { _ in (Float(bytes.next()) - 128) / 7 }
        for i in 0..<32 { x[i] = 0 }                         // an all-zero block
        for i in 32..<64 { x[i] = Float(i % 5) - 2 }          // small integers: many exact .5 ties after scaling
        x[100] = 1e6                                          // an outlier block
        func quantize(_ f: (UnsafePointer<Float>?, Int64, UnsafeMutablePointer<Int8>?, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?) -> Void) -> ([Int8], [Float], [Float]) {
            var q = [Int8](repeating: 0, count: n), d = [Float](repeating: 0, count: n / 32), s = d
            f(x, Int64(n), &q, &d, &s)
            return (q, d, s)
        }
        let scalar = quantize(ck_quantize_act)
        let simd = quantize(kernels.quantize_act!)
        #expect(scalar.0 == simd.0)
        #expect(scalar.1 == simd.1)
        #expect(scalar.2 == simd.2)
        #expect(scalar.0[32..<64].contains { $0 != 0 })
    }

    @Test("fp16 conversion round-trips every finite half")
    func halves() {
        for bits in UInt16(0)...UInt16.max where bits & 0x7C00 != 0x7C00 {
            let f = ck_fp16_to_fp32(bits)
            #expect(ck_fp32_to_fp16(f) == bits || (f == 0 && bits == 0x8000), "\(bits)")
            if ck_fp32_to_fp16(f) != bits && !(f == 0 && bits == 0x8000) { return }
        }
    }

    @Test("Q4_0/Q4_1/Q5_0/Q5_1/Q8_0 dequantize as the block formulas say")
    func legacyBlocks() {
        // One Q4_1 block: d = 0.5, m = -1, nibbles 0..15 then 15..0.
        var block: [UInt8] = [0x00, 0x38, 0x00, 0xBC]
        block += (0..<16).map { UInt8($0) | UInt8(15 - $0) << 4 }
        var out = [Float](repeating: 0, count: 32)
        #expect(ck_dequantize_row(Int32(CK_Q4_1), block, &out, 32) == 0)
        #expect(out[3] == 0.5 * 3 - 1 && out[16 + 3] == 0.5 * 12 - 1)
        // Q8_0: d = 2, values -3, 4.
        var q8: [UInt8] = [0x00, 0x40, 0xFD, 4] + [UInt8](repeating: 0, count: 30)
        #expect(ck_dequantize_row(Int32(CK_Q8_0), &q8, &out, 32) == 0)
        #expect(out[0] == -6 && out[1] == 8)
        // Q5_0: d = 1, all nibbles 0, fifth bit set for element 0 only: 16 - 16 = 0, others -16.
        let q5: [UInt8] = [0x00, 0x3C, 1, 0, 0, 0] + [UInt8](repeating: 0, count: 16)
        #expect(ck_dequantize_row(Int32(CK_Q5_0), q5, &out, 32) == 0)
        #expect(out[0] == 0 && out[1] == -16 && out[16] == -16)
        #expect(ck_dequantize_row(99, q5, &out, 32) == -1)
        #expect(ck_dequantize_row(Int32(CK_Q4_0), q5, &out, 31) == -1)
    }

    /// 17 vectors cross the kernels' passes of 8 (AVX-512 VNNI) and 16 (AVX2) vectors; 29 rows end in a partial
    /// 8-row group; the rows are computed in two ranges, as two threads would split them.
    @Test("every kernel set's int8 matmul is within 1e-4 of the scalar kernel, and both are close to the f32 product",
          arguments: KernelSet.available.map(\.name), [0, 1])
    func matmul(set: String, kind: Int) throws {
        let kernels = try KernelSet(named: set).table.pointee
        let rows = 29, cols = 96, nb = cols / 32
        var rng = Bytes(state: UInt64(kind + 1))
        let blockBytes = kind == 0 ? 20 : 34
        var raw = [UInt8](repeating: 0, count: rows * nb * blockBytes)
        for b in 0..<(rows * nb) {
            let d = ck_fp32_to_fp16(0.01 + Float(rng.next() % 10) * 0.002)
            raw[b * blockBytes] = UInt8(d & 0xFF); raw[b * blockBytes + 1] = UInt8(d >> 8)
            var start = 2
            if kind == 0 {
                let m = ck_fp32_to_fp16(-Float(rng.next() % 5) * 0.01)
                raw[b * blockBytes + 2] = UInt8(m & 0xFF); raw[b * blockBytes + 3] = UInt8(m >> 8)
                start = 4
            }
            for j in start..<blockBytes { raw[b * blockBytes + j] = rng.next() }
        }
        var dense = [Float](repeating: 0, count: rows * cols)
        #expect(ck_dequantize_row(Int32(kind == 0 ? CK_Q4_1 : CK_Q8_0), raw, &dense, Int64(rows * cols)) == 0)
        let packedSize = kind == 0 ? ck_q4_1x8_size(Int64(rows), Int64(cols)) : ck_q8_0x8_size(Int64(rows), Int64(cols))
        var packed = [UInt8](repeating: 0, count: packedSize)
        if kind == 0 { ck_q4_1x8_repack(raw, Int64(rows), Int64(cols), &packed) } else { ck_q8_0x8_repack(raw, Int64(rows), Int64(cols), &packed) }
        let nv = 17
        var x = [Float](repeating: 0, count: nv * cols)
        for i in x.indices { x[i] = Float(Int(rng.next()) - 128) / 37 }
        var q = [Int8](repeating: 0, count: nv * cols), d = [Float](repeating: 0, count: nv * nb), s = d
        for v in 0..<nv {
            x.withUnsafeBufferPointer { xp in
                q.withUnsafeMutableBufferPointer { qp in
                    d.withUnsafeMutableBufferPointer { dp in
                        s.withUnsafeMutableBufferPointer { sp in
                            ck_quantize_act(xp.baseAddress! + v * cols, Int64(cols), qp.baseAddress! + v * cols, dp.baseAddress! + v * nb, sp.baseAddress! + v * nb)
                        }
                    }
                }
            }
        }
        var fast = [Float](repeating: 0, count: nv * rows), slow = fast, exact = fast, magnitude = fast
        q.withUnsafeBufferPointer { qp in d.withUnsafeBufferPointer { dp in s.withUnsafeBufferPointer { sp in
            var act = ck_act(q: qp.baseAddress, d: dp.baseAddress, s: sp.baseAddress, nv: Int64(nv))
            kernels.matmul_x8!(Int32(kind), packed, Int64(rows), Int64(cols), &act, &fast, Int64(rows), 0, 16)
            kernels.matmul_x8!(Int32(kind), packed, Int64(rows), Int64(cols), &act, &fast, Int64(rows), 16, Int64(rows))
            ck_matmul_x8_scalar(Int32(kind), packed, Int64(rows), Int64(cols), &act, &slow, Int64(rows), 0, Int64(rows))
        } } }
        for v in 0..<nv {
            for r in 0..<rows {
                var sum: Float = 0, absolute: Float = 0
                for j in 0..<cols {
                    sum += dense[r * cols + j] * x[v * cols + j]
                    absolute += abs(dense[r * cols + j] * x[v * cols + j])
                }
                exact[v * rows + r] = sum
                magnitude[v * rows + r] = absolute
            }
        }
        for i in 0..<(nv * rows) {
            #expect(abs(fast[i] - slow[i]) <= 1e-4 * max(1, abs(slow[i])), "\(set) \(i): \(fast[i]) vs \(slow[i])")
            // int8 activations: the error is a small fraction of Σ|w·x| (cancellation makes relative errors of the
            // sum itself meaningless).
            #expect(abs(slow[i] - exact[i]) <= 0.02 * magnitude[i], "\(i): \(slow[i]) vs \(exact[i])")
        }
    }

    @Test("every kernel set's f32 matmul equals the double-precision matvec",
          arguments: KernelSet.available.map(\.name), [(1, 64), (3, 37), (4, 96), (7, 131), (9, 160)])
    func matmulF32(set: String, shape: (vectors: Int, cols: Int)) throws {
        let (nv, cols) = shape
        let kernel = try KernelSet(named: set).table.pointee.matmul_f32!
        let rows = 19
        var rng = Bytes(state: UInt64(nv * 1000 + cols))
        let w = (0..<(rows * cols)).map { _ in Float(Int(rng.next()) - 128) / 91 }
        let x = (0..<(nv * cols)).map { _ in Float(Int(rng.next()) - 128) / 53 }
        var expected = [Float](repeating: 0, count: nv * rows)
        for v in 0..<nv {
            x.withUnsafeBufferPointer { xp in
                expected.withUnsafeMutableBufferPointer { ep in
                    ck_matvec_f32(w, Int64(cols), xp.baseAddress! + v * cols, ep.baseAddress! + v * rows, 0, Int64(rows))
                }
            }
        }
        do {
            var y = [Float](repeating: .nan, count: nv * rows)
            // Two row ranges, as two threads would split them.
            kernel(w, Int64(cols), x, Int64(nv), &y, Int64(rows), 0, 8)
            kernel(w, Int64(cols), x, Int64(nv), &y, Int64(rows), 8, Int64(rows))
            for i in y.indices {
                #expect(abs(y[i] - expected[i]) <= 1e-4 * max(1, abs(expected[i])), "\(set), element \(i)")
            }
        }
    }
}
