import Foundation
import ProctorCore
import ProctorTestSupport
import Testing

/// `report` lists the samples whose official and strict verdicts differ, on a real run: Bard's published MathVista
/// outputs scored with `score` (official from the published GPT-4 extraction, strict from the raw response).
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (mathvista/reference-outputs)"))
struct ModeDisagreementReportTests {
    @Test func reportListsItemsWhereOfficialAndStrictDisagree() async throws {
        let published = Fixtures.sharedData.appendingPathComponent("mathvista/reference-outputs/bard/output_bard.json")
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("d.sqlite").path
        let scored = try await ProctorProcess.run(["score", "--benchmark", "mathvista:testmini", "--predictions", published.path,
                                                   "--model-name", "bard", "--data", Fixtures.sharedData.path, "--db", db])
        #expect(scored.status == 0, "\(scored.stderr)")

        let json = try await ProctorProcess.run(["report", "--format", "json", "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONDecoder().decode([String: JSONValue].self, from: Data(json.stdout.utf8))
        let listed = try #require(report["disagreements"]?.arrayValue)
        #expect(!listed.isEmpty)
        let rows = try JSONDecoder().decode([String: JSONValue].self, from: Data(contentsOf: published))
        for entry in listed {
            let pid = try #require(entry["item_id"]?.stringValue)
            let row = try #require(rows[pid]?.objectValue)
            // The two verdicts differ, official's is the published one, and official read the published extraction.
            #expect(entry["official_correct"] != entry["strict_correct"], "\(pid)")
            #expect(entry["official_correct"] == row["true_false"], "\(pid)")
            #expect(entry["official_extracted"]?.stringValue == row["extraction"]?.stringValue, "\(pid)")
        }

        let text = try await ProctorProcess.run(["report", "--db", db])
        #expect(text.stdout.contains("### Items where official and strict disagree"))
        let first = try #require(listed.first?["item_id"]?.stringValue)
        #expect(text.stdout.contains("| mathvista:testmini | \(first) |"))
        let html = try await ProctorProcess.run(["report", "--format", "html", "--db", db])
        #expect(html.stdout.contains("Items where official and strict disagree"))
        #expect(html.stdout.contains("<td>\(first)</td>"))
    }
}
