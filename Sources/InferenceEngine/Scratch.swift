import CKernels

/// Reusable activation buffers for a forward pass of up to `capacity` tokens.
///
/// Owned by one `ForwardPass`; the pool threads write disjoint slices of these buffers.
final class Scratch {
    private(set) var capacity = 0
    private let config: ModelConfig
    private var allocations: [UnsafeMutableRawPointer] = []
    var x: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var xn: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var q: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var k: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var v: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var attention: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var gate: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var up: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var tmp: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var cos: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var sin: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var cosLocal: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var sinLocal: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var actQ: UnsafeMutablePointer<Int8> = .init(bitPattern: 64)!
    var actD: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    var actS: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    /// The next chunk of a parallel loop (`ForwardPass.parallelChunks`).
    let counter = UnsafeMutablePointer<Int64>.allocate(capacity: 8)
    /// Attention partials of a decode step's blocks (`ForwardPass.attention`).
    private(set) var partials: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    private var partialCapacity = 0
    /// Per-thread room for one block's partial (group·(headDim + 2) floats) plus a running max and sum.
    private(set) var attentionTemp: [UnsafeMutablePointer<Float>] = []
    /// The running max and sum of the heads of one KV group while folding partials.
    private(set) var foldState: UnsafeMutablePointer<Float> = .init(bitPattern: 64)!
    /// Per-thread attention score rows.
    var scores: [UnsafeMutablePointer<Float>] = []
    private var scoreCapacity = 0

    init(config: ModelConfig) { self.config = config }

    /// Makes room for `count` floats of attention partials.
    func reservePartials(_ count: Int) {
        guard count > partialCapacity else { return }
        partials = floats(max(count, 2 * partialCapacity))
        partialCapacity = max(count, 2 * partialCapacity)
    }

    deinit {
        allocations.forEach { $0.deallocate() }
        counter.deallocate()
    }

    private func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(count, 16) * 4, alignment: 64)
        allocations.append(p)
        return p.bindMemory(to: Float.self, capacity: max(count, 16))
    }

    /// Makes room for `tokens` tokens and `threads` threads.
    func reserve(tokens: Int, threads: Int) {
        if tokens > capacity {
            allocations.forEach { $0.deallocate() }
            allocations = []
            scoreCapacity = 0
            partialCapacity = 0
            let n = max(tokens, 1)
            let c = config
            let widest = max(c.embeddingLength, c.feedForwardLength, c.queryWidth)
            x = floats(n * c.embeddingLength)
            xn = floats(n * widest)
            q = floats(n * c.queryWidth)
            k = floats(n * c.kvWidth)
            v = floats(n * c.kvWidth)
            attention = floats(n * c.queryWidth)
            gate = floats(n * c.feedForwardLength)
            up = floats(n * c.feedForwardLength)
            tmp = floats(n * max(c.embeddingLength, c.vocabSize))
            cos = floats(n * c.headDim / 2)
            sin = floats(n * c.headDim / 2)
            cosLocal = floats(n * c.headDim / 2)
            sinLocal = floats(n * c.headDim / 2)
            let q8 = UnsafeMutableRawPointer.allocate(byteCount: n * widest, alignment: 64)
            allocations.append(q8)
            actQ = q8.bindMemory(to: Int8.self, capacity: n * widest)
            actD = floats(n * widest / 32)
            actS = floats(n * widest / 32)
            capacity = n
        }
        let group = config.headCount / max(1, config.kvHeadCount)
        let scoreRows = group * ForwardPass.attentionBlock
        if scoreRows > scoreCapacity || scores.count < threads {
            scores = (0..<threads).map { _ in floats(scoreRows) }
            attentionTemp = (0..<threads).map { _ in floats(group * (config.headDim + 4)) }
            foldState = floats(2 * group)
            scoreCapacity = scoreRows
        }
    }
}
