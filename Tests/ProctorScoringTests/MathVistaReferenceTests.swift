import Testing
import ProctorScoringReference

/// MathVista's published verdicts (~1000 items per model), reproduced item by item.
@Suite(.enabled(if: ReferenceLocation.has("mathvista/reference-outputs"),
                "shared/data/mathvista/reference-outputs is absent: reference agreement not checked"))
struct MathVistaReferenceTests {
    @Test func officialReproducesEveryVerdictFromPublishedExtractions() throws {
        let rows = try MathVistaReference.agreement(dataRoot: ReferenceLocation.dataRoot)
        #expect(rows.count >= 28)
        for row in rows {
            print("MATHVISTA", row.model, row.comparison, "\(row.agreeing)/\(row.total)", row.publishedScore, row.disagreements)
        }
        for row in rows where row.comparison.contains("published run") {
            #expect(row.agreeing == row.total, "\(row.model): \(row.disagreements)")
            #expect(row.publishedScore.contains("(\(row.proctorCorrect)/"), "\(row.model): \(row.proctorCorrect) vs \(row.publishedScore)")
        }
        for row in rows where row.comparison.hasSuffix("vs `true_false`") && row.comparison.contains("response") {
            #expect(row.rate >= 80, "\(row.model) rules vs GPT-4 extraction: \(row.rate)%")
        }
    }
}
