import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the MMMU files)"))
struct PromptVariantRunTests {
    /// `proctor run --prompt vlmevalkit` sends VLMEvalKit's MMMU prompt (the echo server answers with what it got), is
    /// a run of its own beside the official one, and says which prompts it used; a benchmark without the variant
    /// keeps its official prompt and says so.
    @Test func theVLMEvalKitPromptIsSentAndRecorded() async throws {
        let server = try await ServeProcess(["--echo"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("p.sqlite").path
        let common = [
            "run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--limit", "2", "--allow-partial",
            "--data", Fixtures.sharedData.path, "--db", db,
        ]
        let styled = try await ProctorProcess.run(common + ["--benchmarks", "mmmu,aime24", "--prompt", "vlmevalkit"], timeout: 300)
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(styled.stderr.contains("aime24 has no vlmevalkit prompt variant"))
        let official = try await ProctorProcess.run(common + ["--benchmarks", "mmmu"], timeout: 300)
        #expect(official.status == 0, "\(official.stderr)")

        let database = try ResultsDatabase(path: db)
        let runs = try database.runs()
        #expect(runs.count == 2)
        let vlm = try #require(runs.first { $0.config.promptStyle == "vlmevalkit" })
        let plain = try #require(runs.first { $0.config.promptStyle == nil })
        for sample in try database.samples(runID: vlm.runID) where sample.key.benchmark == "mmmu:validation" {
            #expect(sample.output?.contains("Please select the correct answer from the options above.") == true)
        }
        for sample in try database.samples(runID: plain.runID) {
            #expect(sample.output?.contains("Answer with the option's letter from the given choices directly.") == true)
        }
        #expect(try database.samples(runID: vlm.runID).count == 4)
        let list = try await ProctorProcess.run(["list", "runs", "--db", db])
        #expect(list.stdout.contains("prompt=vlmevalkit"))
    }
}
