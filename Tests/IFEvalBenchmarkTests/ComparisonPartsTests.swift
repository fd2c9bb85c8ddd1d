import IFEvalBenchmark
import ProctorCore
@testable import ProctorReport
import Testing

/// `compare` at instruction level: the instructions whose verdict changed between two runs.
struct ComparisonPartsTests {
    @Test func instructionsThatFlippedAreListedInOrder() {
        let item = IFEvalScorerTests.threeInstructions
        func result(_ response: String) -> ItemResult {
            ItemResult(itemID: "a", verdicts: [IFEvalScorer().score(ScoringInput(response: response), item: item, mode: .official)], failed: 0, hitLength: 0)
        }
        // Base: comma (fails), quoted, three words. New: no comma, not quoted, three words.
        let flips = Comparison.partChanges(result("\"one, two three\""), result("one two three"))
        #expect(flips.map(\.id) == ["punctuation:no_comma", "startend:quotation"])
        #expect(flips.map(\.index) == [0, 1])
        #expect(flips.map(\.base) == [0, 1] && flips.map(\.new) == [1, 0])
        #expect(Comparison.partChanges(result("same"), result("same")).isEmpty)
    }
}
