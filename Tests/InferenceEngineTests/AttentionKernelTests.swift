import CKernels
import EngineThreads
import Foundation
import Testing

@Suite("attention and activation kernels", .serialized)
struct AttentionKernelTests {
    /// Deterministic values in [-1, 1).
    private static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int(state >> 40) % 2000 - 1000) / 1000
        }
    }

    /// Softmax attention of one head in double precision over f16-rounded keys and values.
    private static func reference(q: ArraySlice<Float>, keys: [UInt16], values: [UInt16], positions: Int, headDim: Int,
                                  stride: Int, offset: Int, scale: Double) -> [Double] {
        let half = { (bits: UInt16) in Double(ck_fp16_to_fp32(bits)) }
        let scores = (0..<positions).map { p in
            zip(q, (0..<headDim).map { half(keys[p * stride + offset + $0]) }).reduce(0.0) { $0 + Double($1.0) * $1.1 } * scale
        }
        let top = scores.max() ?? 0
        let weights = scores.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return (0..<headDim).map { j in (0..<positions).reduce(0.0) { $0 + weights[$1] * half(values[$1 * stride + offset + j]) } / total }
    }

    @Test("blocks folded in order equal one softmax over all positions (every kernel set, 3 heads sharing a KV head)",
          arguments: KernelSet.available.map(\.name))
    func blocksFold(set: String) throws {
        let attend = try KernelSet(named: set).table.pointee.attention_block!
        let headDim = 64, group = 3, kvHeads = 2, rowStride = kvHeads * headDim, positions = 600, block = 256
        let keys = Self.values(positions * rowStride, seed: 1).map { ck_fp32_to_fp16($0 * 3) }
        let vals = Self.values(positions * rowStride, seed: 2).map(ck_fp32_to_fp16)
        let q = Self.values(group * headDim, seed: 3)
        let scale: Float = 0.125
        var out = [Float](repeating: 0, count: group * headDim), m = [Float](repeating: 0, count: group), l = m
        var partial = out, pm = m, pl = m
        var scratch = [Float](repeating: 0, count: group * block)
        let offset = headDim  // the second KV head
        keys.withUnsafeBufferPointer { k in
            vals.withUnsafeBufferPointer { v in
                for (b, first) in stride(from: 0, to: positions, by: block).enumerated() {
                    let count = min(block, positions - first)
                    let kp = UnsafeRawPointer(k.baseAddress! + first * rowStride + offset)
                    let vp = UnsafeRawPointer(v.baseAddress! + first * rowStride + offset)
                    if b == 0 {
                        attend(q, Int32(group), kp, vp, Int64(count), Int32(headDim), Int64(rowStride), scale, 1, &scratch, &out, &m, &l)
                    } else {
                        attend(q, Int32(group), kp, vp, Int64(count), Int32(headDim), Int64(rowStride), scale, 1, &scratch, &partial, &pm, &pl)
                        ck_attention_fold(&out, &m, &l, partial, pm, pl, Int32(group), Int32(headDim))
                    }
                }
            }
        }
        for h in 0..<group {
            let expected = Self.reference(q: q[(h * headDim)..<((h + 1) * headDim)], keys: keys, values: vals, positions: positions,
                                          headDim: headDim, stride: rowStride, offset: offset, scale: Double(scale))
            let worst = (0..<headDim).map { abs(Double(out[h * headDim + $0] / l[h]) - expected[$0]) }.max() ?? 1
            #expect(worst < 1e-5, "head \(h): max |Δ| \(worst)")
        }
    }

    @Test("every kernel set's SiLU is within 2 ulp of the libm formula, and an all-negative tail gives no NaN",
          arguments: KernelSet.available.map(\.name))
    func silu(set: String) throws {
        let siluMul = try KernelSet(named: set).table.pointee.silu_mul!
        let a = (0..<1003).map { Float($0 - 500) / 25 }  // -20 … 20, with a 3-element tail
        let b = Self.values(a.count, seed: 4)
        var vector = a
        siluMul(&vector, b, Int64(a.count))
        for i in a.indices {
            let expected = Double(a[i]) / (1 + exp(-Double(a[i]))) * Double(b[i])
            #expect(abs(Double(vector[i]) - expected) <= 2.5e-7 * max(abs(expected), 1e-30) + 1e-37, "x = \(a[i])")
        }
        var extreme: [Float] = [-200, -100, -88, 90, 200]
        siluMul(&extreme, [1, 1, 1, 1, 1], 5)
        #expect(extreme.allSatisfy { !$0.isNaN })
        #expect(extreme[4] == 200)
    }

    @Test("every kernel set's conversion to halves equals the scalar one bit for bit (ties, subnormals, overflow)",
          arguments: KernelSet.available.map(\.name))
    func halves(set: String) throws {
        let toHalf = try KernelSet(named: set).table.pointee.to_fp16!
        var x = Self.values(4099, seed: 5).enumerated().map { i, v in v * Float(sign: .plus, exponent: i % 40 - 30, significand: 1) }
        x += [65504, 65520, 1e9, -1e9, 5.96e-8, 2.98e-8, 0, -0.0, .infinity, -.infinity]
        x += (0..<64).map { Float(bitPattern: 0x3380_0000 + UInt32($0) << 12) }  // ties around the subnormal halves
        var simd = [UInt16](repeating: 0, count: x.count)
        toHalf(x, &simd, Int64(x.count))
        #expect(simd == x.map(ck_fp32_to_fp16))
    }
}
