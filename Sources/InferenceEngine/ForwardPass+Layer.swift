import CKernels

extension ForwardPass {
    /// One transformer block over the whole batch.
    func runLayer(_ layer: LanguageModel.Layer, index: Int, batch: [Entry]) {
        let c = model.config
        let n = batch.count
        let d = c.embeddingLength, qw = c.queryWidth, kvw = c.kvWidth
        let hd = c.headDim, half = hd / 2
        let s = scratchBuffers
        normalize(layer.attentionNorm, n: n, quantize: [layer.wq, layer.wk, layer.wv].contains { $0.isQuantized })
        matmul([(layer.wq, s.q, qw), (layer.wk, s.k, kvw), (layer.wv, s.v, kvw)], input: s.xn, vectors: n, prequantized: true)
        let local = c.isLocal(layer: index)
        perToken(n) { i in
            let e = batch[i]
            let q = s.q + i * qw, k = s.k + i * kvw, v = s.v + i * kvw
            if let b = layer.bq { for j in 0..<qw { q[j] += b[j] } }
            if let b = layer.bk { for j in 0..<kvw { k[j] += b[j] } }
            if let b = layer.bv { for j in 0..<kvw { v[j] += b[j] } }
            if let w = layer.qNorm { for h in 0..<c.headCount { kernels.rmsnorm!(q + h * hd, w, Int64(hd), c.rmsEpsilon, q + h * hd) } }
            if let w = layer.kNorm { for h in 0..<c.kvHeadCount { kernels.rmsnorm!(k + h * hd, w, Int64(hd), c.rmsEpsilon, k + h * hd) } }
            let cosT = (local ? s.cosLocal : s.cos) + i * half, sinT = (local ? s.sinLocal : s.sin) + i * half
            ck_rope(q, Int32(c.headCount), Int32(hd), cosT, sinT, c.ropeNeox ? 1 : 0)
            ck_rope(k, Int32(c.kvHeadCount), Int32(hd), cosT, sinT, c.ropeNeox ? 1 : 0)
            e.cache.store(layer: index, position: e.position, key: k, value: v, kernels: kernels)
        }
        attention(layer: index, batch: batch, local: local)
        matmul([(layer.wo, s.tmp, d)], input: s.attention, vectors: n)
        normalize(layer.ffnNorm, n: n, quantize: layer.gate.isQuantized || layer.up.isQuantized, residual: true, post: layer.postAttentionNorm)
        feedForward(layer, n: n)
        matmul([(layer.down, s.tmp, d)], input: s.gate, vectors: n)
        perToken(n) { i in self.addResidual(i, post: layer.postFFNNorm) }
    }

    /// xn = RMSNorm(x)·weight for every token, quantized for the next matmul when `quantize`; with `residual`, first
    /// x += tmp (Gemma's post-norm applied to tmp before). One parallel region for a prefill.
    private func normalize(_ weight: [Float], n: Int, quantize: Bool, residual: Bool = false, post: [Float]? = nil) {
        let s = scratchBuffers
        let d = model.config.embeddingLength, eps = model.config.rmsEpsilon
        weight.withUnsafeBufferPointer { w in
            guard let w = w.baseAddress else { return }
            perToken(n) { i in
                if residual { self.addResidual(i, post: post) }
                kernels.rmsnorm!(s.x + i * d, w, Int64(d), eps, s.xn + i * d)
                if quantize { self.quantize(s.xn + i * d, cols: d, slot: i) }
            }
        }
    }

    /// x += tmp for token i, with Gemma's post-norm applied to tmp first.
    private func addResidual(_ i: Int, post: [Float]?) {
        let s = scratchBuffers
        let d = model.config.embeddingLength
        let t = s.tmp + i * d, x = s.x + i * d
        if let post { kernels.rmsnorm!(t, post, Int64(d), model.config.rmsEpsilon, t) }
        for j in 0..<d { x[j] += t[j] }
    }

    /// gate = act(gate·x) ⊙ (up·x) with x = xn (already quantized when the weights are): each chunk of rows computes
    /// its gate and up rows and applies the activation to them at once, in the same parallel region.
    private func feedForward(_ layer: LanguageModel.Layer, n: Int) {
        let s = scratchBuffers
        let ff = model.config.feedForwardLength, gemma = model.config.isGemma
        let act = activations(cols: layer.gate.cols, vectors: n)
        parallelChunks(rows: ff) { rows in
            layer.gate.multiply(act: act, floats: s.xn, vectors: n, y: s.gate, ldy: ff, rows: rows, kernels: kernels)
            layer.up.multiply(act: act, floats: s.xn, vectors: n, y: s.up, ldy: ff, rows: rows, kernels: kernels)
            for v in 0..<n {
                let a = s.gate + v * ff + rows.lowerBound, b = s.up + v * ff + rows.lowerBound
                if gemma { ck_gelu_mul(a, b, Int64(rows.count)) } else { kernels.silu_mul!(a, b, Int64(rows.count)) }
            }
        }
    }
}
