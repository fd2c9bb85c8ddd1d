import Foundation
import ProctorBenchmarks
import PublishedScores
import Testing

/// The committed registry of published figures: it loads, it names Proctor's benchmarks correctly, and lookups
/// by model name and by `--reproduce` id behave as the CLI promises.
struct PublishedRegistryTests {
    let registry = PublishedRegistry.shipped

    @Test func everyFileLoadsAndEverySourceSaysWhereItIsFrom() throws {
        #expect(registry.sources.count >= 10, "the shipped registry lost sources: \(registry.sources.map(\.id))")
        for source in registry.sources {
            #expect(source.url.hasPrefix("https://"), "\(source.id) has no address")
            #expect(source.date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(source.id) date \(source.date)")
            #expect(!source.protocolWording.isEmpty, "\(source.id) says nothing about its protocol")
            #expect(!source.models.isEmpty && source.models.allSatisfy { !$0.figures.isEmpty }, "\(source.id) has a model without figures")
        }
    }

    /// A figure naming a benchmark Proctor has must name a split it has too, or `--reproduce` would fail later.
    @Test func figuresOfProctorBenchmarksResolve() throws {
        let known = Set(BenchmarkRegistry.definitions.map(\.name))
        var checked = 0
        for entry in registry.entries {
            let name = String(entry.figure.benchmark.split(separator: ":").first ?? "")
            guard known.contains(name) else { continue }
            let resolved = try BenchmarkRegistry.resolve(entry.figure.benchmark)
            if let split = entry.stated.split, entry.figure.benchmark.contains(":") {
                #expect(resolved.name.split == split, "\(entry.reproductionID): protocol split \(split) but benchmark \(resolved.name)")
            }
            checked += 1
        }
        #expect(checked >= 20)
    }

    /// The seed table: Skywork-R1V2-38B's card gives the ten columns Proctor's users reproduce.
    @Test func theSeedModelsRowIsComplete() throws {
        let figures = registry.entries(forModelNamed: ["Skywork/Skywork-R1V2-38B"])
        let byBenchmark = Dictionary(figures.map { ($0.figure.benchmark, $0.figure.value) }, uniquingKeysWith: { a, _ in a })
        #expect(byBenchmark["aime24"] == 78.9)
        #expect(byBenchmark["mmmu:validation"] == 73.6)
        #expect(byBenchmark["mathvista:testmini"] == 74.0)
        #expect(Set(byBenchmark.keys).isSuperset(of: [
            "aime24", "livecodebench", "livebench-avg", "ifeval", "bfcl-overall", "mmmu:validation", "mathvista:testmini", "mathvision:testmini",
            "olympiadbench", "mmmu_pro",
        ]))
        #expect(registry.entries(forModelNamed: ["Skywork-R1V-38B"]).count >= 8, "the predecessor's row")
    }

    @Test(arguments: [
        ("SmolLM2-135M-Instruct.Q4_1.gguf", "smollm2-135m-instruct"), ("skywork/skywork-r1v2-38b", "skywork-r1v2-38b"),
        ("Skywork-R1V2-38B", "skywork-r1v2-38b"), ("gpt-4o-2024-05-13", "gpt-4o"), ("output_bard", "bard"),
    ])
    func modelNamesMatchTheirEntries(name: String, id: String) {
        let ids = Set(registry.entries(forModelNamed: [name]).map(\.model.id))
        #expect(ids == [id], "\(name) matched \(ids)")
    }

    @Test func unrelatedNamesMatchNothing() {
        #expect(registry.entries(forModelNamed: ["my-checkpoint-7", "smollm2-default"]).isEmpty)
    }

    @Test func reproductionIDsResolveWithOrWithoutTheSplit() throws {
        #expect(try registry.entry(reproducing: "skywork-r1v2-38b:mathvista").figure.benchmark == "mathvista:testmini")
        #expect(try registry.entry(reproducing: "skywork-r1v2-38b:mathvista:testmini").figure.value == 74.0)
        let ifeval = try registry.entry(reproducing: "smollm2-135m-instruct:ifeval")
        #expect(ifeval.effective.temperature == 0 && ifeval.effective.maxTokens == 1280, "lighteval's IFEval defaults")
        #expect(ifeval.stated.temperature == nil, "the card itself states no temperature")
        #expect(throws: PublishedScoresError.self) { try registry.entry(reproducing: "no-such-model:aime24") }
        #expect(throws: PublishedScoresError.self) { try registry.entry(reproducing: "skywork-r1v2-38b:hellaswag") }
        #expect(throws: PublishedScoresError.self) { try registry.entry(reproducing: "skywork-r1v2-38b") }
    }

    @Test func aBrokenFileIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("published-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"id": "x", "title": "t"}"#.utf8).write(to: folder.appendingPathComponent("broken.json"))
        do {
            _ = try PublishedRegistry(folder: folder)
            Issue.record("a file without its fields loaded")
        } catch let error as PublishedScoresError {
            #expect(error.description.contains("broken.json"))
        }
    }
}
