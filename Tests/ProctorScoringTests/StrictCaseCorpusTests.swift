import Foundation
import Testing
import ProctorScoringReference

/// `strict` against the hand labels of the realistic-output corpus (Fixtures/strict-cases.jsonl).
struct StrictCaseCorpusTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/strict-cases.jsonl")

    @Test func strictAgreesWithTheLabels() throws {
        let cases = try StrictCaseCorpus.load(Self.file)
        #expect(cases.count >= 200)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids are unique")
        // Both verdicts occur in every benchmark, so a scorer that always says yes (or no) fails.
        for benchmark in Set(cases.map(\.benchmark)) {
            let labels = Set(cases.filter { $0.benchmark == benchmark }.map(\.label))
            #expect(labels == [true, false], "\(benchmark) has cases of one label only")
        }
        let tables = try StrictCaseCorpus.strictConfusion(cases)
        print(StrictCaseCorpus.markdown(tables, command: "swift test --filter StrictCaseCorpusTests"))
        let all = try #require(tables["all"])
        #expect(all.agreement >= 99, "misses: \(all.misses)")
    }
}
