import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `../shared/engine-golden/tiny-internvl` (random weights, 56-pixel tiles) as a checkpoint folder of symlinks with
/// the tokenizer fixture the engine-backend tests commit (Tests/ProctorEngineBackendTests/Fixtures).
private enum TinyInternVL {
    static let golden = Fixtures.shared.appendingPathComponent("engine-golden/tiny-internvl")
    static let tokenizer = Fixtures.repositoryRoot.appendingPathComponent("Tests/ProctorEngineBackendTests/Fixtures/tiny-internvl-tokenizer")
    static var available: Bool { FileManager.default.fileExists(atPath: golden.appendingPathComponent("model.safetensors").path) }

    static func folder(in parent: URL) throws -> URL {
        let folder = parent.appendingPathComponent("tiny-internvl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, source) in [("config.json", golden), ("model.safetensors", golden), ("tokenizer.json", tokenizer), ("tokenizer_config.json", tokenizer)] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: source.appendingPathComponent(name))
        }
        return folder
    }
}

@Suite(.enabled(if: Fixtures.hasSharedData && TinyInternVL.available, "needs ../shared/data and ../shared/engine-golden/tiny-internvl"))
struct EngineVisionRunTests {
    /// `proctor run` with an InternVL checkpoint folder on real MathVision items: every image goes through the
    /// embedded vision tower, and each stored sample has an output and the rendered prompt with the image block
    /// (random weights: the text itself is meaningless).
    @Test func aMathVisionRunOnTheEmbeddedVisionModelRecordsEverySample() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let model = try TinyInternVL.folder(in: folder)
        let db = folder.appendingPathComponent("vision.sqlite").path
        let outcome = try await ProctorProcess.run([
            "run", "--model", model.path, "--benchmarks", "mathvision:testmini", "--limit", "2", "--max-tokens", "8",
            "--threads", "1", "--data", Fixtures.sharedData.path, "--db", db,
        ], timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        #expect(run.config.model.details["vision"] == "internvl")
        let samples = try database.samples(runID: run.runID)
        #expect(samples.count == 2)
        for sample in samples {
            #expect(sample.error == nil, "\(sample.error ?? "")")
            #expect(sample.output != nil)
            #expect(sample.imageHashes.count == 1)
            let prompt = sample.renderedPrompt ?? ""
            #expect(prompt.hasPrefix("<|im_start|>user\n<img><IMG_CONTEXT>"), "\(prompt.prefix(80))")
            #expect(prompt.contains("</img>\n") && prompt.hasSuffix("<|im_start|>assistant\n"))
            // 4 tokens per 56-pixel tile; a single tile, or a grid plus its thumbnail.
            let blocks = prompt.components(separatedBy: "<IMG_CONTEXT>").count - 1
            #expect(blocks % 4 == 0 && blocks != 8 && blocks >= 4, "\(blocks) image tokens")
            #expect(sample.promptTokens ?? 0 > blocks)
        }
    }
}

@Suite(.enabled(if: TinyInternVL.available, "needs ../shared/engine-golden/tiny-internvl"))
struct EngineVisionGenerateTests {
    /// `proctor generate --chat --image FILE`: the PNG (112×56: a 2×1 grid plus the thumbnail) becomes 12 image
    /// tokens between <img> (297) and </img> (298) at the start of the user turn.
    @Test func generateTakesAnImage() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let model = try TinyInternVL.folder(in: folder)
        let png = TinyInternVL.tokenizer.deletingLastPathComponent().appendingPathComponent("wide-112x56.png")
        let outcome = try await ProctorProcess.run([
            "generate", "--model", model.path, "--chat", "--image", png.path, "--prompt", "Describe it.", "--max-tokens", "4",
            "--threads", "1", "--json",
        ], timeout: 120)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let ids = try #require(object?["prompt_ids"] as? [Int])
        let start = try #require(ids.firstIndex(of: 297))
        #expect(ids[(start + 1)...(start + 12)].allSatisfy { $0 == 299 } && ids[start + 13] == 298)
        #expect(ids.filter { $0 == 299 }.count == 12)

        let refused = try await ProctorProcess.run(["generate", "--model", model.path, "--image", png.path, "--prompt", "x"], timeout: 120)
        #expect(refused.status != 0 && refused.stderr.contains("--image needs --chat"), "\(refused.stderr)")
    }
}
