import ProctorCore
import ProctorStore

extension Runner {
    /// A stored sample to score, with its item and scorer.
    public struct ScoringWork: Sendable {
        /// The sample (its output must be present).
        public var sample: SampleRecord
        /// The item with its gold answer.
        public var item: BenchmarkItem
        /// The benchmark's scorer.
        public var scorer: any ItemScorer

        /// Creates a piece of work.
        public init(sample: SampleRecord, item: BenchmarkItem, scorer: any ItemScorer) {
            self.sample = sample
            self.item = item
            self.scorer = scorer
        }
    }

    /// Scores a batch of samples in every mode on `parallelism` tasks, each a contiguous slice (scorers are
    /// `Sendable` and score a run's samples concurrently).
    ///
    /// - Parameters:
    ///   - batch: The samples.
    ///   - parallelism: Tasks scoring at once.
    /// - Returns: Each sample's verdicts, in the batch's order.
    public static func score(_ batch: [ScoringWork], parallelism: Int) async -> [[ScoreRecord]] {
        guard !batch.isEmpty else { return [] }
        let sliceSize = (batch.count + max(1, parallelism) - 1) / max(1, parallelism)
        let slices = stride(from: 0, to: batch.count, by: sliceSize).map { batch[$0..<min($0 + sliceSize, batch.count)] }
        if slices.count == 1 { return await scoreSlice(slices[0]) }
        return await withTaskGroup(of: (Int, [[ScoreRecord]]).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask { (index, await scoreSlice(slice)) }
            }
            var bySlice: [Int: [[ScoreRecord]]] = [:]
            for await (index, records) in group { bySlice[index] = records }
            return (0..<slices.count).flatMap { bySlice[$0] ?? [] }
        }
    }

    private static func scoreSlice(_ slice: ArraySlice<ScoringWork>) async -> [[ScoreRecord]] {
        var out: [[ScoreRecord]] = []
        out.reserveCapacity(slice.count)
        for work in slice { out.append(await score(sample: work.sample, item: work.item, scorer: work.scorer)) }
        return out
    }
}
