import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
struct ScoreCommandTests {
    struct Problem: Decodable {
        var answer: String
        var uniqueID: String
        enum CodingKeys: String, CodingKey { case answer, uniqueID = "unique_id" }
    }

    /// Writes predictions for the first `count` MATH-500 problems: right except where `wrong(index)`.
    func predictions(count: Int, wrong: (Int) -> Bool) throws -> URL {
        let problems = try JSONLines.decode(Problem.self, from: Fixtures.sharedData.appendingPathComponent("math500/test.jsonl")).prefix(count)
        var text = ""
        for (index, (_, problem)) in problems.enumerated() {
            let answer = wrong(index) ? "\\text{no idea}" : problem.answer
            let line: [String: String] = ["id": problem.uniqueID, "response": "<think>Let me see.</think>\nSo the answer is $\\boxed{\(answer)}$."]
            text += String(decoding: try JSONEncoder().encode(line), as: UTF8.self) + "\n"
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("predictions.jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func jsonOutputHasTheDocumentedShape() async throws {
        let file = try predictions(count: 20, wrong: { $0 % 4 == 0 })
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run(["score", "--benchmark", "math500", "--predictions", file.path, "--json", "--data", Fixtures.sharedData.path, "--db", db])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(outcome.stdout.utf8))
        #expect(object["benchmark"]?.stringValue == "math500:test")
        #expect(object["mode"]?.stringValue == "official")
        #expect(object["n_items"]?.intValue == 20)
        #expect(object["n_samples"]?.intValue == 20)
        #expect(object["score"]?.doubleValue == 75)
        #expect(object["metrics"]?.objectValue != nil)
        let items = try #require(object["items"]?.arrayValue)
        #expect(items.count == 20)
        #expect(items.filter { $0["correct"] == .bool(true) }.count == 15)
        #expect(items.allSatisfy { $0["id"]?.stringValue?.hasPrefix("test/") == true && $0["sample"]?.intValue == 0 })
    }

    @Test func aMalformedLineNamesItsNumberAndStoresNothing() async throws {
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("bad.jsonl")
        try Data("{\"id\": \"60\", \"response\": \"\\\\boxed{204}\"}\n{\"id\": \"61\", \"response\": oops}\n".utf8).write(to: file)
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run(["score", "--benchmark", "aime24", "--predictions", file.path, "--data", Fixtures.sharedData.path, "--db", db])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("bad.jsonl:2"))
        #expect(try ResultsDatabase(path: db).runs().isEmpty)
    }

    @Test func compareGatesARegressionButNotANullChange() async throws {
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
        let good = try predictions(count: 200, wrong: { $0 % 10 == 0 })
        let worse = try predictions(count: 200, wrong: { $0 % 10 == 0 || $0 % 3 == 0 })
        for (file, name) in [(good, "base"), (good, "same"), (worse, "worse")] {
            let outcome = try await ProctorProcess.run(["score", "--benchmark", "math500", "--predictions", file.path, "--model-name", name, "--data", Fixtures.sharedData.path, "--db", db])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let regression = try await ProctorProcess.run(["compare", "base", "worse", "--fail-on-regression", "--db", db])
        #expect(regression.status == 1)
        #expect(regression.stdout.contains("REGRESSION"))
        let null = try await ProctorProcess.run(["compare", "base", "same", "--fail-on-regression", "--db", db])
        #expect(null.status == 0, "\(null.stderr)")
        #expect(null.stdout.contains("no significant change"))
    }
}
