import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor score`, `list` and `run --release` for LiveBench, through the executable.
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the LiveBench files)"))
struct LiveBenchCommandTests {
    static let reference = Fixtures.sharedData.appendingPathComponent("livebench/reference-outputs")

    /// The official answer file as it is, scored item by item like the published judgments.
    @Test(arguments: ["zebra_puzzle", "tablejoin"])
    func scoresOfficialAnswerFiles(task: String) async throws {
        let category = task == "zebra_puzzle" ? "reasoning" : "data_analysis"
        let folder = Self.reference.appendingPathComponent("\(category)/\(task)")
        let answers = folder.appendingPathComponent("model_answer/zft-community-8b-bs4.jsonl")
        let judgments = try JSONLines.decode(JSONValue.self, from: folder.appendingPathComponent("model_judgment/ground_truth_judgment.jsonl"))
        let published = Dictionary(uniqueKeysWithValues: judgments.compactMap { _, j in
            j["question_id"]?.stringValue.flatMap { id in j["score"]?.doubleValue.map { (id, $0) } }
        })
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let outcome = try await ProctorProcess.run([
            "score", "--benchmark", "livebench:\(task)", "--predictions", answers.path, "--json", "--data", Fixtures.sharedData.path, "--db", db,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(outcome.stdout.utf8))
        let mean = published.values.reduce(0, +) / Double(published.count) * 100
        #expect(abs((object["score"]?.doubleValue ?? -1) - mean) < 1e-6)
        let items = try #require(object["items"]?.arrayValue)
        #expect(items.count == published.count)
        for item in items {
            let id = try #require(item["id"]?.stringValue)
            #expect(item["correct"] == .bool(published[id] == 1), "\(id)")
        }
    }

    @Test func listNamesTheTasksThatCannotRun() async throws {
        let outcome = try await ProctorProcess.run(["list", "benchmarks", "--data", Fixtures.sharedData.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for task in ["LCB_generation", "coding_completion", "connections", "plot_unscrambling", "typos"] {
            let line = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("| livebench:\(task) ") }
            #expect(line?.contains("not runnable: its question file is not in the data") == true, "\(task)")
        }
        #expect(outcome.stdout.contains("| livebench-avg |"))
    }

    @Test func releasesAreChecked() async throws {
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path
        let unknown = try await ProctorProcess.run([
            "run", "--model", "openai:http://127.0.0.1:9/v1", "--benchmarks", "livebench:cta", "--release", "2024-13-01", "--data",
            Fixtures.sharedData.path, "--db", db,
        ])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("2024-11-25"), "names the known releases: \(unknown.stderr)")
        let none = try await ProctorProcess.run([
            "run", "--model", "openai:http://127.0.0.1:9/v1", "--benchmarks", "aime24", "--release", "2024-11-25", "--db", db,
        ])
        #expect(none.status != 0)
        #expect(none.stderr.contains("has releases"), "\(none.stderr)")
    }

    /// The release a run uses is stored with it and shown in the report: `--release`, else the latest; a run of
    /// benchmarks without releases stores none. The echo server answers, so the runs complete.
    @Test func theReleaseIsStoredAndReported() async throws {
        let server = try await ServeProcess(["--echo"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path
        let common = ["run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--limit", "1", "--data", Fixtures.sharedData.path, "--db", db]
        let older = try await ProctorProcess.run(common + ["--benchmarks", "livebench:cta", "--release", "2024-11-25"], timeout: 300)
        #expect(older.status == 0, "\(older.stderr)")
        #expect(older.stdout.contains("release=2024-11-25"), "\(older.stdout)")
        let latest = try await ProctorProcess.run(common + ["--benchmarks", "livebench:cta"], timeout: 300)
        #expect(latest.status == 0, "\(latest.stderr)")
        let plain = try await ProctorProcess.run(common + ["--benchmarks", "aime24"], timeout: 300)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("release="))
        let runs = try ResultsDatabase(path: db).runs()
        #expect(Set(runs.map(\.config.release)) == ["2024-11-25", "2025-05-30", nil])
        let list = try await ProctorProcess.run(["list", "runs", "--db", db])
        #expect(list.stdout.contains("release=2024-11-25"))
    }
}
