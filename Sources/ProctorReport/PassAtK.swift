import Foundation

/// The metrics of k-sample evaluation (Chen et al. 2021, *Evaluating Large Language Models Trained on Code*).
public enum PassAtK {
    /// The unbiased estimate of pass@k for one problem with `n` samples of which `c` are correct:
    /// 1 − C(n−c, k) / C(n, k), computed as 1 − ∏_{i=n−c+1}^{n} (1 − k/i) for numerical stability.
    ///
    /// - Parameters:
    ///   - n: Samples drawn.
    ///   - c: Samples correct.
    ///   - k: The k of pass@k (must be ≤ n).
    /// - Returns: The estimate in 0…1, or nil when k > n.
    public static func estimate(n: Int, c: Int, k: Int) -> Double? {
        guard k >= 1, k <= n, c >= 0, c <= n else { return nil }
        if n - c < k { return 1 }
        if c == 0 { return 0 }
        var product = 1.0
        for i in (n - c + 1)...n {
            product *= 1 - Double(k) / Double(i)
        }
        return 1 - product
    }

    /// The majority answer among samples (ties go to the answer seen first) and whether it is correct.
    ///
    /// - Parameter samples: Each sample's extracted answer (nil: none) and verdict, in sample order.
    /// - Returns: Whether the majority answer is correct (false when no sample has an answer).
    public static func majorityCorrect(_ samples: [(answer: String?, correct: Bool)]) -> Bool {
        var counts: [String: (count: Int, first: Int, correct: Bool)] = [:]
        for (index, sample) in samples.enumerated() {
            guard let answer = sample.answer?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { continue }
            let entry = counts[answer] ?? (0, index, false)
            counts[answer] = (entry.count + 1, entry.first, entry.correct || sample.correct)
        }
        let winner = counts.values.max { a, b in a.count != b.count ? a.count < b.count : a.first > b.first }
        return winner?.correct ?? false
    }
}
