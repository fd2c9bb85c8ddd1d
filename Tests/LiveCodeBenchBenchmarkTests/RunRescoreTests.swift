import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// A run over problems without tests stores its outputs with `ungradable` verdicts; `rescore` with the tests
/// present grades the stored outputs, without inference.
@Suite(.enabled(if: LCBFixtures.hasPython, "needs python3 on PATH"))
struct RunRescoreTests {
    static let programs = [
        "Print their sum": "n = int(input())\nprint(sum(map(int, input().split())))",
        "average": "n = int(input())\na = list(map(int, input().split()))\nprint(f'{sum(a) / n:.10f}')",
        "k added": "class Solution:\n    def addToEach(self, k, nums):\n        return [x + k for x in nums]",
    ]

    /// A data root whose release_v5 is a problems-only file holding the fixture problems.
    func problemsOnlyRoot() throws -> DataLocation {
        let root = try Fixtures.temporaryDirectory("lcb-problems-only")
        let folder = root.appendingPathComponent("livecodebench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ""
        for name in ["test.jsonl", "test2.jsonl"] {
            for (_, problem) in try JSONLines.decode(LCBProblem.self, from: LCBFixtures.root.appendingPathComponent("livecodebench/\(name)")) {
                var bare = problem
                bare.metadata = nil
                lines += String(decoding: try JSONEncoder().encode(bare), as: UTF8.self) + "\n"
            }
        }
        try lines.write(to: folder.appendingPathComponent(LCBDataFiles.problemsOnlyFile), atomically: true, encoding: .utf8)
        return DataLocation(root: root, hubCache: nil)
    }

    @Test func outputsStoredWithoutTestsAreGradedByRescoreOnceTestsArePresent() async throws {
        let bare = try problemsOnlyRoot()
        let definition = LiveCodeBenchBenchmark.definition
        let items = try definition.adapter.load(split: "release_v5", from: bare)
        #expect(items.map(\.id) == ["fx_sum", "fx_avg", "9001"])
        #expect(items.allSatisfy { $0.fields["has_tests"] == .bool(false) })
        let backend = ScriptedBackend { request, _ in
            let prompt = request.messages.map(\.text).joined()
            let program = Self.programs.first { prompt.contains($0.key) }?.value ?? "print()"
            return GenerationResult(text: LCBFixtures.answer(program), finishReason: .stop)
        }
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("run.sqlite").path)
        let plan = RunPlan(
            config: RunConfig(
                model: ModelIdentity(kind: "scripted", name: "scripted", location: "memory"), parameters: GenerationParameters(temperature: 0, maxTokens: 64),
                samples: 1, preset: nil),
            benchmarks: [BenchmarkPlan(name: BenchmarkName(name: "livecodebench", split: "release_v5"), items: items,
                                       scorer: try definition.makeScorer(ScorerContext(data: bare)))],
            harnessVersion: "test")
        let summary = try await Runner(database: db, backend: backend).run(plan)
        let before = try db.scores(runID: summary.run.runID, mode: .official)
        #expect(before.count == 3)
        // No program ran: only the timeout is known about the scoring environment.
        #expect(try db.settings(runID: summary.run.runID)["livecodebench:release_v5"]?["python"] == nil)
        #expect(before.allSatisfy { $0.verdict.rule == "ungradable" && !$0.verdict.correct && $0.verdict.extracted?.isEmpty == false })
        #expect(try db.samples(runID: summary.run.runID).allSatisfy { $0.output?.contains("```python") == true })

        let rescore = Rescore(
            database: db, definition: { _ in definition }, context: ScorerContext(data: LCBFixtures.location, execWorkers: 2, options: ["timeout": "2"]))
        let result = try await rescore.run(db.runs())
        #expect(result.samples == 3)
        #expect(result.changed == 3)
        let after = try db.scores(runID: summary.run.runID, mode: .official)
        #expect(after.count == 3)
        #expect(after.allSatisfy { $0.verdict.correct && $0.verdict.rule == "all-tests-passed" }, "\(after.map(\.verdict.details))")
        #expect(after.allSatisfy { !$0.verdict.subResults.isEmpty })

        // The interpreter the programs ran on is recorded with the run, as `python3` itself reports its version.
        let settings = try #require(try db.settings(runID: summary.run.runID)["livecodebench:release_v5"])
        let version = try Self.python3Version()
        #expect(settings["python"] == version, "\(settings)")
        #expect(settings["sandbox"] == "namespaces" || settings["sandbox"] == "rlimits-only", "\(settings)")
        #expect(settings["lcb_timeout_seconds"] == "2.0" || settings["lcb_timeout_seconds"] == "2", "\(settings)")
        let report = Report(results: [try RunResults(run: summary.run, mode: .official, database: db)])
        #expect(report.markdown().contains("python=\(version)"), "the report shows the scoring environment")
    }

    /// `platform.python_version()` of the `python3` on PATH.
    static func python3Version() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import platform; print(platform.python_version())"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
