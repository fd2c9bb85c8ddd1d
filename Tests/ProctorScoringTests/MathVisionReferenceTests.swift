import Testing
import ProctorScoringReference

/// MATH-V's published `correct` flags (3,040 items per model), reproduced item by item.
@Suite(.enabled(if: ReferenceLocation.has("mathvision/reference-outputs") && ReferenceLocation.has("mathvision/data/test.jsonl"),
                "shared/data/mathvision is absent: reference agreement not checked"))
struct MathVisionReferenceTests {
    @Test func officialReproducesPublishedVerdicts() throws {
        let rows = try MathVisionReference.agreement(dataRoot: ReferenceLocation.dataRoot)
        #expect(rows.count >= 14)
        for row in rows where row.comparison.hasPrefix("official") {
            print("MATHV", row.model, "\(row.agreeing)/\(row.total)", "proctor \(row.proctorCorrect) published \(row.publishedCorrect) stated \(row.publishedScore)", row.disagreements)
            #expect(row.rate >= 99.5, "\(row.model): \(row.agreeing)/\(row.total), e.g. \(row.disagreements)")
            // Item 3013 (`4/3` against `\frac{4}{3}`, published as wrong in the Gemini file) is the one documented
            // disagreement the official code does not explain; it is allowed to move a total.
            let slack = row.disagreements.filter { $0 == "3013" }.count
            let stated = Int(row.publishedScore.prefix { $0 != "/" }) ?? -1
            #expect(abs(stated - row.proctorCorrect) <= slack, "\(row.model): \(row.proctorCorrect) vs \(row.publishedScore)")
        }
    }
}
