import CKernels

extension ForwardPass {
    /// One transformer block over the whole batch.
    func runLayer(_ layer: LanguageModel.Layer, index: Int, batch: [Entry]) {
        let c = model.config
        let n = batch.count
        let d = c.embeddingLength, qw = c.queryWidth, kvw = c.kvWidth, ff = c.feedForwardLength
        let hd = c.headDim, half = hd / 2
        let s = scratchBuffers
        for i in 0..<n {
            ck_rmsnorm(s.x + i * d, layer.attentionNorm, Int64(d), c.rmsEpsilon, s.xn + i * d)
        }
        matmul([(layer.wq, s.q, qw), (layer.wk, s.k, kvw), (layer.wv, s.v, kvw)], input: s.xn, vectors: n)
        let local = c.isLocal(layer: index)
        for (i, e) in batch.enumerated() {
            let q = s.q + i * qw, k = s.k + i * kvw, v = s.v + i * kvw
            if let b = layer.bq { for j in 0..<qw { q[j] += b[j] } }
            if let b = layer.bk { for j in 0..<kvw { k[j] += b[j] } }
            if let b = layer.bv { for j in 0..<kvw { v[j] += b[j] } }
            if let w = layer.qNorm { for h in 0..<c.headCount { ck_rmsnorm(q + h * hd, w, Int64(hd), c.rmsEpsilon, q + h * hd) } }
            if let w = layer.kNorm { for h in 0..<c.kvHeadCount { ck_rmsnorm(k + h * hd, w, Int64(hd), c.rmsEpsilon, k + h * hd) } }
            let cosT = (local ? s.cosLocal : s.cos) + i * half, sinT = (local ? s.sinLocal : s.sin) + i * half
            ck_rope(q, Int32(c.headCount), Int32(hd), cosT, sinT, c.ropeNeox ? 1 : 0)
            ck_rope(k, Int32(c.kvHeadCount), Int32(hd), cosT, sinT, c.ropeNeox ? 1 : 0)
            e.cache.store(layer: index, position: e.position, key: k, value: v)
        }
        let group = c.headCount / c.kvHeadCount
        let window = local ? c.slidingWindow : 0
        pool.run { ith, nth in
            let scores = s.scores[ith]
            // Jobs dealt out in turn, not in halves: in a prefill a later token attends to more positions, and
            // contiguous halves left one thread with three quarters of the work.
            for job in stride(from: ith, to: n * c.headCount, by: nth) {
                let i = job / c.headCount, h = job % c.headCount
                let e = batch[i]
                let start = window > 0 ? max(0, e.position - window + 1) : 0
                let (kp, vp) = e.cache.heads(layer: index, head: h / group, headDim: hd, start: start)
                ck_attention(s.q + i * qw + h * hd, kp, vp, Int64(e.position + 1 - start), Int32(hd), Int64(kvw),
                             c.attentionScale, e.cache.isHalf ? 1 : 0, scores, s.attention + i * qw + h * hd)
            }
        }
        matmul([(layer.wo, s.tmp, d)], input: s.attention, vectors: n)
        addResidual(post: layer.postAttentionNorm, n: n)
        for i in 0..<n {
            ck_rmsnorm(s.x + i * d, layer.ffnNorm, Int64(d), c.rmsEpsilon, s.xn + i * d)
        }
        matmul([(layer.gate, s.gate, ff), (layer.up, s.up, ff)], input: s.xn, vectors: n)
        if c.isGemma {
            ck_gelu_mul(s.gate, s.up, Int64(n * ff))
        } else {
            ck_silu_mul(s.gate, s.up, Int64(n * ff))
        }
        matmul([(layer.down, s.tmp, d)], input: s.gate, vectors: n)
        addResidual(post: layer.postFFNNorm, n: n)
    }

    /// x += tmp, with Gemma's post-norm applied to tmp first.
    private func addResidual(post: [Float]?, n: Int) {
        let s = scratchBuffers
        let d = model.config.embeddingLength
        for i in 0..<n {
            let t = s.tmp + i * d, x = s.x + i * d
            if let post { ck_rmsnorm(t, post, Int64(d), model.config.rmsEpsilon, t) }
            for j in 0..<d { x[j] += t[j] }
        }
    }
}
