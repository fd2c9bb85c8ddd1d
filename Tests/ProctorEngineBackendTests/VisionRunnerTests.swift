import Foundation
import ProctorCore
import ProctorEngineBackend
import ProctorRunner
import ProctorStore
import Testing

/// Accepts every output: the run, not the answers, is under test.
private struct AcceptingScorer: AnswerScorer {
    let id = "accept"
    let version = 1
    func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        Verdict(extracted: input.response, correct: true, rule: "accept")
    }
}

@Suite("Engine backend: a run with images", .enabled(if: TinyInternVLCheckpoint.available, TinyInternVLCheckpoint.skipReason))
struct VisionRunnerTests {
    @Test("an item whose image does not decode becomes a failed sample; the other items run and are stored")
    func undecodableImageIsARecordedFailure() async throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let good = try TinyInternVLCheckpoint.png("square-56.png")
        // Passes the data layer's structural check (a GIF header) but the engine decodes JPEG and PNG only.
        let gif = ImageAttachment(data: Data("GIF89a".utf8) + good.data.dropFirst(6), name: "images/animated.gif")
        let benchmark = BenchmarkName(name: "toy-vision", split: "test")
        let items = [("good", good), ("bad", gif)].map { id, image in
            BenchmarkItem(benchmark: benchmark, id: id, messages: [ChatMessage(role: .user, parts: [.image(image), .text("What is shown?")])],
                          promptTemplate: "toy-v1", answer: "x")
        }
        let database = try ResultsDatabase(path: folder.appendingPathComponent("run.sqlite").path)
        let plan = RunPlan(
            config: RunConfig(model: backend.identity, parameters: GenerationParameters(maxTokens: 4), samples: 1, preset: nil),
            benchmarks: [BenchmarkPlan(name: benchmark, items: items, scorer: AcceptingScorer())], harnessVersion: "test")
        let summary = try await Runner(database: database, backend: backend).run(plan)
        let samples = Dictionary(uniqueKeysWithValues: try database.samples(runID: summary.run.runID).map { ($0.key.itemID, $0) })
        #expect(samples.count == 2)
        let ok = try #require(samples["good"])
        #expect(ok.error == nil && ok.output != nil)
        #expect(ok.renderedPrompt?.contains("<img>" + String(repeating: "<IMG_CONTEXT>", count: 4) + "</img>\nWhat is shown?") == true)
        #expect(ok.imageHashes == [good.sha256])
        let failed = try #require(samples["bad"])
        #expect(failed.output == nil)
        #expect(failed.error?.contains("images/animated.gif") == true, "\(failed.error ?? "no error")")
    }
}
