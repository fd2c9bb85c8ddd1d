import Testing
import ProctorScoringReference

/// Qwen2.5-Math's grader verdicts on 800 MATH samples, reproduced item by item.
@Suite(.enabled(if: ReferenceLocation.has("math/reference-outputs/math_cot_100.jsonl"),
                "shared/data/math/reference-outputs/math_cot_100.jsonl is absent: reference agreement not checked"))
struct MathReferenceTests {
    @Test func officialReproducesQwenVerdicts() throws {
        let results = try MathReference.agreement(dataRoot: ReferenceLocation.dataRoot)
        let verdicts = results[0]
        print("MATH", results.map { "\($0.comparison): \($0.agreeing)/\($0.total) \($0.disagreements)" })
        #expect(verdicts.total == 800)
        #expect(verdicts.rate >= 99.5, "agreement \(verdicts.agreeing)/\(verdicts.total); first disagreements: \(verdicts.disagreements)")
    }
}
