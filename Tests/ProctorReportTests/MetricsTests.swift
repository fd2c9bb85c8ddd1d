import Foundation
import ProctorCore
import ProctorReport
import Testing

@Suite struct MetricsTests {
    @Test(arguments: [
        // (n, c, k, expected): values from the closed form 1 - C(n-c, k)/C(n, k).
        (10, 0, 1, 0.0), (10, 10, 5, 1.0), (10, 3, 1, 0.3), (10, 3, 2, 1 - 21.0 / 45.0), (5, 2, 5, 1.0), (64, 1, 8, 0.125),
    ])
    func passAtKMatchesTheClosedForm(n: Int, c: Int, k: Int, expected: Double) throws {
        let value = try #require(PassAtK.estimate(n: n, c: c, k: k))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func passAtKNeedsEnoughSamples() {
        #expect(PassAtK.estimate(n: 2, c: 1, k: 4) == nil)
    }

    @Test func majorityVoteBreaksTiesByFirstOccurrence() {
        #expect(PassAtK.majorityCorrect([("3", false), ("5", true), ("5", true), ("3", false), ("3", false)]) == false)
        #expect(PassAtK.majorityCorrect([("5", true), ("3", false)]) == true)
        #expect(PassAtK.majorityCorrect([(nil, false), (nil, false)]) == false)
    }

    @Test func metricsAverageOverItemsThenSamples() {
        func verdicts(_ correct: [Bool]) -> [Verdict] { correct.map { Verdict(extracted: $0 ? "1" : "2", correct: $0, rule: "t") } }
        let results: [String: ItemResult] = [
            "a": ItemResult(itemID: "a", verdicts: verdicts([true, true, false, false]), failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: verdicts([false, false, false, false]), failed: 0, hitLength: 1),
            "c": ItemResult(itemID: "c", verdicts: [], failed: 4, hitLength: 0),
        ]
        let m = BenchmarkMetrics(benchmark: "toy:test", results: results, items: [:])
        #expect(m.items == 2)
        #expect(abs(m.pass1 - 25) < 1e-9)
        #expect(m.failed == 4)
        #expect(m.passAtK[2].map { abs($0 - (1 - 1.0 / 6.0) * 50) < 1e-9 } == true)
        #expect(m.passAtK[4] == 50)
        #expect(abs(m.truncationRate - 12.5) < 1e-9)
    }

    @Test func signTestIsExact() {
        // Two-sided exact binomial: 0 vs 6 discordant → 2 · (1/2)^6.
        #expect(abs(Comparison.signTest(0, 6) - 2.0 / 64.0) < 1e-12)
        #expect(Comparison.signTest(3, 3) == 1)
        #expect(Comparison.signTest(0, 0) == 1)
        // 10 vs 30: scipy.stats.binomtest(10, 40).pvalue = 0.00222143
        #expect(abs(Comparison.signTest(10, 30) - 0.00222143) < 1e-7)
    }

    @Test func holmIsMonotoneAndCapped() {
        let adjusted = Comparison.holm([0.01, 0.04, 0.03, 0.5])
        #expect(adjusted == [0.04, 0.09, 0.09, 0.5])
    }
}
