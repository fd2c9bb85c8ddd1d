import CKernels
import Testing

@Suite("thread pool scheduling")
struct PoolTests {
    @Test("guided claims cover every row once, in whole groups, long runs first", arguments: [(1000, 2), (49152, 2), (960, 4), (8, 2), (13, 3)])
    func guidedClaims(total: Int, threads: Int) {
        var next: Int64 = 0, end: Int64 = 0
        var ranges: [Range<Int>] = []
        while true {
            let begin = ck_claim_guided(&next, Int64(total), 8, Int32(threads), &end)
            guard begin >= 0 else { break }
            ranges.append(Int(begin)..<Int(end))
        }
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == total)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        // Non-increasing, except the last range, which is whatever was left.
        let sizes = ranges.dropLast().map(\.count)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(ranges.dropLast().allSatisfy { $0.count % 8 == 0 && !$0.isEmpty })
        if total >= 1000 { #expect(ranges[0].count >= total / (2 * threads) - 8) }
    }
}
