import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
struct ImageRunTests {
    /// `proctor run` on a MathVision slice sends the real images: the server receives each image's bytes (the echo
    /// answers with their SHA-256), and the stored sample records the same content hash as the file on disk.
    @Test func aMathVisionRunSendsTheRealImages() async throws {
        let server = try await ServeProcess(["--echo"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("v.sqlite").path
        let outcome = try await ProctorProcess.run([
            "run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--benchmarks", "mathvision:testmini",
            "--limit", "3", "--data", Fixtures.sharedData.path, "--db", db,
        ], timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let samples = try database.samples(runID: run.runID)
        #expect(samples.count == 3)
        let items = try database.items(benchmark: "mathvision:testmini")
        for sample in samples {
            let hashes = sample.imageHashes
            #expect(!hashes.isEmpty)
            for hash in hashes {
                #expect(sample.output?.contains("sha256 \(hash)") == true, "the server did not receive image \(hash)")
            }
            let item = try #require(items[sample.key.itemID])
            let names = item.images.map(\.name)
            #expect(!names.isEmpty)
            for (name, hash) in zip(names, hashes) {
                let file = Fixtures.sharedData.appendingPathComponent("mathvision").appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: file.path) {
                    #expect(try SHA256.hex(fileAt: file) == hash)
                }
            }
        }
    }
}
