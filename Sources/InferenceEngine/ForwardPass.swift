import CKernels
import EngineThreads
import Foundation

/// Runs the transformer over a batch of tokens that may belong to different sequences (prefill of one prompt,
/// one decode step of many sequences, or a mix), appending their keys and values to each sequence's cache.
///
/// Not thread-safe: one forward pass at a time (the `Generator` owning it is used from one task at a time).
final class ForwardPass {
    let model: LanguageModel
    let pool: ThreadPool
    /// The SIMD kernels of this engine (its own choice; never a process-wide switch).
    let kernels: ck_kernels
    private let scratch: Scratch
    var scratchBuffers: Scratch { scratch }

    init(model: LanguageModel, pool: ThreadPool, kernels: KernelSet) {
        self.model = model
        self.pool = pool
        self.kernels = kernels.table.pointee
        scratch = Scratch(config: model.config)
    }

    /// One token of a batch.
    struct Entry {
        var token: Int
        var position: Int
        var cache: KVCache
        var wantsLogits: Bool
        /// An input embedding used instead of the token's (image features spliced into a prompt).
        var embedding: [Float]? = nil
    }

    /// Runs the batch and returns the logits of the entries that want them, in order.
    func run(_ batch: [Entry]) -> [[Float]] {
        let c = model.config
        let n = batch.count
        guard n > 0 else { return [] }
        for e in batch { e.cache.reserve(e.position + 1) }
        scratch.reserve(tokens: n, threads: pool.threads)
        let s = scratch
        let d = c.embeddingLength, half = c.headDim / 2
        for (i, e) in batch.enumerated() {
            if let embedding = e.embedding {
                embedding.withUnsafeBufferPointer { if let v = $0.baseAddress { (s.x + i * d).update(from: v, count: d) } }
            } else {
                model.embed(e.token, into: s.x + i * d)
            }
            fillRope(base: c.ropeBase, scales: c.ropeFrequencyScales, position: e.position, cos: s.cos + i * half, sin: s.sin + i * half)
            if c.slidingWindowPattern > 0 {
                fillRope(base: c.ropeBaseLocal, scales: nil, position: e.position, cos: s.cosLocal + i * half, sin: s.sinLocal + i * half)
            }
        }
        for (index, layer) in model.layers.enumerated() {
            runLayer(layer, index: index, batch: batch)
        }
        let wanted = batch.indices.filter { batch[$0].wantsLogits }
        guard !wanted.isEmpty else { return [] }
        for (j, i) in wanted.enumerated() {
            kernels.rmsnorm!(s.x + i * d, model.outputNorm, Int64(d), c.rmsEpsilon, s.xn + j * d)
        }
        let vocab = c.vocabSize
        var logits = [[Float]](repeating: [], count: wanted.count)
        let out = s.tmp  // n · max(width, vocabulary) floats, free once the layers are done
        matmul([(model.output, out, vocab)], input: s.xn, vectors: wanted.count)
        for j in 0..<wanted.count {
            logits[j] = Array(UnsafeBufferPointer(start: out + j * vocab, count: vocab))
        }
        return logits
    }

    private func fillRope(base: Float, scales: [Float]?, position: Int, cos: UnsafeMutablePointer<Float>, sin: UnsafeMutablePointer<Float>) {
        let dims = model.config.headDim
        for i in 0..<(dims / 2) {
            let scale = scales.map { Double($0[i]) } ?? 1
            let theta = Double(position) * pow(Double(base), -2.0 * Double(i) / Double(dims)) * scale
            cos[i] = Float(Foundation.cos(theta))
            sin[i] = Float(Foundation.sin(theta))
        }
    }

    /// y_m = W_m · x for several matrices sharing one input, in one parallel region.
    ///
    /// - Parameter prequantized: The int8 activations of `input` are already in the scratch buffers (`normalize`
    ///   quantized them in its own parallel region).
    func matmul(_ outputs: [(WeightMatrix, UnsafeMutablePointer<Float>, Int)], input: UnsafeMutablePointer<Float>,
                vectors n: Int, prequantized: Bool = false) {
        let cols = outputs[0].0.cols
        if !prequantized && outputs.contains(where: { $0.0.isQuantized }) {
            perToken(n) { v in self.quantize(input + v * cols, cols: cols, slot: v) }
        }
        let act = activations(cols: cols, vectors: n)
        let totalRows = outputs.reduce(0) { $0 + $1.0.rows }
        parallelChunks(rows: totalRows) { mine in
            var start = 0
            for (matrix, y, ldy) in outputs {
                let lower = max(mine.lowerBound - start, 0), upper = min(mine.upperBound - start, matrix.rows)
                if lower < upper {
                    matrix.multiply(act: act, floats: input, vectors: n, y: y, ldy: ldy, rows: lower..<upper, kernels: kernels)
                }
                start += matrix.rows
            }
        }
    }

    /// The quantized activations of `n` vectors of `cols` values in the scratch buffers.
    func activations(cols: Int, vectors n: Int) -> ck_act {
        ck_act(q: scratch.actQ, d: scratch.actD, s: scratch.actS, nv: Int64(n))
    }

    /// Quantizes one vector into activation slot `slot` (a vector of `cols` values).
    func quantize(_ x: UnsafeMutablePointer<Float>, cols: Int, slot: Int) {
        let s = scratch, blocks = cols / 32
        kernels.quantize_act!(x, Int64(cols), s.actQ + slot * cols, s.actD + slot * blocks, s.actS + slot * blocks)
    }

    /// Runs `body(rows)` over `0..<rows` in runs of whole 8-row groups that the threads claim as they go, long ones
    /// first and shorter ones towards the end (guided scheduling): each thread streams long runs of weights, and a
    /// thread slowed down by the rest of a busy machine leaves the end of its share to the others.
    func parallelChunks(rows: Int, _ body: (Range<Int>) -> Void) {
        let counter = scratch.counter
        counter.pointee = 0
        let threads = Int32(pool.threads)
        pool.run { _, _ in
            var end: Int64 = 0
            while true {
                let begin = ck_claim_guided(counter, Int64(rows), 8, threads, &end)
                guard begin >= 0 else { break }
                body(Int(begin)..<Int(end))
            }
        }
    }

    /// Runs `body(i)` for the tokens 0..<n: on the calling thread for a few (waking the pool would cost more than
    /// the work), across the pool for a prefill.
    func perToken(_ n: Int, _ body: (Int) -> Void) {
        if n <= 4 {
            for i in 0..<n { body(i) }
            return
        }
        pool.run { ith, nth in
            for i in ThreadPool.share(n, ith, nth) { body(i) }
        }
    }
}
