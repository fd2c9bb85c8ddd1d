import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite struct HubDownloaderTests {
    static let commit = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"

    /// A server holding a MATH-500-like dataset with one small file outside LFS and one LFS file.
    func server(token: String? = nil, cut: [String: Int] = [:], corrupt: Bool = false) throws -> (HubTestServer, Data, Data) {
        let jsonl = Data((0..<50).map { "{\"problem\": \"p\($0)\", \"answer\": \"\($0)\"}\n" }.joined().utf8)
        let parquet = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let listing = """
            {"sha": "\(Self.commit)", "siblings": [
              {"rfilename": "README.md", "blobId": "aaaa", "size": 5},
              {"rfilename": "test.jsonl", "blobId": "1111222233334444", "size": \(jsonl.count)},
              {"rfilename": "data/train-00000-of-00001.parquet", "blobId": "5555", "size": \(parquet.count),
               "lfs": {"sha256": "\(corrupt ? String(repeating: "0", count: 64) : SHA256.hex(parquet))", "size": \(parquet.count)}}
            ]}
            """
        let base = "/datasets/Owner/Set/resolve/\(Self.commit)/"
        let server = try HubTestServer(.init(
            bodies: [
                "/api/datasets/Owner/Set/revision/main": Data(listing.utf8),
                base + "test.jsonl": jsonl, base + "data/train-00000-of-00001.parquet": parquet,
            ],
            token: token, cutFirstTransfer: cut))
        return (server, jsonl, parquet)
    }

    let plan = DataSources.Hub(dataset: "Owner/Set", wants: { $0 != "README.md" })

    @Test func downloadsIntoTheHubCacheLayout() async throws {
        let (server, jsonl, parquet) = try server()
        defer { server.stop() }
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let downloader = HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache))
        let snapshot = try await downloader.fetch(plan)

        let repo = cache.appendingPathComponent("datasets--Owner--Set")
        #expect(snapshot.standardizedFileURL.path == repo.appendingPathComponent("snapshots/\(Self.commit)").standardizedFileURL.path)
        #expect(try String(contentsOf: repo.appendingPathComponent("refs/main"), encoding: .utf8) == Self.commit)
        #expect(try Data(contentsOf: snapshot.appendingPathComponent("test.jsonl")) == jsonl)
        #expect(try Data(contentsOf: snapshot.appendingPathComponent("data/train-00000-of-00001.parquet")) == parquet)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: snapshot.appendingPathComponent("data/train-00000-of-00001.parquet").path)
            == "../../../blobs/\(SHA256.hex(parquet))")
        #expect(!FileManager.default.fileExists(atPath: snapshot.appendingPathComponent("README.md").path))
        #expect(HubCache(root: cache).snapshot(dataset: "Owner/Set")?.standardizedFileURL.path == snapshot.standardizedFileURL.path)

        // A second fetch lists again but downloads nothing.
        let before = server.requests.count
        try await downloader.fetch(plan)
        #expect(server.requests.count == before + 1)
        #expect(server.requests.last?.path == "/api/datasets/Owner/Set/revision/main")
    }

    @Test func anInterruptedDownloadResumesWithARange() async throws {
        let path = "/datasets/Owner/Set/resolve/\(Self.commit)/data/train-00000-of-00001.parquet"
        let (server, _, parquet) = try server(cut: [path: 7_000])
        defer { server.stop() }
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let downloader = HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache))
        let error = await #expect(throws: ProctorError.self) { try await downloader.fetch(plan) }
        #expect(error?.message.contains("run `proctor fetch` again") == true)
        let partial = cache.appendingPathComponent("datasets--Owner--Set/blobs/\(SHA256.hex(parquet)).incomplete")
        #expect((try? Data(contentsOf: partial).count) == 7_000)

        let snapshot = try await downloader.fetch(plan)
        #expect(try Data(contentsOf: snapshot.appendingPathComponent("data/train-00000-of-00001.parquet")) == parquet)
        #expect(server.requests.last { $0.path == path }?.headers["range"] == "bytes=7000-")
        #expect(!FileManager.default.fileExists(atPath: partial.path))
    }

    @Test func gatedDatasetsNeedTheToken() async throws {
        let (server, _, _) = try server(token: "hf_secret")
        defer { server.stop() }
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let refused = HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache))
        let error = await #expect(throws: ProctorError.self) { try await refused.fetch(plan) }
        #expect(error?.message.contains("HF_TOKEN") == true)
        let allowed = HubDownloader(endpoint: server.baseURL, token: "hf_secret", cache: HubCache(root: cache))
        try await allowed.fetch(plan)
        #expect(server.requests.last?.headers["authorization"] == "Bearer hf_secret")
    }

    @Test func aChecksumMismatchIsAnErrorAndLeavesNothingBehind() async throws {
        let (server, _, _) = try server(corrupt: true)
        defer { server.stop() }
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let downloader = HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache))
        let error = await #expect(throws: ProctorError.self) { try await downloader.fetch(plan) }
        #expect(error?.message.contains("SHA-256") == true)
        let blobs = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("datasets--Owner--Set/blobs").path)
        #expect(blobs == ["1111222233334444"])
    }

    @Test func anUnknownRevisionIsNotFound() async throws {
        let (server, _, _) = try server()
        defer { server.stop() }
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let downloader = HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache))
        let error = await #expect(throws: ProctorError.self) { try await downloader.fetch(plan, revision: "v9") }
        #expect(error?.code == .notFound)
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
    func fetchedDataLoadsWithoutNetwork() async throws {
        let jsonl = try Data(contentsOf: SharedData.file("math500/test.jsonl"))
        let listing = "{\"sha\": \"\(Self.commit)\", \"siblings\": [{\"rfilename\": \"test.jsonl\", \"blobId\": \"b1\", \"size\": \(jsonl.count)}]}"
        let server = try HubTestServer(.init(bodies: [
            "/api/datasets/HuggingFaceH4/MATH-500/revision/main": Data(listing.utf8),
            "/datasets/HuggingFaceH4/MATH-500/resolve/\(Self.commit)/test.jsonl": jsonl,
        ]))
        let cache = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let plan = DataSources.Hub(dataset: "HuggingFaceH4/MATH-500", wants: { $0 == "test.jsonl" })
        try await HubDownloader(endpoint: server.baseURL, token: nil, cache: HubCache(root: cache)).fetch(plan)
        server.stop()
        let items = try MATH500Adapter().load(split: "test", from: DataLocation(root: nil, hubCache: cache))
        #expect(items.count == 500)
    }

    @Test func environmentNamesEndpointAndToken() {
        let cache = HubCache(root: URL(fileURLWithPath: "/tmp/x"))
        let downloader = HubDownloader.fromEnvironment(["HF_ENDPOINT": "http://mirror:8080", "HF_TOKEN": "t"], cache: cache)
        #expect(downloader.endpoint.absoluteString == "http://mirror:8080")
        #expect(downloader.token == "t")
        let nowhere = URL(fileURLWithPath: "/nonexistent-home")
        #expect(HubDownloader.fromEnvironment([:], cache: cache, home: nowhere).endpoint.absoluteString == "https://huggingface.co")
        #expect(HubDownloader.fromEnvironment([:], cache: cache, home: nowhere).token == nil)
    }

    @Test func theLoginTokenFileIsUsedWithoutHFToken() throws {
        let home = try SharedData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        try SharedData.write("hf_from_file\n", to: ".cache/huggingface/token", in: home)
        let cache = HubCache(root: home)
        #expect(HubDownloader.fromEnvironment([:], cache: cache, home: home).token == "hf_from_file")
        #expect(HubDownloader.fromEnvironment(["HF_TOKEN": "hf_env"], cache: cache, home: home).token == "hf_env")
        try SharedData.write("hf_home", to: "hf/token", in: home)
        #expect(HubDownloader.fromEnvironment(["HF_HOME": home.appendingPathComponent("hf").path], cache: cache, home: home).token == "hf_home")
    }
}
