import Testing
import ProctorScoringReference

/// MMMU's LLaVA-1.5-13B example outputs and MMMU-Pro's GPT-4o outputs, item by item.
struct MMMUReferenceTests {
    @Test(.enabled(if: ReferenceLocation.has("mmmu/reference-outputs/llava1.5_13b") && ReferenceLocation.has("mmmu/answer_dict_val.json"),
                   "shared/data/mmmu reference outputs are absent: MMMU agreement not checked"))
    func mmmuEvalOnlyAndParseAndEval() throws {
        let rows = try MMMUReference.mmmu(dataRoot: ReferenceLocation.dataRoot)
        for row in rows.prefix(3) { print("MMMU", row.comparison, "\(row.agreeing)/\(row.total)", row.proctorCorrect, row.disagreements) }
        #expect(rows[0].total == 900)
        #expect(rows[0].proctorCorrect == 328, "exact-match count \(rows[0].proctorCorrect), published 328/900 = 36.4")
        // The official eval also parses the 53 open answers; two of LLaVA's open predictions pass its rules.
        #expect(rows[1].proctorCorrect == 330)
        #expect(rows[2].rate == 100, "parsed predictions differ: \(rows[2].disagreements)")
        let subjects = rows.dropFirst(3)
        #expect(subjects.count == 30)
        for s in subjects {
            // Per-subject verdicts agree on every item the official parser decides without its random fallback.
            #expect(s.rate == 100, "\(s.model): \(s.disagreements)")
        }
    }

    @Test(.enabled(if: ReferenceLocation.has("mmmu_pro/reference-outputs"), "shared/data/mmmu_pro/reference-outputs is absent"))
    func mmmuProReproducesIfRight() throws {
        let rows = try MMMUReference.mmmuPro(dataRoot: ReferenceLocation.dataRoot)
        #expect(rows.count == 4)
        for row in rows where row.comparison.hasPrefix("official") {
            print("MMMUPRO", row.model, "\(row.agreeing)/\(row.total)", row.proctorCorrect, row.publishedCorrect, row.disagreements)
            #expect(row.rate >= 99.5, "\(row.model): \(row.agreeing)/\(row.total) e.g. \(row.disagreements)")
        }
    }
}
