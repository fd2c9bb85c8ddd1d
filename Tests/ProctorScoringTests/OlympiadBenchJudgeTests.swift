import Foundation
import Testing
@testable import ProctorScoring
import ProctorScoringReference

/// Every (ground truth, answer, precision) pair of OlympiadBench's `scoring_examples.json`.
@Suite(.enabled(if: ReferenceLocation.has("olympiadbench/reference-outputs/scoring_examples.json"),
                "shared/data/olympiadbench/reference-outputs/scoring_examples.json is absent"))
struct OlympiadBenchJudgeTests {
    @Test func everyScoringExample() throws {
        let rows = try OlympiadBenchReference.agreement(dataRoot: ReferenceLocation.dataRoot)
        print("OLYMPIAD", rows.map { "\($0.agreeing)/\($0.total) \($0.disagreements)" })
        #expect(rows.first?.total ?? 0 >= 30)
        #expect(rows.first?.rate == 100, "disagreements: \(rows.first?.disagreements ?? [])")
    }
}
