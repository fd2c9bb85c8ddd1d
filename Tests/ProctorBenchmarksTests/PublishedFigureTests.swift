import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// The published outputs in ../shared/data scored as a user would (`proctor score`, with the file's model named
/// by its file name or by `--label`): each report line puts the figure its source publishes inside the run's 95%
/// confidence interval. The figures come from the committed registry, the verdicts from scoring the files now.
/// Serialized: each case loads and scores thousands of items synchronously, and 30 of them at once would hold every
/// thread of the concurrency pool for minutes (starving tests that wait on in-process servers).
@Suite(.serialized, .enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files and their reference outputs)"))
struct PublishedFigureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var benchmark: String
        var file: String
        var label: String?
        var source: String
        /// The data root, when not ../shared/data itself (BFCL's v1 files sit beside the published results).
        var root: String? = nil
        var testDescription: String { "\(benchmark) \(file)" }
    }

    static let cases: [Case] = [
        "bard/output_bard.json", "gpt4/output_gpt4.json", "llava/output_llava_llama_2_13b.json",
        "instruct_blip2/output_instruct_blip2_vicuna_13b.json", "idefics/output_idefics_9b_instruct.json",
        "minigpt4/output_minigpt4_llama2.json", "random/output_random_guess.json", "random/output_frequent_guess.json",
    ].map { Case(benchmark: "mathvista:testmini", file: "mathvista/reference-outputs/\($0)", source: "mathvista-results") } + [
        "Random-Chance.jsonl", "open-source/LLavA/LLaVA-v1.5-7B.jsonl", "open-source/ShereGPT4V/ShareGPT4V-7B.jsonl",
        "open-source/Internlm/InternLM-XComposer2-VL.jsonl", "open-source/Sphinx/SPHINX-MoE.jsonl", "closed-source/Gemini/Gemini-Pro.jsonl",
        "closed-source/GPT/GPT4-CoT (Text Only).jsonl",
    ].map { Case(benchmark: "mathvision:test", file: "mathvision/reference-outputs/\($0)", source: "mathvision-outputs") } + [
        Case(benchmark: "mmmu:validation", file: "mmmu/reference-outputs/llava1.5_13b_val.json", label: "llava1.5_13b", source: "mmmu-example-outputs"),
        Case(benchmark: "mmmu_pro:standard10", file: "mmmu_pro/reference-outputs/gpt-4o_standard(10 options)_cot.jsonl", label: "gpt-4o-2024-05-13", source: "mmmu-pro-outputs"),
        Case(benchmark: "mmmu_pro:standard10", file: "mmmu_pro/reference-outputs/gpt-4o_standard(10 options)_direct.jsonl", label: "gpt-4o-2024-05-13", source: "mmmu-pro-outputs"),
        Case(benchmark: "livecodebench:release_v5", file: "livecodebench/reference-outputs/O1-Mini-2024-09-12 (N=1)/Scenario.codegeneration_1_0.2_eval_all.json",
             label: "o1-mini-2024-09-12", source: "livecodebench-submissions"),
    ] + ["simple", "multiple_function", "parallel_function", "parallel_multiple_function", "java", "javascript", "relevance"].map { category in
        Case(benchmark: "bfcl:\(category)", file: "bfcl/reference-outputs/result/gpt-4-0125-preview/gorilla_openfunctions_v1_test_\(category)_result.json",
             label: "gpt-4-0125-preview", source: "bfcl-leaderboard-2024-08-11", root: "bfcl/reference-outputs/v1-data")
    } + [
        ("math", "AMPS_Hard"), ("math", "math_comp"), ("math", "olympiad"), ("reasoning", "spatial"), ("reasoning", "web_of_lies_v2"),
        ("reasoning", "zebra_puzzle"), ("data_analysis", "cta"), ("data_analysis", "tablejoin"), ("data_analysis", "tablereformat"),
        ("instruction_following", "paraphrase"), ("instruction_following", "simplify"), ("instruction_following", "story_generation"),
        ("instruction_following", "summarize"),
    ].map { category, task in
        Case(benchmark: "livebench:\(task)", file: "livebench/reference-outputs/\(category)/\(task)/model_answer/zft-community-8b-bs4.jsonl",
             source: "livebench-pr271")
    }

    @Test(arguments: cases)
    func scoringThePublishedOutputsLandsOnThePublishedFigure(_ c: Case) async throws {
        let file = Fixtures.sharedData.appendingPathComponent(c.file)
        try #require(FileManager.default.fileExists(atPath: file.path), "\(c.file) is absent from ../shared/data")
        let resolved = try BenchmarkRegistry.resolve(c.benchmark)
        let root = c.root.map { Fixtures.sharedData.appendingPathComponent($0) } ?? Fixtures.sharedData
        let importer = PredictionImport(
            definition: resolved.definition, name: resolved.name, location: DataLocation(root: root, hubCache: nil), batchSize: 500)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("p.sqlite").path)
        let summary = try await importer.run(
            file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil, label: c.label)
        let report = Report(results: [try RunResults(run: summary.run, mode: .official, database: db)], metrics: BenchmarkRegistry.metricsByBenchmark)
        let checks = report.published.filter { $0.source == c.source }
        try #require(checks.count == 1, "expected one line for \(c.source), got \(report.published.map { "\($0.source) \($0.reportedAs)" })")
        let check = checks[0]
        #expect(check.inside == true, "\(c.file): measured \(check.measured ?? .nan) ± \(check.ci95 ?? .nan), published \(check.published): \(check.verdict)")
        #expect(check.differences.contains { $0.hasPrefix("outputs imported") }, "an imported run must say its settings are the file's")
    }

    /// The IFEval paper's GPT-4 row: all four official metrics of the published responses land on the paper's figures.
    @Test func ifevalPaperMetricsAllLandInsideTheirIntervals() async throws {
        let file = Fixtures.sharedData.appendingPathComponent("ifeval/reference-outputs/eval_results_strict.jsonl")
        let resolved = try BenchmarkRegistry.resolve("ifeval")
        let importer = PredictionImport(
            definition: resolved.definition, name: resolved.name, location: DataLocation(root: Fixtures.sharedData, hubCache: nil), batchSize: 500)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("i.sqlite").path)
        let summary = try await importer.run(
            file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        let report = Report(results: [try RunResults(run: summary.run, mode: .official, database: db)], metrics: BenchmarkRegistry.metricsByBenchmark)
        let checks = report.published.filter { $0.source == "ifeval-paper" }
        #expect(Set(checks.map(\.metric)) == ["prompt_level_strict", "inst_level_strict", "prompt_level_loose", "inst_level_loose"])
        for check in checks {
            #expect(check.inside == true, "\(check.metric): \(check.verdict)")
            #expect(check.differences.contains("items: source 541, run 540"), "the published file lacks one prompt: \(check.differences)")
        }
    }

    /// A run of a model no source names has no published line; a run whose label names the model does.
    @Test func onlyMatchingRunsGetPublishedLines() async throws {
        let file = Fixtures.sharedData.appendingPathComponent("mmmu_pro/reference-outputs/gpt-4o_standard(10 options)_direct.jsonl")
        let resolved = try BenchmarkRegistry.resolve("mmmu_pro:standard10")
        let importer = PredictionImport(
            definition: resolved.definition, name: resolved.name, location: DataLocation(root: Fixtures.sharedData, hubCache: nil), batchSize: 500)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("q.sqlite").path)
        let summary = try await importer.run(
            file, modelName: "my-checkpoint", context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        let report = Report(results: [try RunResults(run: summary.run, mode: .official, database: db)], metrics: BenchmarkRegistry.metricsByBenchmark)
        // The file name still ties the run to the figure computed from that file only when the model is matched.
        #expect(report.published.isEmpty, "\(report.published.map(\.source))")
        #expect(!report.markdown().contains("Published figures"))
    }
}

