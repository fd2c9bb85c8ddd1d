import CKernels

extension ForwardPass {
    /// Cached positions per attention block. A token's attention is computed block by block and the blocks' partial
    /// results folded in order, however the blocks are spread over threads, so a sequence gets the same result
    /// alone, in a batch, or with another thread count.
    static let attentionBlock = 256

    /// The attention of every token of the batch over its cache (layer `index`), into `scratch.attention`.
    ///
    /// The query heads that share a KV head are computed together (each key and value row is read once for them).
    /// For a decode step of a few tokens the blocks are the jobs, so both threads share even one sequence's
    /// positions; for a prefill each (token, KV head) is a job.
    func attention(layer index: Int, batch: [Entry], local: Bool) {
        let c = model.config, s = scratchBuffers
        let hd = c.headDim, qw = c.queryWidth, group = c.headCount / c.kvHeadCount
        let window = local ? c.slidingWindow : 0
        let blockSize = Self.attentionBlock
        let span: (Entry) -> (start: Int, blocks: Int) = { e in
            let start = window > 0 ? max(0, e.position - window + 1) : 0
            return (start, (e.position + 1 - start + blockSize - 1) / blockSize)
        }
        let attend = kernels.attention_block!
        /// Runs block b of (token i, KV head g) into o (group·hd floats), m and l (group floats each).
        let runBlock = { (i: Int, g: Int, b: Int, scores: UnsafeMutablePointer<Float>, o: UnsafeMutablePointer<Float>,
                          m: UnsafeMutablePointer<Float>, l: UnsafeMutablePointer<Float>) in
            let e = batch[i]
            let (start, _) = span(e)
            let first = start + b * blockSize, end = min(e.position + 1, first + blockSize)
            let (kp, vp) = e.cache.heads(layer: index, head: g, start: first)
            attend(s.q + i * qw + g * group * hd, Int32(group), kp, vp, Int64(end - first), Int32(hd),
                               Int64(hd), c.attentionScale, e.cache.isHalf ? 1 : 0, scores, o, m, l)
        }
        // A block's partial: o (group·hd floats), then m and l (group floats each).
        let partialSize = group * (hd + 2)
        let fold = { (out: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>, l: UnsafeMutablePointer<Float>,
                      p: UnsafeMutablePointer<Float>) in
            ck_attention_fold(out, m, l, p, p + group * hd, p + group * hd + group, Int32(group), Int32(hd))
        }
        if batch.count <= 4 {
            // One job per block, full blocks first and each sequence's shorter last block after them, so the threads
            // end on short jobs; each block has its own partial slot, folded in position order afterwards.
            var full: [(i: Int, g: Int, b: Int, slot: Int)] = [], last: [(i: Int, g: Int, b: Int, slot: Int)] = []
            var firstSlot: [(pair: Int, slot: Int, blocks: Int)] = []
            var slot = 0
            for (i, e) in batch.enumerated() {
                let blocks = span(e).blocks
                for g in 0..<c.kvHeadCount {
                    firstSlot.append((i * c.kvHeadCount + g, slot, blocks))
                    for b in 0..<blocks {
                        if b + 1 < blocks { full.append((i, g, b, slot)) } else { last.append((i, g, b, slot)) }
                        slot += 1
                    }
                }
            }
            let jobs = full + last
            s.reservePartials(slot * partialSize)
            let partials = s.partials
            parallelJobs(jobs.count) { job, ith in
                let (i, g, b, slot) = jobs[job]
                let p = partials + slot * partialSize
                runBlock(i, g, b, s.scores[ith], p, p + group * hd, p + group * hd + group)
            }
            let m = s.foldState, l = s.foldState + group
            for (pair, first, blocks) in firstSlot {
                let out = s.attention + (pair / c.kvHeadCount) * qw + (pair % c.kvHeadCount) * group * hd
                let p = partials + first * partialSize
                out.update(from: p, count: group * hd)
                m.update(from: p + group * hd, count: 2 * group)  // m, then l right after it
                for b in 1..<max(1, blocks) { fold(out, m, l, partials + (first + b) * partialSize) }
                finish(out, l: l, heads: group, headDim: hd)
            }
        } else {
            let pairs = batch.count * c.kvHeadCount
            parallelJobs(pairs) { pair, ith in
                let i = pair / c.kvHeadCount, g = pair % c.kvHeadCount
                let out = s.attention + i * qw + g * group * hd
                let temp = s.attentionTemp[ith]
                let m = temp + partialSize, l = m + group
                runBlock(i, g, 0, s.scores[ith], out, m, l)
                for b in 1..<max(1, span(batch[i]).blocks) {
                    runBlock(i, g, b, s.scores[ith], temp, temp + group * hd, temp + group * hd + group)
                    fold(out, m, l, temp)
                }
                self.finish(out, l: l, heads: group, headDim: hd)
            }
        }
    }

    /// o /= l for each head.
    private func finish(_ o: UnsafeMutablePointer<Float>, l: UnsafeMutablePointer<Float>, heads: Int, headDim: Int) {
        for h in 0..<heads {
            for j in 0..<headDim { o[h * headDim + j] /= l[h] }
        }
    }

    /// Runs `body(job, thread)` for jobs 0..<count, claimed by the threads as they go.
    func parallelJobs(_ count: Int, _ body: (Int, Int) -> Void) {
        let counter = scratchBuffers.counter
        counter.pointee = 0
        pool.run { ith, _ in
            while true {
                let job = Int(ck_claim(counter))
                guard job < count else { break }
                body(job, ith)
            }
        }
    }
}
