import Foundation
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor generate` on the tiny Hugging Face checkpoint folder committed with the engine tests.
struct GenerateCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceEngineTests/Fixtures")

    @Test("generate --model FOLDER --chat renders the folder's template and decodes with its weights")
    func huggingFaceFolder() async throws {
        let folder = Self.fixtures.appendingPathComponent("tiny-qwen2").path
        let result = try await ProctorProcess.run(["generate", "--model", folder, "--chat", "--prompt", "What is 12 + 35?", "--max-tokens", "8", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("golden-info.json"))) as? [String: Any])
        let qwen = try #require((info["models"] as? [[String: Any]])?.first { $0["folder"] as? String == "tiny-qwen2" })
        #expect(output["prompt_ids"] as? [Int] == qwen["chat_ids"] as? [Int])
        #expect(((output["token_ids"] as? [Int]) ?? []).count <= 8)
        #expect(output["model"] as? String == folder)
    }

    @Test("PROCTOR_KERNELS=scalar runs the scalar kernels; an unknown value is refused naming the variable and the choices")
    func forcedKernels() async throws {
        let folder = Self.fixtures.appendingPathComponent("tiny-qwen2").path
        let arguments = ["generate", "--model", folder, "--chat", "--prompt", "What is 12 + 35?", "--max-tokens", "4", "--json"]
        let scalar = try await ProctorProcess.run(arguments, environment: ["PROCTOR_KERNELS": "scalar"])
        #expect(scalar.status == 0, "\(scalar.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(scalar.stdout.utf8)) as? [String: Any])
        #expect(output["kernels"] as? String == "scalar")
        let bad = try await ProctorProcess.run(arguments, environment: ["PROCTOR_KERNELS": "avx9"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("PROCTOR_KERNELS=avx9") && bad.stderr.contains("avx512, avx2, scalar"), "\(bad.stderr)")
    }

    @Test("a folder without config.json is refused with a message naming it")
    func folderWithoutConfig() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ProctorProcess.run(["generate", "--model", folder.path, "--prompt", "hi"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(folder.path) && result.stderr.contains("config.json"), "\(result.stderr)")
    }

    @Test("run --model FOLDER evaluates a checkpoint folder; --folder-weights q8_0 is a run of its own",
          .enabled(if: Fixtures.hasSharedData, "needs ../shared/data (MATH-500)"))
    func runOnAFolderWithEitherWeights() async throws {
        let folder = Self.fixtures.appendingPathComponent("tiny-qwen2").path
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("folder.sqlite").path
        let common = ["run", "--model", folder, "--benchmarks", "math500", "--limit", "2", "--max-tokens", "6",
                      "--data", Fixtures.sharedData.path, "--db", db]
        for weights in ["f32", "q8_0"] {
            let outcome = try await ProctorProcess.run(common + ["--folder-weights", weights], timeout: 300)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let bad = try await ProctorProcess.run(common + ["--folder-weights", "q4"], timeout: 60)
        #expect(bad.status != 0 && bad.stderr.contains("--folder-weights"))
        let runs = try ResultsDatabase(path: db).runs()
        #expect(Set(runs.map(\.config.model.kind)) == ["engine", "engine-q8_0"])
        for run in runs {
            let samples = try ResultsDatabase(path: db).samples(runID: run.runID)
            #expect(samples.count == 2 && samples.allSatisfy { $0.error == nil && $0.output != nil })
        }
    }
}
