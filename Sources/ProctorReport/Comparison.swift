import ProctorCore

/// Two runs aligned item by item on one benchmark.
public struct BenchmarkComparison: Sendable, Codable, Hashable {
    /// `name:split`.
    public var benchmark: String
    /// Items scored in both runs.
    public var items: Int
    /// pass@1 of each run on those items, in percent.
    public var basePass1: Double
    public var newPass1: Double
    /// new − base, in points.
    public var delta: Double
    /// Paired bootstrap 95% interval of `delta` (2,000 resamples of items, seeded).
    public var ciLow: Double
    public var ciHigh: Double
    /// Items where the new run scores lower / higher than the base (per-item mean over samples).
    public var worse: Int
    public var better: Int
    /// Exact two-sided sign test on `worse` vs `better` (McNemar's exact test when k = 1).
    public var pValue: Double
    /// `pValue` after Holm's correction across the compared benchmarks.
    public var holmP: Double
    /// Items whose score changed, with both scores (per-item means in 0…1), largest change first.
    public var flipped: [Flip]
    /// Parts of items judged on their own (IFEval's instructions, test cases) whose result changed, with both
    /// results (pass rates over the item's samples), in item then part order; empty for benchmarks without parts.
    public var partsFlipped: [PartFlip] = []

    /// One item whose score changed.
    public struct Flip: Sendable, Codable, Hashable {
        public var itemID: String
        public var base: Double
        public var new: Double
    }

    /// One part (a `SubResult` of an item) whose result changed.
    public struct PartFlip: Sendable, Codable, Hashable {
        /// The item the part belongs to.
        public var itemID: String
        /// The part's kind (`instruction`) and position within its kind.
        public var kind: String
        public var index: Int
        /// The part's name (`punctuation:no_comma`).
        public var id: String
        /// The part's pass rate over the item's samples in the base run and in the new run (0…1).
        public var base: Double
        public var new: Double
    }

    enum CodingKeys: String, CodingKey {
        case benchmark, items, basePass1 = "base_pass@1", newPass1 = "new_pass@1", delta, ciLow = "ci_low", ciHigh = "ci_high"
        case worse, better, pValue = "p_value", holmP = "holm_p", flipped, partsFlipped = "parts_flipped"
    }

    /// Whether this is a regression at level `alpha`: lower, and significant after Holm's correction.
    public func isRegression(alpha: Double) -> Bool { delta < 0 && holmP < alpha }
}

/// Paired comparison of two runs: deltas, bootstrap intervals, exact tests and Holm's correction.
public enum Comparison {
    /// Compares two runs on every benchmark both have.
    ///
    /// - Parameters:
    ///   - base: The reference run.
    ///   - new: The run under test.
    ///   - seed: Seeds the bootstrap (the same seed gives the same interval).
    /// - Returns: One comparison per shared benchmark, Holm-corrected together.
    public static func compare(base: RunResults, new: RunResults, seed: UInt64 = 0) -> [BenchmarkComparison] {
        var out: [BenchmarkComparison] = []
        for benchmark in Set(base.benchmarks.keys).intersection(new.benchmarks.keys).sorted() {
            let a = base.benchmarks[benchmark] ?? [:], b = new.benchmarks[benchmark] ?? [:]
            var pairs: [(id: String, base: Double, new: Double)] = []
            for id in Set(a.keys).intersection(b.keys).sorted() {
                if let x = a[id]?.meanScore, let y = b[id]?.meanScore { pairs.append((id, x, y)) }
            }
            guard !pairs.isEmpty else { continue }
            let n = Double(pairs.count)
            let diffs = pairs.map { $0.new - $0.base }
            let delta = diffs.reduce(0, +) / n * 100
            let (low, high) = bootstrap(diffs, seed: StableHash.combine([String(seed), benchmark]))
            let worse = pairs.filter { $0.new < $0.base }.count
            let better = pairs.filter { $0.new > $0.base }.count
            let flips = pairs.filter { $0.new != $0.base }
                .sorted { abs($0.new - $0.base) != abs($1.new - $1.base) ? abs($0.new - $0.base) > abs($1.new - $1.base) : $0.id < $1.id }
                .map { BenchmarkComparison.Flip(itemID: $0.id, base: $0.base, new: $0.new) }
            var comparison = BenchmarkComparison(
                benchmark: benchmark, items: pairs.count, basePass1: pairs.reduce(0) { $0 + $1.base } / n * 100,
                newPass1: pairs.reduce(0) { $0 + $1.new } / n * 100, delta: delta, ciLow: low * 100, ciHigh: high * 100,
                worse: worse, better: better, pValue: signTest(worse, better), holmP: 1, flipped: flips)
            comparison.partsFlipped = pairs.flatMap { pair in a[pair.id].flatMap { x in b[pair.id].map { partChanges(x, $0) } } ?? [] }
            out.append(comparison)
        }
        let adjusted = holm(out.map(\.pValue))
        for index in out.indices { out[index].holmP = adjusted[index] }
        return out
    }