/// `proctor score --start-date/--end-date`: the LiveCodeBench submission's contest-date window as the official
/// leaderboard reports it, computed from the file's own per-problem pass@1.
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the LiveCodeBench submission)"))
struct ScoreDateWindowTests {
    @Test func aWindowScoresOnlyTheItemsDatedInsideIt() async throws {
        let file = Fixtures.sharedData.appendingPathComponent(
            "livecodebench/reference-outputs/O1-Mini-2024-09-12 (N=1)/Scenario.codegeneration_1_0.2_eval_all.json")
        try #require(FileManager.default.fileExists(atPath: file.path), "the LiveCodeBench submission is absent")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        let inWindow = rows.filter { row in
            let day = String((row["contest_date"] as? String ?? "").prefix(10))
            return day >= "2024-08-01" && day <= "2025-01-31"
        }
        let expected = inWindow.compactMap { $0["pass@1"] as? Double }.reduce(0, +) / Double(inWindow.count) * 100
        let resolved = try BenchmarkRegistry.resolve("livecodebench:release_v5")
        let importer = PredictionImport(
            definition: resolved.definition, name: resolved.name, location: DataLocation(root: Fixtures.sharedData, hubCache: nil), batchSize: 500)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("w.sqlite").path)
        let whole = try await importer.run(file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        let windowed = try await importer.run(
            file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil,
            startDate: "2024-08-01", endDate: "2025-01-31")
        #expect(whole.run.runID != windowed.run.runID, "a window is a run of its own")
        #expect(Set(windowed.entries.map(\.sample.key.itemID)).count == inWindow.count)
        let metrics = BenchmarkMetrics(
            benchmark: "livecodebench:release_v5", results: try RunResults(run: windowed.run, mode: .official, database: db).benchmarks["livecodebench:release_v5"] ?? [:],
            items: [:])
        #expect(abs(metrics.pass1 - expected) < 1e-9, "\(metrics.pass1) vs the file's \(expected)")
        await #expect(throws: ProctorError.self) {
            try await PredictionImport(
                definition: BenchmarkRegistry.resolve("mathvista").definition, name: BenchmarkRegistry.resolve("mathvista").name,
                location: DataLocation(root: Fixtures.sharedData, hubCache: nil), batchSize: 500
            ).run(Fixtures.sharedData.appendingPathComponent("mathvista/reference-outputs/bard/output_bard.json"), modelName: nil,
                  context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil, startDate: "2024-01-01")
        }
    }
}
