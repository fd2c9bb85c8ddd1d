import Foundation
import ProctorCore
import ProctorData
import Testing

/// A temporary hub cache: `datasets--OWNER--NAME/{refs/main, snapshots/COMMIT/…}`.
struct FakeHub {
    let root: URL
    static let commit = "0123456789abcdef0123456789abcdef01234567"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    init() throws {
        root = try SharedData.temporaryFolder()
    }

    var location: DataLocation { DataLocation(root: nil, hubCache: root) }

    func snapshot(_ dataset: String) -> URL {
        HubCache(root: root).repositoryFolder(dataset: dataset).appendingPathComponent("snapshots/\(Self.commit)")
    }

    /// Adds a file to a dataset's snapshot and points `refs/main` at it.
    func add(_ dataset: String, path: String, from source: URL) throws {
        let repo = HubCache(root: root).repositoryFolder(dataset: dataset)
        try SharedData.write(Self.commit, to: "refs/main", in: repo)
        try SharedData.write(try Data(contentsOf: source), to: "snapshots/\(Self.commit)/\(path)", in: repo)
    }

    /// Adds every committed fixture file of a dataset (`Fixtures/OWNER--NAME/…`).
    func addFixtures(_ dataset: String) throws {
        let folder = Self.fixtures.appendingPathComponent(dataset.replacingOccurrences(of: "/", with: "--"))
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".parquet") { try add(dataset, path: path, from: folder.appendingPathComponent(path)) }
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct HubCacheTests {
    @Test func cacheFolderFollowsTheEnvironmentLikeHuggingFaceHub() {
        let home = URL(fileURLWithPath: "/home/u")
        #expect(HubCache.defaultRoot(environment: ["HF_HUB_CACHE": "/c", "HF_HOME": "/h"], home: home).path == "/c")
        #expect(HubCache.defaultRoot(environment: ["HF_HOME": "/h"], home: home).path == "/h/hub")
        #expect(HubCache.defaultRoot(environment: ["XDG_CACHE_HOME": "/x"], home: home).path == "/x/huggingface/hub")
        #expect(HubCache.defaultRoot(environment: [:], home: home).path == "/home/u/.cache/huggingface/hub")
    }

    @Test func snapshotsAreFoundThroughRefsOrByCommit() throws {
        let hub = try FakeHub()
        defer { hub.remove() }
        let cache = HubCache(root: hub.root)
        #expect(cache.snapshot(dataset: "MMMU/MMMU") == nil)
        try SharedData.write("x", to: "snapshots/\(FakeHub.commit)/README.md", in: cache.repositoryFolder(dataset: "MMMU/MMMU"))
        // No refs: the only snapshot is used for `main`, and a commit is found directly.
        #expect(cache.snapshot(dataset: "MMMU/MMMU")?.lastPathComponent == FakeHub.commit)
        #expect(cache.snapshot(dataset: "MMMU/MMMU", revision: FakeHub.commit)?.lastPathComponent == FakeHub.commit)
        #expect(cache.snapshot(dataset: "MMMU/MMMU", revision: "v2") == nil)
        try SharedData.write("fedcba", to: "refs/main", in: cache.repositoryFolder(dataset: "MMMU/MMMU"))
        #expect(cache.snapshot(dataset: "MMMU/MMMU") == nil, "refs/main names a snapshot that is not there")
        #expect(cache.repositoryFolder(dataset: "MMMU/MMMU").lastPathComponent == "datasets--MMMU--MMMU")
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
    func textBenchmarksLoadFromTheHubLayout() throws {
        let hub = try FakeHub()
        defer { hub.remove() }
        try hub.add("HuggingFaceH4/MATH-500", path: "test.jsonl", from: SharedData.file("math500/test.jsonl"))
        try hub.add("math-ai/aime25", path: "test.jsonl", from: SharedData.file("aime2025/test.jsonl"))
        try hub.addFixtures("HuggingFaceH4/aime_2024")
        let math = try MATH500Adapter().load(split: "test", from: hub.location)
        #expect(math.count == 500)
        #expect(math.first?.id == "test/precalculus/807.json")
        #expect(try AIME2025Adapter().load(split: "test", from: hub.location).count == 30)
        let aime24 = try AIME2024Adapter().load(split: "test", from: hub.location)
        #expect(aime24.map(\.id) == ["60", "61"])
        #expect(aime24.map(\.answer) == ["2", "005"])
        #expect(aime24.map { $0.categories["exam"] } == ["AIME 2024 I", "AIME 2024 II"])
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
    func mmmuLoadsFromTheHubLayout() throws {
        let hub = try FakeHub()
        defer { hub.remove() }
        let path = "Finance/validation-00000-of-00001.parquet"
        try hub.add("MMMU/MMMU", path: path, from: SharedData.file("mmmu/\(path)"))
        let availability = MMMUAdapter().availability(split: "validation", from: hub.location)
        #expect(availability.items == 30)
        #expect(availability.source == "hub MMMU/MMMU (\(hub.snapshot("MMMU/MMMU").path))")
        let loaded = try MMMUAdapter().load(split: "validation", from: hub.location, allowPartial: true)
        #expect(loaded.items.count == 30)
        #expect(loaded.items.allSatisfy { $0.id.hasPrefix("validation_Finance_") && !$0.images.isEmpty })
        // No answer key in the hub layout: each absent subject is one problem.
        #expect(loaded.problems.count == 29)
    }

    @Test func multimodalBenchmarksLoadFromHubParquet() throws {
        let hub = try FakeHub()
        defer { hub.remove() }
        for dataset in ["MathLLMs/MathVision", "AI4Math/MathVista", "Hothan/OlympiadBench", "MMMU/MMMU_Pro"] {
            try hub.addFixtures(dataset)
        }
        let vision = try MathVisionAdapter().load(split: "testmini", from: hub.location)
        #expect(vision.map(\.id) == ["1", "2"])
        #expect(vision[0].images.first?.mediaType == "image/png")
        #expect(vision[0].messages[0].text.contains("(B) square\n"))
        #expect(vision[1].fields["solution"] == "Count them.")
        #expect(MathVisionAdapter().availability(split: "testmini", from: hub.location).images == 2)

        let vista = try MathVistaAdapter().load(split: "testmini", from: hub.location)
        #expect(vista.map(\.answer) == ["1.5", "B"])
        #expect(vista[1].messages[0].text.hasSuffix("Choices:\n(A) left\n(B) right"))
        #expect(vista[0].fields["precision"]?.doubleValue == 1)
        #expect(vista[0].fields["metadata"]?["task"] == "geometry problem solving")
        #expect(vista[0].fields["decoded_image"] == nil)

        let olympiad = try #require(try OlympiadBenchAdapter().load(split: "OE_MM_maths_en_COMP", from: hub.location).first)
        #expect(olympiad.id == "2231")
        #expect(olympiad.images.map(\.name) == ["image_1"])
        #expect(olympiad.messages[0].parts.count == 3)
        #expect(olympiad.fields["image_1"] == nil)

        let standard = try #require(try MMMUProAdapter().load(split: "standard10", from: hub.location).first)
        #expect(standard.images.map(\.name) == ["image_1", "image_2"])
        #expect(standard.messages[0].text.hasPrefix("Who painted <image>?\nA. Monet\nB. Manet\nC. <image>\nAnswer the preceding"))
        let screenshot = try #require(try MMMUProAdapter(mode: .direct).load(split: "vision", from: hub.location).first)
        #expect(screenshot.images.count == 1)
        #expect(screenshot.messages[0].text == MMMUProAdapter.instruction(mode: .direct, vision: true))
        #expect(screenshot.choices == ["Monet", "Manet", "Degas"])
    }
}
