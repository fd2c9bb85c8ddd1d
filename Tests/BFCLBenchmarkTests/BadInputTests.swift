import BFCLBenchmark
import Foundation
import ProctorCore
import ProctorTestSupport
import Testing

/// Malformed result files are errors naming the file and line; unusable answers are failed entries with a reason.
@Suite struct BFCLBadInputTests {
    static let v1 = DataLocation(root: Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs/v1-data"), hubCache: nil)
    static let available = FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("bfcl/reference-outputs/v1-data").path)

    func write(_ text: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory("bfcl-bad").appendingPathComponent("results.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func malformedLinesAreNamed() throws {
        let format = try #require(BFCLBenchmark.singleTurn.predictionFormats.first)
        let broken = try write("{\"id\": \"simple_0\", \"result\": \"[f(a=1)]\"}\n{\"id\": \"simple_1\", \"result\": \n")
        #expect { _ = try format.read(broken, items: [:], split: "simple") } throws: { error in
            "\(error)".contains("results.json:2")
        }
        let wrongShape = try write("{\"id\": \"simple_0\", \"result\": \"[f(a=1)]\"}\n{\"id\": \"simple_1\", \"result\": 7}\n")
        #expect { _ = try format.read(wrongShape, items: [:], split: "simple") } throws: { error in
            "\(error)".contains("results.json:2") && "\(error)".contains("simple_1")
        }
        // Not a BFCL result file: left to the next format.
        let proctorLines = try write("{\"id\": \"simple_0\", \"response\": \"[f(a=1)]\"}\n")
        #expect(try format.read(proctorLines, items: [:], split: "simple") == nil)
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/reference-outputs/v1-data"),
          arguments: ["", "I would call the function.", "[calculate_triangle_area(base=10, height=5", "```json\n{}\n```", "[{\"x\": 1}]"])
    func unusableAnswersAreFailedEntriesWithAReason(_ output: String) async throws {
        let item = try #require(try BFCLBenchmark.singleTurn.adapter.load(split: "simple", from: Self.v1).first)
        let verdict = await (try BFCLBenchmark.singleTurn.makeScorer(ScorerContext())).verdict(ScoringInput(response: output), item: item, mode: .official)
        #expect(!verdict.correct)
        #expect(verdict.details["error_type"]?.stringValue?.isEmpty == false)
        #expect(verdict.subResults.count == 1 && verdict.subResults[0].reason != nil)
    }

    @Test func aMissingCategoryFileSaysWhereItLooked() {
        let nowhere = DataLocation(root: URL(fileURLWithPath: "/nonexistent-bfcl"), hubCache: nil)
        #expect { _ = try BFCLBenchmark.singleTurn.adapter.load(split: "multiple_function", from: nowhere) } throws: { error in
            "\(error)".contains("gorilla_openfunctions_v1_test_multiple_function.json") && "\(error)".contains("/nonexistent-bfcl/bfcl")
        }
    }
}
