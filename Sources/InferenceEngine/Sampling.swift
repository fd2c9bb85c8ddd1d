import Foundation

/// How to pick tokens: the sampling knobs of one sequence.
public struct SamplingParameters: Sendable, Hashable {
    /// Softmax temperature; 0 picks the most likely token (greedy).
    public var temperature: Float
    /// Keep only the k most likely tokens (0 or nil: all).
    public var topK: Int?
    /// Nucleus mass (1: off).
    public var topP: Float
    /// Drop tokens whose probability is below `minP` × the top probability (nil: off).
    public var minP: Float?
    /// CTRL-style repetition penalty over the prompt and the generated tokens (nil or 1: off).
    public var repetitionPenalty: Float?
    /// The most tokens to generate.
    public var maxTokens: Int
    /// The random seed (the same seed and inputs give the same tokens).
    public var seed: UInt64
    /// Token ids that end generation (EOS, end-of-turn).
    public var stopTokens: Set<Int>
    /// Whether to record each generated token's log-probability and how many of the most likely alternatives
    /// with theirs (0…20; nil: none, and no cost).
    public var topLogprobs: Int?

    /// Creates parameters.
    public init(temperature: Float = 0, topK: Int? = nil, topP: Float = 1, minP: Float? = nil,
                repetitionPenalty: Float? = nil, maxTokens: Int = 256, seed: UInt64 = 0, stopTokens: Set<Int> = [],
                topLogprobs: Int? = nil) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.maxTokens = maxTokens
        self.seed = seed
        self.stopTokens = stopTokens
        self.topLogprobs = topLogprobs
    }
}

/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose sequence depends only on `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = (s.3 << 45) | (s.3 >> 19)
        return result
    }

    /// A uniform float in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }
}

/// Picks the next token from logits.
public enum Sampler {
    /// Applies the repetition penalty, then greedy or temperature/top-k/top-p/min-p sampling.
    ///
    /// - Parameters:
    ///   - logits: One score per vocabulary entry (modified in place by the penalty).
    ///   - history: The prompt and generated tokens (for the repetition penalty).
    ///   - parameters: The knobs.
    ///   - random: The sequence's generator.
    /// - Returns: The chosen token id.
    public static func sample(_ logits: inout [Float], history: [Int], parameters: SamplingParameters,
                              random: inout SeededRandom) -> Int {
        if let penalty = parameters.repetitionPenalty, penalty != 1, penalty > 0 {
            for token in Set(history) where token >= 0 && token < logits.count {
                logits[token] = logits[token] > 0 ? logits[token] / penalty : logits[token] * penalty
            }
        }
        if parameters.temperature <= 0 { return argmax(logits) }
        let inverse = 1 / parameters.temperature
        let ceiling = (logits.max() ?? 0) * inverse
        // Tokens more than 25 nats below the best have probability < 1.4e-11 relative to it: leave them out
        // before sorting (49,152 candidates would cost milliseconds per token).
        var candidates: [(Int, Float)] = []
        for (i, l) in logits.enumerated() where l * inverse >= ceiling - 25 { candidates.append((i, l * inverse)) }
        candidates.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if let k = parameters.topK, k > 0, k < candidates.count { candidates.removeSubrange(k...) }
        let top = candidates[0].1
        var probabilities = candidates.map { Double(expf($0.1 - top)) }
        var total = probabilities.reduce(0, +)
        var keep = candidates.count
        if let minP = parameters.minP, minP > 0 {
            let floor = Double(minP) * probabilities[0]
            keep = max(1, probabilities.firstIndex { $0 < floor } ?? keep)
        }
        if parameters.topP < 1 {
            var mass = 0.0
            for i in 0..<keep {
                mass += probabilities[i] / total
                if mass >= Double(parameters.topP) { keep = i + 1; break }
            }
        }
        probabilities.removeSubrange(keep...)
        total = probabilities.reduce(0, +)
        var r = random.nextUnit() * total
        for i in 0..<keep {
            r -= probabilities[i]
            if r < 0 { return candidates[i].0 }
        }
        return candidates[keep - 1].0
    }

    /// The index of the largest value (the first one on ties).
    public static func argmax(_ values: [Float]) -> Int {
        var best = 0
        var bestValue = -Float.infinity
        for (i, v) in values.enumerated() where v > bestValue {
            best = i
            bestValue = v
        }
        return best
    }
}
