import Foundation

/// The log-probabilities of one generated token under the model's own distribution: the log-softmax of the raw
/// logits, before the repetition penalty, temperature, top-k, top-p and min-p (what OpenAI reports, and vLLM's
/// default `raw_logprobs` mode).
public struct TokenLogprobs: Sendable, Hashable {
    /// A vocabulary entry and its log-probability.
    public struct Candidate: Sendable, Hashable {
        /// The token id.
        public var token: Int
        /// Its natural-log probability.
        public var logprob: Double

        /// Creates a candidate.
        public init(token: Int, logprob: Double) {
            self.token = token
            self.logprob = logprob
        }
    }

    /// The chosen token and its log-probability.
    public var chosen: Candidate
    /// The most likely tokens, most likely first (ties: the lower id first); as many as the request asked for.
    public var top: [Candidate]

    /// Creates the log-probabilities of one token.
    public init(chosen: Candidate, top: [Candidate]) {
        self.chosen = chosen
        self.top = top
    }
}

extension Sampler {
    /// The most alternatives ``logprobs(_:chosen:top:)`` returns (OpenAI's limit for `top_logprobs`).
    public static let maxTopLogprobs = 20

    /// The log-softmax of `logits` at `chosen` and at the `top` most likely tokens, in Double through a
    /// log-sum-exp shifted by the largest logit (no overflow, no underflow of the total).
    ///
    /// - Parameters:
    ///   - logits: The raw logits of one position (one per vocabulary entry), not empty.
    ///   - chosen: The token that was picked.
    ///   - top: How many of the most likely tokens to return (clamped to 0…``maxTopLogprobs``).
    /// - Returns: The chosen token's and the top tokens' log-probabilities.
    public static func logprobs(_ logits: [Float], chosen: Int, top: Int) -> TokenLogprobs {
        let count = min(max(top, 0), maxTopLogprobs, logits.count)
        var ceiling = -Double.infinity
        for l in logits where Double(l) > ceiling { ceiling = Double(l) }
        var total = 0.0
        for l in logits { total += exp(Double(l) - ceiling) }
        let logTotal = ceiling + log(total)
        // The `count` largest, kept sorted (largest first, lower id first on ties): at most 20 entries.
        var best: [(Int, Float)] = []
        best.reserveCapacity(count + 1)
        if count > 0 {
            for (i, l) in logits.enumerated() where best.count < count || l > best[best.count - 1].1 {
                let at = best.firstIndex { l > $0.1 } ?? best.count
                best.insert((i, l), at: at)
                if best.count > count { best.removeLast() }
            }
        }
        let value = { (l: Float) in Double(l) - logTotal }
        let picked = logits.indices.contains(chosen) ? value(logits[chosen]) : -Double.infinity
        return TokenLogprobs(chosen: .init(token: chosen, logprob: picked), top: best.map { .init(token: $0.0, logprob: value($0.1)) })
    }
}
