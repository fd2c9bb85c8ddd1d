import Foundation
import ProctorCore
import ProctorTestSupport
import Testing

/// `proctor score --benchmark bfcl:<category>` on a published result file: `--json` items carry `correct` and the
/// official `error_type`, entry by entry as the published score file lists them.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs").path),
                "needs ../shared/data/bfcl/reference-outputs"))
struct BFCLScoreCommandTests {
    static let reference = Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs")

    @Test(arguments: ["java", "parallel_function"])
    func jsonItemsCarryTheOfficialErrorTypes(category: String) async throws {
        let results = Self.reference.appendingPathComponent("result/gpt-4-0125-preview/gorilla_openfunctions_v1_test_\(category)_result.json")
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run([
            "score", "--benchmark", "bfcl:\(category)", "--predictions", results.path, "--json",
            "--data", Self.reference.appendingPathComponent("v1-data").path, "--db", db,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(outcome.stdout.utf8))
        let items = try #require(object["items"]?.arrayValue)
        // The score file numbers entries from 1 in file order; its first line is the accuracy.
        let lines = try String(contentsOf: Self.reference.appendingPathComponent("score/gpt-4-0125-preview/\(category)_score.json"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode([String: JSONValue].self, from: Data($0.utf8)) }
        let official = Dictionary(uniqueKeysWithValues: lines.dropFirst().compactMap { line in
            line["id"]?.intValue.map { ($0 - 1, line["error_type"]?.stringValue ?? "") }
        })
        #expect(items.count == lines.first?["total_count"]?.intValue)
        for (position, item) in items.enumerated() {
            #expect(item["correct"] == .bool(official[position] == nil), "entry \(position + 1)")
            #expect(item["error_type"]?.stringValue == official[position], "entry \(position + 1)")
        }
        #expect(object["score"]?.doubleValue.map { ($0 * 100).rounded() / 100 } == lines.first?["accuracy"]?.doubleValue.map { ($0 * 10000).rounded() / 100 })
    }
}