    /// The parts present in both results whose pass rate over the samples differs, in part order.
    static func partChanges(_ base: ItemResult, _ new: ItemResult) -> [BenchmarkComparison.PartFlip] {
        func rates(_ result: ItemResult) -> [String: (part: SubResult, rate: Double)] {
            var sums: [String: (part: SubResult, passed: Double, count: Double)] = [:]
            for part in result.verdicts.flatMap(\.subResults) {
                let key = "\(part.kind)#\(part.index)"
                let old = sums[key] ?? (part, 0, 0)
                sums[key] = (old.part, old.passed + (part.passed ? 1 : 0), old.count + 1)
            }
            return sums.mapValues { ($0.part, $0.passed / $0.count) }
        }
        let x = rates(base), y = rates(new)
        return x.compactMap { key, was -> BenchmarkComparison.PartFlip? in
            guard let now = y[key], now.rate != was.rate else { return nil }
            return BenchmarkComparison.PartFlip(
                itemID: base.itemID, kind: was.part.kind, index: was.part.index, id: was.part.id, base: was.rate, new: now.rate)
        }
        .sorted { ($0.kind, $0.index) < ($1.kind, $1.index) }
    }

    /// Percentile bootstrap 95% interval of the mean of `diffs` (2,000 resamples, SplitMix64 from `seed`).
    static func bootstrap(_ diffs: [Double], seed: UInt64, resamples: Int = 2000) -> (Double, Double) {
        guard diffs.count > 1 else { return (diffs.first ?? 0, diffs.first ?? 0) }
        var state = seed
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<diffs.count {
                state = StableHash.splitMix64(state)
                sum += diffs[Int(state % UInt64(diffs.count))]
            }
            means.append(sum / Double(diffs.count))
        }
        means.sort()
        return (means[Int(0.025 * Double(resamples))], means[Int(0.975 * Double(resamples)) - 1])
    }

    /// Exact two-sided binomial test of `b` against `c` with p = 1/2: P = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½).
    ///
    /// - Parameters:
    ///   - b: Discordant pairs favouring one side.
    ///   - c: Discordant pairs favouring the other.
    /// - Returns: The p-value (1 when there are no discordant pairs).
    public static func signTest(_ b: Int, _ c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let m = min(b, c)
        // Sum C(n, i) / 2^n for i ≤ m in log space, so that large n does not overflow.
        var logTerms: [Double] = []
        var logChoose = 0.0
        for i in 0...m {
            if i > 0 { logChoose += log(Double(n - i + 1)) - log(Double(i)) }
            logTerms.append(logChoose - Double(n) * log(2.0))
        }
        let top = logTerms.max() ?? 0
        let tail = exp(top) * logTerms.reduce(0) { $0 + exp($1 - top) }
        return min(1, 2 * tail)
    }

    /// Holm–Bonferroni adjusted p-values, in the input order.
    ///
    /// - Parameter pValues: Raw p-values.
    /// - Returns: Adjusted p-values (monotone, capped at 1).
    public static func holm(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
